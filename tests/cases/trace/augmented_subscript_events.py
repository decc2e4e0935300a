# Augmented subscript assignments (`c[k] op= v`), which krait runs as
# fused instructions for lists, traced: line events, opcode events (one
# per instruction, as CPython's), and exceptions raised by the load or
# the store.
import sys


def tracer(frame, event, arg):
    if frame.f_code.co_name.startswith("work"):
        frame.f_trace_opcodes = frame.f_code.co_name == "work_opcodes"
        shown = arg if event != "exception" else (arg[0].__name__, str(arg[1]))
        print(event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno, shown)
    return tracer


def work_lines(v, k):
    v[0] += 1
    v[k] -= 2
    v[1] *= v[0]
    return v


def work_opcodes(v, k):
    v[0] += 1
    v[k] -= 2
    return v


def work_raises(v, k):
    try:
        v[k] += 1
    except IndexError:
        pass
    try:
        v["x"] += 1
    except TypeError:
        pass
    v[0] += "s"


sys.settrace(tracer)
print(work_lines([1, 2, 3], -1))
print(work_opcodes([1, 2, 3], 2))
try:
    work_raises([1, 2], 9)
except TypeError as e:
    print("caught", e)
sys.settrace(None)
