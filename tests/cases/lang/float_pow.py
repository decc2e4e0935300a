# Checks float powers (the fast path for a positive finite base and finite exponent, and the rest): fractional and negative exponents, int operands, overflow, underflow, zero, infinities, nan, negative bases, in-place.
def tr(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for a in (2.0, 0.5, 1.0, 3, 10.0, 1e-300, 1e300, 7.25):
    for b in (0.5, -1.5, 2.0, 0, -3, 0.0, 1e-10, 1024.0, -1024.0):
        tr(lambda: a ** b)
tr(lambda: 2 ** 0.5)
tr(lambda: 2.0 ** 3)
tr(lambda: 10.0 ** 400)
tr(lambda: 10.0 ** -400)
tr(lambda: 0.0 ** -1.0)
tr(lambda: 0.0 ** 2.5)
tr(lambda: (-8.0) ** 2.0)
tr(lambda: (-8.0) ** 3)
tr(lambda: (-2.0) ** -1)
tr(lambda: float("inf") ** 0.5)
tr(lambda: float("inf") ** -0.5)
tr(lambda: 2.0 ** float("inf"))
tr(lambda: 0.5 ** float("-inf"))
tr(lambda: float("nan") ** 0.0)
tr(lambda: 1.0 ** float("nan"))
tr(lambda: 2.0 ** float("nan"))
x = 3.0
x **= 1.5
print(x)
s = 0.0
for i in range(1, 200):
    s += (i * 0.37) ** -1.5
print(s)
