# Checks that a loop's unreachable else block (after `while True: ... break`) gives the code after the loop no line of its own, inside a try as CPython lays it out.
import sys
def tracer(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno)
    return tracer
def in_try(n):
    try:
        while True:
            n += 1
            if n > 2:
                break
        else:
            n = -1
    except Exception as exc:
        n = 0
    return n
def in_try_for_else(xs):
    try:
        while 1:
            break
        else:
            pass
    finally:
        xs.append(1)
    return xs
def nested_loops():
    for i in range(2):
        while True:
            break
        else:
            print("never")
    return i
sys.settrace(tracer)
in_try(0)
in_try_for_else([])
nested_loops()
sys.settrace(None)
