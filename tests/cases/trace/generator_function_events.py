# Trace events of generator functions: call on each resume, return on each yield, exception for throw and close, line events; a generator dropped while suspended.
import sys
def t(frame, event, arg):
    x = arg[0].__name__ if event == "exception" else repr(arg) if event == "return" else ""
    print(event, frame.f_code.co_name, frame.f_lineno, x)
    return t

def gen(n):
    try:
        for i in range(n):
            got = yield i
            if got:
                print("got", got)
    except ValueError:
        yield "handled"
    finally:
        print("cleanup")
    return "r"

def main():
    g = gen(3)
    print(next(g))
    print(g.send("hi"))
    print(g.throw(ValueError))
    try:
        next(g)
    except StopIteration as e:
        print("stop", e.value)
    h = gen(5)
    next(h)
    h.close()
    k = gen(2)
    print(list(k))
    m = gen(4)
    next(m)
    del m
    print("dropped")
    def simple():
        yield 1
        yield 2
    for v in simple():
        print(v)
    s = simple()
    try:
        s.throw(KeyError("k"))
    except KeyError:
        print("thrown at start")

sys.settrace(t)
main()
sys.settrace(None)
