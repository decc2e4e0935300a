# Checks the TypeError messages of bad calls: missing, extra, duplicate and unexpected arguments, keyword-only misuse, calling non-callables.
def two(a, b):
    return a + b
def kwo(a, *, k):
    return a, k
def opt(a, b=1, *, c=2):
    return a, b, c
def many(a, b, c, d):
    return a
class K:
    def method(self, x):
        return x
    def __init__(self, v):
        self.v = v
five, text, nothing = 5, "str", None
calls = [
    lambda: two(1),
    lambda: two(),
    lambda: two(1, 2, 3),
    lambda: two(1, a=1),
    lambda: two(1, 2, z=3),
    lambda: kwo(1, 2),
    lambda: kwo(1),
    lambda: kwo(a=1, k=2, j=3),
    lambda: opt(),
    lambda: opt(1, 2, 3),
    lambda: many(1),
    lambda: many(1, 2),
    lambda: K(1).method(),
    lambda: K(1).method(1, 2),
    lambda: K(),
    lambda: K(1, 2),
    lambda: (lambda x: x)(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: five(),
    lambda: text(),
    lambda: nothing(),
    lambda: two(*5),
    lambda: two(**[1]),
    lambda: abs("x"),
    lambda: int([1]),
    lambda: two(1, **{"a": 2}),
    lambda: sorted([1], 2),
    lambda: print(sep=5),
]
for i, c in enumerate(calls):
    try:
        c()
        print(i, "no error")
    except TypeError as e:
        print(i, "TypeError:", e)
