# Checks functools: partial (positional and keyword, nested, attributes), reduce (with and without initial), wraps (copies __name__).
import functools
from functools import partial, reduce
def power(base, exp=2, *, mod=None):
    r = base ** exp
    return r % mod if mod else r
square = partial(power, exp=2)
cube = partial(power, exp=3)
two_to = partial(power, 2)
print(square(7), cube(3), two_to(10), two_to(exp=5), partial(power, mod=7)(3, 4))
p = partial(partial(power, 3), mod=5)
print(p(4), p(exp=3), p.args, p.keywords, p.func is power)
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 11)), reduce(max, [3, 9, 2], 0))
print(reduce(lambda acc, ch: acc + ch.upper(), "abc", ">"), reduce(lambda a, b: a + [b * 2], [1, 2], []))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError", e)
def logged(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args)
        return fn(*args, **kwargs)
    return functools.wraps(fn)(wrapper)
def add(a, b):
    "Add two numbers."
    return a + b
ladd = logged(add)
print(ladd(2, 3), ladd.__name__, ladd.__doc__, ladd.__wrapped__ is add)
join_dash = partial("-".join)
print(join_dash(["a", "b"]), partial(sorted, reverse=True)([3, 1, 2]), partial(int, base=2)("1011"))
print(list(map(partial(power, exp=3), range(5))), sorted([-3, 1, -2], key=partial(power, exp=2)))
