# collections.ChainMap (Python in CPython and in krait): lookups through the maps, writes to the first, new_child/parents, the mapping views, ==, |, and its KeyError messages
from collections import ChainMap
import collections
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
a = {'x': 1, 'y': 2}; b = {'y': 20, 'z': 30}
c = ChainMap(a, b)
print(c, c['y'], c['z'], len(c), list(c), 'z' in c, c.get('w', 0), bool(c), bool(ChainMap()))
print(c.keys(), c.items(), c.values(), list(c.items()), list(c.values()), sorted(c.keys()))
print(c.keys() == {'x', 'y', 'z'}, c.keys() & {'x'}, ('x', 1) in c.items(), 30 in c.values())
c['w'] = 5
del c['x']
print(c, a)
t(lambda: c['nope'])
t(lambda: c.__delitem__('z'))
t(lambda: c.pop('zz'))
t(lambda: ChainMap({}).popitem())
n = c.new_child({'q': 1}, r=2)
print(n, n.parents, n.maps[0], dict(n))
print(c == {'y': 2, 'z': 30, 'w': 5}, c == ChainMap({'y': 2, 'z': 30, 'w': 5}), c != {})
print(c | {'k': 1}, {'k': 1} | c, ChainMap.fromkeys('ab', 0), c.copy())
c |= {'m': 1}
print(c, c.setdefault('m', 9), c.setdefault('new', 7), c)
c.update({'u': 1}, v=2)
print(c)
t(lambda: hash(c))
t(lambda: reversed(c))
