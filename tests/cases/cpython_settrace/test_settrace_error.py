# Checks CPython's TraceTestCase.test_settrace_error: a trace function raising on the first event puts the traced frame in the traceback exactly once.
# Ported from CPython 3.11 Lib/test/test_sys_settrace.py (Python Software Foundation License);
# the traced code is kept verbatim with its original line layout.
import sys


def test_settrace_error():

    raised = False
    def error_once(frame, event, arg):
        nonlocal raised
        if not raised:
            raised = True
            raise Exception
        return error

    try:
        sys._getframe().f_trace = error_once
        sys.settrace(error_once)
        len([])
    except Exception as ex:
        count = 0
        tb = ex.__traceback__
        while tb:
            if tb.tb_frame.f_code.co_name == "test_settrace_error":
                count += 1
            tb = tb.tb_next
        if count == 0:
            raise AssertionError("Traceback is missing frame")
        elif count > 1:
            raise AssertionError("Traceback has frame more than once")
    else:
        raise AssertionError("No exception raised")
    finally:
        sys.settrace(None)


test_settrace_error()
print("the traceback has the frame once")
