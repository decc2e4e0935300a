# Checks the TypeErrors for dunders returning the wrong type (__int__, __index__, __float__, __bool__, __len__, __hash__, __str__, __repr__, __format__, __iter__) and conversions through __index__/__floor__/__ceil__/__trunc__.
class R:
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
    def __index__(self): return self.v
    def __float__(self): return self.v
    def __bool__(self): return self.v
    def __len__(self): return self.v
    def __hash__(self): return self.v
    def __str__(self): return self.v
    def __repr__(self): return self.v
    def __format__(self, spec): return self.v
    def __iter__(self): return self.v
    def __round__(self, *a): return self.v
    def __abs__(self): return self.v
    def __neg__(self): return self.v
    def __trunc__(self): return self.v
    def __floor__(self): return self.v
    def __ceil__(self): return self.v
    def __contains__(self, x): return self.v
    def __eq__(self, o): return self.v
    def __lt__(self, o): return self.v



import math
for v in [None, 1, 2**70, -1, 1.5, True, "s", [1], NotImplemented]:
    r = R(v)
    for name, f in [("int", int), ("index", lambda o: [0, 1, 2][o]), ("float", float), ("bool", bool),
                    ("not", lambda o: not o), ("if", lambda o: 1 if o else 0),
                    ("len", len), ("hash", hash), ("str", str), ("repr", repr), ("format", format), ("fstr", lambda o: f"{o}"), ("pct", lambda o: "%s" % o),
                    ("iter", iter), ("round", round), ("round2", lambda o: round(o, 2)), ("abs", abs), ("neg", lambda o: -o), ("trunc", math.trunc),
                    ("floor", math.floor), ("ceil", math.ceil), ("in", lambda o: 1 in o), ("eq", lambda o: o == 1), ("lt", lambda o: o < 1),
                    ("hex", hex), ("bin", bin), ("chr", chr), ("mathsqrt", math.sqrt), ("print", lambda o: print(o, end='|')), ("list*", lambda o: [1] * o),
                    ("divmod", lambda o: divmod(7, o) if False else 0), ("pow3", lambda o: pow(2, 3, o)), ("complexfmt", lambda o: "%d" % o), ("pctf", lambda o: "%f" % o)]:
        try:
            res = f(r)
            print(repr(v)[:15], name, 'ok', type(res).__name__, repr(res)[:40])
        except Exception as e:
            print(repr(v)[:15], name, type(e).__name__, e)
