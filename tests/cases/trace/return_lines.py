# Checks the line events and return line of 'return' statements (multi-line values, through finally bodies) and of implicit returns after branches, loops and handlers
import sys
def t(frame, event, arg):
    x = arg[0].__name__ if event == "exception" else ""
    print(event, frame.f_code.co_name, frame.f_lineno, x)
    return t
def r1():
    return (
        1)
def r2(a):
    return (a +
        1)
def r3(a):
    return (
        a)
def r4():
    try:
        return 5
    finally:
        x = 1
def r5():
    for i in range(2):
        try:
            return i
        finally:
            for j in range(2):
                pass
def r6():
    try:
        pass
    finally:
        return (
            7)
def r7():
    return
def r8():
    while True:
        try:
            break
        finally:
            y = 2
    return (
        None)
sys.settrace(t)
r1(); r2(1); r3(2); r4(); r5(); r6(); r7(); r8()
sys.settrace(None)
def f1(a):
    if a:
        x = 1
    else:
        x = 2
def f2(a):
    if a:
        x = 1
def f3(a):
    for i in range(a):
        if i == 1:
            break
    else:
        y = 2
def f4(a):
    while a:
        a -= 1
        if a == 5:
            break
def f5(a):
    try:
        x = 1 // a
    except ZeroDivisionError:
        x = 0
def f6(a):
    try:
        x = 1 // a
    except ZeroDivisionError as e:
        x = 0
    finally:
        y = 1
def f7(a):
    try:
        return 1 // a
    finally:
        z = 2
def f8(a):
    if a:
        return 1
    elif a is None:
        pass
    else:
        y = 3
def f9(a):
    x = [i for i in range(a) if i]
    for k in x:
        pass
def f10(a):
    try:
        pass
    finally:
        for x in [1]:
            pass
def f11(a):
    with_ = a
    if a and (a > 3 or
              a < 0):
        q = 1
def f12(a):
    try:
        raise ValueError
    except ValueError:
        if a:
            return 5
def f13(a):
    try:
        if a:
            raise KeyError
    except KeyError:
        pass
    return
sys.settrace(t)
for fn in (f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13):
    for a in (0, 1, 2, 6, None):
        try:
            fn(a)
        except (TypeError, ZeroDivisionError) as e:
            print(type(e).__name__)
sys.settrace(None)
