# Checks itertools.tee across its 57-value blocks: lagging and leading iterators, copies of a tee (the first being the tee itself), and a long run over count() that must not keep what both iterators passed.
import itertools
a, b, c = itertools.tee(range(200), 3)
print(sum(a), next(b), list(itertools.islice(c, 56, 60)))
print(list(itertools.islice(b, 55, 60)), list(c)[-3:], list(b)[:3])
x, y = itertools.tee(itertools.count())
for _ in range(500000):
    next(x)
    next(y)
print(next(x), next(y))
d, e = itertools.tee(iter([1, 2, 3]))
f, g = itertools.tee(d)
print(f is d, next(f), list(g), list(e), list(d))
