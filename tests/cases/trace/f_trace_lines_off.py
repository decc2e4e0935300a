# Checks frame.f_trace_lines = False: no line events for that frame, while call/return/exception still arrive; other frames unaffected.
import sys
def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == "call" and name.startswith("quiet"):
        frame.f_trace_lines = False
    print(event, name, frame.f_lineno, frame.f_trace_lines)
    return tracer
def quiet_work(n):
    total = 0
    for i in range(n):
        total += loud(i)
    try:
        1 / 0
    except ZeroDivisionError:
        total = -total
    return total
def loud(i):
    x = i * 2
    return x
sys.settrace(tracer)
print(quiet_work(2))
sys.settrace(None)
