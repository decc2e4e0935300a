# Generator functions: yield as statement and expression, send, return value, generators consumed by for, unpacking and built-ins, closures, lambdas.
def gen(n):
    i = 0
    while i < n:
        x = yield i
        if x is not None:
            print("got", x)
        i += 1
    return "done"

print(list(gen(3)))
g = gen(3)
print(next(g), g.send("a") if hasattr(g, "send") else None)
for v in gen(2):
    print("v", v)
print(sum(gen(5)), max(gen(4)), sorted(gen(3), reverse=True))
a, b = gen(2)
print(a, b)
def empty():
    return
    yield
print(list(empty()))
def inner():
    def f(k):
        yield k
        yield k * 2
    return f
print(list(inner()(5)))
lam = lambda: (yield 7)
print(list(lam()))
def cell(x):
    def get():
        return x
    yield get()
    x = 10
    yield get()
print(list(cell(1)), list(cell(x=2)))
it = gen(2)
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print("stop", e.value, e.args)
