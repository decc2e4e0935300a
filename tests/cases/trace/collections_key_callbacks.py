# Checks the user __hash__/__eq__ calls (and their profile/trace events) collections makes on keys: Counter's counting (one hash per element, as CPython's C _count_elements), OrderedDict's iteration (a hash per step), repr, copy, pop (three lookups), ChainMap, deque's searches; filtered to this file
import sys
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple, ChainMap
def tr(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    b = frame.f_back
    print(event, frame.f_code.co_name, frame.f_lineno, b.f_code.co_name if b else None)
    return tr
def prof(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    print("P", event, getattr(arg, '__name__', None) if event.startswith('c_') else '', frame.f_code.co_name, frame.f_lineno)
class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, K) and self.v == o.v
    def __hash__(self): return hash(self.v)
    def __repr__(self): return f"K({self.v})"
def work():
    c = Counter([K(1), K(2), K(1)])
    c.update([K(2)])
    c.subtract({K(1): 1})
    print(c.most_common(1), c[K(9)])
    od = OrderedDict([(K(1), 1), (K(2), 2)])
    od.move_to_end(K(1), last=False)
    print(od == OrderedDict([(K(1), 1), (K(2), 2)]), list(od))
    dd = defaultdict(lambda: K(0))
    print(dd[K(3)], len(dd))
    d = deque([K(1), K(2)])
    print(d.index(K(2)), d.count(K(1)), K(5) in d)
    d.remove(K(1))
    cm = ChainMap({K(1): 'a'}, {K(2): 'b'})
    print(cm[K(2)], K(1) in cm, len(cm))
    P = namedtuple('P', 'x y')
    print(P(K(1), K(2)))
    print(sorted(Counter('abca').elements()))
sys.settrace(tr)
work()
sys.settrace(None)
sys.setprofile(prof)
work()
sys.setprofile(None)
print("part two")
od = OrderedDict([(K(1), 1), (K(2), 2)])
dd = defaultdict(int, {K(1): 1})
c = Counter({K(1): 3})
sys.setprofile(prof)
print("A"); list(od.items())
print("B"); list(od.values())
print("C"); list(reversed(od))
print("D"); repr(od)
print("E"); dict(od)
print("F"); od.copy()
print("G"); repr(dd)
print("H"); dd.copy()
print("I"); repr(c)
print("J"); c + c
print("K"); K(1) in od
print("L"); od.pop(K(2))
sys.setprofile(None)
