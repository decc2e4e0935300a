# Checks CPython's RaisingTraceFuncTestCase.test_trash_stack: a line-event trace function raising RuntimeError inside a for loop propagates it out of the traced function.
# Ported from CPython 3.11 Lib/test/test_sys_settrace.py (Python Software Foundation License);
# the traced code is kept verbatim with its original line layout.
import sys

def f():
    for i in range(5):
        print(i)  # line tracing will raise an exception at this line

def g(frame, why, extra):
    if (why == 'line' and
        frame.f_lineno == f.__code__.co_firstlineno + 2):
        raise RuntimeError("i am crashing")
    return g

sys.settrace(g)
try:
    f()
except RuntimeError:
    print("RuntimeError propagated")
else:
    raise AssertionError("exception not propagated")
print("tracing after:", sys.gettrace())
print("done")
