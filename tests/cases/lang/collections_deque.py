# collections.deque: the ring buffer's methods, maxlen, indexing, iteration (and its mutation check), operators, reprs, subclasses and CPython's error messages
from collections import deque

def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft("ab")
print(d)
d.rotate()
print(d)
d.rotate(-3)
print(d)
d.rotate(10)
print(d, d.count(7), d.index(7), d.index(2, 1), 7 in d, 99 in d)
d.insert(2, "x")
d.insert(-1, "y")
d.insert(100, "z")
d.insert(-100, "w")
print(d)
d.remove("x")
d.reverse()
print(d, d[0], d[-1], d[3])
d[0] = "Z"
del d[1]
print(d)
c = d.copy()
c.clear()
print(c, d == d.copy(), d is d.copy())
print(list(reversed(deque([1, 2, 3]))), list(deque("abc")))

m = deque(range(10), maxlen=3)
print(m, m.maxlen, deque().maxlen)
m.append(10)
m.appendleft(-1)
print(m)
m.extend(range(20, 25))
print(m)
m.extendleft([1, 2])
print(m)
z = deque([1, 2], maxlen=0)
z.append(1)
print(z, repr(deque(maxlen=5)))

print(deque([1, 2]) + deque([3]), deque([1, 2]) * 3, 2 * deque([0]), deque([1]) * 0)
print(deque([1, 2], maxlen=3) * 3, deque([1, 2], maxlen=3) + deque([3, 4]))
q = deque([1])
q += [2, 3]
q += q
print(q)
q *= 2
print(q)
q.extend(q)
print(len(q))

print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1]), deque([1, 2]) < deque([1, 3]))
print(deque([1, 2]) <= deque([1, 2]), deque([2]) > deque([1, 9]), deque([1]) >= deque([1, 0]))
print(deque([1, 2]) == [1, 2], [1] == deque([1]))

r = deque()
r.append(r)
print(r)
big = deque(range(100))
big.rotate(37)
print(big[0], big[99], sum(big))

t(lambda: deque().pop())
t(lambda: deque().popleft())
t(lambda: deque()[0])
t(lambda: deque([1])[5])
t(lambda: deque([1])[-2])
t(lambda: deque([1])["a"])
t(lambda: deque([1, 2])[0:1])
t(lambda: deque([1]).remove(2))
t(lambda: deque([1]).index(2))
t(lambda: deque([1, 2, 3]).index(3, 0, 2))
t(lambda: deque([1], 1).insert(0, 2))
t(lambda: hash(deque()))
t(lambda: next(deque()))
t(lambda: deque([1]) + [1])
t(lambda: deque([1]) < [1])
t(lambda: deque([1]) * "a")
t(lambda: deque(1, 2, 3))
t(lambda: deque([1], maxlen=-1))
t(lambda: deque([1], maxlen="a"))
t(lambda: deque(x=1))
t(lambda: deque(5))
t(lambda: deque().append())
t(lambda: deque().rotate(1, 2))
t(lambda: deque().rotate("a"))
t(lambda: deque().count())
t(lambda: deque().index())
t(lambda: deque().insert(1))
t(lambda: deque.append(5, 1))
t(lambda: deque([1]).extend(5))
t(lambda: deque([1, 2, 3], 2))
t(lambda: deque(iterable=[1], maxlen=2))
t(lambda: type(deque()).__name__)
t(lambda: deque.__module__)

for op in ["append", "pop", "rotate", "clear", "reverse", "set", "del", "insert"]:
    d = deque([1, 2, 3])
    it = iter(d)
    next(it)
    if op == "append":
        d.append(4)
    elif op == "pop":
        d.pop()
    elif op == "rotate":
        d.rotate(1)
    elif op == "clear":
        d.clear()
    elif op == "reverse":
        d.reverse()
    elif op == "set":
        d[0] = 9
    elif op == "del":
        del d[0]
    else:
        d.insert(0, 0)
    t(lambda: list(it))

class Eq:
    def __init__(self, d):
        self.d = d
    def __eq__(self, other):
        self.d.append(1)
        return False

d = deque([1, 2])
t(lambda: d.count(Eq(d)))
d = deque([1, 2])
t(lambda: Eq(d) in d)
d = deque([1, 2])
t(lambda: d.remove(Eq(d)))

class D(deque):
    def peek(self):
        return self[-1]

s = D([1, 2, 3], maxlen=4)
s.append(5)
s.append(6)
print(s, s.peek(), len(s), isinstance(s, deque), type(s.copy()).__name__, s.copy())
print(list(s), s[0], 2 in s, s.maxlen)

class E(deque):
    def __init__(self, items):
        super().__init__(items)
        self.tag = "e"

e = E("xy")
print(e, e.tag, e.pop(), e)

import json
a, b = D([1, 2]), deque([3])
print(a + b, b + a, a * 2, 2 * a, list(reversed(a)), a == D([1, 2]), a == deque([1, 2]))
a += [9]
a *= 2
print(a, type(a).__name__)
t(lambda: json.dumps(deque([1])))
print(sorted(deque([3, 1, 2])), sum(deque([3, 1, 2])), max(deque("abc")), f"{deque([1])}", str(deque()))
print(deque([1, 2]).__len__(), deque([1, 2]).__getitem__(1), deque([1, 2]).__contains__(2), type(iter(deque())).__name__)
t(lambda: deque().insert(3 ** 45, 1))
t(lambda: deque([1], maxlen=3 ** 45))
t(lambda: deque([1]) * (3 ** 45))
t(lambda: deque([1])[3 ** 45])
t(lambda: deque().rotate(-3 ** 45))
print(deque[int], D[str])
