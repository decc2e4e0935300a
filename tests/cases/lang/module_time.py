# Checks the time module without printing timings: time() and perf_counter() types and monotonicity, sleep() returning None.
import time
from time import perf_counter
t0 = time.time()
p0 = perf_counter()
print(type(t0).__name__, type(p0).__name__, t0 > 1_600_000_000)
r = time.sleep(0.02)
t1 = time.time()
p1 = time.perf_counter()
print(r, p1 >= p0, t1 >= t0, p1 - p0 >= 0.015, p1 - p0 < 5)
time.sleep(0)
total = 0
start = time.perf_counter()
for i in range(10000):
    total += i
elapsed = time.perf_counter() - start
print(total, elapsed >= 0, isinstance(elapsed, float))
