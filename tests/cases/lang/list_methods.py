# Checks every list method (append, extend, insert, pop, remove, index, count, sort, reverse, copy, clear) and their errors.
a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.extend((2, 6))
a.extend("ab")
print(a, len(a))
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before-last")
a.insert(-100, "very-first")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a.pop(1), a)
a.remove("a")
print(a, a.index(1), a.index(1, 2), a.count(1), a.count("zz"))
for bad in ["missing", 1]:
    try:
        print(a.index(bad, 5, 6))
    except ValueError as e:
        print("ValueError", e)
try:
    a.remove("missing")
except ValueError as e:
    print("ValueError", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError", e)
nums = [5, -2, 9, 0, -7, 3, 3]
b = nums.copy()
b.sort()
print(b, nums, b is nums)
b.sort(reverse=True)
print(b)
b.sort(key=abs)
print(b)
b.sort(key=lambda v: (v % 3, -v), reverse=True)
print(b)
b.reverse()
print(b, b.reverse(), b)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
c = b
c.clear()
print(b, c, len(b))
try:
    [1, "a"].sort()
except TypeError as e:
    print("TypeError", e)
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m, [row[:] for row in m] == m)
x = [1, 2, 3]
x[0] = 10
x[-1] += 5
del x[1]
print(x, [1, 2] + [3], [0] * 3, list(range(5)), list("abc"), list((1, 2)), [*x, *"ab"])
print(sorted(x) == x, min(x), max(x), sum(x), 8 in x, x * 2, x == [10, 8])
