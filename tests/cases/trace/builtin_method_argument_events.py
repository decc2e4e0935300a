# A built-in method's argument errors happen inside its c_call, as CPython
# checks them: c_call, then c_exception.
import sys


def prof(frame, event, arg):
    if event.startswith("c_"):
        print(event, getattr(arg, "__qualname__", arg), frame.f_lineno)


def calls():
    for f in (lambda: [].append(), lambda: (1,).count(), lambda: list.append(1, 2), lambda: list.append(),
              lambda: tuple.count((1, 1), 1),
              lambda: (5).bit_length(1), lambda: [3, 1].pop(x=1), lambda: (1, 2).index(2, 0, 5)):
        try:
            print("->", f())
        except TypeError as e:
            print("TypeError:", e)


sys.setprofile(prof)
calls()
sys.setprofile(None)
