# collections.defaultdict and OrderedDict: default factories (__missing__), move_to_end, popitem(last=), order-sensitive ==, the odict views, reprs, copies, |, user subclasses and CPython's error messages
from collections import defaultdict, OrderedDict

def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

d = defaultdict(list)
d["a"].append(1)
d["b"].append(2)
d["a"].append(3)
print(d, d["a"], len(d), "c" in d, d.get("c"), d.default_factory)
n = defaultdict(int, {"x": 1}, y=2)
n["z"] += 5
print(n, sorted(n.items()), isinstance(n, dict), type(n).__name__)
c = n.copy()
c["w"] += 1
print(c, n, type(c).__name__, c.default_factory)
e = defaultdict()
t(lambda: e["k"])
print(e, defaultdict(None, a=1))
e.default_factory = lambda: "dflt"
print(e["k"], dict(e))
print(defaultdict(list) == {}, d == {"a": [1, 3], "b": [2]})
print(d | {"c": [9]}, {"c": 0} | n, type(d | {}).__name__, type({} | d).__name__)
g = defaultdict(set)
g[1].add(2)
g.setdefault(3, "s")
print(g, g.pop(1), g)
t(lambda: defaultdict(5))
t(lambda: defaultdict(list, 5))
t(lambda: defaultdict(list).copy(1))
t(lambda: defaultdict.copy(5))
t(lambda: defaultdict(list).__missing__(1))
t(lambda: defaultdict().__missing__(1))
rec = defaultdict(None)
rec[1] = rec
print(rec)

class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)
    def __repr__(self):
        return "T" + dict.__repr__(self)

tr = Tree()
tr["a"]["b"]["c"] = 1
print(tr, type(tr["a"]).__name__)

class Log(defaultdict):
    def __missing__(self, key):
        print("missing", key)
        return super().__missing__(key)

lg = Log(lambda: 0)
lg["q"] += 1
print(dict(lg), type(lg).__name__)

o = OrderedDict()
o["b"] = 1
o["a"] = 2
o["c"] = 3
print(o, list(o), o.keys(), o.values(), o.items())
o.move_to_end("b")
print(o)
o.move_to_end("b", last=False)
print(o)
o.move_to_end("c", False)
print(list(o))
print(o.popitem(), o.popitem(last=False), o)
o.update(x=1, y=2)
print(o, list(reversed(o)), OrderedDict(a=1))
p = OrderedDict([("x", 1), ("y", 2)])
q = OrderedDict([("y", 2), ("x", 1)])
print(p == q, p != q, p == dict(q), dict(q) == p, p == {"x": 1, "y": 2})
print(OrderedDict(), OrderedDict.fromkeys("abc", 0), type(OrderedDict.fromkeys("a")).__name__)
print(p.copy(), type(p.copy()).__name__, p | {"z": 3}, {"z": 3} | p)
print(p.pop("x"), p.setdefault("k", 7), p, p.get("k"))
t(lambda: OrderedDict().popitem())
t(lambda: OrderedDict().move_to_end("a"))
t(lambda: OrderedDict().move_to_end())
t(lambda: OrderedDict().move_to_end(1, 2, 3))
t(lambda: OrderedDict().popitem(1, 2))
t(lambda: OrderedDict(1, 2))
t(lambda: OrderedDict([(1, 2)]).keys())
t(lambda: hash(OrderedDict()))
ro = OrderedDict()
ro["me"] = ro
print(ro)

class LRU(OrderedDict):
    def __init__(self, size):
        super().__init__()
        self.size = size
    def __getitem__(self, key):
        value = super().__getitem__(key)
        self.move_to_end(key)
        return value
    def __setitem__(self, key, value):
        super().__setitem__(key, value)
        if len(self) > self.size:
            oldest = next(iter(self))
            del self[oldest]

lru = LRU(2)
lru["a"] = 1
lru["b"] = 2
lru["a"]
lru["c"] = 3
print(lru, list(lru), lru.size)

import json
print(json.dumps(defaultdict(int, a=1)), json.dumps(OrderedDict(b=[1, 2], a=None)))
print(type(defaultdict.fromkeys("ab")).__name__, defaultdict.fromkeys("ab", 0), OrderedDict.fromkeys([3, 1]))

def mutate(how):
    od = OrderedDict(a=1, b=2, c=3)
    seen = []
    try:
        for k in od:
            seen.append(k)
            if how == "move":
                od.move_to_end(k)
            elif how == "add":
                od["z"] = 0
            elif how == "del":
                del od["c"]
            else:
                od[k] = 5
    except RuntimeError as e:
        print(how, seen, e)
    else:
        print(how, seen, od)

for how in ["move", "add", "del", "set"]:
    mutate(how)
od = OrderedDict(a=1, b=2)
print(list(reversed(od)), list(od.values()), list(od.items()), [k for k in od.keys()])
it = iter(od)
print(next(it), type(it).__name__)
od.popitem()
t(lambda: next(it))
print(defaultdict[str, int], OrderedDict[str, list[int]], LRU[int])
