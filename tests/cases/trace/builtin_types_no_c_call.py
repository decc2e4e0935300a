# Checks that calling the built-in types (map, filter, zip, reversed, enumerate, range, functools.partial) reports no c_call, unlike built-in functions.
import sys
import functools
def p(frame, event, arg):
    if event.startswith("c_"):
        print(event, frame.f_code.co_name, frame.f_lineno, arg.__name__)
    elif event != "line":
        print(event, frame.f_code.co_name, frame.f_lineno)
def f(x):
    return x
sys.setprofile(p)
m = map(f, [1, 2])
fl = filter(f, [0, 1])
z = zip([1], [2])
r = reversed([1, 2])
e = enumerate([1], 3)
q = functools.partial(f, 4)
rg = range(3)
print(list(m), list(fl), list(z), list(r), list(e), q(), list(rg))
s = sorted([2, 1])
n = len(s)
sys.setprofile(None)
sys.settrace(p)
m = map(f, [1])
print(list(m))
sys.settrace(None)
print(type(m) is map, isinstance(m, map), isinstance(e, enumerate), isinstance(q, functools.partial))
print(map, filter, zip, reversed, enumerate, functools.partial, type(map))
