# Checks list/dict/set comprehensions and generator expressions: filters, nesting, own scope, closures over loop variables, laziness.
print([x * x for x in range(10)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)], [[i * j for j in range(4)] for i in range(3)])
print({k: len(k) for k in ["a", "bb", "ccc"]}, {v: k for k, v in enumerate("xyz")})
print(sorted({x % 4 for x in range(20)}), {n for n in [1, 1, 2]})
print(sum(x for x in range(101)), max(len(w) for w in "a bb ccc".split()), list(c.upper() for c in "abc"))
x = "outer"
squares = [x for x in range(3)]
print(x, squares)
g = (n * 2 for n in range(5))
print(next(g), next(g), list(g), list(g))
def lazy(v):
    print("produce", v)
    return v
gen = (lazy(i) for i in range(3))
print("generator made")
for item in gen:
    print("got", item)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix], [[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2], {i: [j for j in range(i)] for i in range(4)})
words = ["apple", "bob", "kayak", "level", "xyz"]
print([w for w in words if w == w[::-1]], {w[0]: w for w in words}, [len(w) if len(w) > 3 else -1 for w in words])
n = 10
print([n * i for i in range(3)], [[n + a for a in range(2)] for n in range(2)], n)
fns = [lambda: i for i in range(3)]
print([f() for f in fns])
print(any(v > 8 for v in range(10)), all(v < 5 for v in range(10)), sorted((v for v in [3, 1, 2]), reverse=True))
print(dict((k, k * k) for k in range(4)), set(c for c in "hello" if c != "l") == {"h", "e", "o"}, tuple(i for i in "ab"))
pairs = [(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c]
print(pairs)
try:
    print([1 / v for v in [1, 0]])
except ZeroDivisionError as e:
    print("ZeroDivisionError in comprehension:", e)
