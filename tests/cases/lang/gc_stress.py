# Checks that collections running at almost every allocation (threshold 1) never disturb live objects: containers, closures, generators, exceptions, methods and class state used while collections run.
import gc
gc.set_threshold(1, 1, 1)

class Tree:
    count = 0
    def __init__(self, value, parent=None):
        self.value = value
        self.parent = parent
        self.kids = []
        Tree.count += 1
        if parent is not None:
            parent.kids.append(self)
    def total(self):
        return self.value + sum(k.total() for k in self.kids)
    def path(self):
        node, out = self, []
        while node is not None:
            out.append(node.value)
            node = node.parent
        return out

def build(depth, width, parent=None, v=0):
    t = Tree(v, parent)
    if depth:
        for i in range(width):
            build(depth - 1, width, t, v * width + i)
    return t

root = build(3, 3)
print(root.total(), Tree.count, root.kids[2].kids[1].kids[0].path())

def counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc

incs = [counter() for _ in range(5)]
for i, f in enumerate(incs):
    for j in range(i + 1):
        f(j)
print([f(0) for f in incs])

data = {str(i): [i, (i, {"sq": i * i})] for i in range(50)}
data["self"] = data
keys = sorted(data, key=lambda k: (len(k), k))
print(keys[:5], keys[-3:], data["7"][1][1]["sq"])
print(sum(v[0] for k, v in data.items() if k != "self"))

pairs = sorted(((i * 37) % 11, [i]) for i in range(30))
print(pairs[:4])

s = {frozenset([i, i + 1]) for i in range(10)}
print(len(s), frozenset([3, 4]) in s)

def risky(i):
    try:
        if i % 3 == 0:
            raise ValueError([i, {"i": i}])
        return i
    except ValueError as e:
        return e.args[0][1]["i"] * 100
    finally:
        junk = [[]]
        junk[0].append(junk)

print([risky(i) for i in range(8)])

class Shape:
    def __init__(self, n):
        self.n = n
        self.cb = self.area
    def area(self):
        return self.n * self.n

shapes = [Shape(i) for i in range(10)]
print(sum(s.cb() for s in shapes), [s.__dict__["n"] for s in shapes[:3]])

gen = (x * x for x in range(10) if x % 2)
first = next(gen)
loop = [gen]
loop.append(loop)
print(first, list(gen), loop[1] is loop)

acc = []
for i in range(200):
    a = [i]
    b = {"a": a}
    a.append(b)
    if i % 50 == 0:
        acc.append(a)
print([x[0] for x in acc], acc[1][1]["a"] is acc[1])

m = list(map(lambda p: p[0] + p[1], zip(range(5), range(5, 10))))
e = list(enumerate("abc"))
r = list(reversed([1, [2], (3,)]))
print(m, e, r)

gc.set_threshold(700, 10, 10)
print(gc.collect() >= 0)
