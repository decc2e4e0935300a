# Checks slice assignment and deletion on lists (simple and extended, self-assignment, size errors) and str/tuple slicing with user __index__ bounds, each read once as CPython reads them.
calls = []
class I:
    def __init__(self, v): self.v = v
    def __index__(self):
        calls.append(self.v)
        return self.v
l = list(range(10))
l[I(2):I(5)] = "ab"; print(l, calls)
l[I(1)::I(2)] = range(4); print(l, calls)
try:
    l[::2] = [1]
except ValueError as e: print(e)
l[::-1] = l; print(l)
l[2:2] = l; print(l)
del l[::3]; print(l)
del l[-2:1:-4]; print(l)
l[5:1] = [7, 7]; print(l)
s = "héllo wörld"
print(s[::-2], s[1:9:3], s[I(3):])
t = tuple(range(20))
print(t[::-7], t[3:-3:5], t[I(4):I(2):-1])
