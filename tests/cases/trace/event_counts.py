# Checks event totals for a larger workload: a tracer counting events per kind and per function, printing only the counts.
import sys
counts = {}
per_func = {}
def counter(frame, event, arg):
    counts[event] = counts.get(event, 0) + 1
    key = frame.f_code.co_name + ":" + event
    per_func[key] = per_func.get(key, 0) + 1
    return counter
def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True
def classify(limit):
    out = {"prime": [], "other": []}
    for v in range(limit):
        try:
            out["prime" if is_prime(v) else "other"].append(v)
        except KeyError:
            pass
    return [len(x) for x in out.values()]
def squares(n):
    return sum([i * i for i in range(n)]) + sum(i for i in range(n))
sys.settrace(counter)
r1 = classify(30)
r2 = squares(6)
sys.settrace(None)
print(r1, r2)
print(sorted(counts.items()))
for k in sorted(per_func):
    print(k, per_func[k])
