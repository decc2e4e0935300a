# Generators suspended in try blocks close when the program ends, in the order their globals were made, seeing the globals not yet released.
def g(name):
    try:
        yield 1
    finally:
        print("fin", name)
b = g("b"); next(b)
_a = g("_a"); next(_a)
a = g("a"); next(a)
print("end")

def g2(name):
    try:
        yield 1
    finally:
        print("fin", name, zz, _u)
bb = g2("bb"); next(bb)
zz = 5
_u = 6
print("end")
