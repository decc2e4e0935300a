# Checks list/dict/set comprehension and generator expression frames: their call/line/return events, names, f_back, and per-iteration lines.
import sys
def tracer(frame, event, arg):
    back = frame.f_back.f_code.co_name if frame.f_back else None
    if event == "return":
        print(event, frame.f_code.co_name, frame.f_lineno, "back=%s" % back, repr(arg))
    else:
        print(event, frame.f_code.co_name, frame.f_lineno, "back=%s" % back)
    return tracer
def build(n):
    squares = [i * i for i in range(n)]
    index = {i: s for i, s in enumerate(squares)}
    odd = {s % 2 for s in squares}
    total = sum(s for s in squares if s)
    nested = [[j for j in range(i)] for i in range(n)]
    return squares, index, odd, total, nested
sys.settrace(tracer)
print(build(3))
sys.settrace(None)
