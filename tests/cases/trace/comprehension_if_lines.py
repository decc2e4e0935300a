# Checks line events of comprehensions whose if clauses span several lines, several ifs, and 'for y in [x]' inner loops
import sys
def t(frame, event, arg):
    x = arg[0].__name__ if event == "exception" else ""
    print(event, frame.f_code.co_name, frame.f_lineno, x)
    return t
def c1(g):
    return sum(1 for x in range(3) if (g == 9
            or x != g))
def c2(g):
    return [x
            for x in range(4)
            if x % 2
            if x > g]
def c3(g):
    return {x: y for x in range(2)
            for y in range(2) if (x or
                                  y)}
def c4(g):
    return list(x for x in range(3)
                if not (x ==
                        g))
def c5(g):
    return {x
            for x in 'abc'
            if x != g and
            x > 'a'}
def c6(g):
    return [y for x in range(2) for y in [x * 2] if y > (
        g)]
sys.settrace(t)
for g in (0, 1, 'b'):
    for fn in (c1, c2, c3, c4, c5, c6):
        try:
            fn(g)
        except TypeError:
            pass
sys.settrace(None)
