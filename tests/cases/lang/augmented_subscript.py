# Augmented assignment to a subscript (`c[k] op= v`): lists with int
# indexes take a fused fast path in krait; everything else must behave as
# the unfused instructions do.
v = [1.0, 2.0, 3.0]
v[0] -= 0.5
v[-1] += 10
v[1] *= v[2]
print(v)

# Nested, with an index from an expression.
grid = [[1, 2], [3, 4]]
for i in range(2):
    for j in range(2):
        grid[i][j] **= i + j + 1
print(grid)

# Indexes that are not ints, containers that are not lists.
s = [1, 2]
s[True] += 1
s[False] -= 5
print(s)
d = {"a": 1}
d["a"] += 5
d.setdefault("b", [])
d["b"] += [1]
print(d)
t = ([1], 2)
t[0][0] += 1
try:
    t[0] += [3]
except TypeError as e:
    print("TypeError", e)
print(t)


class Box:
    def __getitem__(self, k):
        print("get", k)
        return k * 2

    def __setitem__(self, k, val):
        print("set", k, val)


b = Box()
b[3] += 1
b["x"] += "y"

# Compact lists (long repetitions of ints or bools): same kind, other kinds.
big = [0] * 300
big[7] += 3
big[-1] -= 1
big[8] += 0.5
print(big[7], big[8], big[-1], len(big))
flags = [False] * 300
flags[3] |= True
flags[4] += 1
print(flags[3], flags[4], flags[5])

# The right-hand side changes the list under the store.
w = [10, 20, 30]
w[0] += w.pop()
print(w)
w = [1, 2, 3]
try:
    w[2] += len(w.__class__([w.pop(), 4]))
except IndexError as e:
    print("IndexError", e)
print(w)

# Errors, raised where the unfused instructions raise them.
for c, k in (([1, 2], 5), ([1, 2], -3), ([1], "x"), ((1, 2), 0), ("ab", 0), (None, 0)):
    try:
        c[k] += 1
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    w[0] += "s"
except TypeError as e:
    print("TypeError", e)
print(w)
try:
    w[1] += None
except TypeError as e:
    print("TypeError", e)


def f(x, k):
    x[k] += 1
    return x


print(f([5, 6], 1), f({1: 2}, 1))
try:
    f([1], 4)
except IndexError as e:
    print("from f:", e)
