# Checks the math module: constants, rounding functions, sqrt/pow/exp/log family, trig, gcd/factorial/comb, isclose/isfinite/isnan, errors.
import math
from math import sqrt, pi, floor
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan != math.nan)
print(sqrt(16), sqrt(2), math.sqrt(0.25), math.isqrt(17), math.isqrt(10 ** 30))
print(floor(3.7), floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.trunc(-3.7), math.trunc(3.7), type(floor(1.5)).__name__)
print(math.floor(10 ** 20 + 0.0) == 10 ** 20, math.fabs(-2), math.copysign(3, -0.0), math.fmod(-7, 3))
print(math.pow(2, 10), math.exp(1), math.exp(0), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024))
for deg in [0, 30, 45, 60, 90, 180]:
    r = math.radians(deg)
    print(deg, round(math.sin(r), 12), round(math.cos(r), 12), round(math.degrees(r), 9))
print(math.tan(0), math.atan(1) * 4, math.atan2(1, -1), math.asin(1), math.acos(0), math.hypot(3, 4))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.factorial(20), math.factorial(0), math.comb(10, 3), math.perm(5, 2))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isfinite(1e308), math.isinf(math.inf), math.isnan(math.nan), math.isnan(1.0))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.modf(3.5), math.frexp(8.0))
print(round(math.sinh(1), 10), round(math.cosh(1), 10), round(math.tanh(0.5), 10))
for bad in [lambda: math.sqrt(-1), lambda: math.log(-1), lambda: math.factorial(-1), lambda: math.acos(2), lambda: math.exp(1000)]:
    try:
        print(bad())
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(math.floor(-0.5), math.ceil(-0.5), round(-0.5), math.sqrt(1e-300), math.exp(-1000))
