# Checks tuples: packing, single-element tuples, indexing, count/index, comparison, hashing as dict keys, nesting and immutability errors.
t = 1, 2, 3
single = (5,)
empty = ()
print(t, single, empty, len(t), len(single), len(empty), type(single).__name__, (5))
print(t + single, t * 2, t[1], t[-1], t[1:], t.count(2), t.index(3), 2 in t, tuple("ab"), tuple([1, [2]]))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested, len(nested), sum(x for x, _ in [nested[0], (10, 0)]))
print((1, 2) < (1, 2, 3), (1, 2) == (1, 2), (2,) > (1, 100), max([(1, "b"), (1, "a")]), sorted([(3, 1), (1, 3), (2, 2)]))
d = {(0, 0): "origin", (1, 0): "east"}
d[(0, 1)] = "north"
print(d[(1, 0)], d.get((5, 5), "?"), sorted(d), (0, 0) in d)
print(hash((1, 2)) == hash((1, 2)), hash((1, 2)) == hash((2, 1)))
try:
    t[0] = 10
except TypeError as e:
    print("TypeError", e)
try:
    print(t.index(99))
except ValueError as e:
    print("ValueError", e)
try:
    hash(([1], 2))
except TypeError as e:
    print("TypeError", e)
a, b = 1, 2
a, b = b, a
print(a, b)
point = (3, 4)
x, y = point
print(x * x + y * y, list(zip(*[(1, "a"), (2, "b")])))
def stats(values):
    return min(values), max(values), sum(values) / len(values)
lo, hi, avg = stats([4, 8, 15, 16, 23, 42])
print(lo, hi, avg, stats([1]))
print(tuple(range(3)), tuple(), tuple({1: 2}), tuple(x * x for x in range(4)))
