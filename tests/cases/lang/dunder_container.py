# Checks container dunders: __len__, __getitem__ (ints and slices), __setitem__, __contains__, __iter__/__next__ with StopIteration, iteration fallbacks.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell %r out of range" % (key,))
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __contains__(self, value):
        print("  __contains__", value)
        return value in self.cells.values()
g = Grid(3, 2)
g[0, 0] = "#"
g[(2, 1)] = "@"
print(len(g), g[0, 0], g[1, 1], "@" in g, "%" in g, "%" not in g)
for y in range(2):
    print("".join(g[x, y] for x in range(3)))
try:
    g[5, 5]
except IndexError as e:
    print("IndexError", e)
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10
s = Seq(4)
print(list(s), 20 in s, 25 in s, len(s), [v for v in s], sum(s), sorted(s, reverse=True))
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "exhausted"))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __iter__(self):
        return iter(self.items)
    def __len__(self):
        return len(self.items)
b = Bag(3, 1, 2)
print(list(b), max(b), 2 in b, tuple(b), dict(zip(b, "abc")), list(enumerate(b)))
a, b2, c = Bag(7, 8, 9)
print(a, b2, c)
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __getitem__(self, idx):
        if isinstance(idx, tuple):
            r, c = idx
            return self.rows[r][c]
        return self.rows[idx]
m = Matrix([[1, 2], [3, 4]])
print(m[1], m[0, 1], m[1][0], m[-1, -1])
class SliceAware:
    def __getitem__(self, k):
        return "got %r" % (k,)
sa = SliceAware()
print(sa[1], sa["key"], sa[(1, 2)])
try:
    len(Countdown(1))
except TypeError as e:
    print("TypeError", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
try:
    Countdown(1)[0]
except TypeError as e:
    print("TypeError", e)
