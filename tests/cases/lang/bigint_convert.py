# Checks conversions of ints: str/int round trips, int() with bases, hex/bin/oct, bit operations on big and negative values.
big = 2 ** 130 + 12345
print(str(big), int(str(big)) == big, repr(-big))
print(hex(big), bin(big)[:20], hex(-big), bin(-5), hex(0), bin(0), hex(255), hex(-255))
print(int("ff", 16), int("-101", 2), int("777", 8), int("z", 36), int("  42  "), int("-0"))
print(int("0x1F", 16), int("0b101", 0), int("0o17", 0), int("123", 0), int("1_000"))
print(int(3.99), int(-3.99), int(1e20), int(True), int("00012"))
for base in [2, 3, 8, 10, 16, 36]:
    print(base, int("1" * 20, base))
print(big >> 100, big << 3, big & 0xFFFF, big | 1, big ^ big, ~big)
print(-big >> 100, -big & 0xFFFFFFFF, (-big) | 0xFF, -1 >> 500, 1 << 200)
print(len(bin(2 ** 100)) - 2)
digits = [int(c) for c in str(2 ** 200)]
print(len(digits), sum(digits), digits[:10])
for s in ["12a", "", "1.5", "0x10", " ", "--1"]:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print("ValueError", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError", e)
print(float(2 ** 100), float(-(3 ** 40)), int(float(2 ** 70)) == 2 ** 70)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError", e)
print(10 ** 400 > 1e308, 10 ** 400 == float("inf"), -(10 ** 400) < -1e308)
