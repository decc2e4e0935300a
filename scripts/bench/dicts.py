# Benchmark: dict insertion, lookup, update, iteration and counting with int and str keys. Argument: scale (default 40).
import sys
scale = int(sys.argv[1]) if len(sys.argv) > 1 else 40
n = 20000 * scale
d = {}
for i in range(n):
    d[i * 7 % n] = i
total = 0
for i in range(n):
    total += d.get(i, 0)
keys = ["k%d" % (i % 5000) for i in range(n // 2)]
counts = {}
for k in keys:
    counts[k] = counts.get(k, 0) + 1
merged = {}
for k, v in counts.items():
    merged[k] = v * 2
    if k in d:
        total += 1
inverse = {v: k for k, v in d.items() if v % 3 == 0}
for k in list(inverse)[: n // 10]:
    del inverse[k]
total += len(inverse) + sum(merged.values()) + len(counts)
print("dicts", total % 1000000007)
