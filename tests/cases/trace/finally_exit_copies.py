# Checks the line of the re-raise that ends a finally body run for an
# exception, when that body ends in a try/except whose paths all jump to
# it: each path gets its own copy with its own line (CPython's
# extend_block), seen as the return event's line of a closed generator.
import sys


def gen(n):
    try:
        yield 3
    finally:
        try:
            float or 0
        except Exception as e:
            pass
    return n


def show(frame, event, arg):
    if frame.f_code.co_filename == __file__ and frame.f_code.co_name == "gen":
        print(event, frame.f_lineno)


sys.setprofile(show)
next(gen(2), 0)
sys.setprofile(None)
sys.settrace(lambda f, e, a: show)
g = gen(1)
next(g)
g.close()
sys.settrace(None)
