# Checks exact float->int conversion beyond 2**127, big ints mixed with inf/nan, float ** special cases, math edge cases (frexp, modf, fmod, remainder, log of big ints), int methods on bools.
import math

OPS = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b,
       '/': lambda a, b: a / b, '//': lambda a, b: a // b, '%': lambda a, b: a % b,
       '**': lambda a, b: a ** b, '&': lambda a, b: a & b, '>>': lambda a, b: a >> b,
       '<': lambda a, b: a < b, '==': lambda a, b: a == b}

def show(label, f, *args):
    try:
        print(label, repr(f(*args))[:90])
    except Exception as e:
        print(label, type(e).__name__, e.args)

def cplx(a, b):  # a ** b is complex: krait has no complex numbers
    return a < 0 and isinstance(b, float) and math.isfinite(b) and b != int(b)

vals = [0, -1, 7, 2**53 + 1, 2**64 + 1, -10**40, 2**1024, 10**400, True,
        0.0, -0.0, -2.5, 1e300, -1e300, 5e-324, 1.5e-310, float('inf'), float('-inf'), float('nan'), 2.0**64]
for f in [math.floor, math.ceil, math.trunc, round, int, math.log, math.log2, math.log10,
          math.frexp, math.modf, float]:
    for v in vals:
        show(f.__name__ + ' ' + repr(v)[:25], f, v)
for v in vals:
    for w in [1e308, float('inf'), float('-inf'), float('nan'), 0.5, -0.0, 3, -1]:
        for op in OPS:
            if not (op == '**' and cplx(v, w)):
                show(repr(v)[:20] + ' ' + op + ' ' + repr(w), OPS[op], v, w)
            if not (op == '**' and (isinstance(v, int) and abs(v) > 1000 or cplx(w, v))):
                show(repr(w) + ' ' + op + ' ' + repr(v)[:20], OPS[op], w, v)
pairs = [(float('inf'), 1), (1, float('inf')), (1, 0), (-1, float('-inf')), (5.5, 2),
         (-5.5, 2), (-0.0, 1), (float('nan'), 1), (2**1024, 3), (7, 2), (6.5, 1)]
for x, y in pairs:
    for f in [math.fmod, math.pow, math.remainder, divmod, pow, math.log]:
        show(f.__name__ + ' ' + repr(x)[:20] + ' ' + repr(y), f, x, y)
for v in [0, 1, -1, 255, -256, 2**100, True, False]:
    print(v.bit_length(), v.as_integer_ratio(), v.conjugate(), v.bit_count(), v.real, v.numerator)
for f in [0.0, -0.5, 1e300, 5e-324, 0.1, float('inf'), float('nan')]:
    show('ratio ' + repr(f), f.as_integer_ratio)
d = {1e300: 'a', 1e301: 'b', 2.0**200: 'c'}
print(d[int(1e300)], d[int(1e301)], d[2**200], int(1e300) in {1e300})
print(round(1e300, 2), round(2.5), round(-0.5), round(1e22), round(123456789012345678901234567890.0))
print(math.floor(-1e20), math.ceil(1e20 + 1), int(-1e19), int(9.2e18), int(-9.3e18))
print(divmod(1e40, 7), 1e40 // 3, int(1e40 // 3), '%d' % 1e40)
try:
    2.0 ** 10000
except OverflowError as e:
    print(e.args, str(e))
