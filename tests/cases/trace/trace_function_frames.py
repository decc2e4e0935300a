# Checks trace functions run as ordinary frames: their own frame and f_back, nested calls, raising inside try blocks of the traced code, switching f_trace, f_locals writes, settrace(None) from inside.
import sys

def show(frame, event):
    me = sys._getframe(1)
    print(event, frame.f_code.co_name, frame.f_lineno, "tracer:", me.f_code.co_name, "back:", me.f_back.f_code.co_name, me.f_back.f_lineno)

def helper(n):
    try:
        raise KeyError(n)
    except KeyError as e:
        return len(str(e))

def looking(frame, event, arg):
    show(frame, event)
    helper(event)
    return looking

def work(n):
    total = 0
    for i in range(n):
        total += i
    return total

sys.settrace(looking)
print(work(2))
sys.settrace(None)

BOOM = 0
def raiser(frame, event, arg):
    if event == "line" and frame.f_lineno == BOOM:
        raise ValueError("at line " + str(frame.f_lineno))
    return raiser

def guarded():
    x = 1
    try:
        x = 2
        x = 3
    except ValueError as e:
        print("caught", e, "x =", x)
    return x

BOOM = guarded.__code__.co_firstlineno + 4
sys.settrace(raiser)
print(guarded())
print("gettrace:", sys.gettrace())

def second(frame, event, arg):
    print("second", event, frame.f_lineno)
    return None

def first(frame, event, arg):
    print("first", event, frame.f_lineno)
    if event == "line":
        return second
    return first

def three():
    a = 1
    b = 2
    c = 3
    return a + b + c

sys.settrace(first)
print(three())
sys.settrace(None)

def writer(frame, event, arg):
    if event == "line" and "a" in frame.f_locals and frame.f_code.co_name == "three":
        frame.f_locals["b"] = 40
    return writer

sys.settrace(writer)
print(three())
sys.settrace(None)

count = 0
def stopper(frame, event, arg):
    global count
    count += 1
    if count == 4:
        sys.settrace(None)
        print("stopped at", event, frame.f_lineno)
        return None
    print(event, frame.f_lineno)
    return stopper

sys.settrace(stopper)
print(work(3))
print(work(1))
print("gettrace:", sys.gettrace())

def deep(n):
    if n == 0:
        return 0
    return deep(n - 1) + 1

def quiet(frame, event, arg):
    return quiet

sys.setrecursionlimit(60)
sys.settrace(quiet)
try:
    print(deep(100))
except RecursionError as e:
    print("RecursionError", e)
sys.settrace(None)
print(deep(20))

def gen_events(frame, event, arg):
    if frame.f_code.co_name == "<genexpr>":
        print(event, frame.f_lineno, arg)
    return gen_events

def squares(n):
    return [x * x for x in range(n)], sum(y for y in range(n)), list(z + 1 for z in range(n))

sys.settrace(gen_events)
print(squares(3))
g = (c for c in "ab")
for c in g:
    print("got", c)
sys.settrace(None)

WHICH = ""
NTH = 0
SEEN = 0
def gen_raiser(frame, event, arg):
    global SEEN
    if frame.f_code.co_name == "<genexpr>" and event == WHICH:
        SEEN += 1
        if SEEN == NTH:
            raise ValueError(WHICH + " " + str(NTH))
    return gen_raiser

def consume():
    g = (v * 10 for v in range(5))
    out = []
    try:
        for v in g:
            out.append(v)
    except ValueError as e:
        print("caught", e, out)
    print("after:", list(g))

for WHICH, NTH in [("call", 1), ("call", 3), ("return", 1), ("return", 2), ("line", 2)]:
    SEEN = 0
    sys.settrace(gen_raiser)
    consume()
    sys.settrace(None)
