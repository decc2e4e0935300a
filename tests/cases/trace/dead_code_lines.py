# Checks that code nothing reaches has no lines, as CPython removes it:
# after a return, a raise, an endless loop, a break and a continue.
import sys


def after_return():
    return 1
    print("never")


def after_raise():
    raise ValueError
    x = 2


def endless():
    while True:
        pass
    print("never")


def loop_break():
    for i in range(3):
        break
        print(i)
    return i


def loop_continue():
    for i in range(3):
        continue
        print(i)
    return i


def in_try():
    try:
        return 1
        print("never")
    finally:
        pass


for f in (after_return, after_raise, endless, loop_break, loop_continue, in_try):
    first = f.__code__.co_firstlineno
    lines = sorted({l - first for _, _, l in f.__code__.co_lines() if l is not None})
    print(f.__name__, lines)


def tracer(frame, event, arg):
    if event == "line":
        print(" ", frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno)
    return tracer


sys.settrace(tracer)
after_return()
loop_break()
loop_continue()
in_try()
sys.settrace(None)
