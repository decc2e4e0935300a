# Benchmark: integer loops and arithmetic (sieve, nested loops, modular sums). Argument: scale (default 20).
import sys
scale = int(sys.argv[1]) if len(sys.argv) > 1 else 20
limit = 100000 * scale
sieve = [True] * (limit + 1)
sieve[0] = sieve[1] = False
i = 2
while i * i <= limit:
    if sieve[i]:
        j = i * i
        while j <= limit:
            sieve[j] = False
            j += i
    i += 1
primes = 0
for k in range(limit + 1):
    if sieve[k]:
        primes += 1
acc = 0
for a in range(300 * scale):
    for b in range(100):
        acc = (acc + a * b ^ (a + b)) % 1000003
print("loops", primes, acc)
