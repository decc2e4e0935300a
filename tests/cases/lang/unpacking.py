# Checks assignment forms: chained, tuple/list unpacking, nested, starred, in for loops, subscript/attribute targets, and unpacking errors.
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
x, y = 1, 2
[p, q] = "pq"
(r, s), t = (3, 4), 5
print(x, y, p, q, r, s, t)
first, *rest = [1, 2, 3, 4]
*init, last = "abcd"
head, *mid, tail = range(6)
lone, *none = [9]
print(first, rest, init, last, head, mid, tail, lone, none)
(m, *n), o = [1, 2, 3], 4
print(m, n, o)
for i, (ch, num) in enumerate(zip("xyz", [10, 20, 30])):
    print(i, ch, num)
for k, *vals in [(1, 2, 3), (4,), (5, 6)]:
    print(k, vals)
pairs = {}
pairs["k"], pairs["j"] = 1, 2
class Obj:
    pass
o = Obj()
o.left, o.right = "L", "R"
lst = [0, 0, 0]
lst[0], lst[2] = lst[2] + 5, 7
i = 0
i, lst[i] = 1, 99
print(pairs, o.left, o.right, lst)
x, y = y, x
print(x, y)
print([*range(3), *"ab"], (*[1, 2], 3), {**{"a": 1}, "b": 2, **{"a": 3}}, {*[1, 2], 3})
for bad in [[1, 2, 3], [1], "abcd"]:
    try:
        u, v = bad
        print(u, v)
    except ValueError as e:
        print("ValueError", e)
try:
    u, v, *w = [1]
except ValueError as e:
    print("ValueError", e)
try:
    u, v = 5
except TypeError as e:
    print("TypeError", e)
def f(*args, **kw):
    return args, kw
print(f(*[1, 2], *(3,), **{"k": 1}, z=2))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)])
