# Checks nested or self-referencing data and dunder recursion raise RecursionError with CPython's wording, and self-containing reprs print [...]
import sys
n = 0
def probe(name, f):
    global n
    n = 0
    try:
        r = f()
        print(name, 'ok', str(r)[:40])
    except RecursionError as e:
        print(name, n, e)
a = []
b = []
for i in range(5000):
    a = [a]
    b = [b]
probe('list eq', lambda: a == b)
probe('list lt', lambda: a < b)
probe('list repr', lambda: repr(a))
t = ()
u = ()
for i in range(5000):
    t = (t,)
    u = (u,)
probe('tuple eq', lambda: t == u)
probe('tuple hash', lambda: hash(t) == hash(u))
d = {}
for i in range(5000):
    d = {1: d}
probe('dict repr', lambda: repr(d))
x = []
x.append(x)
y = []
y.append(y)
probe('self eq', lambda: x == y)
probe('self repr', lambda: repr(x))
dd = {}
dd['k'] = dd
probe('self dict repr', lambda: repr(dd))
probe('self dict str', lambda: str([dd, x]))
probe('self dict eq', lambda: dd == {'k': dd})
e = ValueError()
e.args = (e,)
probe('exc str', lambda: str(e))
probe('exc repr', lambda: repr(e))
class R:
    def __repr__(self):
        global n; n += 1
        return repr(self)
probe('user repr', lambda: repr(R()))
class E:
    def __eq__(self, o):
        global n; n += 1
        return self == o
probe('user eq', lambda: E() == 1)
class H:
    def __hash__(self):
        global n; n += 1
        return hash(self)
probe('user hash', lambda: hash(H()))
class I:
    def __init__(self):
        global n; n += 1
        I()
probe('user init', lambda: I())
class S:
    def __str__(self):
        global n; n += 1
        return '%s' % (self,)
probe('user str', lambda: str(S()))
def via_map(_=0):
    global n; n += 1
    return list(map(via_map, [1]))
probe('map', via_map)
sys.setrecursionlimit(20000)
def f(k):
    if k == 0:
        return 0
    return list(map(f, [k - 1]))[0] + 1
print(f(3500))
l = []
for i in range(15000):
    l = [l]
print(len(repr(l)))
try:
    sys.setrecursionlimit(1)
except RecursionError as e:
    print(e)
