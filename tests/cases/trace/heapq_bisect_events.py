# settrace and setprofile around heapq and bisect, filtered to this file: the C functions (heappush, heappop, heapify, bisect, insort) report c_call/c_return, nlargest/merge (Python in CPython) do not; user __lt__ and key functions they call report their frames
import sys, heapq, bisect

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

class T:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v

def key(r):
    return r[0]

def work():
    h = []
    for v in (3, 1, 2):
        heapq.heappush(h, T(v))
    top = heapq.heappop(h).v
    xs = [T(4), T(0), T(5)]
    heapq.heapify(xs)
    big = heapq.nlargest(2, [5, 1, 9, 3], key=lambda v: v)
    merged = list(heapq.merge([1, 3], [2]))
    recs = [(1, 'a'), (3, 'b')]
    i = bisect.bisect_left(recs, 3, key=key)
    bisect.insort(recs, (2, 'c'), key=key)
    try:
        heapq.heappop([])
    except IndexError:
        pass
    return top, xs[0].v, big, merged, i, recs

sys.setprofile(prof)
work()
sys.setprofile(None)
sys.settrace(tracer)
print(work())
sys.settrace(None)
