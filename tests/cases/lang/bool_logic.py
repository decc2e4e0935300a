# Checks truthiness of every kind of value, and/or returning operands with short-circuit, not, and conditional expressions.
def t(name, value):
    print("eval", name)
    return value
vals = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), {0}, None, True, False, range(0), range(1)]
for v in vals:
    print(repr(v), bool(v), not v, "yes" if v else "no")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, "" or "default", [] and "x", None or 0 or "last")
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 0))
print(t("a", 1) or t("b", 1))
print(t("a", 0) or t("b", "") or t("c", "found"))
print(t("a", 1) and t("b", 2) and t("c", 3))
x = 7
print("big" if x > 5 else "small", "even" if x % 2 == 0 else "odd" if x > 0 else "negative")
print((lambda n: "pos" if n > 0 else ("zero" if n == 0 else "neg"))(-3))
print(not not [], not None, (not 0) + (not 1), True == 1, False == 0, True + False)
class Empty:
    def __len__(self):
        return 0
class Truthy:
    def __len__(self):
        print("__len__ called")
        return 3
print(bool(Empty()), bool(Truthy()), not Empty(), Empty() or "fallback")
if Truthy() and not Empty():
    print("both")
while not Empty():
    print("loop body once")
    break
print(all([]), any([]), all([1, 2, 0]), any([0, "", 3]), all(x > 0 for x in [1, 2]))
