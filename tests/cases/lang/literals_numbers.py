# Checks int and float literals: bases, underscores, exponents, and how print/repr show them.
print(0, 7, -7, 1_000_000, 0x1F, 0XfF, 0o17, 0O777, 0b1011, 0B1)
print(0x_dead_beef, 0b_1111_0000, 0o_7_7)
print(1.0, 1., .5, 0.5e0, 1e3, 1E-3, 1_0.2_5, 3.14e+2, 2.5e-10)
print(type(1).__name__, type(1.0).__name__, type(True).__name__, type(None).__name__)
print(10 ** 20, 10.0 ** 20, 1e22, 1e21, 1e16, 1e15, 123456789012345678.0)
print(0.1 + 0.2, 0.1 * 3, 1 / 3, 2 / 3, 100 / 7)
print(-0.0, 0.0 == -0.0, repr(-0.0), str(1e-7), 1e-4, 0.0001234)
print(float("inf"), -float("inf"), float("nan"), float("-inf") < -1e308)
print(1e308 * 10, -1e308 * 10, 1.7976931348623157e308)
print(5e-324, 2.2250738585072014e-308)
print(True + True, True * 10, False - 1, int(True), float(False))
print(None, [None, True, False], (None,))
print(repr(12), repr(12.0), repr(-3.5), str(2.0 ** 53), 2 ** 53 + 1.0)
nums = [0.1, 0.25, 1.5, 2.675, 1e100, 123.456, 1234567.0, 12345678901234567890.0]
for n in nums:
    print(n, repr(n), -n, n * 2, n / 3)
print(9007199254740993, float(9007199254740993), int(float(9007199254740993)))
print(type(5) is int, type(5.0) is float)
