# Checks a generator expression resumed by next() and abandoned early by any(): call/return events on each resume, and its close when dropped.
import sys
def tracer(frame, event, arg):
    if frame.f_code.co_name in ("<genexpr>", "run", "check"):
        print(event, frame.f_code.co_name, frame.f_lineno, repr(arg) if event == "return" else "")
    return tracer
def check(v):
    return v > 1
def run():
    g = (v * 10 for v in range(5))
    first = next(g)
    second = next(g)
    found = any(check(v) for v in range(10))
    return first, second, found
sys.settrace(tracer)
print(run())
sys.settrace(None)
