# A decorated class's body starts at the first decorator's line, as CPython 3.11's first line event in it shows (annotations, docstring, several decorators, a multi-line class statement)
import sys
def t(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno)
    return t
def deco(c): return c
def work():
    @deco
    class R:
        a: int
    @deco
    class S:
        "doc"
        a = 1
    @deco
    @deco
    class T:
        pass
    @deco
    class U(
       object):
        def f(self): pass
sys.settrace(t)
work()
sys.settrace(None)
