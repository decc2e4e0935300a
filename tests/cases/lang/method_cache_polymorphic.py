# Checks a method call site that sees instances of five classes in turn (the polymorphic method cache), with instances of one class in different shapes, an instance attribute shadowing a method, and methods replaced on a class while cached.
class A:
    def f(self): return "A"
class B(A):
    def f(self): return "B"
class C(A): pass
class D:
    def f(self): return "D"
class E:
    def f(self): return "E"
objs = [A(), B(), C(), D(), E()]
objs[2].x = 1
c2 = C(); c2.y = 2; c2.x = 3
objs.append(c2)
sh = A(); sh.f = lambda: "own"
objs.append(sh)
for round in range(3):
    print([o.f() for o in objs])
    if round == 0:
        A.f = lambda self: "A2"
    if round == 1:
        del B.f
