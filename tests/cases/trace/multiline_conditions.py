# Checks line events of multi-line and/or/not conditions with nested parenthesised groups, chained comparisons and conditional expressions as conditions
import sys
def t(frame, event, arg):
    x = arg[0].__name__ if event == "exception" else ""
    print(event, frame.f_code.co_name, frame.f_lineno, x)
    return t
def b1(a, b, c):
    if (a == 2
            or (b and a)
            or a > 0):
        x = 1
def b2(a, b, c):
    if (a and
            (b or
             c)):
        return 1
    return 2
def b3(a, b, c):
    while (a > 0 and
           (b or not
            c)):
        a -= 1
def b4(a, b, c):
    x = (a or
         b) and (
        c)
    return x
def b5(a, b, c):
    if not (a and
            b):
        y = 1
    elif (a < b <
          c):
        y = 2
    else:
        y = 3
    return y
def b6(a, b, c):
    assert (a or
            b or c), "m"
    if (a if b else
            c):
        return 0
def b7(a, b, c):
    return [i for i in range(3) if (i or
                                    a) and not (b and
                                                c)]
sys.settrace(t)
for args in [(0, 0, 0), (1, 0, 1), (3, 1, 0), (2, 1, 1), (-1, 0, 5)]:
    for fn in (b1, b2, b3, b4, b5, b6, b7):
        try:
            fn(*args)
        except AssertionError:
            pass
sys.settrace(None)
