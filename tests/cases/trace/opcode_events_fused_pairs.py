# Opcode events (f_trace_opcodes) come once per instruction, also for the
# instructions krait runs in pairs (a local then a constant, two locals, a
# local then its attribute, a store into a local's attribute). Lines and
# event counts only: krait's f_lasti has no inline cache entries, and no
# calls: krait has no PRECALL.
import sys


class P:
    def __init__(self):
        self.x = 1



def f(a, b, p):
    c = a + 1
    d = a + b
    e = p.x
    p.x = e
    return p.x + c + d


def tracer(frame, event, arg):
    frame.f_trace_opcodes = True
    if frame.f_code.co_name == "f":
        print(event, frame.f_lineno)
    return tracer


p = P()
f(1, 2, p)
f(1, 2, p)
sys.settrace(tracer)
f(1, 2, p)
sys.settrace(None)
