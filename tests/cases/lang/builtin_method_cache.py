# One LoadMethod site sees values of many built-in types in turn (the
# method cache keyed by type), names that are methods of some types only,
# data attributes, and instances with methods of the same names; built-in
# calls with 0 to 6 arguments, bound and unbound, and failing ones.
class Counter:
    def count(self, x):
        return "Counter.count(%r)" % (x,)

    def index(self, x):
        return "Counter.index"


values = [[1, 2, 1], (1, 1, 3), "a1b1", Counter(), {1: 2}, {1, 2}, frozenset([1]),
          range(5), 7, True, 2.5, 10**30, [1], "1"]
for v in values:
    for name in ["count", "index", "bit_length", "real", "keys", "is_integer"]:
        try:
            if name == "count":
                r = v.count(1)
            elif name == "index":
                r = v.index(1)
            elif name == "bit_length":
                r = v.bit_length()
            elif name == "real":
                r = v.real
            elif name == "keys":
                r = list(v.keys())
            else:
                r = v.is_integer()
        except (AttributeError, TypeError, ValueError) as e:
            r = type(e).__name__ + ": " + str(e)
        print(type(v).__name__, name, r)

# The same site, the type changing every time.
def first_count(xs):
    return [x.count(x[0]) for x in xs]

print(first_count([[1, 1], (1,), "11", [2], "x1", (1, 1, 1)] * 3))

# Built-ins with each number of arguments, unbound and bound.
print(max(3, 1), max(3, 1, 4), max(3, 1, 4, 1), max(3, 1, 4, 1, 5), max(3, 1, 4, 1, 5, 9))
print(min([5, 2, 8]), divmod(17, 5), pow(2, 10, 1000), round(2.675, 2))
print("-".join(["a", "b"]), "abcabc".replace("b", "x", 1), "a,b,c".split(",", 1))
l = []
for i in range(5):
    l.append(i)
    l.insert(0, -i)
print(l, l.pop(), l.pop(0), l)
d = {}
print(d.get(1), d.get(1, 2), d.setdefault(3, 4), d, d.pop(3, None), d.pop(9, "dflt"))
print("{}-{}-{}-{}-{}".format(1, 2, 3, 4, 5), "%s%s" % ("a", "b"))
for args in [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4)]:
    try:
        print(len(*args))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print([].append(*args))
    except TypeError as e:
        print("TypeError:", e)
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
m = [3, 1, 2].sort
print(m(), m.__self__ if hasattr(m, "__self__") else None)
