# Checks a dict/set lookup whose __eq__ mutates the container restarts without crashing.
# mutation during lookup
class M:
    def __init__(self, d, k): self.d = d; self.k = k
    def __hash__(self): return 1
    def __eq__(self, o):
        print('eq')
        if self.d:
            self.d.clear()
        return False
d = {}
a = M(d, 0)
d[a] = 1
b = M(None, 1)
print(b in d, len(d))
s = set()
class N:
    def __hash__(self): return 2
    def __eq__(self, o):
        print('neq')
        s.clear()
        return True
s.add(N())
print(N() in s, len(s))
# growing dict inside eq
g = {}
class G:
    def __init__(self, i): self.i = i
    def __hash__(self): return 5
    def __eq__(self, o):
        if len(g) < 50:
            g[len(g) + 100] = 0
        return self.i == o.i
g[G(1)] = 'one'
print(g.get(G(1)), g.get(G(2)), len(g))
