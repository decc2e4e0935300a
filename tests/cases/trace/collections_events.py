# Checks setprofile/settrace events around collections, filtered to this file: deque, defaultdict and OrderedDict methods are C (c_call/c_return), their callbacks (default factories, user __eq__/__hash__) report their frames; Counter and namedtuple are Python in the library (no c_call), and the user code they call reports its frames
import sys
from collections import deque, defaultdict, OrderedDict, Counter, namedtuple

def prof(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    if event.startswith("c_"):
        print(event, arg.__name__, frame.f_code.co_name, frame.f_lineno)
    else:
        print(event, frame.f_code.co_name, frame.f_lineno)

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    print("trace", event, frame.f_code.co_name, frame.f_lineno)
    return tracer

class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, K) and self.v == o.v
    def __hash__(self):
        return hash(self.v)

def factory():
    return []

def work():
    d = deque([1, 2], maxlen=3)
    d.append(3)
    d.appendleft(0)
    d.rotate(1)
    x = d.pop() + d.popleft()
    n = d.count(K(1))
    try:
        d.index(9)
    except ValueError:
        pass
    k = K(2) in deque([K(2)])
    dd = defaultdict(factory)
    dd["a"].append(1)
    dl = defaultdict(list)
    dl[K(1)].append(2)
    o = OrderedDict(a=1, b=2)
    o.move_to_end("a")
    o.popitem(last=False)
    c = Counter([K(1), K(1), K(3)])
    mc = c.most_common(1)
    P = namedtuple("P", "x y")
    p = P(1, y=2)
    return len(d), x, n, k, mc[0][1], p.x, repr(p)

sys.setprofile(prof)
work()
sys.setprofile(None)
sys.settrace(tracer)
work()
sys.settrace(None)
print("done")
