# Checks sorted() and list.sort() make CPython's comparisons in CPython's order (seen through a logging __lt__), with reverse= and key=.
log = []
class C:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        log.append((self.v, o.v))
        return self.v < o.v
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
for trial in range(60):
    n = trial % 63
    xs = [rnd() % 10 for _ in range(n)]
    log.clear()
    r = sorted([C(x) for x in xs], reverse=(trial % 3 == 0))
    ks = sorted(xs, key=lambda x: C(x % 4))
    lst = [C(x) for x in xs]
    lst.sort()
    print(n, [c.v for c in r], ks == sorted(xs, key=lambda x: x % 4), len(log), hash(tuple(log)) % 1000003)
