# Checks frame.f_back chains: from a deep call up to the module frame (whose f_back is None), with names and current lines.
import sys
def show_stack(frame):
    parts = []
    f = frame
    while f is not None:
        parts.append("%s:%d" % (f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return " <- ".join(parts)
def tracer(frame, event, arg):
    if event == "call":
        print("call  ", show_stack(frame))
    return None
def level3():
    return "bottom"
def level2():
    x = 1
    return level3()
def level1():
    return level2()
sys.settrace(tracer)
level1()
[level3() for _ in range(1)]
sys.settrace(None)
def direct():
    f = sys._getframe()
    print("direct", show_stack(f), f.f_back.f_back is None)
direct()
