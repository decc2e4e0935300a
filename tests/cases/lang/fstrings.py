# Checks f-strings: expressions, !r/!s conversions, nested specs, width/alignment/fill, sign, precision, thousands separators, types.
name = "krait"
n = 42
pi = 3.14159265
neg = -7.5
items = [1, 2, 3]
print(f"{name} {n} {pi} {items} {items[1]} {len(name)} {n * 2 + 1} {name.upper()}")
print(f"{name!r} {name!s} {items!r} {'quoted'!r} {3.0!r}")
print(f"[{n:5}] [{n:<5}] [{n:^5}] [{n:>5}] [{n:05}] [{n:+}] [{-n:+}] [{n: }] [{n:=+6}]")
print(f"[{name:10}] [{name:>10}] [{name:^10}] [{name:*<10}] [{name:.3}] [{name:>8.2}]")
print(f"{pi:.2f} {pi:8.3f} {pi:<8.1f}| {pi:e} {pi:.2E} {pi:g} {pi:%} {0.256:.1%} {neg:.0f} {2.5:.0f} {3.5:.0f}")
print(f"{1234567:,} {1234567.891:,.2f} {1234567:_} {0xFFFF:_x} {255:x} {255:X} {255:#x} {5:b} {5:#b} {8:o} {8:#o}")
print(f"{65:c} {n:d} {n:08.3f} {-0.0:.1f} {1e20:.3g} {1e-10:g} {123.0:g} {float('inf'):.2f} {float('nan'):f}")
width, prec = 12, 4
print(f"[{pi:{width}.{prec}f}] [{name:>{width}}] [{n:0{width}d}]")
print(f"{'nested ' + name:>20}|{n if n > 40 else 0}|{'yes' if items else 'no'}")
d = {"a": 1, "b": [2, 3]}
print(f"{d['a']} {d['b'][1]} {d} {{braces}} {{{n}}}")
print(f"multi {n} " f"part {name}" " plain")
print(f"{True} {None} {True:d} {False:>6} {None!r}")
for v in [0, 1, -1, 999999, 10 ** 20, 0.5, -1234.5678]:
    print(f"|{v:>14}|{v:<14}|{v:^14}|{v:14,}|")
print(f"{'a':-^9}{'b':=>5}{'c':0<3}")
class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"P({self.x!r})"
    def __str__(self):
        return f"<{self.x}>"
p = P("q")
print(f"{p} {p!r} {p!s} {[p]} {p.x}")
print(f"{n:{'>' if n else '<'}6}", f"{3.14159:.{2}f}")
