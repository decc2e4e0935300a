# Checks identity-first membership (NaN in tuple.count/list.remove), dict views and set methods/operators with user-__eq__ keys, which key object a result keeps.
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o):
        print('eq', self.v, o if not isinstance(o, K) else 'K%s' % o.v)
        return (o.v if isinstance(o, K) else o) == self.v
    def __repr__(self): return 'K%s' % self.v
n = float('nan')
print([1, n].index(n), (n, 2).count(n))
l = [n, 1]; l.remove(n); print(l)
d = {K(1): 'a', K(2): 'b'}
print(d.keys() & {1, 3}, d.keys() - {2}, d.keys() | {K(3)}, d.keys() ^ {1})
print(d.keys() == {1, 2}, (K(1), 'a') in d.items(), d.keys().isdisjoint([2]))
s = {K(1), K(2)}
print(s.issubset([1, 2, 3]), s.issuperset({1}), s.isdisjoint({5}), s.union([1, 4]), s.intersection([2]))
s.difference_update([1]); print(s)
s.symmetric_difference_update({2, 7}); print(s)
s |= {K(7)}; print(s)
s &= {7}; print(s)
s -= {7}; print(s)
print(frozenset([K(1)]) in {frozenset([1])}, {frozenset([K(1)]): 1}.get(frozenset([1])))
print(hash(frozenset([K(1)])) == hash(frozenset([1])))
e = {K(1): 0}
e.update({1: 5}); print(e)
e.update([(K(1), 6)]); print(e)
print(dict([(1, 'x'), (K(1), 'y')]), {**{1: 'a'}, **{K(1): 'b'}})
print({1: 'a'} | {K(1): 'b'})
x = {K(1): 'z'}; x |= {1: 'w'}; print(x)
print(set([1]) == frozenset([K(1)]), {K(1)} != {1}, {K(1)} < {1, 2}, {1, 2} > {K(2)})
print(sorted({K(3): 1, K(1): 2}.keys(), key=lambda k: k.v))
c = {}
c.setdefault(K(1), []).append(1); c.setdefault(1, []).append(2); print(c)
print(c.pop(1), c)
print(1 in {K(1)}.copy(), {K(1)}.pop())
