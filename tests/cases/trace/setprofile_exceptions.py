# Checks sys.setprofile around exceptions: c_exception when a built-in raises, 'return' with None when a Python frame is left by an exception, no 'exception' events.
import sys
def profiler(frame, event, arg):
    if event.startswith("c_"):
        print(event, frame.f_code.co_name, frame.f_lineno, arg.__name__)
    else:
        print(event, frame.f_code.co_name, frame.f_lineno, repr(arg) if event == "return" else "")
def fails():
    return int("not a number")
def middle():
    return fails()
def main():
    try:
        middle()
    except ValueError as e:
        msg = str(e)
    try:
        {}["k"]
    except KeyError:
        pass
    return len(msg)
sys.setprofile(profiler)
print(main())
sys.setprofile(None)
