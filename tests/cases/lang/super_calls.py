# Checks super() and super(C, self) method calls through a class chain (the unbound-method fast path), object.__init__ through super, a missing attribute, and the c_call/c_return events a profiler sees around them.
import sys
class A:
    def __init__(self, x):
        super().__init__()
        self.x = x
    def m(self, k=1):
        return ("A.m", self.x, k)
    def __repr__(self):
        return "A(%r)" % self.x
class B(A):
    def __init__(self, x):
        super(B, self).__init__(x * 2)
    def m(self, k=2):
        return ("B.m", super().m(k), super(B, self).m())
    def r(self):
        return super().__repr__() + "/" + super(A, self).__repr__()[:9]
class C(B):
    def m(self, k=3):
        return ("C.m", super().m(), super(B, self).m(k))
    def bad(self):
        return super().nope()
c = C(5)
print(c.m(), c.r(), B(1).m())
try:
    c.bad()
except AttributeError as e:
    print("AttributeError:", e)
def prof(frame, event, arg):
    if event.startswith("c_"):
        print(event, getattr(arg, "__name__", "?"))
sys.setprofile(prof)
B(3)
str(super(B, c).m())
sys.setprofile(None)
print(super(C, c).m(7))
