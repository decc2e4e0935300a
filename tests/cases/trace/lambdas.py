# Checks lambda frames: named <lambda>, their line events and return values, when called directly, via map, via sorted key.
import sys
def tracer(frame, event, arg):
    if event == "return":
        print(event, frame.f_code.co_name, frame.f_lineno, repr(arg))
    else:
        print(event, frame.f_code.co_name, frame.f_lineno)
    return tracer
double = lambda x: x * 2
def main():
    a = double(4)
    b = list(map(lambda v: v + 1, [1, 2]))
    c = sorted(["bb", "a", "ccc"], key=lambda s: len(s))
    d = (lambda: "immediate")()
    e = (lambda p,
         q: p + q)(1,
                   2)
    return a, b, c, d, e
sys.settrace(tracer)
print(main())
sys.settrace(None)
