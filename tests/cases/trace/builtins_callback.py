# Checks Python functions called back by builtins (sorted key, map, filter, min/max key, functools.reduce and partial): traced, with the calling Python frame as f_back.
import sys
import functools
def tracer(frame, event, arg):
    if event == "call":
        back = frame.f_back
        print("call", frame.f_code.co_name, frame.f_lineno, "from %s:%d" % (back.f_code.co_name, back.f_lineno))
    elif event == "return":
        print("return", frame.f_code.co_name, repr(arg))
    return tracer
def key(v):
    return -v
def odd(v):
    return v % 2 == 1
def add(a, b):
    return a + b
def scale(factor, v):
    return factor * v
def main():
    s = sorted([3, 1, 2], key=key)
    m = list(map(key, [5, 6]))
    f = list(filter(odd, range(4)))
    lo = min([4, 9], key=key)
    r = functools.reduce(add, [1, 2, 3])
    p = functools.partial(scale, 10)
    q = p(4)
    return s, m, f, lo, r, q
sys.settrace(tracer)
print(main())
sys.settrace(None)
