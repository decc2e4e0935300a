# Checks the constructor builtins int, float, str, bool, list, tuple, dict, set on many inputs, including their error messages.
for v in ["42", " -7 ", "+3", "0", "1_000", 3.9, -3.9, True, 10 ** 20]:
    print(repr(v), int(v))
for v in ["3.14", " -2.5e3 ", "inf", "-Infinity", "nan", "1_0.5", "1e500", 7, True, 2 ** 60, ".5", "5."]:
    print(repr(v), float(v))
for v in [1, 1.0, -0.5, "s", None, True, [1, "a"], (1,), {}, {"a": [1, 2.5]}, 1e16, 10 ** 25, "é"]:
    print(repr(v), str(v), repr(str(v)))
print(bool(0), bool(1), bool(""), bool(" "), bool([]), bool([0]), bool(None), bool(0.0), bool(-1e-300), bool())
print(list(), list("ab"), list((1, 2)), list({"k": 1}), list(range(3)), list({3: 0}.items()))
print(tuple(), tuple([1]), tuple("xy"), dict(), dict([("a", 1)]), dict(a=1), set(), set([2, 2, 1]))
print(int(), float(), str(), int("ff", 16), int("-z", 36), float(" 12 "), int(float("1e3")))
for bad in ["", "4.5", "0x10", "1e3", "abc", " ", "1 2", "--5"]:
    try:
        int(bad)
    except ValueError as e:
        print("int ValueError", e)
for bad in ["", "abc", "1.2.3", "1e", "- 1"]:
    try:
        float(bad)
    except ValueError as e:
        print("float ValueError", e)
for bad in [None, [1], {}]:
    try:
        int(bad)
    except TypeError as e:
        print("int TypeError", e)
    try:
        float(bad)
    except TypeError as e:
        print("float TypeError", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
print(str(123).zfill(5), int(str(-0)), float(str(0.1)) == 0.1, str(float(3)), int("0" * 5 + "9"))
print(list(map(int, "1 2 3".split())), [float(x) for x in ["1", "2.5"]], tuple(map(str, range(3))))
