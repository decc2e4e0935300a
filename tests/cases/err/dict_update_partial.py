# Checks dict.update with pairs: a bad element midway leaves the pairs before it inserted (as dict() does), and mappings with keys() are merged.
d = {}
try:
    d.update([(1, 2), 3])
except TypeError as e:
    print(e, d)
d = {}
try:
    d.update([(1, 2), (3,)])
except ValueError as e:
    print(e, d)
e = {}
try:
    e.update([(1, 2), [3, 4], "ab", {5, 6}, 7])
except TypeError as x:
    print(x, e)
class M:
    def keys(self):
        return ["a", "b"]
    def __getitem__(self, k):
        return k * 2
f = {}
f.update(M())
print(f, dict(M()))
