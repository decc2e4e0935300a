# Long lists built by repeating bools or ints ([False] * n, [0] * n), which
# krait stores compactly: every list operation on them, stores of other
# kinds, appends, mutation while iterating, and the lists the general form
# keeps (short ones, mixed items, in-place repetition).
import gc
import sys

def show(label, l):
    print(label, len(l), l[:3], l[-3:], sum(1 for x in l if x), type(l[0]).__name__)

flags = [True] * 300
flags[0] = flags[1] = False
flags[-1] = False
show("flags", flags)
print(flags[2], flags[-2], bool(flags), flags.count(False), flags.index(False, 2))
try:
    flags[300]
except IndexError as e:
    print("IndexError", e)
try:
    flags[-301] = True
except IndexError as e:
    print("IndexError", e)

nums = [0] * 512
for i in range(0, 512, 7):
    nums[i] = i * i
nums[-1] = -5
show("nums", nums)
print(sum(nums), max(nums), min(nums), nums[49], nums.count(0))

# Big ints, floats and other objects in an int list.
big = [1] * 300
big[3] = 10 ** 30
big[4] = 2.5
big[5] = "s"
big.append(None)
print(big[:7], big[-2:], len(big))

# A bool stored in an int list and an int in a bool list stay what they are.
mixed = [0] * 300
mixed[0] = True
mixed[1] = False
print(mixed[:3], type(mixed[0]).__name__, type(mixed[2]).__name__, mixed[0] is True)
bl = [False] * 300
bl[0] = 1
bl[1] = 0
print(bl[:3], type(bl[0]).__name__, bl[2] is False)

# Appends of the same kind and of another.
a = [False, True] * 200
a.append(True)
a.append(False)
print(len(a), a[-4:], a.count(True))
a.append(3)
print(len(a), a[-3:])
b = [7] * 300
b.append(8)
b += [9]
b.extend([10, 11])
print(len(b), b[-5:])

# Iterating, and changing the list while iterating.
c = [1, 2, 3] * 100
total = 0
for x in c:
    total += x
print(total)
d = [0] * 260
seen = 0
for x in d:
    seen += 1
    if seen < 5:
        d.append(1)
print(seen, len(d), d[-5:])
for i, x in enumerate([True] * 257):
    pass
print(i, x)

# Operations that need every item as a value.
e = [3] * 256
e[10] = 1
e[20] = 5
e.sort()
print(e[:2], e[-2:], e == sorted(e))
f = [True] * 256
f.reverse()
f.insert(0, None)
print(f[:2], f.pop(), f.pop(0), len(f))
g = [5] * 300
print(5 in g, 6 in g, g.index(5), repr(g[:4]), g[:4] == [5, 5, 5, 5])
del g[0]
del g[:10]
print(len(g), g.copy()[:2], list(reversed(g))[:2], tuple(g[:2]))
h = [2] * 256
h[5:8] = ["a", "b"]
print(len(h), h[4:8])
print([0] * 256 == [0] * 256, [0] * 256 == [False] * 256, [1] * 256 < [2] * 256)
k = [0] * 300
k *= 2
print(len(k), k[599])
m = [0] * 300
n = m * 2
n[0] = 1
print(len(n), n[:2], m[:2])
x, y = [4] * 2
print(x, y, [0] * 0, [1] * -3, [True] * 3, len([0] * 255))
s = [0] * 256
print(str(s)[:12], s[1:4], s[::100], s[-1::-128])
print(list(map(lambda v: v + 1, [1] * 256))[:3], sorted([1, 0] * 128)[:3])

# A repeated list referring to itself is reclaimed.
cyc = [0] * 300
cyc[0] = cyc
del cyc
print(gc.collect() >= 1)

# Traced: the same events as CPython, the stores included.
def body():
    z = [False] * 300
    z[1] = True
    return z[1] and not z[0]

def tracer(frame, event, arg):
    if frame.f_code.co_name == "body":
        print(event, frame.f_lineno)
    return tracer

sys.settrace(tracer)
print(body())
sys.settrace(None)
try:
    [0] * (sys.maxsize // 2)
except MemoryError:
    print("MemoryError")
