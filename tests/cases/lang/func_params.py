# Checks function parameters: positional, defaults (evaluated once), keyword args, *args, **kwargs, keyword-only, and combinations.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9, d=0))
print(f(c=1, a=2))
print(f(*[1, 2, 3], **{"c": 4, "z": 5}))
def g(x, y=[]):
    y.append(x)
    return y
print(g(1), g(2), g([3], []))
def defaults(a, b=10, c="s", d=None):
    return a, b, c, d
print(defaults(1), defaults(1, 2), defaults(1, d=4), defaults(a=0, c="k"))
def kwonly(*, key, flag=False):
    return key, flag
print(kwonly(key=1), kwonly(flag=True, key="k"))
def star(*args):
    return len(args), args
print(star(), star(1), star(*range(5)), star(*"ab", 3))
def kwargs_only(**kw):
    return list(kw.items())
print(kwargs_only(), kwargs_only(b=1, a=2), kwargs_only(**{"x": 1}, y=2))
def mixed(a, *rest, **opts):
    return a, rest, opts
print(mixed(1, 2, 3, k=4), mixed(a=1), mixed(*[1], **{"q": 2}))
def counter_default(step, start=0):
    total = start
    for _ in range(3):
        total += step
    return total
print(counter_default(2), counter_default(2, start=100), counter_default(start=1, step=1))
def returns_many():
    return 1, "two", [3]
print(returns_many(), type(returns_many()).__name__)
def no_return():
    x = 1
print(no_return())
def early(n):
    if n > 0:
        return "positive"
    return
print(early(1), early(-1))
def apply(fn, *args, **kwargs):
    return fn(*args, **kwargs)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True), apply(f, 0, c=0))
print(f.__name__, apply.__name__, (lambda: 0).__name__)
def outer_defaults(n=len("abc"), m=[i * i for i in range(3)]):
    return n, m
print(outer_defaults(), outer_defaults(n=0))
