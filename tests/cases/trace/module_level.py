# Checks tracing module-level code: setting f_trace on the module frame gives line events for the following module statements.
import sys
def tracer(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno)
    return tracer
def f():
    return 1
sys.settrace(tracer)
sys._getframe().f_trace = tracer
a = 1
b = f()
for i in range(2):
    a += i
if a > 100:
    a = 0
else:
    a = -a
sys.settrace(None)
print(a, b)
