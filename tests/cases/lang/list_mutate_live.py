# Checks list.extend / += / 'in' / builtins over a list that grows while they iterate it see the live list, as CPython
l = [1, 2, 3]
l.extend(x for x in l if len(l) < 8)
print(l)
l = [1, 2, 3]
l += (x * 2 for x in l if len(l) < 7)
print(l)
l = [1, 2, 3]
for x in l:
    if len(l) < 6:
        l.append(x + 10)
print(l)
l = [1, 2]
def g1(x):
    if len(l) < 5:
        l.append(x)
    return x
def g():
    return (g1(x) for x in l)
print(list(g()), l)
l = [1, 2]
print(tuple(g()), l)
l = [1, 2]
print(sorted(g()), l)
l = [1, 2]
print(sum(g()), l)
l = [1, 2]
print(max(g()), l)
def k(x):
    if len(l) < 6:
        l.append(x + 1)
    return x
l = [1, 2, 3]
print(max(l, key=k), l)
l = [1, 2, 3]
print(min(l, key=k), l)
l = [1, 2, 3]
print(sorted(l, key=k), l)
l = [1, 2, 3]
print(any(k(x) > 100 for x in l), l)
l = [1, 2, 3]
print(all(k(x) < 100 for x in l), l)
l = [1, 2, 3]
print(sum(k(x) for x in l), l)
l = [1, 2, 3]
print(sum(map(k, l)), l)
l = [1, 2, 3]
print(list(map(k, l)), l)
l = [1, 2, 3]
print(list(filter(k, l)), l)
l = [1, 2, 3]
print([k(x) for x in l], l)
l = [1, 2, 3]
print(list(enumerate(map(k, l))), l)
l = [1, 2, 3]
print(list(zip(l, map(k, l))), l)
class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        if len(l) < 6:
            l.append(E(99))
        return False
    def __repr__(self): return "E%d" % self.v
l = [E(1), E(2)]
print(E(5) in l, l)
l = [E(1), E(2)]
print(l.count(E(5)), l)
l = [E(1), E(2)]
try:
    l.index(E(5))
except ValueError as e:
    print(e, l)
l = [E(1), E(2)]
try:
    l.remove(E(5))
except ValueError as e:
    print(e, l)
l = [E(1), E(2)]
print(l == [E(3), E(4)], l)
l = [1, 2, 3]
print(",".join(str(k(x)) for x in l), l)
l = [1, 2, 3]
s = set(k(x) for x in l); print(sorted(s), l)
l = [1, 2, 3]
d = dict((x, k(x)) for x in l); print(d, l)
l = [1, 2, 3]
l[len(l):] = (x for x in l if len(l) < 9); print(l)
l = [1, 2, 3]
l.extend(reversed(l)); print(l)
l = [1, 2, 3]
def gen2():
    return (1 // x for x in [1, 0])
try:
    l.extend(gen2())
except ZeroDivisionError as e:
    print(e, l)
l = [1, 2, 3]
try:
    l += gen2()
except ZeroDivisionError as e:
    print(e, l)
l = [1, 2]
print([*g()], l)
l = [1, 2]
a, *b = g(); print(a, b, l)
