# Checks float repr and str: shortest round-trip digits, exponent switch points, inf/nan, float arithmetic results.
vals = [0.1, 0.2, 0.3, 1.1, 2.2, 3.3, 1.0 / 7, 22.0 / 7, 1e-5, 1e-4, 0.001, 1e15, 1e16, 1e17,
        123456789.123456789, 0.000123456789, 9.999999999999999e22, 1.5e-300, 4.35, 2.675, 1e23]
for v in vals:
    print(repr(v), str(v), -v)
x = 1.0
for i in range(25):
    print(i, x, 1 / x)
    x *= 7.3
y = 1.0
for i in range(12):
    y /= 3
    print(y)
print(0.1 + 0.7, 0.1 * 0.1, 1 - 0.9, 1e16 + 1, 1e16 + 2, 2 ** 0.5, 10 ** -2)
print(float(10 ** 16), float(10 ** 15), float(2 ** 63), float(-2 ** 70))
inf = float("inf")
nan = float("nan")
print(inf, -inf, inf + 1, inf * 0, inf - inf, nan == nan, nan != nan, inf == inf)
print(repr(inf), repr(nan), str(-nan), [inf, nan, -inf])
print(int(2.9), int(-2.9), float(int(1e10)))
print(3.0, 3.0 == 3, 3.5 > 3, -1.5 < -1, 7.0 // 2, 7.0 % 2, -7.0 // 2, -7.0 % 2)
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(2.675, 2), round(1234.5678, -2))
print(abs(-0.5), abs(-3), max(1.5, 2), min(-0.0, 0.0), sum([0.1] * 10))
print(1e300 * 1e10, -1e300 * 1e10, 1e-300 * 1e-300)
print(f"{0.1:.20f}", f"{1/3:.3e}", f"{2.5:g}", f"{1e-5:g}", f"{123456789.0:g}")
