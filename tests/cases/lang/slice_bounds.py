# Checks list, tuple and str slicing with every kind of bound (negative, huge, big-int, extreme steps) and a user __index__ that grows the list while the slice is read.
l = list(range(10)); t = tuple(l)
for s in [slice(None), slice(2, 5), slice(None, None, -1), slice(8, 2, -2), slice(-3, None), slice(None, -3), slice(5, 2), slice(None, None, 3),
          slice(1, 100, 4), slice(-100, 100, -1), slice(100, -100, -3), slice(None, None, 9223372036854775807), slice(None, None, -9223372036854775808),
          slice(10**30, -10**30, -1), slice(-10**30, 10**30, 7)]:
    print(s, l[s], t[s], "abcdefghij"[s])
class I:
    def __index__(self):
        l.append(99)
        return 3
print(l[I():], len(l))
print(l[:I()], len(l))
