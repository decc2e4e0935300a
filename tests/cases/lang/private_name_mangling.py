# Checks private name mangling: attributes, locals, parameters, globals, nested classes, comprehensions, lambdas and __slots__ inside classes.
class A:
    __k = 1
    def __f(self, __p=3): return __p
    def g(self, **kw): return kw
    def h(self):
        __loc = 5
        lam = lambda __q=1: __q
        comp = [__i for __i in range(2)]
        return sorted(locals()), lam(), self.__f(), self.g(__z=1), comp
    class __B: pass
    __slots__ = ()
print(sorted(k for k in A.__dict__ if not k.startswith('__')), A().h(), A._A__f.__name__, A._A__f.__qualname__, A._A__f.__code__.co_varnames)
class _:
    __x = 1
class __C:
    __y = 2
print(sorted(k for k in _.__dict__ if 'x' in k), sorted(k for k in __C.__dict__ if 'y' in k))
__g = 'modg'
class A:
    __slots__ = ('__a', 'b')
    def __init__(self):
        self.__a = 1
        self.b = 2
    def get(self):
        global __g
        __g = "set"
        return self.__a, __g
    class __Inner:
        __z = 3
        def z(self): return self.__z
print(A().get(), A._A__Inner().z(), [k for k in A._A__Inner.__dict__ if 'z' in k], A.__slots__)
class B:
    xs = [__n for __n in range(3)]
    __v = 7
    ys = {__k: 1 for __k in 'ab'}
    def m(self, __d={}):
        return (lambda: self.__v)(), __d
print(B.xs, B.ys, B().m())
try:
    A().__a
except AttributeError as e:
    print(e)
try:
    class C:
        def f(self):
            return __undefined
    C().f()
except NameError as e:
    print(e)
