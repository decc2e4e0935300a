# Checks CPython's RaisingTraceFuncTestCase.test_line_event_raises_before_opcode_event: a tracer raising on the first line event, with f_trace_opcodes set, propagates that very exception.
# Ported from CPython 3.11 Lib/test/test_sys_settrace.py (Python Software Foundation License);
# the traced code is kept verbatim with its original line layout.
import sys

exception = ValueError("BOOM!")
def trace(frame, event, arg):
    if event == "line":
        raise exception
    frame.f_trace_opcodes = True
    return trace
def f():
    pass
try:
    sys.settrace(trace)
    f()
except ValueError as caught:
    print("caught the tracer's exception:", caught is exception, repr(caught))
else:
    print("no exception")
print("tracing after:", sys.gettrace())
print("done")
