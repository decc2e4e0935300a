# Checks that a dict iterator stays exhausted once it ends (keys added later are not seen) and that 'changed size' errors of dict and set iterators repeat on every later next().
d = {1: 1}
it = iter(d)
print(next(it))
try:
    print(next(it, "end"))
except RuntimeError as e:
    print("set again", e)
d[2] = 2
try:
    print(next(it, "end"))
except RuntimeError as e:
    print("set again", e)
d = {1: 1, 2: 2}
it = iter(d.items())
print(next(it))
d[3] = 3
try:
    next(it)
except RuntimeError as e:
    print(e)
del d[3]
try:
    print(next(it))
except RuntimeError as e:
    print("again", e)
s = {1, 2}
it = iter(s)
next(it)
s.add(3)
try:
    next(it)
except RuntimeError as e:
    print(e)
s.discard(3)
try:
    print(next(it, "end"))
except RuntimeError as e:
    print("set again", e)
