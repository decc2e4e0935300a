# copy: shallow and deep copies of containers, instances (dict and slots), cycles and shared parts, __copy__/__deepcopy__; dataclasses.asdict deep-copies through it
import copy
a = [1, [2, 3], {'k': [4]}, (5, [6]), {7, 8}, frozenset({9}), 'x', None, 2.5]
b = copy.copy(a); c = copy.deepcopy(a)
print(b == a, b is a, b[1] is a[1], c == a, c[1] is a[1], c[2]['k'] is a[2]['k'], c[3] is a[3], c[3][1] is a[3][1])
t = (1, 2, 'x'); print(copy.deepcopy(t) is t, copy.copy(t) is t)
class P:
    def __init__(self, x, kids=None):
        self.x = x
        self.kids = kids or []
p = P(1, [P(2)])
q = copy.copy(p); r = copy.deepcopy(p)
print(q.x, q.kids is p.kids, r.kids is p.kids, r.kids[0].x, type(r).__name__)
cyc = [1]; cyc.append(cyc)
d = copy.deepcopy(cyc); print(d[1] is d, d is not cyc)
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = [1]
s = S(); s2 = copy.deepcopy(s); print(s2.a, s2.a is s.a, hasattr(s2, 'b'))
class C:
    def __init__(self): self.v = 1
    def __copy__(self):
        print('copy called'); return C()
    def __deepcopy__(self, memo):
        print('deepcopy called', type(memo).__name__); return 'deep'
print(copy.copy(C()).v, copy.deepcopy(C()))
shared = [1]; pair = [shared, shared]; dp = copy.deepcopy(pair); print(dp[0] is dp[1])
print(copy.deepcopy({'a': (1, [2])}), copy.copy(len) is len, copy.deepcopy(P) is P)
from dataclasses import dataclass, asdict
@dataclass
class D:
    p: object
print(asdict(D(P(3))) ['p'].x)
print(copy.Error, issubclass(copy.error, Exception))
