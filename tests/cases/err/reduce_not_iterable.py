# Checks functools.reduce's messages for bad arguments, ending on a non-iterable second argument.
import functools
for a in [(), (1,), (len, [], 1, 2), (len, [])]:
    try:
        functools.reduce(*a)
    except TypeError as e:
        print(type(e).__name__, e)
functools.reduce(len, 5)
