# Checks line events in while loops: the condition line per iteration, while True with break, while/else, continue, a single-line body.
import sys
def tracer(frame, event, arg):
    if frame.f_code.co_name == "loops":
        print(event, frame.f_lineno - FIRST)
    return tracer
def loops():
    n = 3
    while n > 0:
        n -= 1
    while True:
        n += 1
        if n > 2:
            break
    m = 0
    while m < 4:
        m += 1
        if m % 2:
            continue
        n += m
    else:
        n += 100
    while n > 200: n -= 1
    k = 0
    while k < 2: k += 1
    return n, m, k
FIRST = loops.__code__.co_firstlineno
sys.settrace(tracer)
print(loops())
sys.settrace(None)
