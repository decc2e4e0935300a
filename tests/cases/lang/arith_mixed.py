# Checks int/float mixing in + - * / ** and unary ops, true division results, negative and fractional powers, augmented assignment.
pairs = [(3, 4), (3, 4.0), (-3, 2), (2.5, -2), (0, 5), (10, 0.5)]
for a, b in pairs:
    print(a, b, a + b, a - b, a * b, a / b, a ** b, -a, +a, type(a * b).__name__)
print(2 ** -1, 2 ** -3, 4 ** 0.5, 8 ** (1 / 3), (-8) ** 2, -8 ** 2, 2 ** 3 ** 2)
print(10 / 4, 10 / 5, -10 / 4, 1 / 8, 7 / 7, type(10 / 5).__name__)
print(1 + 2 * 3 - 4 / 2, (1 + 2) * 3, 2 * 3 % 4, -2 ** 2, (-2) ** 2, ~5 + 1)
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 7
print(x)
x **= 10
print(x)
x /= 4
print(x)
y = 6
y <<= 3
y |= 5
y &= 0b110101
y ^= 0xF
y >>= 1
print(y)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
lst += [2, 3]
lst *= 2
print(lst)
t = (1,)
t += (2,)
print(t, t * 3, 3 * t, [0] * 4, "-" * 10, 0 * "x" == "")
print(True + 1.5, 3 * False, 2.0 * True)
print(1e308 + 1e308, -1e308 - 1e308, 2.0 ** 0.5 * 2.0 ** 0.5)
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print("OverflowError", e)
print(abs(-7), abs(7.25), abs(-0.0), abs(True))
