# functools.lru_cache under sys.settrace and sys.setprofile: the cached function's frame has the caller as f_back, hits run no frame, the wrapper reports no c_call (cache_info/cache_clear do); a memoized recursion's events; an exception from the function
import functools, sys

@functools.lru_cache(maxsize=2)
def sq(x):
    return x * x

@functools.cache
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

@functools.lru_cache
def bad(x):
    raise KeyError(x)

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    b = frame.f_back
    print(event, frame.f_code.co_name, frame.f_lineno, b.f_code.co_name if b and b.f_code.co_filename == __file__ else '-', arg if event == "return" else "")
    return tracer

def profiler(frame, event, arg):
    name = getattr(arg, "__name__", "") if event.startswith("c_") else ""
    print("P", event, frame.f_code.co_name, name)

def work():
    a = sq(3)
    b = sq(3)
    c = sq(4) + sq(5) + sq(3)
    d = fib(6)
    try:
        bad(1)
    except KeyError as e:
        d += len(str(e))
    sq.cache_clear()
    return a + b + c + d + sq.cache_info().misses

sys.settrace(tracer)
r = work()
sys.settrace(None)
print(r)
fib.cache_clear()
sys.setprofile(profiler)
r = work()
sys.setprofile(None)
print(r)
