# Checks the events a tracer and a profiler see for generator expressions drained by set/sum/max/list/tuple, with tracing turned on or off inside the generator, and an unhashable item stopping set() midway.
import sys
def tr(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno, arg if event in ("return",) and not hasattr(arg, "__dict__") else "")
    return tr
def run():
    a = set(i % 3 for i in range(4))
    b = sum(i for i in range(3))
    c = max(i for i in range(3))
    d = list(i for i in range(2))
    return a, b, c, d
sys.settrace(tr)
run()
sys.settrace(None)
def turn_on(i):
    if i == 1:
        sys.settrace(tr)
    return i
def run2():
    return list(turn_on(i) for i in range(4))
print(run2())
sys.settrace(None)
def turn_off(i):
    if i == 1:
        sys.settrace(None)
    return i
def run3():
    return sum(turn_off(i) for i in range(4))
sys.settrace(tr)
print(run3())
sys.settrace(None)
def prof(frame, event, arg):
    print("P", event, frame.f_code.co_name if hasattr(frame, "f_code") else "", getattr(arg, "__name__", ""))
sys.setprofile(prof)
x = set(i for i in range(2))
y = tuple(i for i in range(2))
sys.setprofile(None)
print(x, y)
sys.settrace(tr)
try:
    set(x for x in [1, [2], 3])
except TypeError as e:
    print("TE", e)
sys.settrace(None)
