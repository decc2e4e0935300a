# Checks native consumers of generator expressions (set, frozenset, sum, min, max, list, tuple, join, sorted, unpacking): results, the order of user __hash__/__eq__ calls against the generator's own code, errors midway, resuming partly consumed generators.
import sys
print(set(i % 3 for i in range(10)))
print(frozenset(str(i) for i in range(5)) == frozenset("01234"))
print(set(x for x in [1, 1.0, True, None, 2.5, -1, 2**70, (1, 2)]))
class H:
    def __init__(self, v): self.v = v
    def __hash__(self): print("hash", self.v); return hash(self.v)
    def __eq__(self, o): print("eq", self.v); return isinstance(o, H) and o.v == self.v
    def __repr__(self): return "H(%r)" % self.v
def gen_items():
    for x in [1, H(2), 3, H(2), 4, 1]:
        pass
print(len(set((print("yield", x) or x) for x in [1, H(2), 3, H(2), 4, 1, "s", 2.0])))
try:
    set(x for x in [1, 2, [3], 4])
except TypeError as e:
    print("TypeError", e)
print(sum(i for i in range(100)))
print(sum(i for i in [2**62, 2**62, 2**62, -5]))
print(sum((i for i in [1, 2.5, 3]), 10))
print(sum(x for x in [True, False, True, 3]))
print(sum((x for x in [[1], [2]]), []))
print(sum(x for x in []))
print(max(x for x in [3, 1, 4, 1, 5, 9, 2, 6]), min(x for x in [3, 1, 4, 1, 5, 9, 2, 6]))
print(max(x for x in [3, 1, 4.5, 1, 5, 9, 2, 6.0]), min(x for x in [3, 1, 0.5, 1, -5, 9, 2, -5.0]))
print(max((x for x in []), default="d"))
try:
    max(x for x in [])
except ValueError as e:
    print(e)
print(max((x for x in [1, 2, 3]), key=lambda v: -v))
print(max(x for x in [2, 2.0]), min(x for x in [2.0, 2]))
print(max(x for x in [1, True, 2 ** 80, 3]))
try:
    print(max(x for x in [1, "a"]))
except TypeError as e:
    print(e)
print(list(x * 2 for x in range(5)), tuple(x for x in "abc"))
print(list(x for x in list(y for y in range(3))))
print("-".join(str(i) for i in range(4)))
print(sorted(x for x in [3, 1, 2]))
g = (next(g) for i in range(3))
try:
    list(g)
except ValueError as e:
    print("ValueError", e)
def f():
    return list(sys._getframe(0).f_back.f_code.co_name for i in range(2))
print(f())
try:
    list(1 // (2 - i) for i in range(5))
except ZeroDivisionError as e:
    print("zde", e)
def stop():
    raise StopIteration
try:
    list(stop() for i in range(3))
except RuntimeError as e:
    print("RT", e, type(e.__cause__))
it = iter([1, 2, 3, 4])
g = (x for x in it)
print(next(g), list(g), list(g))
g = (x for x in range(5))
print(next(g), sum(g), sum(g))
g = (x for x in range(5))
print(next(g), set(g), set(g))
g = (x for x in range(5))
print(next(g), max(g), max(g, default=None))
print(list(x for x in range(3) if x), set(a + b for a in range(3) for b in range(3)))
a, *b = (x for x in range(4)); print(a, b)
print(*(x for x in range(3)))
print([*(x for x in range(3))])
