# Checks exceptions from __eq__/__hash__ during lookups, __hash__ results (-1, bools, big ints, non-ints), __hash__ = None for a class defining only __eq__, and NaN keys found by identity.
class E:
    def __hash__(self): return 1
    def __eq__(self, o): raise ValueError('boom')
class F:
    def __hash__(self): raise KeyError('h')
for f in [lambda: {E(): 1, E(): 2}, lambda: E() in {E()}, lambda: {1: 2}.get(E()), lambda: {E()} == {E()},
          lambda: {F(): 1}, lambda: F() in {1}, lambda: {1}.add(F()), lambda: hash((F(),)),
          lambda: {E(): 1}[1], lambda: 1 in {E()}, lambda: {E()}.add(1), lambda: {1: 1} == {E(): 1}]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class H:
    def __init__(self, r): self.r = r
    def __hash__(self): return self.r
for r in [-1, True, False, 2**70, -2**70, 2**61 - 1, 2**63, 'x', 1.5, None]:
    try:
        print(r, hash(H(r)))
    except TypeError as e:
        print('TypeError', e)
class A:
    def __eq__(self, o): return True
class B(A): pass
class C(A):
    def __hash__(self): return 3
print(A.__hash__, B.__hash__, C().__hash__())
for x in [A(), B()]:
    try: hash(x)
    except TypeError as e: print(e)
    try: {x}
    except TypeError as e: print(e)
    try: {x: 1}
    except TypeError as e: print(e)
print(hash(C()), {C(): 1}[C()], C() in {1: 2})
n = float('nan')
d = {n: 1}
print(d[n], n in d, n in {n}, [n].count(n), [n].index(n), n in [n], n in (n,), (n,) == (n,), [n] == [n])
print({n: 1} == {n: 1}, {n} == {n})
x = float('nan')
print(hash(-1), hash(-2), hash((1, 2, (3, 4))), hash(frozenset([1, (2, 3)])))
