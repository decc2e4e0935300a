# Checks traceback objects as tools walk them: tb_frame (its code, line,
# globals and locals), tb_lineno, tb_lasti, tb_next, while the frame runs
# and after it ended.
import sys


def inner(n):
    local_value = n * 2
    return 10 // (n - n)


def middle(n):
    tag = "middle"
    return inner(n) + 1


def walk(tb):
    while tb is not None:
        f = tb.tb_frame
        print(f.f_code.co_name, tb.tb_lineno, f.f_lineno,
              sorted(k for k in f.f_locals if not k.startswith("__")) if f.f_code.co_name != "<module>" else "-",
              f.f_globals is globals(), isinstance(tb.tb_lasti, int) and tb.tb_lasti >= 0)
        tb = tb.tb_next


try:
    middle(3)
except ZeroDivisionError as e:
    walk(e.__traceback__)
    print(e.__traceback__.tb_frame is sys._getframe())
    print(e.__traceback__.tb_frame is e.__traceback__.tb_frame)
    print(e.__traceback__.tb_next.tb_frame.f_locals["tag"])
    print(e.__traceback__.tb_next.tb_next.tb_frame.f_locals["local_value"])


def catcher():
    x = 1
    try:
        raise ValueError("here")
    except ValueError as e:
        tb = e.__traceback__
        print(tb.tb_frame is sys._getframe(), tb.tb_frame.f_code.co_name, tb.tb_lineno)
        return tb


tb = catcher()
print(tb.tb_frame.f_code.co_name, tb.tb_frame.f_lineno, tb.tb_next)
info = None
try:
    [].pop()
except IndexError:
    info = sys.exc_info()
print(info[0].__name__, info[2].tb_frame.f_code.co_name, info[2].tb_lineno)
