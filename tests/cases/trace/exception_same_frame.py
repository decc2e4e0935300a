# Checks exception events for exceptions raised and caught in the same frame, re-raised, and raised by builtins called from Python.
import sys
def tracer(frame, event, arg):
    if event == "exception":
        print("exception", frame.f_code.co_name, frame.f_lineno, arg[0].__name__, str(arg[1]))
    else:
        print(event, frame.f_code.co_name, frame.f_lineno)
    return tracer
def work():
    results = []
    for text in ["1", "x", "3"]:
        try:
            results.append(int(text))
        except ValueError:
            results.append(None)
    try:
        try:
            raise KeyError("k")
        except KeyError:
            raise
    except KeyError as e:
        results.append(str(e))
    return results
sys.settrace(tracer)
r = work()
sys.settrace(None)
print(r)
