# Checks line events of nested conditional expressions (no duplicate line event from jumps to jumps)
import sys
def t(frame, event, arg):
    x = arg[0].__name__ if event == "exception" else ""
    print(event, frame.f_code.co_name, frame.f_lineno, x)
    return t
def m1(a, b, c):
    v = ((a if b else 2) if c else 3)
    return v
def m2(a, b, c):
    v = (a if b else (2 if c else 3))
    return v
def m3(a, b, c):
    v = (a if (b if c else a) else 3)
    return v
def m4(a, b, c):
    if (a if b else c):
        return 1
    return (b if a else
            (c if
             b else a))
def m5(a, b, c):
    return [(x if a else (y if b else c)) for x, y in [(1, 2)]]
def m6(a, b, c):
    while (a if b else c) and a < 3:
        a += 1
    return a
sys.settrace(t)
for args in [(0, 0, 0), (1, 0, 1), (1, 1, 0), (2, 1, 1)]:
    for fn in (m1, m2, m3, m4, m5, m6):
        fn(*args)
sys.settrace(None)
