# Checks list and tuple slicing: clamping, negative and zero steps, big-int bounds, and a bound's __index__ running before the list is read (it sees the list's new length).
l = list(range(10)); t = tuple(l)
for s in [slice(None), slice(2, 5), slice(-3, None), slice(None, None, -1), slice(8, 2, -2), slice(1, 100, 3), slice(-100, -50), slice(5, 2), slice(None, None, 2), slice(-1, -11, -1), slice(3, -3)]:
    print(l[s], t[s])
try:
    l[::0]
except ValueError as e:
    print(e)
try:
    t[1:2:0]
except ValueError as e:
    print(e)
print(t[3], t[-1], l[-10])
try:
    t[10]
except IndexError as e:
    print(e)
try:
    t[-11]
except IndexError as e:
    print(e)
print(l[True:2**80], t[False:-2**80:-1])
class I:
    def __index__(self): l.append(99); return 2
print(l[I():], len(l))
