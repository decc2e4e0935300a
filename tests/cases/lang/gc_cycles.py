# Checks that gc.collect() finds reference cycles through lists, dicts, instances, bound methods and tuples (the counts where krait's objects are CPython's), and leaves reachable ones intact.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.links = []
    def m(self):
        return self.name

def cycles_found(make):
    gc.collect()
    make()
    return gc.collect()

def list_self():
    a = []
    a.append(a)

def dict_self():
    d = {}
    d["d"] = d

def instance_self():
    n = Node("n")
    n.me = n

def instance_pair():
    a = Node("a")
    b = Node("b")
    a.other = b
    b.other = a

def bound_method():
    n = Node("n")
    n.cb = n.m

def list_tuple():
    x = [1, 2]
    x.append((x, 3))

def set_of_tuple():
    s = set()
    n = Node("s")
    n.s = s
    s.add(n)

def ring(k):
    def make():
        first = Node(0)
        cur = first
        for i in range(1, k):
            nxt = Node(i)
            cur.next = nxt
            cur = nxt
        cur.next = first
    return make

for make in [list_self, dict_self, instance_self, instance_pair, bound_method,
             list_tuple, set_of_tuple, ring(10), ring(1000)]:
    print(make.__name__, cycles_found(make))

# Nothing to find: acyclic garbage is freed at once.
def acyclic():
    x = [[1], {"a": (2, [3])}, Node("x")]
print("acyclic", cycles_found(acyclic))

# Cycles still reachable from a variable survive, with their contents.
keep = Node("keep")
keep.me = keep
keep.links = [keep, {"k": keep}, (keep, [keep])]
held = []
held.append(held)
held.append({"x": [1, 2, 3]})
print(gc.collect())
print(keep.me is keep, keep.links[0] is keep, keep.links[1]["k"] is keep)
print(keep.links[2][0] is keep, keep.links[2][1][0] is keep, keep.name)
print(held[0] is held, held[1])
del keep, held
print(gc.collect() > 0)

# A cycle reachable only through another cycle goes with it.
gc.collect()
outer = []
outer.append(outer)
inner = {}
inner["i"] = inner
outer.append(inner)
del inner
print(gc.collect())
del outer
print(gc.collect())

# With automatic collection off, cycles wait for gc.collect().
gc.disable()
gc.collect()
for i in range(1000):
    a = []
    a.append(a)
del a
print(gc.collect())
gc.enable()
