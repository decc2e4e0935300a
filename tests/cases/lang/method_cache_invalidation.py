# Checks that method calls stay right when what made them fast changes: the method replaced on the class or defined later in a subclass, an instance attribute shadowing it, several classes through one call site, __getattribute__ defined later.


class A:
    def f(self):
        return "A.f"


class B(A):
    pass


def call_f(o):
    return o.f()


a, b = A(), B()
print([call_f(o) for o in [a, b, a, b]])
A.f = lambda self: "new A.f"
print([call_f(o) for o in [a, b]])
B.f = lambda self: "B.f"
print([call_f(o) for o in [a, b]])
del B.f
print([call_f(o) for o in [a, b]])

# An instance attribute shadows the method, then goes away.
a.f = lambda: "instance f"
print(call_f(a), call_f(A()))
del a.f
print(call_f(a))


# Built-in methods of instances of several types at one site.
def call_append(o):
    o.append(1)
    return o


print(call_append([]), call_append([0]))


class Counter:
    def __init__(self):
        self.n = 0

    def append(self, x):
        self.n += x
        return self


c = Counter()
call_append(c)
call_append(c)
print(c.n)


class Hooked:
    def __getattribute__(self, name):
        return lambda: "hooked " + name


print(call_f(a), call_f(Hooked()), call_f(b))
