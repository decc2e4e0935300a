# Checks a local trace function returning a different function: later events of that frame go to the new one, and returning None stops line events.
import sys
def tracer_a(frame, event, arg):
    print("A", event, frame.f_code.co_name, frame.f_lineno)
    if event == "line" and frame.f_lineno == LINE_SWITCH:
        return tracer_b
    return tracer_a
def tracer_b(frame, event, arg):
    print("B", event, frame.f_code.co_name, frame.f_lineno)
    if event == "line" and frame.f_lineno == LINE_STOP:
        return None
    return tracer_b
def work():
    a = 1
    b = 2
    c = 3
    d = 4
    e = 5
    return a + b + c + d + e
LINE_SWITCH = work.__code__.co_firstlineno + 2
LINE_STOP = work.__code__.co_firstlineno + 4
def global_tracer(frame, event, arg):
    print("G", event, frame.f_code.co_name, frame.f_lineno)
    return tracer_a
sys.settrace(global_tracer)
print(work())
sys.settrace(None)
