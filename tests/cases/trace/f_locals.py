# Checks frame.f_locals at each line and return event: arguments, new assignments, deleted names, loop variables.
import sys
def tracer(frame, event, arg):
    if frame.f_code.co_name == "compute":
        items = sorted(frame.f_locals.items())
        print(event, frame.f_lineno, items)
    return tracer
def compute(a, b=2, *rest, **kw):
    c = a + b
    tmp = [c] * 2
    del tmp
    for i in range(2):
        c += i
    label = "done"
    return c
sys.settrace(tracer)
compute(1, 5, 6, key="v")
sys.settrace(None)
def inspect_caller():
    caller = sys._getframe(1)
    return sorted(k for k in caller.f_locals if not k.startswith("_"))
def user():
    alpha = 1
    beta = [2]
    return inspect_caller()
print(user())
