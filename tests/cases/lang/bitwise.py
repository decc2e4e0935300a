# Checks bitwise operators & | ^ ~ << >> on positive, negative and big ints, and their precedence.
vals = [0, 1, 5, 12, -1, -6, 255, 2 ** 40 + 3]
for a in vals:
    print(a, ~a, a << 3, a >> 1, a >> 64, a & 0xF, a | 0x100, a ^ -1)
for a in [12, -12, 2 ** 70]:
    for b in [10, -10, 3]:
        print(a, b, a & b, a | b, a ^ b)
print(1 << 0, 1 << 63, 1 << 64, -1 << 100, (1 << 100) >> 99)
print(6 & 3 | 8, 6 | 3 & 8, 6 ^ 3 & 1, 1 + 2 << 3, 64 >> 2 + 1, ~0 & 0xFF)
print(True & False, True | False, True ^ True, ~True, 5 & True)
for bad in [-1, -100]:
    try:
        print(1 << bad)
    except ValueError as e:
        print("ValueError", e)
    try:
        print(1 >> bad)
    except ValueError as e:
        print("ValueError", e)
try:
    print(1.5 & 1)
except TypeError as e:
    print("TypeError", e)
try:
    print(1 << 2.0)
except TypeError as e:
    print("TypeError", e)
mask = 0
for i in range(0, 20, 3):
    mask |= 1 << i
print(bin(mask), mask, [i for i in range(20) if mask >> i & 1])
