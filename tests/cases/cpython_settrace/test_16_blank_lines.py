# Checks CPython's TraceTestCase.test_16_blank_lines: trace events of func() as (line - co_firstlineno, event), with the default tracer, f_trace_lines=False and f_trace_opcodes=True.
# Ported from CPython 3.11 Lib/test/test_sys_settrace.py (Python Software Foundation License);
# the traced code is kept verbatim with its original line layout.
import sys


class Tracer:
    def __init__(self, trace_line_events=None, trace_opcode_events=None):
        self.trace_line_events = trace_line_events
        self.trace_opcode_events = trace_opcode_events
        self.events = []

    def _reconfigure_frame(self, frame):
        if self.trace_line_events is not None:
            frame.f_trace_lines = self.trace_line_events
        if self.trace_opcode_events is not None:
            frame.f_trace_opcodes = self.trace_opcode_events

    def trace(self, frame, event, arg):
        self._reconfigure_frame(frame)
        self.events.append((frame.f_lineno, event))
        return self.trace

    def traceWithGenexp(self, frame, event, arg):
        self._reconfigure_frame(frame)
        (o for o in [1])
        self.events.append((frame.f_lineno, event))
        return self.trace


# The three tracer set-ups of TraceTestCase, SkipLineEventsTraceTestCase
# and TraceOpcodesTestCase.
VARIANTS = ["default", "f_trace_lines=False", "f_trace_opcodes=True"]


def make_tracer(variant):
    if variant == "f_trace_lines=False":
        return Tracer(trace_line_events=False)
    if variant == "f_trace_opcodes=True":
        return Tracer(trace_opcode_events=True)
    return Tracer()


def compare_events(variant, line_offset, events, expected_events):
    # Opcode events go first: their f_lineno may be None (an instruction
    # that belongs to no line).
    opcodes = len([e for e in events if e[1] == "opcode"])
    events = [e for e in events if e[1] != "opcode"]
    events = [(l - line_offset, e) for (l, e) in events]
    if variant == "f_trace_lines=False":
        expected_events = [e for e in expected_events if e[1] != "line"]
    print(variant + ":")
    for e in events:
        print("   ", e)
    print("    as CPython's test expects:", events == expected_events)
    if variant == "f_trace_opcodes=True":
        print("    opcode events seen:", opcodes > 0)


def run_and_compare(func, events):
    for variant in VARIANTS:
        tracer = make_tracer(variant)
        sys.settrace(tracer.trace)
        func()
        sys.settrace(None)
        compare_events(variant, func.__code__.co_firstlineno,
                       tracer.events, events)


def run_test2(func, events):
    for variant in VARIANTS:
        tracer = make_tracer(variant)
        func(tracer.trace)
        sys.settrace(None)
        compare_events(variant, func.__code__.co_firstlineno,
                       tracer.events, events)


namespace = {}
exec("def f():\n" + "\n" * 256 + "    pass", namespace)
run_and_compare(
    namespace["f"],
    [(0, 'call'),
     (257, 'line'),
     (257, 'return')])
print("done")
