# Checks CPython's ProfileSimulatorTestCase.test_unbound_method: the (frame number, event, (line - co_firstlineno, co_name)) events a ProfileSimulator sees while profiling a function.
# Ported from CPython 3.11 Lib/test/test_sys_setprofile.py (Python Software Foundation License);
# the traced code is kept verbatim with its original line layout.
import sys


class HookWatcher:
    def __init__(self):
        self.frames = []
        self.events = []

    def callback(self, frame, event, arg):
        if (event == "call"
            or event == "return"
            or event == "exception"):
            self.add_event(event, frame)

    def add_event(self, event, frame=None):
        """Add an event to the log."""
        if frame is None:
            frame = sys._getframe(1)

        try:
            frameno = self.frames.index(frame)
        except ValueError:
            frameno = len(self.frames)
            self.frames.append(frame)

        self.events.append((frameno, event, ident(frame)))

    def get_events(self):
        """Remove calls to add_event()."""
        disallowed = [ident(HookWatcher.add_event), ident(ident)]
        self.frames = None

        return [item for item in self.events if item[2] not in disallowed]


class ProfileSimulator(HookWatcher):
    def __init__(self, testcase):
        self.testcase = testcase
        self.stack = []
        HookWatcher.__init__(self)

    def callback(self, frame, event, arg):
        # Callback registered with sys.setprofile()/sys.settrace()
        self.dispatch[event](self, frame)

    def trace_call(self, frame):
        self.add_event('call', frame)
        self.stack.append(frame)

    def trace_return(self, frame):
        self.add_event('return', frame)
        self.stack.pop()

    def trace_exception(self, frame):
        self.testcase.fail(
            "the profiler should never receive exception events")

    def trace_pass(self, frame):
        pass

    dispatch = {
        'call': trace_call,
        'exception': trace_exception,
        'return': trace_return,
        'c_call': trace_pass,
        'c_return': trace_pass,
        'c_exception': trace_pass,
        }


class TestCase:
    def fail(self, msg):
        print("FAIL:", msg)


def ident(function):
    if hasattr(function, "f_code"):
        code = function.f_code
    else:
        code = function.__code__
    return code.co_firstlineno, code.co_name


def protect(f, p):
    try: f(p)
    except: pass

protect_ident = ident(protect)


def capture_events(callable, p=None):
    if p is None:
        p = HookWatcher()
    sys.setprofile(p.callback)
    protect(callable, p)
    sys.setprofile(None)
    return p.get_events()[1:-1]


def relative(events, base):
    # Functions are named by (co_firstlineno - base, co_name), not by id().
    return [(n, e, (i[0] - base, i[1])) for (n, e, i) in events]


def check_events(callable, expected):
    events = capture_events(callable, new_watcher())
    base = callable.__code__.co_firstlineno
    for e in relative(events, base):
        print("   ", e)
    print("    as CPython's test expects:", events == expected)



def new_watcher():
    return ProfileSimulator(TestCase())


kwargs = {}
def f(p):
    dict.get({}, 42, **kwargs)
f_ident = ident(f)
check_events(f, [(1, 'call', f_ident),
                      (1, 'return', f_ident)])
print("profiling off after:", sys.getprofile() is None)
sys.setprofile(None)
print("done")
