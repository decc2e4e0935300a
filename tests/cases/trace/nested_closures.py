# Checks tracing of nested functions and closures: qualnames, nonlocal updates seen in f_locals, calls of returned inner functions.
import sys
def tracer(frame, event, arg):
    co = frame.f_code
    if event in ("call", "return"):
        locs = sorted((k, v) for k, v in frame.f_locals.items() if isinstance(v, int))
        print(event, co.co_qualname, frame.f_lineno, locs, (repr(arg) if not callable(arg) else "<function %s>" % arg.__qualname__) if event == "return" else "")
    else:
        print(event, co.co_qualname, frame.f_lineno)
    return tracer
def make_counter(start):
    count = start
    def step(by):
        nonlocal count
        count += by
        return count
    return step
def run():
    s = make_counter(10)
    s(1)
    return s(5)
sys.settrace(tracer)
print(run())
sys.settrace(None)
