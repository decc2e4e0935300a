# Checks arbitrary-precision integer arithmetic: no overflow, huge products, powers, division and modulo with signs.
a = 2 ** 64
b = 3 ** 50
print(a, b, a * b, a + b, a - b, b - a)
print(a * a * a, -a * a, (a - 1) * (a + 1) == a * a - 1)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 9223372036854775807 * 2)
print(2 ** 63, -(2 ** 63), 2 ** 63 - 1, (2 ** 63) // 3, (-2 ** 63) // 7)
f = 1
for i in range(1, 61):
    f *= i
    if i % 10 == 0:
        print(i, f)
print(f // (2 ** 100), f % 1000000007, -f % 1000000007, f // -12345)
print(divmod(f, 10 ** 30), divmod(-f, 10 ** 30))
n = 12345678901234567890123456789
for d in [7, -7, 10 ** 12, -(10 ** 12), 3 ** 40]:
    print(d, n // d, n % d, -n // d, -n % d)
print(n ** 3, (-n) ** 3, n ** 0, 0 ** 0, (-1) ** n)
print(pow(n, 5, 10 ** 9 + 7), pow(3, 1000, 2 ** 61 - 1), pow(-3, 3), pow(2, -2))
print(abs(-n), -(-n), +n, n == n + 0, n < n + 1, n > -n)
print(n / 3, n / 10 ** 20, 10 ** 40 / 10 ** 20)
m = 1
for i in range(100):
    m = m * 31 + i
print(m, m % 97, len(str(m)))
print(sum(range(10 ** 6 + 1)), sum([2 ** i for i in range(100)]) == 2 ** 100 - 1)
x = 10 ** 50
print(x // 1, x % 3, x - 10 ** 50, (x + 1) % 2, x * 0, -x // x)
print(max(2 ** 70, 2 ** 69 * 2 + 1), min(-(2 ** 80), 5))
print(hash(12345) == 12345, hash(-1), hash(2 ** 61) == 1, hash(2 ** 61 - 1))
