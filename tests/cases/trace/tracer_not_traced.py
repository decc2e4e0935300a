# Checks that a trace function runs with tracing suspended: functions it calls produce no events, and its own frame is never reported.
import sys
log = []
def helper_in_tracer(name):
    return name.upper()
def tracer(frame, event, arg):
    log.append((event, helper_in_tracer(frame.f_code.co_name), frame.f_lineno))
    return tracer
def traced(n):
    return n + 1
def outer():
    a = traced(1)
    return traced(a)
sys.settrace(tracer)
outer()
sys.settrace(None)
for entry in log:
    print(entry)
print(any(e[1] in ("TRACER", "HELPER_IN_TRACER") for e in log))
