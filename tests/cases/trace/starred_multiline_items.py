# Checks line events of starred items after items on separate lines, in displays and calls
import sys
def tr(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        print(event, frame.f_code.co_name, frame.f_lineno)
    return tr
def f(*a, **k):
    return len(a)
def g():
    d = [4, 5]
    a, b, c = 1, 2, 3
    x = [a,
         b,
         c,
         *d]
    y = f(a,
          b,
          c,
          *d)
    z = (a,
         b,
         *d,
         c)
    w = {a,
         b,
         c,
         *d}
    v = f(a,
          *d,
          b,
          c)
    u = f(
        a,
        b,
        c,
        d,
        *d)
    t = [a,
         b,
         *d]
    s = f(a,
          b,
          c,
          *d,
          k=1)
    r = f(a,
          b,
          c,
          **{'q': 1})
    return x, y
sys.settrace(tr)
g()
sys.settrace(None)
