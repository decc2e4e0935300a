# Checks floor division and modulo of negative ints and floats, divmod, and the ZeroDivisionError messages.
for a in [7, -7, 0, 13, -13, 1, -1]:
    for b in [2, -2, 3, -3, 5]:
        print(a, b, a // b, a % b, divmod(a, b), a / b)
for a in [7.5, -7.5, 0.5, -0.0]:
    for b in [2, -2.0, 0.75]:
        print(a, b, a // b, a % b, divmod(a, b))
print(-1 % 10, -11 % 10, 11 % -10, -11 // 10, 11 // -10, -(11 // 10))
print(10 % 3.5, -10 % 3.5, 3 % -0.5, 1e20 % 7, -1e20 // 7)
cases = [(1, 0), (1.0, 0), (1, 0.0), (0, 0), (-5, 0)]
for a, b in cases:
    for op in ["/", "//", "%", "divmod"]:
        try:
            if op == "/":
                r = a / b
            elif op == "//":
                r = a // b
            elif op == "%":
                r = a % b
            else:
                r = divmod(a, b)
            print("no error", r)
        except ZeroDivisionError as e:
            print(a, op, b, "->", type(e).__name__, e)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("pow", e)
try:
    print(0.0 ** -1)
except ZeroDivisionError as e:
    print("pow float", e)
try:
    pow(5, 3, 0)
except ValueError as e:
    print("ValueError", e)
