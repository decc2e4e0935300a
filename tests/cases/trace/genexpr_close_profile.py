# Checks the call/return events of closing dropped genexprs under setprofile.
import sys
def t(frame, event, arg):
    b = frame.f_back
    x = arg[0].__name__ if event == "exception" else (repr(arg) if arg is None or type(arg) in (int, str, bool, list, tuple) else type(arg).__name__) if event == "return" else ""
    print(event, frame.f_code.co_name, frame.f_lineno, x, b.f_code.co_name if b else None)
    return t
def src(n):
    return [n, n + 1, n + 2]
sys.setprofile(t)
for x in (y for y in src(1)):
    break
print("after break")
g = (y for y in src(2))
next(g)
g = None
print("after none")
print(any(x > 0 for x in src(3)))
print(next(x for x in (y for y in src(4))))
for a in (y for y in src(5)):
    for b in (z for z in src(6)):
        break
    break
def nested_raise():
    for a in (y for y in src(7)):
        for b in (z for z in src(8)):
            raise KeyError
try:
    nested_raise()
except KeyError:
    print("caught nested")
def deep(n):
    g = (y for y in src(n))
    next(g)
    if n == 0:
        raise ValueError
    deep(n - 1)
try:
    deep(2)
except ValueError:
    print("caught deep")
for p in zip((y for y in src(9)), (z for z in src(10))):
    break
def two_locals():
    g1 = (y for y in src(12))
    g2 = (y for y in src(13))
    next(g1), next(g2)
two_locals()
sys.setprofile(None)
