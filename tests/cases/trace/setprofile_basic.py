# Checks sys.setprofile: call/return for Python functions and c_call/c_return around built-in calls, with the built-in's name; no line events.
import sys
def profiler(frame, event, arg):
    if event.startswith("c_"):
        print(event, frame.f_code.co_name, frame.f_lineno, arg.__name__)
    elif event == "return":
        print(event, frame.f_code.co_name, frame.f_lineno, repr(arg))
    else:
        print(event, frame.f_code.co_name, frame.f_lineno)
def helper(values):
    return sorted(values)
def main():
    items = [3, 1, 2]
    n = len(items)
    items.append(4)
    s = helper(items)
    t = max(s) + abs(-n)
    text = ",".join(str(v) for v in s)
    return t, text
sys.setprofile(profiler)
print(main())
sys.setprofile(None)
print(sys.getprofile())
