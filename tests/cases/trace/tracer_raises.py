# Checks a trace function that raises: the exception propagates into the traced code and tracing is switched off (gettrace() is None).
import sys
def tracer(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno)
    if event == "line" and frame.f_code.co_name == "victim" and frame.f_lineno == BOOM:
        raise ValueError("tracer exploded")
    return tracer
def victim():
    a = 1
    b = 2
    return a + b
BOOM = victim.__code__.co_firstlineno + 2
def caller():
    try:
        return victim()
    except ValueError as e:
        return "caught: " + str(e)
sys.settrace(tracer)
print(caller())
print("gettrace after:", sys.gettrace())
print(victim())
def call_raiser(frame, event, arg):
    raise RuntimeError("no calls allowed: " + frame.f_code.co_name)
sys.settrace(call_raiser)
try:
    victim()
except RuntimeError as e:
    print("RuntimeError", e)
print("gettrace after:", sys.gettrace())
