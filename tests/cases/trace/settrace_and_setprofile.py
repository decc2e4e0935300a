# Checks sys.settrace and sys.setprofile installed together: both see their events, interleaved in order, and gettrace/getprofile return them.
import sys
def tracer(frame, event, arg):
    print("trace  ", event, frame.f_code.co_name, frame.f_lineno)
    return tracer
def profiler(frame, event, arg):
    name = arg.__name__ if event.startswith("c_") else ""
    print("profile", event, frame.f_code.co_name, frame.f_lineno, name)
def work(x):
    y = abs(x)
    return y + 1
sys.settrace(tracer)
sys.setprofile(profiler)
print(sys.gettrace() is tracer, sys.getprofile() is profiler)
r = work(-3)
sys.setprofile(None)
sys.settrace(None)
print(r, sys.gettrace(), sys.getprofile())
