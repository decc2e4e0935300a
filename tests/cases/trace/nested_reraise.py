# Checks exception events as an exception travels through several frames with handlers that re-raise, wrap (raise from) and finally blocks.
import sys
def tracer(frame, event, arg):
    if event == "exception":
        print("exception", frame.f_code.co_name, frame.f_lineno, arg[0].__name__, str(arg[1]))
    elif event == "return":
        print("return", frame.f_code.co_name, frame.f_lineno, repr(arg))
    elif event == "call":
        print("call", frame.f_code.co_name, frame.f_lineno)
    return tracer
def source():
    raise IndexError("from source")
def rethrow():
    try:
        source()
    except IndexError:
        raise
def wrap():
    try:
        rethrow()
    except IndexError as e:
        raise LookupError("wrapped") from e
def cleanup():
    try:
        wrap()
    finally:
        note = "cleanup ran"
def top():
    try:
        cleanup()
    except LookupError as e:
        return "handled %s (cause %r)" % (e, e.__cause__)
sys.settrace(tracer)
print(top())
sys.settrace(None)
