# Built-ins with fast paths (len, isinstance, list.append): at the recursion
# limit, warm and cold, under a profiler (c_call events), bound, on other
# types, and failing.
import sys
sys.setrecursionlimit(50)
def mk(kind):
    def f(d):
        try:
            return f(d + 1)
        except RecursionError:
            try:
                if kind == "len":
                    len([1])
                elif kind == "isinstance":
                    isinstance(1, int)
                else:
                    [].append(1)
                return (kind, "ok", d)
            except RecursionError:
                return (kind, "failed", d)
    return f
for kind in ["len", "isinstance", "append"]:
    f = mk(kind)
    print(f(0))
    for i in range(10):
        f(45)
    print(f(0))
# Under a profiler: c_call/c_return events for each.
events = []
def prof(frame, event, arg):
    if event.startswith("c_"):
        events.append((event, arg.__name__))
l = []
sys.setprofile(prof)
len(l); isinstance(l, list); l.append(3)
sys.setprofile(None)
print(events)
f = [].append
print(f(1), isinstance(True, int), isinstance(3, (str, int)), len({1: 2}), len(frozenset([1, 2])), len(range(7)))
class L:
    def __len__(self): return 5
print(len(L()))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
try:
    [].append()
except TypeError as e:
    print(e)
try:
    list.append(1, 2)
except TypeError as e:
    print(e)
print(list.append(l, 4), l)
