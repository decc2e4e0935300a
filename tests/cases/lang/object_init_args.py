# Checks object.__init__'s errors for arguments beyond self, worded by whether the class has an __init__ of its own.
class A:
    pass
class B(A):
    def __init__(self, x):
        A.__init__(self, x)
class C:
    pass
class E(Exception):
    pass
for f in (lambda: B(1), lambda: object.__init__(C(), 1), lambda: object.__init__(C(), k=1), lambda: object.__init__(E(), 1), lambda: object.__init__(5, 1), lambda: C(1)):
    try:
        f()
        print("ok")
    except TypeError as e:
        print(e)
