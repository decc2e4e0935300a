# Checks 'exception' events: their (type, value, traceback) arg, one per frame the exception passes, and 'return' with None when a frame is left by it.
import sys
def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == "exception":
        etype, value, tb = arg
        print("exception", name, frame.f_lineno, etype.__name__, repr(value), tb is not None)
    elif event == "return":
        print("return", name, frame.f_lineno, repr(arg))
    else:
        print(event, name, frame.f_lineno)
    return tracer
def innermost(x):
    return 10 // x
def middle(x):
    y = innermost(x)
    return y + 1
def outer(x):
    try:
        return middle(x)
    except ZeroDivisionError as e:
        print("  outer caught:", e)
        return -1
sys.settrace(tracer)
print("result", outer(2))
print("result", outer(0))
sys.settrace(None)
