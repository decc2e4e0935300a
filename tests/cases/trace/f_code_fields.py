# Checks code object fields seen from frames: co_name, co_qualname, co_filename (basename), co_firstlineno, co_argcount, co_varnames.
import sys
seen = []
def tracer(frame, event, arg):
    if event == "call":
        co = frame.f_code
        print(co.co_name, "|", co.co_qualname, "|", co.co_filename.split("/")[-1], "|", co.co_firstlineno,
              "|", co.co_argcount, "|", co.co_varnames, "|", frame.f_lineno)
    return None
def plain(a, b, c=3):
    d = a + b
    return d
def varargs(x, *args, key=None, **kw):
    local = 1
    return local
class Shape:
    def area(self, scale=1):
        inner = 0
        return inner
    class Inner:
        def method(self):
            return 1
def outer(n):
    def inner(m):
        return m + n
    return inner(1)
lam = lambda q, r=0: q
sys.settrace(tracer)
plain(1, 2)
varargs(1, 2, key=3, z=4)
Shape().area()
Shape.Inner().method()
outer(5)
lam(1)
[x for x in range(1)]
{x: x for x in range(1)}
{x for x in range(1)}
list(x for x in range(1))
sys.settrace(None)
f = sys._getframe()
print(f.f_code.co_name, f.f_code.co_filename.split("/")[-1], f.f_code.co_firstlineno, f.f_back)
