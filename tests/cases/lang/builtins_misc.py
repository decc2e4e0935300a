# Checks scalar builtins: abs, divmod, pow, round, chr/ord, hex/bin, hash of ints, id identity, callable, hasattr/getattr/setattr, type, repr, input at EOF.
print(abs(-3), abs(3.5), abs(-0), divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), pow(2, 10), pow(2, 10, 1000), pow(2.0, 3), pow(4, -1))
print(round(3.14159, 2), round(2.5), round(3.5), round(-3.5), round(1234, -2), round(0.5 + 1e-9))
print(chr(65), chr(97), chr(8364), ord("A"), ord("€"), [chr(c) for c in range(ord("a"), ord("f"))])
print(hex(255), hex(-1), bin(10), bin(-10), hex(16 ** 10))
print(hash(1), hash(0), hash(-5), hash(True), hash(1.0) == hash(1), hash((1, 2)) == hash((1, 2)), hash(None) == hash(None))
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), type(id(a)).__name__)
class Thing:
    def method(self):
        return 1
t = Thing()
print(callable(len), callable(Thing), callable(t.method), callable(t), callable(None), callable(lambda: 0))
print(hasattr(t, "method"), hasattr(t, "nope"), hasattr("s", "upper"), getattr(t, "nope", 42), getattr("abc", "upper")())
setattr(t, "dyn", "value")
print(t.dyn, getattr(t, "dyn"))
print(type(1), type("s"), type([]), type(None), type(t).__name__, type(Thing))
print(repr("s"), repr(1.5), repr([1, "a", None]), repr({"k": (1,)}))
print(isinstance([], list), isinstance({}, dict), isinstance(1.5, (int, float)), isinstance("s", str), isinstance(None, type(None)))
print(len("hello"), len([1, 2]), len({}), len(range(10)), len((1,)), len({1, 2, 2}), len({"a": 1}))
try:
    line = input()
    print("read", line)
except EOFError as e:
    print("EOFError", repr(str(e)))
try:
    line = input("prompt> ")
except EOFError as e:
    print()
    print("EOFError again", e)
print(max(1, 2.5), min(-1, -1.0), type(max(1, 1.0)).__name__, sum([True, True]), pow(-2, 3))
