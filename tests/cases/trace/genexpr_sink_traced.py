# Generators drained by native consumers (tuple, set, sum, list, max, any,
# sorted) under a trace function the loop runs: each item's return and call
# events with f_back and f_lineno, a trace function raising at a resumption,
# one switching tracing off at a yield, and one returning a local tracer.
import sys
out = []
def t(frame, event, arg):
    b = frame.f_back
    out.append((event, frame.f_code.co_name, frame.f_lineno, b.f_code.co_name if b else None, b.f_lineno if b else None, arg if isinstance(arg, (int, str, type(None))) else type(arg).__name__))
    return t
def f(n):
    a = tuple(i * 2 for i in range(n))
    b = set(i % 3 for i in range(n))
    c = sum(i for i in range(n))
    d = list(x for x in "abc")
    e = max(i for i in range(n))
    g = any(i > 100 for i in range(n))
    h = sorted(i for i in [3, 1, 2])
    return a, b, c, d, e, g, h
sys.settrace(t)
r = f(4)
sys.settrace(None)
print(r)
for e in out: print(e)
# tracer raising on the third call event of a genexpr
n = [0]
def t2(frame, event, arg):
    if frame.f_code.co_name == "<genexpr>" and event == "call":
        n[0] += 1
        if n[0] == 3:
            raise ValueError("boom")
    return t2
def g2():
    return tuple(i for i in range(5))
sys.settrace(t2)
try:
    g2()
except ValueError as e:
    print("caught", e)
sys.settrace(None)
print(n)
# tracer switching off mid-way
def t3(frame, event, arg):
    if frame.f_code.co_name == "<genexpr>" and event == "return" and arg == 2:
        sys.settrace(None)
    print(event, frame.f_code.co_name, arg if isinstance(arg, int) else None)
    return t3
sys.settrace(t3)
print(list(i for i in range(5)))
sys.settrace(None)
# tracer returning a different local tracer
def loc(frame, event, arg):
    print("loc", event, frame.f_lineno)
    return loc
def t4(frame, event, arg):
    print("glob", event, frame.f_code.co_name)
    return loc
sys.settrace(t4)
print(set(i for i in range(3)))
sys.settrace(None)
