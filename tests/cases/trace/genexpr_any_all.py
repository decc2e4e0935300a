# Checks any() and all() over generator expressions: short-circuiting, user __bool__ calls in order, the generator left suspended where it stopped, a tracer's events, an error midway.
import sys
class B:
    def __init__(self, v): self.v = v
    def __bool__(self): print("bool", self.v); return self.v
print(any(x > 3 for x in range(10)), any(x > 30 for x in range(10)), all(x < 30 for x in range(10)), all(x < 3 for x in range(10)))
print(any(x for x in []), all(x for x in []))
print(any(B(v) for v in [False, False, True, False]), all(B(v) for v in [True, True, False, True]))
print(any((print("item", x) or x) for x in [0, "", None, 0.0, [], (), 5, 6]))
print(all((print("item", x) or x) for x in [1, "a", 2.5, [0], (0,), True, 0, 9]))
g = (x for x in range(10))
print(any(x > 4 for x in g), next(g))
g = (x for x in [1, 2, 0, 3])
print(all(g), list(g))
def tr(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno)
    return tr
sys.settrace(tr)
r = any(x > 1 for x in range(4))
sys.settrace(None)
print(r)
try:
    any(1 // (1 - x) for x in range(3))
except ZeroDivisionError as e:
    print("zde", e)
