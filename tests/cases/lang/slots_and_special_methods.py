# Checks __slots__ restrictions, static/class-method and callable-object special methods, bound-method equality
class P:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
p = P()
print(p.x)
for name in ("y", "z"):
    try:
        print(getattr(p, name))
    except AttributeError as e:
        print("AttributeError", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError", e)
class Q(P):
    __slots__ = "w"
q = Q()
q.w = 2
q.x = 5
print(q.w, q.x)
class R(P):
    pass
r = R()
r.anything = 1
print(r.anything)
try:
    class Bad:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError", e)

class S:
    @staticmethod
    def __len__():
        return 7
    @classmethod
    def __neg__(cls):
        return cls.__name__
    @staticmethod
    def __add__(other):
        return ("static add", other)
    @staticmethod
    def __eq__(other):
        return "static eq"
    @staticmethod
    def __repr__():
        return "static repr"
print(len(S()), -S(), S() + 2, S() == 1, repr(S()), [S()])

class Adder:
    def __call__(self, other):
        return ("callable object", other)
class T:
    __sub__ = Adder()
print(T() - 1)

class M:
    def f(self):
        pass
m = M()
print(m.f == m.f, m.f != M().f, m.f is m.f, hash(m.f) == hash(m.f), {m.f: 1}[m.f])
print([].append == [].append, len == len, "a".upper == "a".upper)
l = []
print(l.append == l.append)
