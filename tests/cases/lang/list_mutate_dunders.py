# Checks comparisons, sort, min/max, index/count over a list mutated by the items' dunders or a key function
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if len(l) < 6:
            l.append(C(self.v + 10))
        return self.v < o.v
    def __gt__(self, o):
        if len(l) < 6:
            l.append(C(self.v + 20))
        return self.v > o.v
    def __eq__(self, o):
        if len(l) < 6:
            l.append(C(self.v + 30))
        return self.v == o.v
    def __repr__(self): return "C%d" % self.v
l = [C(1), C(2)]
print(max(l), l)
l = [C(1), C(2)]
print(min(l), l)
l = [C(1), C(2)]
print(l < [C(1), C(3)], l)
l = [C(1), C(2)]
print([C(1), C(3)] > l, l)
l = [C(1), C(2)]
try:
    l.sort()
except ValueError as e:
    print(e)
print(l)
l = [C(1), C(2)]
print(sorted(l), l)
l = [C(1), C(2)]
r = []
for x in reversed(l):
    r.append(x)
    if len(l) < 5:
        l.insert(0, C(7))
print(r, l)
l = [1, 2, 3, 4, 5]
for x in l:
    l.remove(x)
print(l)
l = [1, 2, 3]
print([x for x in l if len(l) < 6 and not l.append(x)], l)
l = [1, 2, 3]
print(list(enumerate(l)) if not l.append(9) else 0)
l = [C(1), C(2), C(3)]
print(l.index(C(3)), l)
l = [C(1), C(2), C(3)]
print(l.count(C(3)), l)
l = [C(1), C(2), C(3)]
t = (C(1), C(2), C(3))
print(t.index(C(3)), t.count(C(2)), C(9) in t, l)
l = [C(1), C(2)]
d = {}
print(C(1) in [C(1)], l)
l = [1, 2, 3]
def key(x):
    l.clear()
    return x
try:
    l.sort(key=key)
except ValueError as e:
    print(e)
print(l)
l = [3, 1, 2]
print(sorted(l, key=key), l)
l = [C(2), C(1)]
print(l == l, l)
