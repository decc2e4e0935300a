# Checks a function's __dict__ is the function's attributes themselves (changes through it are attributes, the same dict each time), vars(f), __annotations__ set and cleared, __dict__ assigned, and functools.wraps/update_wrapper copying __dict__
def f(): pass
f.__dict__['x'] = 1
f.y = 2
print(f.x, f.__dict__)
d = f.__dict__
d['z'] = 3
print(f.z, d is f.__dict__)
def g(a: int) -> str: pass
print(g.__annotations__, g.__dict__, vars(g))
g.__annotations__ = None
print(g.__annotations__)
try:
    g.__annotations__ = 5
except TypeError as e:
    print(e)
g.__dict__ = {"q": 1}
print(g.q, vars(g))
import functools
@functools.wraps(f)
def h(): pass
print(h.x, h.y, h.z, h.__wrapped__ is f, sorted(h.__dict__))
print(functools.update_wrapper(lambda: 1, g).q)
