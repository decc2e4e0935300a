# Checks that built-ins check their arguments in CPython's order (clinic conversions first) with its messages.
calls = [
    lambda: 'a b'.split(5, '*'),
    lambda: 'a b'.rsplit(5, '*'),
    lambda: 'abc'.find(5, '*'),
    lambda: 'abc'.rindex(5, '*'),
    lambda: 'abc'.count(5, '*'),
    lambda: 'abc'.removeprefix(None),
    lambda: 'abc'.removesuffix(None),
    lambda: 'abc'.removeprefix(1),
    lambda: [3, 1].sort(1, 2, 3),
    lambda: [3, 1].sort(1),
    lambda: [3, 1].sort(1, key=None),
    lambda: [3, 1].sort(key=None, reverse=1, x=2),
    lambda: sum(1, 'x'),
    lambda: sum([], 'x'),
    lambda: int(2, 3, 5),
    lambda: int(-1.5, 1),
    lambda: int('10', 37),
    lambda: int(1.5, 10),
    lambda: int(base=10),
    lambda: enumerate(int, int),
    lambda: enumerate(1, 'x'),
]
for c in calls:
    try:
        print(c())
    except Exception as e:
        print(type(e).__name__, e)
print(int('z', 36), int('0x1f', 0), list(enumerate('ab', 5)))
