# Checks line events of statements and expressions spanning several lines: calls with arguments on many lines, literals, chained calls, backslashes.
import sys
def tracer(frame, event, arg):
    if frame.f_code.co_name in ("multi", "f"):
        print(event, frame.f_code.co_name, frame.f_lineno - FIRST)
    return tracer
def f(*args, **kw):
    return len(args) + len(kw)
def multi():
    a = f(1,
          2,
          f(3,
            4),
          key=5)
    b = [
        1,
        a,
        3,
    ]
    c = {"x": a,
         "y": b}
    d = "  text  ".strip(
    ).upper(
    ).lower()
    e = a + \
        len(b) + \
        len(c)
    g = (a
         if a > 100
         else e)
    h = (a and
         b and
         c)
    return (a,
            b, c, d,
            e, g, h)
FIRST = multi.__code__.co_firstlineno
sys.settrace(tracer)
print(multi())
sys.settrace(None)
