# Checks comparison operators, chained comparisons (each operand evaluated once), in/not in, is/is not, mixed-type comparisons.
def v(x):
    print("eval", x)
    return x
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2, 1 == 1.0 == True, 2 != 2.0)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(v(1) < v(5) > v(4) != v(4))
x = 5
print(0 <= x < 10, 0 <= x < 5, x == 5 != 6, 1 < x <= 5 < 6 > 2)
print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "ab" < "abc", "b" > "abc")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), (2,) > (1, 9, 9))
print([1, 2] == [1, 2], [1, 2] == (1, 2), {1: 2} == {1: 2}, {1, 2} == {2, 1})
print(1 == 1.0, 0.1 + 0.2 == 0.3, 2 ** 53 == 2.0 ** 53, 10 ** 20 == 1e20, -0.0 == 0)
print(3 in [1, 2, 3], 4 not in [1, 2, 3], "ell" in "hello", "" in "x", 2 in {1: 0, 2: 0})
print(2 in (1, 2), 5 in range(0, 10, 5), 7 in range(0, 10, 5), 1 in {1, 2}, "a" not in "abc")
a = [1]
b = a
c = [1]
print(a is b, a is c, a is not c, a == c, None is None, True is not False)
print(x is x, (x is None) == False)
for op_a, op_b in [(1, "1"), ("a", 1), ([], ()), (None, 0)]:
    print(op_a == op_b, op_a != op_b)
    try:
        print(op_a < op_b)
    except TypeError as e:
        print("TypeError", e)
print(float("nan") < 1, float("nan") > 1, float("inf") > 10 ** 400, 10 ** 400 > 1e308)
print(max("apple", "banana"), min([3, 1], [2, 9]), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(not 1 == 2, not (1 < 2), (1 < 2) == True, (1 < 2) + 1)
