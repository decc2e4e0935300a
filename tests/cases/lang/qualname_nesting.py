# Checks co_qualname/__qualname__ of comprehensions, lambdas and classes nested in each other (only a function parent adds .<locals>; global names stay plain)
import sys
def show(f):
    print(f.f_code.co_qualname, f.f_code.co_name)
def f():
    return [[sys._getframe().f_code.co_qualname for y in range(1)] for x in range(1)]
print(f())
print([[sys._getframe().f_code.co_qualname for y in range(1)] for x in range(1)])
print([sys._getframe().f_code.co_qualname for x in range(1)])
print(list(sys._getframe().f_code.co_qualname for x in range(1)))
print({x: sys._getframe().f_code.co_qualname for x in range(1)})
print({sys._getframe().f_code.co_qualname for x in range(1)})
print((lambda: [sys._getframe().f_code.co_qualname for x in range(1)])())
print((lambda: sys._getframe().f_code.co_qualname)())
class C:
    def m(self):
        return [(lambda: [sys._getframe().f_code.co_qualname for z in range(1)])() for x in range(1)]
    v = [sys._getframe().f_code.co_qualname for x in range(1)]
    w = [[sys._getframe().f_code.co_qualname for y in range(1)] for x in range(1)]
print(C().m(), C.v, C.w)
def g():
    def h():
        return [{sys._getframe().f_code.co_qualname for y in range(1)} for x in range(1)]
    return h()
print(g())
print([list(sys._getframe().f_code.co_qualname for y in range(1)) for x in range(1)])
print([[lambda: 0 for y in range(1)][0].__qualname__ for x in range(1)])
def k():
    class D:
        z = [sys._getframe().f_code.co_qualname for x in range(1)]
        def mm(self): return [sys._getframe().f_code.co_qualname for x in range(1)]
    return D.z, D().mm()
print(k())
print([[sys._getframe().f_back.f_code.co_qualname for y in range(1)] for x in range(1)])
def gl():
    global GC, gf
    class GC:
        def m(self): return [sys._getframe().f_code.co_qualname for x in range(1)]
    def gf(): return [sys._getframe().f_code.co_qualname for x in range(1)]
gl()
print(GC.__qualname__, GC().m(), gf.__qualname__, gf())
class Outer:
    global Inner
    class Inner:
        pass
    def meth(self):
        pass
print(Inner.__qualname__, Outer.meth.__qualname__)
