# Checks float repr next to powers of two (where the shortest correctly rounded digits need not read back) and int-to-float rounding of big ints (nearest, ties to even), in true division and float().
for k in range(-1074, 1024, 7):
    x = 2.0 ** k
    print(k, repr(x), repr(x * (1 - 2 ** -53)), repr(x * (1 + 2 ** -52)))
for k in (132, 200, 300, 1000, 1023):
    print(repr(2.0 ** k))
seed = 12345
for i in range(300):
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    bits = 54 + seed % 900
    x = (seed * 0x9E3779B97F4A7C15) % 2 ** bits | 1 << (bits - 1)
    kind = i % 4
    cut = bits - 53
    if kind == 0:
        x = (x >> cut << cut) | 1 << (cut - 1)
    elif kind == 1:
        x = (x >> cut << cut) | 1 << (cut - 1) | 1
    elif kind == 2:
        x = (x >> cut << cut) | (1 << (cut - 1)) - 1
    print(repr(float(x)), repr(-x / 1.0), repr(x * 0.5), x / 3 == float(x) / 3)
print(5444517870735015416373224410741188067364 / 0.5)
