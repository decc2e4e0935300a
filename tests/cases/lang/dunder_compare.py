# Checks rich comparison dunders (__eq__, __ne__, __lt__, __le__, __gt__, __ge__), reflected fallbacks, NotImplemented, sorting objects.
class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        print("  __eq__", self.n, other.n if isinstance(other, V) else other)
        if not isinstance(other, V):
            return NotImplemented
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
    def __le__(self, other):
        return self.n <= other.n
    def __gt__(self, other):
        return self.n > other.n
    def __ge__(self, other):
        return self.n >= other.n
    def __repr__(self):
        return "V(%d)" % self.n
a, b, c = V(1), V(2), V(1)
print(a == c, a != b, a < b, a <= c, b > a, b >= b)
print(a == 1, 1 == a, a != "x")
print(sorted([V(3), V(1), V(2)]), max([V(5), V(9)]), min(V(4), V(2)))
print(V(2) in [V(1), V(2)], [V(1)].index(V(1)), [a, b, c].count(V(1)))
print(V(0) < V(5))
class OnlyEq:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, OnlyEq) and self.k == other.k
x, y = OnlyEq(1), OnlyEq(1)
print(x == y, x != y, x is y, x == 1)
try:
    print(x < y)
except TypeError as e:
    print("TypeError", e)
class Plain:
    pass
p1, p2 = Plain(), Plain()
print(p1 == p1, p1 == p2, p1 != p2)
try:
    sorted([Plain(), Plain()])
except TypeError as e:
    print("TypeError", e)
class Rev:
    def __init__(self, n):
        self.n = n
    def __gt__(self, other):
        print("  Rev.__gt__ called")
        return self.n > other
print(3 < Rev(5), Rev(1) > 0)
class Version:
    def __init__(self, s):
        self.parts = [int(p) for p in s.split(".")]
    def __lt__(self, other):
        return self.parts < other.parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __repr__(self):
        return ".".join(str(p) for p in self.parts)
print(sorted([Version("1.10"), Version("1.2"), Version("1.2.1"), Version("0.9")]))
