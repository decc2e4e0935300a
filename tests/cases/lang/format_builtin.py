# Checks the format() builtin and str.format specs on ints, floats and strings, including rounding and sign handling.
vals = [0, 7, -7, 255, 123456789, 3.0, -2.5, 0.125, 1e-7, 12345.6789, 1e21]
specs = ["", "10", "<10", "^10", ">10", "+", " ", "010", ",", "_"]
for v in vals:
    print(repr(v), [format(v, s) for s in specs])
fspecs = [".0f", ".1f", ".3f", ".2e", ".3g", "g", "%", ".1%", "12.4f", "+.2f", "e", "G", "f"]
for v in [0.0, 1.0, -1.5, 2.675, 1 / 3, 123456.789, 1e16, 5e-5, 0.5, 1.5, 2.5]:
    print(repr(v), [format(v, s) for s in fspecs])
ispecs = ["b", "o", "x", "X", "#b", "#o", "#x", "08b", "c", "d", ",d", "+d", "e", ".2f", "%"]
for v in [0, 10, 97, 1000000, -42]:
    print(v, [format(v, s) for s in ispecs if not (s == "c" and v < 0)])
print(format("text"), format("text", ">8"), format("text", "_^9"), format(True), format(None), format([1, 2]))
for bad in [(1.5, "d"), ("s", "d"), (1, "s"), (3, ".2s")]:
    try:
        print(format(bad[0], bad[1]))
    except ValueError as e:
        print("ValueError", e)
print("{:.2f}|{:>+8.3f}|{:<+8d}|{:^9.1e}".format(2.345, 3.14159, 5, 12345.0))
print("{0:{1}}|{0:{2}{1}}".format(3.5, 8, "*^"))
print(round(2.345, 2), round(-0.5), round(0.5), round(1.5), round(7, -1), round(15, -1), round(25, -1))
print(round(1.23456789, 4), round(-1.005, 2), round(1e20, -5), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
