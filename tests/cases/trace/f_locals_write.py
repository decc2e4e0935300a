# Checks that a trace function's changes to f_locals (assign and delete) reach the frame, and that f_locals is the same dict on each access.
import sys
def tracer(frame, event, arg):
    if frame.f_code.co_name == "target" and event == "line" and frame.f_lineno == 12:
        loc = frame.f_locals
        print("saw", sorted(loc.items()), loc is frame.f_locals)
        loc["x"] = 100
        loc["y"] = "changed"
        del loc["z"]
    return tracer
def target():
    x = 1; y = 2; z = 3
    w = 4
    try:
        print(x, y, z)
    except NameError as e:
        print("NameError", e)
    print(x, y)
sys.settrace(tracer)
target()
sys.settrace(None)
