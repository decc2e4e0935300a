# Checks the c_call/c_return/c_exception events of __build_class__ around class statements under setprofile.
import sys
def p(frame, event, arg):
    x = arg.__name__ if event.startswith("c_") else (repr(arg) if arg is None or type(arg) in (int, str, bool, list, tuple) else type(arg).__name__) if event == "return" else ""
    print(event, frame.f_code.co_name, frame.f_lineno, x)
def dec(c):
    return c
class Base:
    pass
def f():
    class L(Base):
        x = 1
    return L
sys.setprofile(p)
@dec
class A(
    Base
):
    def m(self): pass
    y = len([1])
try:
    class B:
        raise KeyError
except KeyError:
    pass
f()
class C(Base): pass
sys.setprofile(None)
sys.settrace(p)
class D: pass
sys.settrace(None)
print(__build_class__)
