# functools.partial objects under sys.setprofile: a partial is a type's instance in CPython, so calling one reports no c_call for the built-in it wraps; a wrapped Python function reports its call/return; functools.wraps and update_wrapper report no c_call (Python in CPython)
import functools, sys

def add(a, b):
    return a + b

def profiler(frame, event, arg):
    name = getattr(arg, "__name__", "") if event.startswith("c_") else ""
    if frame.f_code.co_filename == __file__:
        print(event, frame.f_code.co_name, name)

p_len = functools.partial(len)
p_add = functools.partial(add, 1)
p_max = functools.partial(max, key=abs)

def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a)
    return inner

def work():
    r = p_len([1, 2]) + p_add(2) + p_max(-5, 3)
    w = deco(add)
    functools.update_wrapper(lambda: 0, add)
    return r + w(1, 1)

sys.setprofile(profiler)
r = work()
sys.setprofile(None)
print(r)
try:
    functools.wraps()
except TypeError as e:
    print(e)
try:
    functools.update_wrapper(1)
except TypeError as e:
    print(e)
