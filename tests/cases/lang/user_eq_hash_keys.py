# Checks dict/set lookups compare user keys with __eq__ (identity first, across types, stored key on the left), and dict/set equality and set algebra with such keys.
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o):
        print('eq', self.v, type(o).__name__)
        return isinstance(o, K) and self.v == o.v or o == self.v
    def __repr__(self): return 'K(%r)' % (self.v,)
d = {K(1): 'a', 2: 'b'}
print(d[K(1)], d[1], K(2) in d, d.get(K(3)))
d[K(1)] = 'c'
print(d)
d[1] = 'x'
print(d)
del d[K(1)]
print(d)
s = {K(1), K(2), 1}
print(len(s), s)
s.add(2); s.discard(K(1)); print(s)
print(K(5) in {5}, 5 in {K(5)})
print({K(1): 1} == {1: 1}, {1: 1} == {K(1): 1})
print({K(1)} == {1}, {1} <= {K(1), 2}, {K(1)} & {1, 2}, {1, 2} - {K(2)})
print(frozenset([K(3)]) == frozenset([3]))
print(hash((K(5),)) == hash((5,)), hash((K(5), 'a')) == hash((5, 'a')))
t = {(K(1), 2): 'a'}
print(t[(1, 2)])
print(dict.fromkeys([K(1), 1, K(1)]))
print(set([K(1), 1, 2, K(2)]))
print({1: 2}.pop(K(1)), {1: 2}.setdefault(K(1), 9))
