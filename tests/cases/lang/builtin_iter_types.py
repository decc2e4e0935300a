# Checks that map, filter, zip, reversed, enumerate and functools.partial are types: type(), isinstance, reprs, the iterator types reversed() makes.
import functools
for T in (map, filter, zip, reversed, enumerate, functools.partial, range):
    print(T, type(T), T.__name__, T.__module__)
m = map(abs, [1]); f = filter(None, [1]); z = zip([1]); r = reversed([1]); e = enumerate([1]); p = functools.partial(abs, -1)
for o in (m, f, z, r, e, p, reversed((1,)), reversed("ab"), reversed(range(3)), reversed({1: 2})):
    print(type(o), type(o).__name__, repr(o).split(" at ")[0])
print(isinstance(m, map), isinstance(r, reversed), isinstance(reversed((1,)), reversed), type(m) is map, type(e) is enumerate, isinstance(p, functools.partial))
print(type(iter(m)) is map, iter(m) is m, callable(map), issubclass(map, object))
print(type(zip()).__name__, list(zip()))
l = [1, 2, 3]
r = reversed(l)
print(next(r))
l.pop()
print(list(r))
class S:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        print("get", i)
        if i == 1:
            raise IndexError
        return i * 10
r = reversed(S())
print(type(r).__name__, next(r))
print(list(r))
class N:
    __reversed__ = None
    def __getitem__(self, i):
        return i
try:
    reversed(N())
except TypeError as ex:
    print(ex)
d = {1: 1, 2: 2}
r = reversed(d)
print(next(r))
d[3] = 3
try:
    next(r)
except RuntimeError as ex:
    print(ex)
