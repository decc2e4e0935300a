# Trace events of with statements: the with line again at the normal and the exceptional exit, __enter__/__exit__ frames, suppression, return/break/continue through a with, items on several lines, a with in a generator.
import sys
def t(frame, event, arg):
    x = arg[0].__name__ if event == "exception" else repr(arg) if event == "return" and not hasattr(arg, "name") else ""
    print(event, frame.f_code.co_name, frame.f_lineno, x)
    return t

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        return self.suppress

def plain():
    with CM("a") as a:
        x = 1
    y = 2

def several():
    with CM("a") as a, CM("b"):
        x = 1
    with (CM("c") as c,
          CM("d") as d):
        y = 2

def raising():
    try:
        with CM("r"):
            x = 1
            raise ValueError("v")
            x = 2
    except ValueError:
        y = 3

def suppressed():
    with CM("s", True):
        raise KeyError("k")
    z = 4

def returning(flag):
    with CM("o"):
        with CM("i"):
            if flag:
                return 1
            x = 2
    return 3

def looping():
    for i in range(3):
        with CM(i):
            if i == 0:
                continue
            if i == 2:
                break
            x = i

def gen():
    with CM("g"):
        yield 1
        yield 2
    y = 3

def failing_enter():
    class Bad:
        def __enter__(self):
            raise RuntimeError("no")
        def __exit__(self, *a):
            pass
    try:
        with Bad():
            x = 1
    except RuntimeError:
        y = 2

def main():
    plain()
    several()
    raising()
    suppressed()
    returning(True)
    returning(False)
    looping()
    for v in gen():
        pass
    failing_enter()

sys.settrace(t)
main()
sys.settrace(None)
