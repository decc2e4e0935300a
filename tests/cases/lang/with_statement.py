# Checks with statements: __enter__/__exit__ order, as-targets (names, tuples, attributes, subscripts), several items, parenthesized items, nesting, suppression, exits on return/break/continue, and exceptions from __enter__ and __exit__.
class CM:
    def __init__(self, name, suppress=False, value=None):
        self.name = name
        self.suppress = suppress
        self.value = value
    def __enter__(self):
        print("enter", self.name)
        return self if self.value is None else self.value
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else t, repr(v), tb is None)
        return self.suppress

with CM("a") as a:
    print("body", a.name)
with CM("a"), CM("b") as b, CM("c"):
    print("body", b.name)
with (CM("p") as p,
      CM("q") as q,):
    print("paren", p.name, q.name)
with (CM("single")):
    print("single")
with CM("t", value=(1, [2, 3])) as (x, [y, z]):
    print(x, y, z)
class Box:
    pass
box = Box()
d = {}
with CM("attr", value=7) as box.v, CM("item", value=8) as d["k"]:
    print(box.v, d)
with CM("star", value=[1, 2, 3]) as (first, *rest):
    print(first, rest)

def suppressing():
    with CM("s", True):
        raise ValueError("swallowed")
    print("after suppress")
suppressing()

def not_suppressing():
    try:
        with CM("n"):
            raise KeyError("kept")
    except KeyError as e:
        print("caught", repr(e))
not_suppressing()

def nested_suppress():
    with CM("outer", True):
        with CM("inner"):
            1 / 0
        print("not reached")
    print("after nested")
nested_suppress()

def returns(flag):
    with CM("r1"), CM("r2"):
        if flag:
            return "early"
        x = 1
    return "late"
print(returns(True), returns(False))

def returns_value_expr():
    with CM("rv"):
        return [i * 2 for i in range(3)]
print(returns_value_expr())

def loops():
    for i in range(4):
        with CM(f"loop{i}"):
            if i == 1:
                continue
            if i == 3:
                break
            print("iter", i)
    n = 0
    while True:
        with CM("w"):
            n += 1
            if n == 2:
                break
    print("n", n)
loops()

def in_finally():
    try:
        with CM("tf"):
            return 1
    finally:
        print("finally")
print(in_finally())

def in_except():
    try:
        raise ValueError("v")
    except ValueError:
        with CM("ex"):
            print("handling")
    print("after except")
in_except()

class FailEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("never")
try:
    with CM("before"), FailEnter():
        print("never")
except RuntimeError as e:
    print("from enter:", e)

class FailExit:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        raise TypeError("exit failed")
try:
    with FailExit():
        raise ValueError("body")
except TypeError as e:
    print("from exit:", e, repr(e.__context__))
try:
    with FailExit():
        pass
except TypeError as e:
    print("from exit:", e, e.__context__)

class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v
class ReturnsTruthy:
    def __init__(self, v):
        self.v = v
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return Truthy(self.v)
with ReturnsTruthy(True):
    raise ValueError("suppressed by truthy")
try:
    with ReturnsTruthy(False):
        raise ValueError("kept by falsy")
except ValueError as e:
    print(e)

class StaticExit:
    def __enter__(self):
        return "entered"
    @staticmethod
    def __exit__(t, v, tb):
        print("static exit", t)
with StaticExit() as s:
    print(s)

def exc_info_inside():
    import sys
    class Look:
        def __enter__(self):
            return self
        def __exit__(self, t, v, tb):
            print("exc_info in exit", sys.exc_info()[0].__name__ if sys.exc_info()[0] else None)
            return True
    with Look():
        raise IndexError("i")
    print("exc_info after", sys.exc_info())
exc_info_inside()

def gen():
    with CM("gen"):
        yield 1
        yield 2
for v in gen():
    print("got", v)
g = gen()
print(next(g))
g.close()
print("closed")
