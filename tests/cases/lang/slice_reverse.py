# Slices with step -1 (a reversal, taken as one backward run) and other negative steps, on lists, tuples and strs, for every start and stop around the bounds.
a = list(range(10))
for k in range(-12, 13):
    print(k, a[k::-1], a[:k:-1], a[k:2:-1], a[k::-2], tuple(a)[k::-1], "abcdefghij"[k::-1])
b = [[1], "x", 2.5, None, (1,)]
print(b[::-1], b[3::-1], b[-1::-1], b[0::-1], b[-9::-1])
l = [0]*0
print(l[::-1], l[5::-1])
