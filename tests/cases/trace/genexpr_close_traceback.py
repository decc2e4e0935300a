# Checks that an exception's traceback keeps the genexprs of the frames it left until it is handled, and the order they close in.
import sys
def t(frame, event, arg):
    b = frame.f_back
    x = arg[0].__name__ if event == "exception" else (repr(arg) if arg is None or type(arg) in (int, str, bool, list, tuple) else type(arg).__name__) if event == "return" else ""
    print(event, frame.f_code.co_name, frame.f_lineno, x, b.f_code.co_name if b else None)
    return t
def src(n):
    return [n, n + 1, n + 2]
def deep_c():
    g = (y for y in src(1))
    next(g)
    raise ValueError
def deep_b():
    g = (y for y in src(2))
    next(g)
    deep_c()
def deep_a():
    g = (y for y in src(3))
    next(g)
    deep_b()
sys.settrace(t)
try:
    deep_a()
except ValueError:
    print("caught deep")
for p in zip((y for y in src(9)),
             (z for z in src(10))):
    break
print("zip done")
for p in map(lambda a, b: a,
             (y for y in src(9)),
             (z for z in src(10))):
    break
print("map done")
def two_locals():
    g1 = (y for y in src(12))
    g2 = (y for y in src(13))
    next(g1), next(g2)
two_locals()
def caught_as():
    try:
        deep_a()
    except ValueError as e:
        print("caught as")
    print("after as")
caught_as()
sys.settrace(None)
