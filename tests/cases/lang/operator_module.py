# Checks the operator module's functions run krait's operators (user dunders included) and itemgetter/attrgetter/methodcaller, with CPython's results and messages
import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(1, 2), operator.sub(5, 7), operator.mul("ab", 3), operator.truediv(7, 2))
print(operator.floordiv(-7, 2), operator.mod(-7, 3), operator.pow(2, 100), operator.pow(2.0, -1))
print(operator.neg(5), operator.pos(-2.5), operator.abs(-3), operator.abs(-2**70), operator.invert(5), operator.inv(0))
print(operator.not_([]), operator.not_(1), operator.truth(""), operator.truth("x"))
print(operator.eq(1, 1.0), operator.ne("a", "a"), operator.lt(1, 2), operator.le(2, 2), operator.gt([1, 2], [1]), operator.ge((1,), (2,)))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.lshift(1, 70), operator.rshift(-16, 2))
print(operator.and_({1, 2}, {2, 3}), operator.or_(True, False), operator.xor(True, True))
print(operator.is_(None, None), operator.is_not(1, None), operator.index(True), operator.index(2**65))
xs = [1, 2, 3]
print(operator.getitem(xs, 1), operator.getitem("hello", slice(1, 3)), operator.getitem({"a": 1}, "a"))
print(operator.setitem(xs, 0, 10), xs, operator.delitem(xs, 1), xs)
print(operator.contains([1, 2], 2), operator.contains("abc", "bc"), operator.contains({1: 2}, 2))
print(operator.concat([1], [2]), operator.concat("a", "b"), operator.concat((1,), (2, 3)))
print(operator.countOf([1, 2, 1, 1.0, True, "1"], 1), operator.indexOf("abcabc", "c"), operator.indexOf(iter(range(10)), 7))
ys = [1]
print(operator.iadd(ys, [2]) is ys, ys, operator.iadd(1, 2), operator.imul("a", 3), operator.ipow(2, 10), operator.iconcat(ys, [3]), ys)

class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"V({self.x})"
    def __add__(self, o):
        return V(self.x + o.x)
    def __iadd__(self, o):
        self.x += o.x
        return self
    def __neg__(self):
        return V(-self.x)
    def __lt__(self, o):
        return self.x < o.x
    def __eq__(self, o):
        return isinstance(o, V) and self.x == o.x
    def __getitem__(self, i):
        return self.x * i
    def __bool__(self):
        return self.x != 0
    def __index__(self):
        return self.x
    def upper(self, n=1, sep="-"):
        return sep.join([str(self.x)] * n)

a, b = V(1), V(2)
print(operator.add(a, b), operator.neg(a), operator.lt(a, b), operator.eq(a, V(1)), operator.ne(a, b))
print(operator.getitem(a, 5), operator.truth(V(0)), operator.not_(V(3)), operator.index(V(7)))
print(operator.iadd(a, b), a, operator.concat(a, b), operator.countOf([V(1), V(3)], V(3)))

pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs, key=itemgetter(1)), sorted(pairs, key=itemgetter(0)))
print(itemgetter(1)("xyz"), itemgetter(0, 2)("xyz"), itemgetter("k")({"k": 5}), itemgetter(slice(1, None))([1, 2, 3]))
print(list(map(itemgetter(0), pairs)))
print(attrgetter("x")(V(4)), attrgetter("x", "x")(V(5)), attrgetter("real", "imag")(3))
class Box:
    pass
box = Box()
box.inner = V(9)
print(attrgetter("inner.x")(box), attrgetter("inner.x", "inner")(box))
print(methodcaller("upper")("abc"), methodcaller("split", ",", maxsplit=1)("a,b,c"), methodcaller("upper", 3, sep="+")(V(2)))
print(methodcaller("upper")(V(6)), list(map(methodcaller("strip"), [" a ", "b "])))
print(repr(itemgetter(1)), repr(attrgetter("a", "b.c")), repr(methodcaller("m", 1, k="v")))
print(type(itemgetter(1)).__name__, type(attrgetter("a")).__module__, callable(methodcaller("m")))
print(type(operator.add).__name__, operator.add.__name__)

def t(f, *args, **kw):
    try:
        print("ok", f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)

t(operator.add, 1)
t(operator.add)
t(operator.add, 1, 2, 3)
t(operator.add, a=1)
t(operator.add, 1, "a")
t(operator.not_, 1, 2)
t(operator.neg, "a")
t(operator.index, 1.5)
t(operator.setitem, (1,), 0, 2)
t(operator.setitem, [1], 0)
t(operator.delitem, [1], 3)
t(operator.getitem, {1: 2}, 3)
t(operator.contains, 5, 1)
t(operator.concat, 1, 2)
t(operator.concat, [1], 2)
t(operator.concat, "a", 2)
t(operator.countOf, 1, 1)
t(operator.indexOf, [1], 2)
t(operator.matmul, 1, 2)
t(operator.truediv, 1, 0)
t(operator.lt, 1, "a")
t(itemgetter)
t(itemgetter, x=1)
t(itemgetter(1))
t(itemgetter(1), 1, 2)
t(itemgetter(1), x=1)
t(itemgetter(5), [1])
t(itemgetter(1), 5)
t(attrgetter)
t(attrgetter, 1)
t(attrgetter, "a", x=1)
t(attrgetter("nope"), 1)
t(attrgetter("a..b"), box)
t(methodcaller)
t(methodcaller, 1)
t(methodcaller("f"))
t(methodcaller("f"), x=1)
t(methodcaller("split"), 1)
t(methodcaller("upper", 1, 2, 3), "a")
operator.indexOf([1, 2], 3)
