# Checks setting f_trace on frames that are already running (the caller's, via sys._getframe) while sys.settrace is active.
import sys
def local(frame, event, arg):
    print("  local", event, frame.f_code.co_name, frame.f_lineno)
    return local
def global_tracer(frame, event, arg):
    print("global", event, frame.f_code.co_name, frame.f_lineno)
    return None
def install():
    sys.settrace(global_tracer)
    sys._getframe().f_back.f_trace = local
def host():
    install()
    a = 1
    b = a + 1
    helper()
    return b
def helper():
    return "h"
host()
sys.settrace(None)
print("---")
def self_install():
    sys._getframe().f_trace = local
    x = 1
    y = 2
    return x + y
sys.settrace(global_tracer)
self_install()
sys.settrace(None)
