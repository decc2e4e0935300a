# Checks line events through if/elif/else chains, nested ifs, conditions with and/or spanning lines, and one-line ifs.
import sys
def tracer(frame, event, arg):
    if frame.f_code.co_name == "decide":
        print(event, frame.f_lineno - FIRST)
    return tracer
def decide(n):
    if n < 0:
        kind = "neg"
    elif n == 0:
        kind = "zero"
    elif n < 10 and \
            n % 2 == 0:
        kind = "small even"
    else:
        if n > 100: kind = "huge"
        else:
            kind = "other"
    if (n > 5 or
            n < -5):
        kind += "!"
    return kind
FIRST = decide.__code__.co_firstlineno
sys.settrace(tracer)
for v in [-7, 0, 4, 7, 500]:
    print(decide(v))
sys.settrace(None)
