# Checks calls of random's and string's Python-level functions and of module C functions (math.sqrt, time.time, random.random) near the recursion limit raise where and as CPython's frames and counted C calls do (warm code)
import sys, math, time, random, string

def depth():
    f = sys._getframe()
    n = 0
    while f:
        n += 1
        f = f.f_back
    return n

calls = {
    "randint": lambda: random.randint(1, 9),
    "randrange": lambda: random.randrange(1, 9, 2),
    "choice": lambda: random.choice([1, 2, 3]),
    "shuffle": lambda: random.shuffle([1, 2, 3]),
    "shuffle1": lambda: random.shuffle([1]),
    "uniform": lambda: random.uniform(1, 2),
    "gauss2": lambda: (random.gauss(), random.gauss())[1],
    "sample": lambda: random.sample([1, 2, 3], 2),
    "sample_range": lambda: random.sample(range(1000), 8),
    "sample_counts": lambda: random.sample([1, 2], 2, counts=[2, 2]),
    "choices": lambda: random.choices([1, 2, 3], k=2),
    "choices_k0": lambda: random.choices([1, 2, 3], k=0),
    "seed": lambda: random.seed(5),
    "triangular": lambda: random.triangular(1, 5, 2),
    "expovariate": lambda: random.expovariate(2),
    "normalvariate": lambda: random.normalvariate(),
    "capwords": lambda: string.capwords("ab cd"),
    "random": lambda: random.random(),
    "getrandbits": lambda: random.getrandbits(3),
    "sqrt": lambda: math.sqrt(4),
    "pow": lambda: math.pow(2, 3),
    "time": lambda: time.time(),
}

def at(room, fn):
    # fn called with `room` levels left below the limit
    # d: the frames below and including rec's (depth() as rec would count them
    # less its own frame), counted once rather than walked at every level
    def rec(d):
        if sys.getrecursionlimit() - (d + 1) > room:
            return rec(d + 1)
        try:
            fn()
            return "ok"
        except RecursionError as e:
            return "C" if "calling" in str(e) else "P"
    return rec(depth())

random.seed(1)
for name, fn in calls.items():
    for _ in range(10):
        fn()
    res = []
    for room in range(8):
        res.append(at(room, fn))
    print(name, " ".join(res))

# A recursive function drawing numbers: where it stops.
reached = 0
def f(n):
    global reached
    reached = n
    random.seed(n)
    random.randint(1, 2)
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print(reached, e)
