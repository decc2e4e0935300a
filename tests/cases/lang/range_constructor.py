# Checks range() called with one, two and three ints (the fast path), and the arguments that take the general way: bools, __index__ objects, big ints, floats, a zero step, wrong counts, keywords.
def tr(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class I:
    def __index__(self): return 4
print(list(range(3)), list(range(1, 4)), list(range(1, 10, 3)), list(range(5, 0, -2)), list(range(-3)))
print(range(0), range(2, 2), range(-5, 5, 5), len(range(1, 100, 7)))
tr(lambda: list(range(True, 3)))
tr(lambda: list(range(I())))
tr(lambda: list(range(1, I(), True)))
tr(lambda: range(2**63))
tr(lambda: len(range(-2**63, 2**63 - 1, 2**62)))
tr(lambda: range(1, 2, 0))
tr(lambda: range(1, 2, False))
tr(lambda: range(1.0))
tr(lambda: range(1, "2"))
tr(lambda: range())
tr(lambda: range(1, 2, 3, 4))
tr(lambda: range(stop=3))
n = 0
for i in range(1000):
    for j in range(i % 3, 3):
        n += j
print(n)
