# Checks list()/tuple()/sorted()/extend/*-unpacking/join/slice assignment take the length hint (__len__, __length_hint__) as CPython, with its errors, lazy reversed() of a sequence, and lazy unpacking.
import sys
class S:
    def __init__(self, n=3, ln=None):
        self.items = list(range(n))
        self.ln = n if ln is None else ln
    def __len__(self):
        print("len", self.ln)
        if isinstance(self.ln, Exception):
            raise self.ln
        return self.ln
    def __getitem__(self, i):
        print("getitem", i)
        return self.items[i]
class H:
    def __init__(self, h):
        self.h = h
    def __iter__(self):
        return iter([7, 8])
    def __length_hint__(self):
        print("hint", self.h)
        if isinstance(self.h, Exception):
            raise self.h
        return self.h
class LH(H):
    def __len__(self):
        print("LH len")
        return "x"
def run(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
for obj in [S(), S(2, -1), S(2, "a"), S(2, TypeError("t")), S(2, KeyError("k")), S(2, 2**70), H(3), H(-1), H("s"), H(NotImplemented), H(TypeError("x")), H(ValueError("v")), H(2**70), H(True), LH(5), LH("q")]:
    for name, f in [("list", lambda: list(obj)), ("tuple", lambda: tuple(obj)), ("sorted", lambda: sorted(obj)),
                    ("extend", lambda: [0].extend(obj)), ("star", lambda: [*obj]),
                    ("call", lambda: print(*obj)), ("join", lambda: ",".join(map(str, obj))), ("joinraw", lambda: "".join(obj) if isinstance(obj, H) else 0),
                    ("slice", lambda: [1, 2, 3].__setitem__(slice(0, 1), obj)), ("set", lambda: set(obj)), ("unpack", lambda: [a for a, *b in [obj]]),
                    ("iterlist", lambda: list(iter(obj))), ("rev", lambda: list(reversed(obj)) if isinstance(obj, S) else 0), ("min", lambda: min(obj)),
                    ("dict", lambda: dict.fromkeys(obj)), ("tuplestar", lambda: (*obj,)), ("enum", lambda: list(enumerate(obj)))]:
        run(type(obj).__name__ + " " + name, f)
def tr(frame, ev, arg):
    if frame.f_code.co_name in ('__len__', '__length_hint__', '__getitem__', '__iter__'):
        print("  trace", ev, frame.f_code.co_name, frame.f_lineno)
    return tr
sys.settrace(tr)
print(list(S(2)), tuple(H(1)), list(reversed(S(2))))
sys.settrace(None)
class R:
    def __len__(self): return 3
    def __getitem__(self, i):
        print("gi", i)
        if i == 1: raise IndexError
        return i
print(list(reversed(R())))
r = reversed(R())
print(next(r), next(r, 'end'), next(r, 'end'))
try:
    reversed(H(1))
except TypeError as e:
    print(e)
class Count:
    i = 0
    def __iter__(self):
        return self
    def __next__(self):
        print("next", self.i)
        self.i += 1
        return self.i
try:
    a, b = Count()
except ValueError as e:
    print(e)
a, *b = iter(S(3))
print(a, b)
try:
    a, b, *c, d = S(2)
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
l = [0]
l += H(2)
print(l)
