# Checks sys._getframe(depth): the frames of the caller chain, their f_lineno and f_code, and the ValueError when too deep.
import sys
def describe(depth):
    f = sys._getframe(depth + 1)
    return "%s@%d" % (f.f_code.co_name, f.f_lineno)
def inner():
    return [describe(0), describe(1), describe(2), describe(3)]
def middle():
    return inner()
def outer():
    return middle()
print(outer())
print(sys._getframe().f_code.co_name, sys._getframe(0) is sys._getframe())
def too_deep():
    try:
        sys._getframe(50)
    except ValueError as e:
        return "ValueError: " + str(e)
print(too_deep())
def frame_identity():
    a = sys._getframe()
    b = sys._getframe()
    return a is b, a.f_back is sys._getframe(1)
print(frame_identity())
def count_depth():
    n = 0
    f = sys._getframe()
    while f:
        n += 1
        f = f.f_back
    return n
def recurse(k):
    return count_depth() if k == 0 else recurse(k - 1)
print([recurse(k) for k in range(4)])
print(sys._getframe().f_globals["__name__"], sorted(k for k in sys._getframe().f_globals if k.startswith("rec")))
