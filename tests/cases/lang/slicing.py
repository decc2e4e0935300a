# Checks slicing of lists, tuples, strings and ranges: negative indices, steps, out-of-range bounds, slice assignment and deletion.
s = list(range(10))
for a, b in [(2, 5), (-3, None), (None, -3), (5, 2), (-100, 100), (3, 3)]:
    print(a, b, s[a:b], "abcdefghij"[a:b], tuple(s)[a:b])
for step in [1, 2, 3, -1, -2, -4]:
    print(step, s[::step], s[1:8:step], s[8:1:step], "abcdefghij"[::step], range(10)[::step])
print(s[-1], s[-10], s[len(s) - 1], "xyz"[-2], range(5, 50, 5)[3], range(10)[2:8:3])
for idx in [10, -11]:
    try:
        print(s[idx])
    except IndexError as e:
        print("IndexError", e)
try:
    "abc"[3]
except IndexError as e:
    print("IndexError", e)
try:
    (1, 2)[2]
except IndexError as e:
    print("IndexError", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError", e)
t = s[:]
t[2:5] = ["a", "b"]
print(t)
t[1:1] = [100, 200, 300]
print(t)
t[::2] = ["E"] * len(t[::2])
print(t)
t[-3:] = []
print(t)
del t[::3]
print(t)
del t[1:3]
print(t)
try:
    t[::2] = [1]
except ValueError as e:
    print("ValueError", e)
try:
    t[0] = t[100]
except IndexError as e:
    print("IndexError", e)
try:
    "abc"[0] = "x"
except TypeError as e:
    print("TypeError", e)
u = [1, 2, 3]
u[len(u):] = [4, 5]
u[:0] = [0]
print(u, u[1:-1], u[-2:], u[:-2])
