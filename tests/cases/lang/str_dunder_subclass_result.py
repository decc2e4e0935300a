# Checks str() of an object whose __str__ returns an instance of a str subclass: str() returns it as it is, print/format/% use its text; a non-str result is a TypeError
print(list(reversed(o.keys())), list(reversed(o.values())), list(reversed(o.items())))
class S(str): pass
class A:
    def __str__(self): return S("x")
class B:
    def __str__(self): return 5
print(str(A()), type(str(A())).__name__, f"{A()}", "%s" % A(), [str(A())])
print(A())
try:
    str(B())
except TypeError as e:
    print(e)
print(str(S("q")), type(str(S("q"))).__name__)
