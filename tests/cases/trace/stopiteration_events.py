# Checks the exception event for a StopIteration raised into a for loop (by __next__, through map/zip/enumerate/filter, by a map function) and next()'s re-raise.
import sys
def t(frame, event, arg):
    b = frame.f_back
    x = arg[0].__name__ if event == "exception" else (repr(arg) if arg is None or type(arg) in (int, str, bool, list, tuple) else type(arg).__name__) if event == "return" else ""
    print(event, frame.f_code.co_name, frame.f_lineno, x, b.f_code.co_name if b else None)
    return t
class It:
    def __init__(self): self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 1:
            raise StopIteration("done")
        return self.n
def cb(x):
    if x == 2:
        raise StopIteration
    return x
def f():
    for x in map(abs, It()):
        pass
    for x in zip(It(), [1, 2, 3]):
        pass
    for x in enumerate(It()):
        pass
    for x in filter(None, It()):
        pass
    for x in map(cb, [1, 2, 3]):
        pass
    for x in iter(It().__next__, 5):
        pass
    print(list(It()), sorted(It()), [y for y in It()])
    g = (y for y in It())
    print(list(g))
    it = It()
    next(it)
    try:
        next(it)
    except StopIteration as e:
        print("caught", e.value, e.args, e.__traceback__ is not None)
    print(next(it, "dflt"))
    a, = It()
    print(a)
sys.settrace(t)
f()
sys.settrace(None)
def bad():
    yield_ = (next(iter([])) for x in [1])
    try:
        list(yield_)
    except RuntimeError as e:
        print("RE", e, type(e.__cause__).__name__)
bad()
print(list(zip(It(), It(), strict=True)))
