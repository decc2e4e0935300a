# `obj[k]` calling a user __getitem__: traced and profiled, raising,
# recursing to the limit, with defaults, *args or a staticmethod as
# __getitem__, replaced on the class, and switching
# tracing on and off from inside.
import sys

class Seq:
    def __init__(self, items):
        self.items = items
    def __getitem__(self, i):
        if i == 99:
            raise KeyError(i)
        return self.items[i]

class WithDefault:
    def __getitem__(self, i, scale=10):
        return i * scale

class Star:
    def __getitem__(*args):
        return len(args)

class Static:
    @staticmethod
    def __getitem__(i):
        return i

class Deep:
    def __getitem__(self, i):
        return self[i + 1]

def show(frame, event, arg):
    name = frame.f_code.co_name
    if name in ("__getitem__", "use", "toggle"):
        caller = frame.f_back.f_code.co_name
        print(event, name, frame.f_lineno, caller, repr(arg) if event != "exception" else arg[0].__name__)
    return show

def use(s):
    a = s[0] + s[-1]
    try:
        s[99]
    except KeyError as e:
        a += len(e.args)
    return a

s = Seq([1, 2, 3])
sys.settrace(show)
print(use(s))
print(WithDefault()[4], Star()[1], Static()[7])
sys.settrace(None)

def prof(frame, event, arg):
    if frame.f_code.co_name == "__getitem__":
        print("profile", event, frame.f_code.co_name, arg)
sys.setprofile(prof)
print(s[1])
sys.setprofile(None)

# Uncaught in a function: the traceback names both frames.
def caller():
    return s[99]
try:
    caller()
except KeyError as e:
    tb = e.__traceback__
    while tb:
        print(tb.tb_lineno)
        tb = tb.tb_next

# Recursing through __getitem__ to the limit.
sys.setrecursionlimit(60)
try:
    Deep()[0]
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)

# Replaced on the class after a few uses.
for n in range(3):
    print(s[0])
    Seq.__getitem__ = lambda self, i: ("new", i)
print(s[2])
del Seq.__getitem__
try:
    s[0]
except TypeError as e:
    print(e)

# Tracing switched on inside __getitem__, and off again.
class Toggle:
    def __getitem__(self, i):
        if i:
            sys.settrace(show)
        else:
            sys.settrace(None)
        return i

def toggle(t):
    x = t[1]
    y = x + 1
    z = t[0]
    return y + z

print(toggle(Toggle()))
print(toggle(Toggle()))
sys.settrace(None)
