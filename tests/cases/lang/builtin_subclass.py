# Checks subclasses of the built-in types (list, dict, set, str, int, float, tuple): their methods, operators, conversions, hashing and dict keys work on the value each instance is; overrides and super() calls into the type's methods; __missing__; __new__ of the immutable types.
class L(list):
    def total(self):
        return sum(self)
l = L([1, 2, 3])
l.append(4)
print(l, len(l), l.total(), l[0], l[-1], 3 in l, type(l).__name__, isinstance(l, list))
for x in l:
    print(x, end=" ")
print()
class S(str):
    def shout(self):
        return self.upper() + "!"
s = S("hey")
print(s, s.shout(), len(s), s + "x", s == "hey", repr(s), s[1:], f"{s:>5}")
class D(dict):
    def __missing__(self, k):
        return k * 2
d = D(a=1)
d["b"] = 2
print(d, d["a"], len(d), sorted(d), d.get("a"), "a" in d)
class I(int):
    pass
i = I(5)
print(i + 1, i * 2, i == 5, hash(i) == hash(5), int(i), str(i))
class S(str):
    pass
d = {"a": 1, S("b"): 2}
print(d[S("a")], d["b"], S("b") in d, {S("x"), "x"}, sorted([S("b"), "a"]), "-".join([S("p"), "q"]))
class L(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag
l = L([3, 1, 2], "t")
l += [9]
l.sort()
print(l, l.tag, type(l).__name__, l * 2, l + [0], type(l + [0]).__name__, sorted(l), max(l), list(l), tuple(l))
try:
    hash(l)
except TypeError as e:
    print(e)
class Counter(dict):
    def __missing__(self, k):
        return 0
    def add(self, k):
        self[k] += 1
c = Counter()
for w in "abracadabra":
    c.add(w)
print(c, c["z"], len(c), list(c.items())[:2], c.get("a"), isinstance(c, dict))
class D(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v.upper())
    def __getitem__(self, k):
        return super().__getitem__(k) + "!"
d = D()
d["x"] = "val"
print(d["x"], d, dict(d), d.get("x"))
class T(tuple):
    def first(self):
        return self[0]
t = T([1, 2])
print(t, t.first(), t + (3,), len(t), t == (1, 2), hash(t) == hash((1, 2)), type(t).__name__)
class F(float):
    def half(self):
        return self / 2
f = F("2.5")
print(f, f.half(), f + 1, -f, round(f), f"{f:.2f}", int(f), f > 2)
class I(int):
    def __repr__(self):
        return "I(%d)" % self
i = I(7)
print(i, repr(i), str(i), f"{i}", f"{i:03d}", i + i, type(i + i).__name__, -i, [0, 1, 2, 3, 4, 5, 6, 7][i], bool(I(0)))
class Z(set):
    pass
z = Z([1, 2])
z.add(3)
print(sorted(z), len(z), 2 in z, z | {9} == {1, 2, 3, 9}, type(z).__name__)
class Clean(str):
    def __new__(cls, v):
        return super().__new__(cls, v.strip())
c = Clean("  padded ")
print(repr(c), len(c), type(c).__name__, c.startswith("pad"))
class Money(float):
    def __new__(cls, v):
        return float.__new__(cls, round(v, 2))
    def __str__(self):
        return "$%.2f" % self
m = Money(3.14159)
print(m, repr(m), m * 2, type(m * 2).__name__)
print(int.__new__(I, 5), type(int.__new__(I, 5)).__name__, int.__new__(int, "12"))
for f in [lambda: int.__new__(str), lambda: int.__new__(5), lambda: list.__init__(5), lambda: S(1, 2, 3)]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def a(self):
        return self[0]
p = Pair(1, 2)
print(p, p.a, p[1], len(p), list(p), p == (1, 2), type(p).__name__)
x, y = p
print(x, y)
