# Checks CPython's JumpTestCase.test_jump_is_none_backwards: the jump of its @jump_test(6, 5, [3, 5, 6]).
# Ported from CPython 3.11 Lib/test/test_sys_settrace.py (Python Software Foundation License);
# the traced code is kept verbatim with its original line layout.
import sys


class tracecontext:
    """Context manager that traces its enter and exit."""
    def __init__(self, output, value):
        self.output = output
        self.value = value

    def __enter__(self):
        self.output.append(self.value)

    def __exit__(self, *exc_info):
        self.output.append(-self.value)


class JumpTracer:
    """Defines a trace function that jumps from one place to another."""

    def __init__(self, function, jumpFrom, jumpTo, event='line',
                 decorated=False):
        self.code = function.__code__
        self.jumpFrom = jumpFrom
        self.jumpTo = jumpTo
        self.event = event
        self.firstLine = None if decorated else self.code.co_firstlineno
        self.done = False

    def trace(self, frame, event, arg):
        if self.done:
            return
        # frame.f_code.co_firstlineno is the first line of the decorator when
        # 'function' is decorated and the decorator may be written using
        # multiple physical lines when it is too long. Use the first line
        # trace event in 'function' to find the first line of 'function'.
        if (self.firstLine is None and frame.f_code == self.code and
                event == 'line'):
            self.firstLine = frame.f_lineno - 1
        if (event == self.event and self.firstLine is not None and
                frame.f_lineno == self.firstLine + self.jumpFrom):
            f = frame
            while f is not None and f.f_code != self.code:
                f = f.f_back
            if f is not None:
                # Cope with non-integer self.jumpTo (because of
                # no_jump_to_non_integers below).
                try:
                    frame.f_lineno = self.firstLine + self.jumpTo
                except TypeError:
                    frame.f_lineno = self.jumpTo
                self.done = True
        return self.trace


def compare_jump_output(expected, received):
    print("output:", received)
    print("as CPython's test expects:", received == expected)


def run_test(func, jumpFrom, jumpTo, expected, error=None,
             event='line', decorated=False):
    # JumpTestCase.run_test, with assertRaisesRegex's check printed (every
    # pattern these tests use is a plain substring).
    tracer = JumpTracer(func, jumpFrom, jumpTo, event, decorated)
    sys.settrace(tracer.trace)
    output = []
    if error is None:
        func(output)
    else:
        try:
            func(output)
        except error[0] as e:
            print("raised:", type(e).__name__ + ":", e)
            print("as CPython's test expects:", error[1] in str(e))
        else:
            print("not raised:", error[0].__name__)
    sys.settrace(None)
    compare_jump_output(expected, output)


def test_jump_is_none_backwards(output):
    x = None
    if x is None:
        output.append(3)
    else:
        output.append(5)
    output.append(6)


run_test(test_jump_is_none_backwards, 6, 5, [3, 5, 6], decorated=True)
print("done")
