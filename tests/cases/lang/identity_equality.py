# `==` and `!=` between instances of classes without rich comparisons are
# identity, decided in the dispatch loop until some class defines one;
# then every comparison asks the dunders again.
class P:
    pass


class E(Exception):
    pass


a, b = P(), P()
e = E("x")
print(a == a, a == b, a != a, a != b)
print(a == None, None == a, a != None, None != a)
print(a == 1, 1 == a, a == "s", "s" != a, a == 1.5, a == [a], [a] == [a])
print(e == e, e == E("x"), e != a, ValueError() == ValueError())
print(P == P, P == E, a == P)
x = a
if a == x:
    print("jump taken")
if a != b:
    print("ne jump taken")
while a == b:
    print("never")
    break
try:
    a < b
except TypeError as err:
    print("TypeError:", err)
try:
    a <= 3
except TypeError as err:
    print("TypeError:", err)


class Q:
    pass


q1, q2 = Q(), Q()
print(q1 == q2)
# A class gains __eq__ after the loop decided by identity.
Q.__eq__ = lambda self, other: True
print(q1 == q2, q1 != q2, a == b)


class R:
    def __ne__(self, other):
        return "ne"


print(R() != R(), R() == R(), a == b)


class S:
    def __lt__(self, other):
        return "lt"


print(S() < S(), S() > S())
try:
    S() <= S()
except TypeError as err:
    print("TypeError:", err)
