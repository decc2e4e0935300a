# collections.Counter and namedtuple (Python in CPython and in krait): counting, most_common, elements, update/subtract, total, the multiset operators, reprs; namedtuple's fields, defaults, rename, _make/_asdict/_replace, validation errors, unpacking, subclasses
import collections
from collections import Counter, namedtuple

def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

c = Counter("abracadabra")
print(c, c["a"], c["z"], len(c), c.total())
print(c.most_common(2), c.most_common(), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
c.update("aaz")
c.update({"b": 10})
c.update(q=4)
print(c)
c.subtract("aaaa")
c.subtract({"q": 10}, z=1)
print(c)
del c["nothing"]
del c["z"]
print(c, "z" in c)
d = Counter(a=3, b=1, c=-2)
e = Counter(a=1, b=2, d=4)
print(d + e, d - e, d | e, d & e, +d, -d)
print(d == Counter(a=3, b=1, c=-2), d == Counter(a=3, b=1), Counter(a=1) == Counter(a=1, b=0))
print(Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter(a=3) >= Counter(a=2, b=0), Counter(b=1) > Counter())
f = Counter(a=1, b=5)
f += Counter(a=-3, c=2)
print(f)
f -= Counter(b=1)
print(f)
f |= Counter(b=10, x=1)
print(f)
f &= Counter(b=3, x=5)
print(f)
print(Counter(), repr(Counter()), Counter({"x": 1}).copy(), type(Counter().copy()).__name__)
print(Counter([1, 2, 2, 3, 3, 3]).most_common(1), dict(Counter("hello")))
print(isinstance(c, dict), Counter("ab") == {"a": 1, "b": 1}, Counter("ab").keys())
t(lambda: Counter.fromkeys("abc"))
t(lambda: Counter(5))
t(lambda: Counter("ab") + 1)
t(lambda: Counter("a", "b"))
print(Counter(a="x", b="y"))

class Multi(Counter):
    def twice(self):
        return Multi({k: 2 * v for k, v in self.items()})

m = Multi("aab")
print(m, m.twice(), m + m, type(m.copy()).__name__)

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p))
x, y = p
print(x + y, p == (1, 2), p == Point(1, 2), hash(p) == hash((1, 2)), isinstance(p, tuple))
print(Point._fields, Point._field_defaults, Point.__match_args__, Point.__name__, Point.__module__)
print(p._asdict(), p._replace(y=5), Point._make([3, 4]), Point(x=5, y=6), Point(7, y=8))
print(Point.__doc__, Point.x.__doc__, Point.__new__.__qualname__, repr(Point))
P3 = namedtuple("P3", "a, b c", defaults=[9, 8])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults)
R = namedtuple("R", ["ok", "def", "_x", "ok", "2a"], rename=True)
print(R._fields, R(1, 2, 3, 4, 5))
One = namedtuple("One", "only")
print(One(1), One._make([2]), One(1)._asdict())
Empty = namedtuple("Empty", "")
print(Empty(), Empty._fields)
print(sorted([Point(2, 1), Point(1, 3), Point(1, 2)]), max(Point(1, 1), Point(0, 5)))
t(lambda: Point(1))
t(lambda: Point(1, 2, 3))
t(lambda: Point(1, z=2))
t(lambda: Point._make([1]))
t(lambda: p._replace(z=1))
t(lambda: setattr(p, "x", 5))
t(lambda: p.z)
t(lambda: namedtuple("Bad", ["a", "a"]))
t(lambda: namedtuple("Bad", ["_a"]))
t(lambda: namedtuple("Bad", ["class"]))
t(lambda: namedtuple("Bad", ["a-b"]))
t(lambda: namedtuple("1Bad", ["a"]))
t(lambda: namedtuple("Bad", ["a"], defaults=[1, 2]))
t(lambda: namedtuple("Bad", [1]))

class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    @property
    def norm2(self):
        return self.x * self.x + self.y * self.y

v = Vec(1, 2) + Vec(3, 4)
print(v, v.norm2, type(v).__name__, v._replace(x=0), Vec._fields)
print(collections.deque, collections.Counter, collections.namedtuple.__name__, collections.__name__)
t(lambda: delattr(p, "y"))
