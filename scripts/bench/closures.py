# Benchmark: closures, lambdas and comprehensions (generated adders, compose, nested comprehensions). Argument: scale (default 200).
import sys
scale = int(sys.argv[1]) if len(sys.argv) > 1 else 200
def make_adder(n):
    def add(x):
        return x + n
    return add
def compose(f, g):
    return lambda x: f(g(x))
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
adders = [make_adder(i) for i in range(50)]
pipeline = compose(adders[3], compose(adders[7], lambda x: x * 2))
inc = make_counter()
total = 0
for r in range(40 * scale):
    total += sum([a(r) for a in adders])
    total += sum(pipeline(x) for x in range(100))
    grid = [[(i * j + r) % 7 for j in range(20)] for i in range(20)]
    total += sum(v for row in grid for v in row if v > 3)
    evens = {k: k * k for k in range(100) if k % 2 == 0}
    total += len(evens) + inc()
    total %= 1000000007
print("closures", total, inc())
