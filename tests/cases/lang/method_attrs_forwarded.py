# Checks a bound method's attributes are its function's (what the program set on it, __name__), a missing one is the function's AttributeError, and setting one on the method fails as CPython's
class C:
    def m(self):
        return 1
def f():
    pass
f.tag = "t"
C.g = f
c = C()
c.m.__func__.note = 5
print(c.m.note, c.g.tag, c.m.__name__, c.m.__qualname__, hasattr(c.m, "zz"), getattr(c.m, "zz", "dflt"))
for expr in ("c.m.foo", "c.g.nope", "c.m.__nope__"):
    try:
        eval(expr)
    except AttributeError as e:
        print(type(e).__name__, e)
try:
    c.m.note = 6
except AttributeError as e:
    print(e)
