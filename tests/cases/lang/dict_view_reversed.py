# Checks reversed() of dict views (keys, values, items; live values, size-change errors; OrderedDict views) as CPython 3.8+ gives it
from collections import OrderedDict
d = {1: 2, 3: 4, "a": [5]}
print(list(reversed(d.keys())), list(reversed(d.values())), list(reversed(d.items())))
print(list(reversed(d)), type(reversed(d.values())).__name__, type(reversed(d.items())).__name__, type(reversed(d)).__name__)
it = reversed(d.values())
print(next(it))
d[1] = 99
print(next(it), next(it))
it = reversed(d.items())
d["new"] = 1
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
o = OrderedDict(a=1, b=2)
