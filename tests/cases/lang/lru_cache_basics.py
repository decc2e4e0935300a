# Checks functools.lru_cache and functools.cache: hits, misses and eviction order of a bounded cache, typed keys, keyword keys, one int/str argument as its own key, exceptions not cached, maxsize 0/None/negative, cache_info/cache_clear/cache_parameters, update_wrapper's attributes, methods, argument errors
import functools
from functools import lru_cache, cache

calls = []

@lru_cache(maxsize=3)
def sq(x):
    calls.append(x)
    return x * x

for x in [1, 2, 3, 1, 4, 2, 5, 1, 3, 3]:
    sq(x)
print(calls, sq.cache_info())
info = sq.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, type(info).__name__, info._fields)
sq.cache_clear()
print(sq.cache_info(), sq.cache_parameters())

@lru_cache
def ident(*args, **kw):
    calls.append((args, kw))
    return len(calls)

calls.clear()
print(ident(1), ident(1), ident(True), ident(1.0), ident("a"), ident("a"))
print(ident(1, 2), ident(1, 2), ident(1, b=2), ident(1, b=2), ident(b=2, a=1), ident(a=1, b=2))
print(ident.cache_info(), ident.cache_parameters())

@lru_cache(typed=True)
def t(x):
    calls.append(x)
    return repr(x)

calls.clear()
print(t(1), t(1.0), t(True), t(1), calls, t.cache_info())

@cache
def fact(n):
    return n * fact(n - 1) if n else 1

print(fact(30), fact.cache_info(), fact.cache_parameters())

@lru_cache(maxsize=0)
def zero(x):
    return x + 1

print(zero(1), zero(1), zero.cache_info())

@lru_cache(maxsize=-5)
def neg(x):
    return x

print(neg(1), neg(1), neg.cache_info(), neg.cache_parameters())

@lru_cache(maxsize=None)
def boom(x):
    calls.append(x)
    if x < 0:
        raise ValueError(x)
    return x

calls.clear()
for x in (-1, -1, 2, 2):
    try:
        boom(x)
    except ValueError as e:
        print("ValueError", e)
print(calls, boom.cache_info())

def documented(a, b: int = 2) -> int:
    "Adds."
    return a + b

documented.extra = "kept"
w = lru_cache(documented)
print(w.__name__, w.__qualname__, w.__doc__, w.__module__, w.__annotations__, w.__wrapped__ is documented, w.extra)
print(sorted(w.__dict__), w(1), w(1, b=3), type(w).__name__, callable(w))
w.note = 5
print(w.note, w.__dict__["note"])

class C:
    def __init__(self, k):
        self.k = k
    @lru_cache(maxsize=8)
    def m(self, x):
        calls.append((self.k, x))
        return self.k * x
    def __hash__(self):
        return hash(self.k)
    def __eq__(self, other):
        return isinstance(other, C) and self.k == other.k

calls.clear()
a, b, a2 = C(2), C(3), C(2)
print(a.m(5), b.m(5), a.m(5), a2.m(5), calls, C.m.cache_info())
print(C.m(a, 5), type(C.__dict__["m"]).__name__)

for bad in ("x", 1.5, [1]):
    try:
        lru_cache(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    lru_cache()(5)
except TypeError as e:
    print("TypeError", e)
try:
    sq([1])
except TypeError as e:
    print("TypeError", e)
try:
    lru_cache(maxsize=1, bad=2)
except TypeError as e:
    print("TypeError", e)
try:
    cache()
except TypeError as e:
    print("TypeError", e)

@functools.lru_cache(maxsize=2)
def pair(a, b=0):
    return a - b

print(pair(1), pair(1, 0), pair(1, b=0), pair(a=1), pair.cache_info())
print(functools.update_wrapper(lambda: 0, documented).__name__)
