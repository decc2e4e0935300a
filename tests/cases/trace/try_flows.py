# Checks line and exception events through try/except/else/finally: no exception, caught, uncaught with finally, return inside finally-protected code.
import sys
def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name.startswith("flow"):
        extra = arg[0].__name__ if event == "exception" else (repr(arg) if event == "return" else "")
        print(name, event, frame.f_lineno - frame.f_code.co_firstlineno, extra)
    return tracer
def flow_ok():
    try:
        x = 1
    except ValueError:
        x = 2
    else:
        x = 3
    finally:
        x += 10
    return x
def flow_caught():
    try:
        x = int("bad")
    except ValueError:
        x = -1
    finally:
        x -= 1
    return x
def flow_uncaught():
    try:
        return {}["k"]
    finally:
        done = True
def flow_return_in_try():
    for i in range(3):
        try:
            if i == 1:
                return i
        finally:
            i = i
    return None
sys.settrace(tracer)
print(flow_ok(), flow_caught())
try:
    flow_uncaught()
except KeyError:
    print("KeyError escaped")
print(flow_return_in_try())
sys.settrace(None)
