# Checks line events in for loops: the header line on every iteration, break, continue, for/else, nested loops and an empty loop.
import sys
def tracer(frame, event, arg):
    if frame.f_code.co_name == "loops":
        print(event, frame.f_lineno - FIRST)
    return tracer
def loops():
    total = 0
    for i in range(4):
        if i == 1:
            continue
        if i == 3:
            break
        total += i
    for j in range(2):
        total += j
    else:
        total += 100
    for k in []:
        total = -1
    else:
        total += 1000
    for a in range(2):
        for b in range(2):
            total += a * b
    return total
FIRST = loops.__code__.co_firstlineno
sys.settrace(tracer)
print(loops())
sys.settrace(None)
