# Checks frame.f_lineno assignment: CPython 3.11's checks, in their order,
# from every kind of event, and what a jump does to the stack (an
# iterator popped, the handled exception restored) and to f_lineno.
import sys


def attempt(frame, value, label):
    try:
        frame.f_lineno = value
        print(label, "jumped to", frame.f_lineno)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


print("-- outside a trace function")
attempt(sys._getframe(), 3, "module")
attempt(sys._getframe(), "3", "str")
try:
    del sys._getframe().f_lineno
except AttributeError as e:
    print("del:", e)


def target():
    a = 1
    b = 2
    return a + b


seen = set()


def every_event(frame, event, arg):
    if frame.f_code is target.__code__ and event not in seen:
        seen.add(event)
        attempt(frame, frame.f_lineno, event)
    return every_event


print("-- from each event, to the same line")
sys.settrace(every_event)
print(target())
try:
    sys.settrace(every_event)
    target(1)
except TypeError:
    pass
sys.settrace(None)


def bad_values(frame, event, arg):
    if frame.f_code is target.__code__ and event == "line" and frame.f_lineno == 25:
        for v in (2.0, True, None, 10**20, -10**20, 1, 23, 100, 28, 25):
            attempt(frame, v, repr(v))
    return bad_values


print("-- values")
sys.settrace(bad_values)
print(target())
sys.settrace(None)


def loop(out):
    for i in range(3):
        out.append(i)
        out.append("after")
    out.append("done")


def out_of_loop(frame, event, arg):
    if frame.f_code is loop.__code__ and event == "line" and frame.f_lineno == 67:
        attempt(frame, 68, "out of the loop")
        attempt(frame, 65, "back to the for line")
        attempt(frame, 68, "and out again")
        frame.f_trace = None
    return out_of_loop


print("-- leaving a for loop pops its iterator")
sys.settrace(out_of_loop)
out = []
loop(out)
sys.settrace(None)
print(out)


def handled(out):
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            out.append(repr(sys.exc_info()[1]))
            out.append("skipped")
        out.append(repr(sys.exc_info()[1]))
    out.append(repr(sys.exc_info()[1]))


def out_of_handler(frame, event, arg):
    if frame.f_code is handled.__code__ and event == "line" and frame.f_lineno == 96:
        attempt(frame, 97, "out of the inner handler")
    return out_of_handler


print("-- leaving an except block restores the handled exception")
sys.settrace(out_of_handler)
out = []
handled(out)
sys.settrace(None)
print(out)


def into(out):
    out.append(1)
    for i in [1]:
        out.append(3)
    try:
        out.append(5)
    except ValueError:
        out.append(7)
    with open_ctx():
        out.append(9)


class open_ctx:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        pass


def into_blocks(frame, event, arg):
    if frame.f_code is into.__code__ and event == "line" and frame.f_lineno == 116:
        for line in (118, 122, 124, 121, 119):
            attempt(frame, line, "into line %d" % (line - 115))
        frame.f_trace = None
    return into_blocks


print("-- into blocks")
sys.settrace(into_blocks)
out = []
into(out)
sys.settrace(None)
print(out)


def gen():
    yield 1
    yield 2
    yield 3


def from_yield(frame, event, arg):
    if frame.f_code is gen.__code__ and event == "return":
        attempt(frame, frame.f_lineno, "yield")
        frame.f_trace = None
    return from_yield


print("-- from a yield's return event")
sys.settrace(from_yield)
g = gen()
print(next(g))
sys.settrace(None)
g.close()
print("closed")


def traced_module_jump():
    code = compile("out = [1]\nout.append(2)\nout.append(3)\n", "<jumps>", "exec")

    def tr(frame, event, arg):
        if frame.f_code is code and event == "line" and frame.f_lineno == 2:
            attempt(frame, 3, "module code")
        return tr

    ns = {}
    sys.settrace(tr)
    exec(code, ns)
    sys.settrace(None)
    print(ns["out"])


print("-- module-level code")
traced_module_jump()


def raiser():
    x = 0
    return 1 / x


def on_exception(frame, event, arg):
    if frame.f_code is raiser.__code__ and event == "exception":
        attempt(frame, frame.f_lineno - 1, "exception")
    return on_exception


print("-- from an exception event")
sys.settrace(on_exception)
try:
    raiser()
except ZeroDivisionError:
    print("raised")
sys.settrace(None)
