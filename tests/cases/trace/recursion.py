# Checks tracing of recursive calls: call/return pairs with depth from f_back, return values, and the line events at each level.
import sys
def depth(frame):
    n = 0
    while frame.f_back is not None:
        n += 1
        frame = frame.f_back
    return n
def tracer(frame, event, arg):
    if frame.f_code.co_name == "fact":
        pad = "  " * depth(frame)
        if event == "return":
            print(pad + event, frame.f_locals["n"], frame.f_lineno, "->", arg)
        else:
            print(pad + event, frame.f_locals["n"], frame.f_lineno)
    return tracer
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
sys.settrace(tracer)
print(fact(4))
sys.settrace(None)
