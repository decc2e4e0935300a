# Checks CPython's RaisingTraceFuncTestCase.test_exception: a trace function raising ValueError on every 'exception' event, 1001 times over (recursionlimit + 1), never leaks a RuntimeError.
# Ported from CPython 3.11 Lib/test/test_sys_settrace.py (Python Software Foundation License);
# the traced code is kept verbatim with its original line layout.
import sys


class RaisingTraceFuncTestCase:
    def trace(self, frame, event, arg):
        """A trace function that raises an exception in response to a
        specific trace event."""
        if event == self.raiseOnEvent:
            raise ValueError # just something that isn't RuntimeError
        else:
            return self.trace

    def f(self):
        """The function to trace; raises an exception if that's the case
        we're testing, so that the 'exception' trace event fires."""
        if self.raiseOnEvent == 'exception':
            x = 0
            y = 1/x
        else:
            return 1

    def run_test_for_event(self, event):
        """Tests that an exception raised in response to the given event is
        handled OK."""
        self.raiseOnEvent = event
        try:
            for i in range(sys.getrecursionlimit() + 1):
                sys.settrace(self.trace)
                try:
                    self.f()
                except ValueError:
                    pass
                else:
                    raise AssertionError("exception not raised!")
        except RuntimeError:
            raise AssertionError("recursion counter not reset")


case = RaisingTraceFuncTestCase()
case.run_test_for_event('exception')
print("no RuntimeError; tracing after the test:", sys.gettrace())
print("done")
