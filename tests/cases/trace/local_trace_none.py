# Checks a global tracer that returns None for some frames: those get only their 'call' event, but the frames they call are still traced.
import sys
def tracer(frame, event, arg):
    name = frame.f_code.co_name
    print(event, name, frame.f_lineno)
    if event == "call" and name.startswith("skip"):
        return None
    return tracer
def skip_me(n):
    a = n + 1
    b = traced(a)
    return b
def traced(v):
    w = v * 2
    return w
def top():
    r = skip_me(1)
    return traced(r)
sys.settrace(tracer)
print(top())
sys.settrace(None)
