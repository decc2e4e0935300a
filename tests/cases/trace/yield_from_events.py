# Trace events of yield from: no line event on the jump back to SEND, the StopIteration that ends the delegation, throw and close through it.
import sys
def t(frame, event, arg):
    x = arg[0].__name__ if event == "exception" else repr(arg) if event == "return" else ""
    print(event, frame.f_code.co_name, frame.f_lineno, x)
    return t

def inner(n):
    try:
        for i in range(n):
            x = yield i
    except KeyError:
        yield "caught"
    finally:
        pass
    return "ir"

def outer():
    r = yield from inner(3)
    r2 = yield from [1, 2]
    return r

def main():
    print(list(outer()))
    g = outer()
    next(g)
    g.send(5)
    print(g.throw(KeyError))
    g.close()
    h = outer()
    next(h)
    del h
    print("end")

sys.settrace(t)
main()
sys.settrace(None)
