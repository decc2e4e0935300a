# Checks that a suspended generator found in a reference cycle by gc.collect() is closed as CPython closes it, with the events a tracer sees.
import sys, gc
def tracer(frame, event, arg):
    if frame.f_code.co_name == "<genexpr>":
        print(event, frame.f_code.co_name, frame.f_lineno)
    return tracer
l = [1, 2, 3]
sys.settrace(tracer)
g = (x for x in l)
next(g)
l.append(g)
del l, g
print("collect")
n = gc.collect()
sys.settrace(None)
print("done")
