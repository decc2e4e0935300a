# Checks operator dunders (__add__, __sub__, __mul__, __truediv__, __neg__, reflected __radd__/__rmul__, in-place), __call__, __str__ vs __repr__.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return Vec(self.x + o.x, self.y + o.y)
    def __radd__(self, o):
        print("  __radd__ with", o)
        return self + o
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "<%s, %s>" % (self.x, self.y)
a, b = Vec(1, 2), Vec(10, 20)
print(a + b, b - a, a * 3, 3 * a, b / 4, b // 3, b % 7, -a, a + 1)
print(repr(a + b), str(a), [a, b], (a,), {"k": a}, "%s|%r" % (a, a), f"{a}|{a!r}")
print(sum([a, b, Vec(0, 0)], Vec(0, 0)), 5 + a)
v = Vec(1, 1)
w = v
v += Vec(1, 1)
print(v, w, v is w, v == Vec(2, 2), v != Vec(2, 2))
try:
    a - 1
except AttributeError as e:
    print("AttributeError", e)
try:
    "s" - a
except TypeError as e:
    print("TypeError", e)
class Acc:
    def __init__(self):
        self.total = 0
    def __iadd__(self, n):
        self.total += n
        return self
    def __call__(self, *args, **kw):
        return "called with %r %r total=%d" % (args, sorted(kw), self.total)
acc = Acc()
acc += 5
acc += 7
print(acc(1, 2, k=3), callable(acc), callable(Acc), callable(5))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, o):
        return Money(self.cents + o.cents)
    def __lt__(self, o):
        return self.cents < o.cents
    def __str__(self):
        return "$%d.%02d" % divmod(self.cents, 100)
wallet = [Money(150), Money(1999), Money(5)]
print(str(wallet[0] + wallet[1]), min(wallet), max(wallet), sorted(wallet)[1])
class NoStr:
    def __repr__(self):
        return "NoStr()"
print(NoStr(), str(NoStr()), [NoStr()])
