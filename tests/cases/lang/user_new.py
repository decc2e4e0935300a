# Checks user __new__: it makes the instance (super().__new__ or
# object.__new__), __init__ runs only on an instance of the class, a
# __new__ returning something else skips it, and object.__new__'s checks.


class Single:
    _inst = None

    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst

    def __init__(self, v):
        self.v = v


a = Single(1)
b = Single(2)
print(a is b, a.v, type(a).__name__)


class Cached:
    cache = {}

    def __new__(cls, key):
        if key not in cls.cache:
            obj = object.__new__(cls)
            obj.key = key
            cls.cache[key] = obj
        return cls.cache[key]


print(Cached("a") is Cached("a"), Cached("a") is Cached("b"), Cached("b").key)


class NotMine:
    def __new__(cls, n):
        return n * 2

    def __init__(self, n):
        print("never")


print(NotMine(21))


class Sub(Single):
    _inst = None


s = Sub(5)
print(type(s).__name__, s.v, s is Single(0))


class Point:
    def __new__(cls, x, y):
        self = super().__new__(cls)
        self.x, self.y = x, y
        return self

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


print(Point(1, 2), Point.__new__ is Point.__dict__["__new__"].__func__ if hasattr(Point.__dict__["__new__"], "__func__") else "?")
p = Point.__new__(Point, 3, 4)
print(p)


class Plain:
    pass


class WithInit:
    def __init__(self, a):
        self.a = a


class WithNew:
    def __new__(cls, a):
        return super().__new__(cls, a)


for label, f in [
    ("object.__new__(Plain, 1)", lambda: object.__new__(Plain, 1)),
    ("object.__new__(WithInit, 1)", lambda: object.__new__(WithInit, 1).__class__.__name__),
    ("WithNew(1)", lambda: WithNew(1)),
    ("object.__new__(5)", lambda: object.__new__(5)),
    ("object.__new__(int)", lambda: object.__new__(int)),
    ("object.__new__(ValueError)", lambda: object.__new__(ValueError)),
    ("object.__new__(Plain)", lambda: type(object.__new__(Plain)).__name__),
]:
    try:
        print(label, "->", f())
    except TypeError as e:
        print(label, "TypeError:", e)
