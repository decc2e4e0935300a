# Checks line/return events of 'for', 'if', 'while' and try/except inside finally bodies run by an exception (the RERAISE's line)
import sys
def t(frame, event, arg):
    x = arg[0].__name__ if event == "exception" else ""
    print(event, frame.f_code.co_name, frame.f_lineno, x)
    return t
def h1():
    try:
        raise ValueError
    finally:
        for x in [5]:
            pass
def h2():
    try:
        raise ValueError
    finally:
        if len('a'):
            y = 1
def h3():
    try:
        raise ValueError
    finally:
        for x in [1, 2]:
            if x == 2:
                z = 3
def h4():
    try:
        try:
            raise KeyError
        finally:
            for x in 'ab':
                pass
    except KeyError:
        pass
def h5():
    try:
        raise ValueError
    finally:
        k = 0
        while k < 2:
            k += 1
def h6():
    try:
        raise ValueError
    finally:
        try:
            q = 1
        except TypeError:
            pass
def h7():
    try:
        raise ValueError
    finally:
        for x in [1]:
            pass
        else:
            w = 2
def h8():
    for i in range(2):
        try:
            if i:
                raise ValueError
        finally:
            for x in []:
                pass
sys.settrace(t)
for fn in (h1, h2, h3, h4, h5, h6, h7, h8):
    try:
        fn()
    except ValueError:
        pass
sys.settrace(None)
