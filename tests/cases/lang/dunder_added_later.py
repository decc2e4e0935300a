# Checks that dunders added to, replaced in or deleted from a class (or its base) after instances were compared, tested for truth or used as operands take effect at once.
class B:
    pass

class C(B):
    pass

a, b = C(), C()
print(a == b, bool(a), a != b)
B.__eq__ = lambda self, other: True
print(a == b, a != b)
C.__eq__ = lambda self, other: False
print(a == b, a != b)
del C.__eq__
print(a == b)
del B.__eq__
print(a == b)
C.__bool__ = lambda self: False
print(bool(a), not a, "yes" if a else "no")
C.__len__ = lambda self: 3
del C.__bool__
print(bool(a))
B.__neg__ = lambda self: "neg"
print(-a)
B.__lt__ = lambda self, o: "lt"
print(a < b)
try:
    print(a > 1)
except TypeError as e:
    print("TypeError:", e)

class Strength:
    def __init__(self, v):
        self.v = v

Strength.REQUIRED = Strength(0)
s = Strength.REQUIRED
print(s is Strength.REQUIRED, Strength.REQUIRED.v)
Strength.REQUIRED = Strength(5)
print(s is Strength.REQUIRED, Strength.REQUIRED.v)
del Strength.REQUIRED
try:
    Strength.REQUIRED
except AttributeError as e:
    print("AttributeError:", e)
