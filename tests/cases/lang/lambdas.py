# Checks lambda expressions: defaults, varargs, nesting, immediate calls, as sort keys and in data structures.
sq = lambda x: x * x
add = lambda a, b=10: a + b
va = lambda *a, **k: (a, sorted(k))
print(sq(7), add(1), add(1, 2), va(1, 2, z=3), (lambda: "called")())
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3), curry("x")("y")("z"))
people = [("ann", 31), ("bob", 27), ("cy", 31), ("di", 22)]
print(sorted(people, key=lambda p: p[1]), sorted(people, key=lambda p: (-p[1], p[0])))
print(max(people, key=lambda p: len(p[0])), min(people, key=lambda p: p[1]))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
for sym in ops:
    print(sym, ops[sym](12, 4))
print(list(map(lambda x: x % 3, range(7))), list(filter(lambda s: s.startswith("b"), ["ab", "ba", "bb"])))
fns = [lambda x, n=n: x ** n for n in range(4)]
print([f(2) for f in fns])
print((lambda *args: sum(args))(1, 2, 3), (lambda **kw: kw)(a=1), (lambda a, *, b: a - b)(5, b=2))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
print(sq.__name__, type(sq).__name__, callable(sq))
