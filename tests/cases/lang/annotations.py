# Checks annotations: evaluated at def time in the enclosing scope (CPython 3.11 order), stored in __annotations__ of functions, modules and classes, mangled in classes; local variable annotations are not evaluated.
def outer():
    T = list
    def f(a: int, /, b: 'str' = 'x', *args: T, k: float = 1.0, **kw: dict) -> T:
        n: Undefined_in_function = 3
        return n
    return f
f = outer()
print(f.__annotations__, f(1))
def g(): pass
print(g.__annotations__, g.__annotations__ is g.__annotations__, g.__dict__)
x: int = 5
y: str
print(__annotations__, x)
class A:
    z: int = 1
    __p: bool
    if z:
        w: float
    def m(self, __q: int) -> 'A': pass
print(A.__annotations__, A.m.__annotations__)
order = []
def note(v):
    order.append(v)
    return v
def h(a: note('a') = note('da'), *, b: note('b') = note('db')) -> note('r'): pass
print(order)
class B:
    first: note('B1') = note('v1')
print(order)
