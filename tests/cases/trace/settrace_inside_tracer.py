# Checks sys.settrace called from inside a trace function: switching to another tracer, and switching off, take effect for later calls.
import sys
def first(frame, event, arg):
    print("first ", event, frame.f_code.co_name, frame.f_lineno)
    if event == "call" and frame.f_code.co_name == "switch_here":
        sys.settrace(second)
    return first
def second(frame, event, arg):
    print("second", event, frame.f_code.co_name, frame.f_lineno)
    if event == "call" and frame.f_code.co_name == "stop_here":
        sys.settrace(None)
        return None
    return second
def a():
    return 1
def switch_here():
    return a()
def stop_here():
    return a()
def main():
    a()
    switch_here()
    a()
    stop_here()
    a()
    return sys.gettrace() is None
sys.settrace(first)
print(main())
print(sys.gettrace())
