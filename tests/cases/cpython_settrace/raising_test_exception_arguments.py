# Checks CPython's RaisingTraceFuncTestCase.test_exception_arguments: the 'exception' event's arg is a (type, value, traceback) triple.
# Ported from CPython 3.11 Lib/test/test_sys_settrace.py (Python Software Foundation License);
# the traced code is kept verbatim with its original line layout.
import sys

def f():
    x = 0
    # this should raise an error
    x.no_such_attr
def g(frame, event, arg):
    if (event == 'exception'):
        type, exception, trace = arg
        assert isinstance(exception, Exception)
        print("exception arg:", frame.f_code.co_name, frame.f_lineno, type.__name__,
              repr(exception), trace is not None)
    return g

existing = sys.gettrace()
try:
    sys.settrace(g)
    try:
        f()
    except AttributeError:
        # this is expected
        pass
finally:
    sys.settrace(existing)
print("done")
