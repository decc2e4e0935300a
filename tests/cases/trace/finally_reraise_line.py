# Line of the re-raise after a finally body: after an expression statement it has none of its own, so each path into it gives its own (CPython's artificial POP_TOP); the return event of a frame left through it shows that line.
import sys
def t(frame, event, arg):
    x = arg[0].__name__ if event == "exception" else ""
    print(event, frame.f_code.co_name, frame.f_lineno, x)
    return t

def gen(n):
    try:
        for i in range(n):
            yield i
    finally:
        if i:
            print("closing", i)

def raises(flag):
    try:
        raise ValueError(flag)
    finally:
        if flag:
            print("flag")

def raises_assign(flag):
    try:
        raise KeyError(flag)
    finally:
        if flag:
            y = 1

def main():
    next(gen(3), 1)
    g = gen(3)
    next(g)
    next(g)
    g.close()
    for f in (raises, raises_assign):
        for flag in (0, 1):
            try:
                f(flag)
            except (ValueError, KeyError):
                pass

sys.settrace(t)
main()
sys.settrace(None)
