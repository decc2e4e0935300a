# Checks closures and cells: captured variables, nonlocal rebinding, late binding in loops, counters, shared cells between closures.
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter(10)
inc(); inc(5)
print(get(), inc(), get())
inc2, get2 = make_counter()
print(inc2(), get(), get2())
def adders():
    fns = []
    for i in range(3):
        fns.append(lambda x: x + i)
    return fns
print([f(10) for f in adders()])
def adders_bound():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders_bound()])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()()
print(outer())
def accumulate():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
acc = accumulate()
print(acc(1), acc(2), acc(3))
def nested_nonlocal():
    a = 1
    def level1():
        nonlocal a
        a += 1
        def level2():
            nonlocal a
            a *= 10
            return a
        return level2()
    r = level1()
    return r, a
print(nested_nonlocal())
def make_ops():
    state = {"n": 0}
    def up():
        state["n"] += 1
    def down():
        state["n"] -= 1
    def value():
        return state["n"]
    return up, down, value
up, down, value = make_ops()
up(); up(); down(); up()
print(value())
def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run
print(compose(str, lambda v: v * 2, abs)(-21))
def unbound_example():
    def read():
        return later
    try:
        read()
    except NameError as e:
        print("NameError", e)
    later = 5
    return read()
print(unbound_example())
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
def slow_fib(n):
    return n if n < 2 else fast_fib(n - 1) + fast_fib(n - 2)
fast_fib = memo(slow_fib)
print(fast_fib(80))
