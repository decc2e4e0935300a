# Checks line events of multi-line defs whose annotations and constant defaults sit on other lines, in functions and class bodies.
import sys
def tracer(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno)
    return tracer
def outer():
    def f(a,
          b='x',
          c=2):
        return a
    def g(a: 'int',
          b: 'str') -> 'x':
        pass
    h = lambda p=1, \
        q=(2,
           3): p
    class K:
        z: int = 1
        y: (
            str
        )
        def m(self,
              q: float = 0.5): pass
    return f(1), g(1, 2), h(), K
sys.settrace(tracer)
outer()
sys.settrace(None)
