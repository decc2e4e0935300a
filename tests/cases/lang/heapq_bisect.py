# heapq and bisect: pushes, pops, heapify (past 2,500 items too), replace/pushpop, nlargest/nsmallest/merge, bisections with lo/hi/key, insort, user __lt__ called in CPython's order, CPython's errors
import heapq, bisect, random
h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data); print(data)
print(heapq.heapreplace(data, 10), data, heapq.heappushpop(data, -1), heapq.heappushpop(data, 11), data)
random.seed(5)
big = [random.randint(0, 10**6) for _ in range(5000)]
b2 = list(big); heapq.heapify(b2); print(b2[:12], sum(b2[i] for i in range(0, 5000, 37)))
print([heapq.heappop(b2) for _ in range(5)])
print(heapq.nlargest(3, big), heapq.nsmallest(4, big), heapq.nlargest(2, big, key=lambda v: -v), heapq.nsmallest(3, big, key=lambda v: v % 1000))
print(heapq.nlargest(1, [3, 1, 2]), heapq.nsmallest(10, [3, 1]), heapq.nsmallest(0, [1]), heapq.nlargest(2, iter([5, 1, 7, 3])))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge([7, 4, 1], [8, 2], reverse=True)), list(heapq.merge(['a', 'bbb'], ['cc'], key=len)))
class T:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        print('lt', self.v, o.v)
        return self.v < o.v
th = []
for v in [3, 1, 2]:
    heapq.heappush(th, T(v))
print([t.v for t in th], heapq.heappop(th).v)
for f in [lambda: heapq.heappush(1, 2), lambda: heapq.heappop([]), lambda: heapq.heapify((1,)), lambda: heapq.heapreplace([], 1), lambda: heapq.heappushpop([], 1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
a = [1, 2, 2, 2, 3, 5, 8]
print(bisect.bisect(a, 2), bisect.bisect_left(a, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 4, lo=2), bisect.bisect(a, 0), bisect.bisect(a, 9))
bisect.insort(a, 4); bisect.insort_left(a, 2); bisect.insort_right(a, 9, 0); print(a)
recs = [(1, 'a'), (3, 'b'), (5, 'c')]
print(bisect.bisect_left(recs, 3, key=lambda r: r[0]), bisect.bisect_right(recs, 3, key=lambda r: r[0]))
bisect.insort(recs, (4, 'd'), key=lambda r: r[0]); print(recs)
print(bisect.bisect_right(range(10), 5, 2, 8), bisect.bisect([1], 1, hi=-5))
for f in [lambda: bisect.bisect([1], 1, -1), lambda: bisect.bisect(1, 1), lambda: bisect.insort((1,), 2), lambda: bisect.bisect([1], 1, 0, 5)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
grades = 'FDCBA'
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
