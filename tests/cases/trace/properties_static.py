# Checks tracing of property getters/setters, staticmethods and classmethods, and attribute access that runs no Python code.
import sys
def show(v):
    if isinstance(v, Temp):
        return "<Temp %r>" % v._c
    return repr(v)
def tracer(frame, event, arg):
    if event != "line":
        print(event, frame.f_code.co_qualname, frame.f_lineno, show(arg) if event == "return" else "")
    return tracer
class Temp:
    unit = "C"
    def __init__(self, c):
        self._c = c
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        self._c = v
    @staticmethod
    def convert(v):
        return v * 9 / 5 + 32
    @classmethod
    def zero(cls):
        return cls(0)
def main():
    t = Temp.zero()
    t.c = 100
    f = Temp.convert(t.c)
    u = t.unit
    return f, u
sys.settrace(tracer)
print(main())
sys.settrace(None)
