# Checks attribute loads and method calls on modules in a loop (the module-attribute cache) while the module gains, loses and reassigns attributes, two modules at one site, and missing attributes.
import math, sys
def f():
    return math.pi, math.floor(2.5), sys.maxsize > 0
out = []
for i in range(6):
    out.append(f()[0])
    if i == 1:
        math.pi = 3
    if i == 2:
        math.tau2 = 1
    if i == 3:
        del math.tau2
    if i == 4:
        math.floor = lambda x: "patched"
print(out, f()[1])
def g(m):
    return m.sqrt(4.0) if hasattr(m, "sqrt") else m.maxsize > 0
print([g(m) for m in (math, sys, math, sys)])
try:
    math.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    math.nope2()
except AttributeError as e:
    print("AttributeError:", e)
