# Classmethods called through the class, a subclass and an instance, also
# with the wrong number of arguments; staticmethods and plain functions
# through the class; a classmethod replaced after the first calls; traced.
import sys


class Base:
    @classmethod
    def make(cls, x):
        return (cls.__name__, x)

    @classmethod
    def pair(cls, a, b=2):
        return (cls.__name__, a, b)

    @staticmethod
    def helper(x):
        return x * 2

    def plain(self):
        return "plain"


class Sub(Base):
    pass


for i in range(3):
    print(Base.make(i), Sub.make(i), Sub().make(i), Base.pair(i), Sub.pair(i, b=5))
    print(Base.helper(i), Sub.helper(i), Base.plain(Sub()))
for args in [(), (1, 2, 3)]:
    try:
        Base.make(*args)
    except TypeError as e:
        print("TypeError:", e)
m = Base.make
print(m(7), m.__self__.__name__, Base.make == Base.make, Base.make is Base.make)


def replaced(cls, x):
    return ("replaced", cls.__name__, x)


Base.make = classmethod(replaced)
print(Base.make(1), Sub.make(2))
Sub.make = staticmethod(lambda x: ("static", x))
print(Base.make(3), Sub.make(4))


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("pair", "replaced", "helper"):
        print(event, frame.f_code.co_name, frame.f_lineno,
              arg if event == "return" else None)
    return tracer


sys.settrace(tracer)
Base.pair(1)
Sub.make(5)
Base.make(6)
sys.settrace(None)
