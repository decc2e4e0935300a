# Checks calls through a bound method object and calls of built-ins from bytecode (the in-place fast paths) against CPython: results, argument errors, recursion and nested built-in calls.
class A:
    def __init__(self, k):
        self.k = k

    def m(self, x, y=10):
        return self.k + x + y

    def rec(self, n):
        return 0 if n == 0 else 1 + self.rec(n - 1)


a = A(1)
m = a.m
print(m(2), m(2, 3), m(y=5, x=1))
bm = [a.m for _ in range(3)]
print([f(i) for i, f in enumerate(bm)])
try:
    m(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    m()
except TypeError as e:
    print("TypeError:", e)

# A bound method of a built-in, held in a variable.
lst = []
app = lst.append
for i in range(5):
    app(i * i)
print(lst, len(lst), max(lst), min(lst, key=lambda v: -v))
try:
    app()
except TypeError as e:
    print("TypeError:", e)
try:
    len(1)
except TypeError as e:
    print("TypeError:", e)
try:
    len()
except TypeError as e:
    print("TypeError:", e)

# Built-ins calling back into krait code, nested.
print(sorted([3, 1, 2], key=lambda v: sorted([v, -v])[0]))
print(list(map(lambda s: s.upper(), ["a", "b"])))
print(sum(map(abs, [-1, -2, 3])))

# Recursion through bound methods reaches the limit as in CPython.
r = a.rec
print(r(50))
try:
    r(100000)
except RecursionError as e:
    print("RecursionError:", e)
