# Checks min()/max() compare item > best (max) and item < best (min) lazily with key=, and CPython's messages for bad calls (sorted reverse=, functools.partial, str(), type(), positional-only keywords, indices, replace, divmod, pow, super).
F, S, N = 1.5, "x", None
import functools
class K:
    def __init__(s, v):
        s.v = v
    def __lt__(s, o):
        print("lt", s.v, o.v)
        return s.v < o.v
    def __gt__(s, o):
        print("gt", s.v, o.v)
        return s.v > o.v
class It:
    def __init__(self, n): self.i = 0; self.n = n
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        print("next", self.i)
        if self.i > self.n: raise StopIteration
        return K(self.i % 3)
def key(k):
    print("key", k.v)
    return k
def show(label, f):
    try:
        r = f()
        print(label, '->', r.v if isinstance(r, K) else r)
    except Exception as e:
        print(label, '->', type(e).__name__, e)
show('max', lambda: max([K(1), K(3), K(2)]))
show('min', lambda: min([K(1), K(3), K(2)]))
show('maxkey', lambda: max(It(4), key=key))
show('minkey', lambda: min(It(4), key=key))
show('max2', lambda: max(K(5), K(4), key=None))
show('min2', lambda: min(K(5), K(4), key=key))
show('maxdef', lambda: max([], default=7))
show('mindef', lambda: min(It(0), default=K(9)))
show('maxerr', lambda: max([1, [2, 3]]))
show('minerr', lambda: min([1, 'a']))
show('empty', lambda: max([]))
show('none', lambda: max())
show('defmulti', lambda: max(1, 2, default=3))
show('int', lambda: max(5))
show('kw', lambda: max([1], foo=2))
show('keyx', lambda: max([1, 2], key=5))
for a in [(1, 2, 3), ([1, 2], 1.5), ('a', 'b'), ([], 0)]:
    show('sorted rev', lambda: sorted(a[0] if isinstance(a[0], list) else [3, 1], reverse=a[1]))
show('sort rev big', lambda: [1].sort(reverse=2**40))
show('partial', lambda: functools.partial(None))
show('partial ok', lambda: functools.partial(print, 1).args)
show('str3', lambda: str(1, 'a', 'b'))
show('str enc', lambda: str('x', 'utf8'))
show('str4', lambda: str(1, 2, 3, 4))
show('type2', lambda: type(1, 2))
show('type3', lambda: type('A', (), 5))
show('type3b', lambda: type(1, (), {}))
show('posonly', lambda: (lambda a, b, /, c: 0)(1, b=2, a=3, c=4))
show('posonly kw', lambda: (lambda a, /, **k: k)(1, a=2))
show('posonly2', lambda: (lambda a, /: 0)(a=1, z=2))
show('str idx', lambda: 'abc'[F])
show('list idx', lambda: [1][S])
show('tuple idx', lambda: (1,)[N])
show('replace2', lambda: 'x'.replace('a', None))
show('divmod', lambda: divmod(1, 'a'))
show('divmod f', lambda: divmod(2**1024, 1.5))
show('divmod ok', lambda: divmod(7.5, 2))
show('pow3', lambda: pow(2, 3, 5.0))
show('pow3b', lambda: pow(2.0, 3, 5))
show('pow3c', lambda: pow(2, 3, 'a'))
show('pow2', lambda: pow([], 2))
show('ipow', lambda: exec_ipow())
def exec_ipow():
    x = 'a'
    x **= 2
show('super1', lambda: super(1))
show('super3', lambda: super(1, 2, 3))
show('superbad', lambda: super(int, 'x'))
show('superok', lambda: super(int, True).__class__)
class A:
    def f(self): return super().__repr__()[:5]
    @classmethod
    def g(cls): return super(A, cls).__name__ if False else 'g'
    def h(*a): return super()
show('supf', lambda: A().f())
show('supg', lambda: A.g())
show('suph', lambda: A().h())
show('supmod', lambda: super())
