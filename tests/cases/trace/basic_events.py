# Checks call/line/return events with line numbers and return args for nested calls under a global tracer.
import sys
def tracer(frame, event, arg):
    if event == "return":
        print("%-6s %-8s line %d -> %r" % (event, frame.f_code.co_name, frame.f_lineno, arg))
    else:
        print("%-6s %-8s line %d" % (event, frame.f_code.co_name, frame.f_lineno))
    return tracer
def square(x):
    result = x * x
    return result
def sum_squares(n):
    total = 0
    for i in range(n):
        total += square(i)
    return total
def nothing():
    pass
sys.settrace(tracer)
value = sum_squares(3)
nothing()
sys.settrace(None)
print("value", value)
