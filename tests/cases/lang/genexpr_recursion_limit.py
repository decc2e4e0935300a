# Checks generator expressions drained by list/tuple/set/sum/max at and near the recursion limit.
import sys
def depth():
    n = 0
    f = sys._getframe()
    while f:
        n += 1
        f = f.f_back
    return n
def rec(n):
    try:
        return rec(n + 1)
    except RecursionError:
        pass
    # at the limit: consume generators here
    out = []
    for cons in (list, tuple, set, sum, max):
        try:
            out.append((cons.__name__, cons(i for i in range(3))))
        except RecursionError as e:
            out.append((cons.__name__, "RE"))
    return n, out
print(rec(0)[1])
def rec2(n, k):
    if n < k:
        return rec2(n + 1, k)
    try:
        return list(i for i in range(3))
    except RecursionError:
        return "RE"
res = set()
for k in range(985, 1000):
    try:
        res.add((k, str(rec2(0, k))))
    except RecursionError:
        res.add((k, "outer RE"))
print(sorted(res))
def rec3(n, k):
    if n < k:
        return rec3(n + 1, k)
    return list(sys.setrecursionlimit(depth() + 2) or i for i in range(3))
for k in (5, 10):
    try:
        print(rec3(0, k))
    except RecursionError as e:
        print("RE", e)
    sys.setrecursionlimit(1000)
