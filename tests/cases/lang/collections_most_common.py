# Counter.most_common: all, n, 0, negative, past the size, 1; user counts compared as CPython's heapq.nlargest compares them
from collections import Counter
c = Counter('abracadabra')
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1), c.most_common(10), c.most_common(1))
class N:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print('lt', self.v, o.v); return self.v < o.v
    def __eq__(self, o):
        print('eq', self.v, o.v); return self.v == o.v
    def __repr__(self): return f'N({self.v})'
d = Counter({'a': N(3), 'b': N(1), 'c': N(2), 'd': N(5)})
print(d.most_common(2))
print(d.most_common(1))
