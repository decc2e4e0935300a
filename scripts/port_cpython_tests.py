#!/usr/bin/env python3
"""Port the in-scope tests of CPython 3.11's test_sys_settrace.py and
test_sys_setprofile.py into standalone krait cases.

Writes tests/cases/cpython_settrace/*.py, tests/cases/cpython_setprofile/*.py
and the PORTING.md beside them (which test became which file, which were
skipped and why). Run it with CPython 3.11 (it reads the test files of the
running interpreter's standard library); then run scripts/record_cases.py.

Each ported test keeps the traced code verbatim, with its original line
layout (only dedented to module level), and runs it under the tracer of the
CPython test. It prints the events and whether they equal the expectation
written in the CPython test, so a porting slip shows at record time.
"""
import ast
import os
import re
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIB = os.path.dirname(os.__file__)
OUT_TRACE = os.path.join(ROOT, "tests", "cases", "cpython_settrace")
OUT_PROF = os.path.join(ROOT, "tests", "cases", "cpython_setprofile")

LICENSE = ("# Ported from CPython 3.11 Lib/test/%s (Python Software Foundation License);\n"
           "# the traced code is kept verbatim with its original line layout.\n")

# ---------------------------------------------------------------- settrace

TRACE_PRELUDE = '''import sys


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

'''

# Module-level traced functions that call helpers defined just above them.
HELPERS = {"call": "called", "test_raise": "raises",
           "settrace_and_return": "_settrace_and_return",
           "settrace_and_raise": "_settrace_and_raise"}

TRACE_SKIP = {
    "test_20_async_for_loop": "async (out of scope)",
    "test_async_for_backwards_jump_has_no_line": "async (out of scope)",
    "test_try_except_star_no_exception": "except* (not in the language)",
    "test_try_except_star_named_no_exception": "except* (not in the language)",
    "test_try_except_star_exception_caught": "except* (not in the language)",
    "test_try_except_star_named_exception_caught": "except* (not in the language)",
    "test_try_except_star_exception_not_caught": "except* (not in the language)",
    "test_try_except_star_named_exception_not_caught": "except* (not in the language)",
    "test_try_except_star_nested": "except* (not in the language)",
    "test_no_line_event_after_creating_generator": "needs a C tracer (_testcapi): ported as the Rust test tests/host_tracer.rs cpython_no_line_event_after_creating_generator, a native tracer",
    "test_testcapi_settrace_error": "_testcapi (CPython C API)",
}


def seg(lines, start, end):
    """Source lines start..end (1-based, inclusive), dedented."""
    return textwrap.dedent("".join(lines[start - 1:end]))


def method_body(lines, fn):
    """The body of a test method (comments before the first statement
    included, decorators and the def line not), dedented."""
    return seg(lines, fn.lineno + 1, fn.end_lineno)


def events_src(src):
    """A literal list of (line, event) pairs, laid out one pair a line (an
    expression that builds one, `[...] + [...] * 10`, is evaluated: the
    source is CPython's own test file)."""
    try:
        pairs = ast.literal_eval(src)
    except (ValueError, SyntaxError):
        pairs = eval("(" + src + ")", {})
    return "[" + ",\n     ".join(repr(p) for p in pairs) + "]"


def header(check, test_file):
    return "# Checks %s\n" % check + LICENSE % test_file


def write(folder, name, text):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name + ".py"), "w") as f:
        f.write(text)


def port_settrace():
    path = os.path.join(LIB, "test", "test_sys_settrace.py")
    src = open(path).read()
    lines = src.splitlines(keepends=True)
    tree = ast.parse(src)
    module_funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    events_of = {}
    for n in tree.body:
        if (isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Attribute)
                and n.targets[0].attr == "events"):
            events_of[n.targets[0].value.id] = ast.get_source_segment(src, n.value)
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    ported, skipped = [], []

    for fn in classes["TraceTestCase"].body:
        if not (isinstance(fn, ast.FunctionDef) and fn.name.startswith("test_")):
            continue
        name = "TraceTestCase." + fn.name
        if fn.name in TRACE_SKIP:
            skipped.append((name, TRACE_SKIP[fn.name]))
            continue
        body = fn.body
        call = body[0].value if len(body) == 1 and isinstance(body[0], ast.Expr) else None
        if call is not None and isinstance(call, ast.Call) and call.func.attr in ("run_test", "run_test2"):
            target = call.args[0].id
            first = module_funcs[HELPERS.get(target, target)]
            code = seg(lines, first.lineno, module_funcs[target].end_lineno)
            # The expectation lived in `target.events`; here it is a plain list.
            runner = "run_and_compare" if call.func.attr == "run_test" else "run_test2"
            text = (header("CPython's %s: trace events of %s() as (line - co_firstlineno, event), "
                           "with the default tracer, f_trace_lines=False and f_trace_opcodes=True."
                           % (name, target), "test_sys_settrace.py")
                    + TRACE_PRELUDE + "\n" + code + "\n"
                    + "%s(%s,\n    %s)\n" % (runner, target, events_src(events_of[target]))
                    + 'print("done")\n')
        elif fn.name == "test_13_genexp":
            # run_test, then the same under a trace function that makes a
            # generator itself (bpo-1265).
            code = seg(lines, module_funcs["generator_function"].lineno,
                       module_funcs["generator_example"].end_lineno)
            text = (header("CPython's %s: trace events of generator_example() (a generator left "
                           "unfinished by any()) with the three tracers, then under a trace function "
                           "that makes a generator of its own." % name, "test_sys_settrace.py")
                    + TRACE_PRELUDE + "\n" + code + "\n"
                    + "run_and_compare(generator_example,\n    %s)\n"
                    % events_src(events_of["generator_example"])
                    + "tracer = make_tracer(\"default\")\n"
                    + "sys.settrace(tracer.traceWithGenexp)\n"
                    + "generator_example()\n"
                    + "sys.settrace(None)\n"
                    + "compare_events(\"default\", generator_example.__code__.co_firstlineno,\n"
                    + "               tracer.events, %s)\n" % events_src(events_of["generator_example"])
                    + 'print("done")\n')
        elif fn.name == "test_settrace_error":
            # It looks for its own frame by name in the traceback: the body
            # stays a function of that name.
            body = method_body(lines, fn).replace("self.fail(", "raise AssertionError(")
            assert "self." not in body, body
            text = (header("CPython's %s: a trace function raising on the first event puts the traced "
                           "frame in the traceback exactly once." % name, "test_sys_settrace.py")
                    + "import sys\n\n\ndef %s():\n" % fn.name + textwrap.indent(body, "    ").rstrip()
                    + "\n\n\n%s()\nprint(\"the traceback has the frame once\")\n" % fn.name)
        else:
            code = method_body(lines, fn)
            code = code.replace("self.run_and_compare(", "run_and_compare(")
            if re.search(r"self\.(run|assert|fail|make|compare)", code):
                raise SystemExit("cannot port %s automatically" % name)
            what = ("trace events of func() as (line - co_firstlineno, event), with the default tracer, "
                    "f_trace_lines=False and f_trace_opcodes=True."
                    if "run_and_compare(" in code else "its assertions hold.")
            text = (header("CPython's %s: %s" % (name, what), "test_sys_settrace.py")
                    + TRACE_PRELUDE + "\n" + code.rstrip() + "\n" + 'print("done")\n')
        write(OUT_TRACE, fn.name, text)
        ported.append((name, fn.name + ".py"))

    # RaisingTraceFuncTestCase: a trace function that raises on one event kind.
    raising = classes["RaisingTraceFuncTestCase"]
    meth = {f.name: f for f in raising.body if isinstance(f, ast.FunctionDef)}
    rt_class = ("class RaisingTraceFuncTestCase:\n"
                + textwrap.indent(seg(lines, meth["trace"].lineno, meth["run_test_for_event"].end_lineno), "    "))
    rt_class = rt_class.replace('self.fail("exception not raised!")', 'raise AssertionError("exception not raised!")')
    rt_class = rt_class.replace('self.fail("recursion counter not reset")',
                                'raise AssertionError("recursion counter not reset")')
    for ev in ("call", "line", "return", "exception"):
        tname = "test_" + ev
        text = (header("CPython's RaisingTraceFuncTestCase.%s: a trace function raising ValueError on "
                       "every '%s' event, %d times over (recursionlimit + 1), never leaks a RuntimeError."
                       % (tname, ev, 1001), "test_sys_settrace.py")
                + "import sys\n\n\n" + rt_class + "\n\n"
                + "case = RaisingTraceFuncTestCase()\ncase.run_test_for_event(%r)\n" % ev
                + "print(\"no RuntimeError; tracing after the test:\", sys.gettrace())\n"
                + 'print("done")\n')
        write(OUT_TRACE, "raising_" + tname, text)
        ported.append(("RaisingTraceFuncTestCase." + tname, "raising_" + tname + ".py"))

    # test_trash_stack without its `import gc; gc.collect()`.
    f = meth["test_trash_stack"]
    body = method_body(lines, f)
    body = body.replace("    # the test is really that this doesn't segfault:\n"
                        "    import gc\n    gc.collect()\n",
                        "    print(\"RuntimeError propagated\")\n")
    body = body.replace('self.fail("exception not propagated")', 'raise AssertionError("exception not propagated")')
    body = textwrap.dedent(body)
    assert "self." not in body and "gc" not in body, body
    write(OUT_TRACE, "raising_test_trash_stack",
          header("CPython's RaisingTraceFuncTestCase.test_trash_stack: a line-event trace function raising "
                 "RuntimeError inside a for loop propagates it out of the traced function.",
                 "test_sys_settrace.py")
          + "import sys\n\n" + body.rstrip() + "\nprint(\"tracing after:\", sys.gettrace())\nprint(\"done\")\n")
    ported.append(("RaisingTraceFuncTestCase.test_trash_stack", "raising_test_trash_stack.py (gc.collect() dropped)"))

    f = meth["test_exception_arguments"]
    body = method_body(lines, f)
    body = body.replace("self.assertIsInstance(exception, Exception)",
                        "assert isinstance(exception, Exception)\n"
                        "        print(\"exception arg:\", frame.f_code.co_name, frame.f_lineno, type.__name__,\n"
                        "              repr(exception), trace is not None)")
    assert "self." not in body, body
    write(OUT_TRACE, "raising_test_exception_arguments",
          header("CPython's RaisingTraceFuncTestCase.test_exception_arguments: the 'exception' event's arg "
                 "is a (type, value, traceback) triple.", "test_sys_settrace.py")
          + "import sys\n\n" + body.rstrip() + "\nprint(\"done\")\n")
    ported.append(("RaisingTraceFuncTestCase.test_exception_arguments", "raising_test_exception_arguments.py"))

    f = meth["test_line_event_raises_before_opcode_event"]
    body = method_body(lines, f)
    body = body.replace("with self.assertRaises(ValueError) as caught:\n"
                        "    sys.settrace(trace)\n    f()\n"
                        "self.assertIs(caught.exception, exception)\n",
                        "try:\n    sys.settrace(trace)\n    f()\n"
                        "except ValueError as caught:\n"
                        "    print(\"caught the tracer's exception:\", caught is exception, repr(caught))\n"
                        "else:\n    print(\"no exception\")\n")
    assert "self." not in body, body
    write(OUT_TRACE, "raising_test_line_event_raises_before_opcode_event",
          header("CPython's RaisingTraceFuncTestCase.test_line_event_raises_before_opcode_event: a tracer "
                 "raising on the first line event, with f_trace_opcodes set, propagates that very exception.",
                 "test_sys_settrace.py")
          + "import sys\n\n" + textwrap.dedent(body).rstrip()
          + "\nprint(\"tracing after:\", sys.gettrace())\nprint(\"done\")\n")
    ported.append(("RaisingTraceFuncTestCase.test_line_event_raises_before_opcode_event",
                   "raising_test_line_event_raises_before_opcode_event.py (assertRaises as try/except)"))

    # TestExtendedArgs: the exec()'d source is written out as it would be generated.
    count_traces = '''

def count_traces(func):
    # warmup
    for _ in range(20):
        func()

    counts = {"call": 0, "line": 0, "return": 0}
    def trace(frame, event, arg):
        counts[event] += 1
        return trace

    sys.settrace(trace)
    func()
    sys.settrace(None)

    return counts
'''
    code = "def f():\n  (" + "y,\n   " * 300 + ") = range(300)"
    write(OUT_TRACE, "extargs_test_trace_unpack_long_sequence",
          header("CPython's TestExtendedArgs.test_trace_unpack_long_sequence: one line event per line of a "
                 "301-line unpacking target.", "test_sys_settrace.py")
          + "# The function CPython builds with exec() is written out here.\nimport sys\n"
          + count_traces + "\n\n" + code + "\n\n\n"
          + "counts = count_traces(f)\nprint(counts)\n"
          + "print(\"as CPython's test expects:\", counts == {'call': 1, 'line': 301, 'return': 1})\n")
    ported.append(("TestExtendedArgs.test_trace_unpack_long_sequence",
                   "extargs_test_trace_unpack_long_sequence.py (exec'd source written out)"))
    code = textwrap.dedent("""if 1:
            def f():
                return (
                    {}
                )
        """.format("\n+\n".join(f"var{i}\n" for i in range(1000))))
    write(OUT_TRACE, "extargs_test_trace_lots_of_globals",
          header("CPython's TestExtendedArgs.test_trace_lots_of_globals: line events of a 4000-line "
                 "expression summing 1000 globals.", "test_sys_settrace.py")
          + "# The function CPython builds with exec() is written out here, and the 1000\n"
          + "# globals it is given are plain assignments.\nimport sys\n"
          + count_traces + "\n\n"
          + "".join("var%d = %d\n" % (i, i) for i in range(1000)) + "\n"
          + code + "\n\n"
          + "counts = count_traces(f)\nprint(counts)\nprint(f())\n"
          + "print(\"as CPython's test expects:\", counts == {'call': 1, 'line': 2000, 'return': 1})\n")
    ported.append(("TestExtendedArgs.test_trace_lots_of_globals",
                   "extargs_test_trace_lots_of_globals.py (exec'd source written out, globals assigned)"))

    edge = {f.name: f for f in classes["TestEdgeCases"].body if isinstance(f, ast.FunctionDef)}
    skipped.append(("TestEdgeCases.test_reentrancy", "needs __del__ and support.catch_unraisable_exception"))
    body = method_body(lines, edge["test_same_object"])
    write(OUT_TRACE, "edge_test_same_object",
          header("CPython's TestEdgeCases.test_same_object: re-installing the current trace function after "
                 "its name was deleted.", "test_sys_settrace.py")
          + "import sys\n\n" + body.rstrip() + "\nprint(sys.gettrace() is not None)\nsys.settrace(None)\n"
          + "print(sys.gettrace())\nprint(\"done\")\n")
    ported.append(("TestEdgeCases.test_same_object", "edge_test_same_object.py"))

    p, s = port_jump_tests(lines, module_funcs, classes)
    ported += p
    skipped += s
    for cls in ("SkipLineEventsTraceTestCase", "TraceOpcodesTestCase"):
        ported.append((cls + " (every TraceTestCase test again)",
                       "run as the f_trace_lines=False / f_trace_opcodes=True variants inside each TraceTestCase port"))
    return ported, skipped


# ---------------------------------------------------------------- jumps

JUMP_RUNNER = '''

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
'''


def port_jump_tests(lines, module_funcs, classes):
    """JumpTestCase: each `@jump_test(...)` function verbatim (from its def
    line), run by a run_test that prints the output, the exception and
    whether both are what the CPython test expects."""
    ported, skipped = [], []
    prelude = ("import sys\n\n\n"
               + seg(lines, 15, 25)  # class tracecontext
               + "\n\n" + seg(lines, classes["JumpTracer"].lineno, classes["JumpTracer"].end_lineno)
               + JUMP_RUNNER)
    assert prelude.count("class tracecontext") == 1, "tracecontext moved in the test file"
    for fn in classes["JumpTestCase"].body:
        if not (isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and fn.name.startswith("test_")):
            continue
        name = "JumpTestCase." + fn.name
        if isinstance(fn, ast.AsyncFunctionDef):
            skipped.append((name, "async (out of scope)"))
            continue
        deco = [d for d in fn.decorator_list
                if isinstance(d, ast.Call) and getattr(d.func, "id", None) == "jump_test"]
        src = ast.get_source_segment("".join(lines), fn)
        if deco:
            args = ", ".join([ast.get_source_segment("".join(lines), a) for a in deco[0].args]
                             + [k.arg + "=" + ast.get_source_segment("".join(lines), k.value)
                                for k in deco[0].keywords])
            code = seg(lines, fn.lineno, fn.end_lineno)
            what = "the jump of its @jump_test(%s)" % " ".join(args.split())
            tail = "\n\nrun_test(%s, %s, decorated=True)\n" % (fn.name, args)
        else:
            # The method as it is (a string in it starts at column 0, so
            # it is not dedented), in a class with the two helpers it uses.
            body = "".join(lines[fn.lineno - 1:fn.end_lineno])
            if re.search(r"self\.(?!run_test\(|compare_jump_output\()", body):
                raise SystemExit("cannot port %s automatically" % name)
            used = [f for f in ("no_jump_to_non_integers", "no_jump_without_trace_function") if f in body]
            code = "".join(seg(lines, module_funcs[f].lineno, module_funcs[f].end_lineno) + "\n\n"
                           for f in used)
            code += ("class JumpTestCase:\n    run_test = staticmethod(run_test)\n"
                     "    compare_jump_output = staticmethod(compare_jump_output)\n\n" + body)
            what = "its jumps behave as the test expects"
            tail = "\n\nJumpTestCase().%s()\n" % fn.name
        del src
        text = (header("CPython's %s: %s." % (name, what), "test_sys_settrace.py")
                + prelude + "\n\n" + code.rstrip() + "\n" + tail + 'print("done")\n')
        write(OUT_TRACE, "jump_" + fn.name, text)
        ported.append((name, "jump_" + fn.name + ".py"))
    return ported, skipped


# ---------------------------------------------------------------- setprofile

PROF_PRELUDE = '''import sys


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

'''


def port_setprofile():
    path = os.path.join(LIB, "test", "test_sys_setprofile.py")
    src = open(path).read()
    lines = src.splitlines(keepends=True)
    tree = ast.parse(src)
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    ported, skipped = [], []
    skip = {
        "test_reentrancy": "needs __del__ and support.catch_unraisable_exception",
    }
    prefix = {"ProfileHookTestCase": "hook_", "ProfileSimulatorTestCase": "sim_",
              "TestGetProfile": "getprofile_", "TestEdgeCases": "edge_"}
    watcher = {"ProfileHookTestCase": "HookWatcher()", "ProfileSimulatorTestCase": "ProfileSimulator(TestCase())"}
    for cls, pre in prefix.items():
        for fn in classes[cls].body:
            if not (isinstance(fn, ast.FunctionDef) and fn.name.startswith("test_")):
                continue
            name = cls + "." + fn.name
            if fn.name in skip:
                skipped.append((name, skip[fn.name]))
                continue
            body = method_body(lines, fn)
            body = body.replace("self.check_events(", "check_events(")
            body = body.replace("self.assertIsNone(sys.getprofile())",
                                "assert sys.getprofile() is None\nprint(sys.getprofile())")
            body = body.replace("self.assertIs(sys.getprofile(), fn)",
                                "assert sys.getprofile() is fn\nprint(sys.getprofile() is fn)\nsys.setprofile(None)")
            if "self." in body:
                raise SystemExit("cannot port %s automatically" % name)
            if cls in watcher:
                what = ("the (frame number, event, (line - co_firstlineno, co_name)) events a %s sees "
                        "while profiling %s." % (watcher[cls].split("(")[0],
                                                "a raising function" if "1/0" in body or "raise" in body
                                                else "a function"))
                setup = "\n\ndef new_watcher():\n    return %s\n\n" % watcher[cls]
            else:
                what = "its assertions hold."
                setup = "\n"
            text = (header("CPython's %s: %s" % (name, what), "test_sys_setprofile.py")
                    + PROF_PRELUDE + setup + "\n" + body.rstrip() + "\n"
                    + "print(\"profiling off after:\", sys.getprofile() is None)\nsys.setprofile(None)\nprint(\"done\")\n")
            write(OUT_PROF, pre + fn.name, text)
            ported.append((name, pre + fn.name + ".py"))
    return ported, skipped


def porting_md(title, source, ported, skipped):
    out = ["# %s\n\n" % title,
           "Ported from CPython 3.11's `Lib/test/%s` by `scripts/port_cpython_tests.py`\n" % source,
           "(re-run it, then `scripts/record_cases.py`). Each file defines the traced code\n",
           "verbatim with its original line layout (dedented to module level), runs it under\n",
           "the CPython test's own hook, prints the events and whether they equal the\n",
           "expectation written in the CPython test.\n\n",
           "%d tests ported (one file each), %d skipped.\n\n## Ported\n\n"
           % (len([p for p in ported if ".py" in p[1]]), len(skipped)),
           "| CPython test | file |\n| --- | --- |\n"]
    out += ["| `%s` | `%s` |\n" % (n, f) for n, f in ported]
    out.append("\n## Skipped\n\n| CPython test | why |\n| --- | --- |\n")
    out += ["| `%s` | %s |\n" % (n, why) for n, why in skipped]
    return "".join(out)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("port_cpython_tests: run with CPython 3.11")
    ported, skipped = port_settrace()
    with open(os.path.join(OUT_TRACE, "PORTING.md"), "w") as f:
        f.write(porting_md("CPython test_sys_settrace.py in krait", "test_sys_settrace.py", ported, skipped))
    print("settrace: %d ported, %d skipped" % (len(ported), len(skipped)))
    ported, skipped = port_setprofile()
    with open(os.path.join(OUT_PROF, "PORTING.md"), "w") as f:
        f.write(porting_md("CPython test_sys_setprofile.py in krait", "test_sys_setprofile.py", ported, skipped))
    print("setprofile: %d ported, %d skipped" % (len(ported), len(skipped)))


if __name__ == "__main__":
    main()
