# Checks loads of attributes from class objects in a loop (the class-attribute inline cache) against CPython while the classes change: reassignment, deletion falling back to a base, a base changed under a subclass, descriptors (classmethod, staticmethod, property, a user __get__ defined later), and two classes at one load site.
class Base:
    X = 1
    def f(self):
        return "Base.f"


class Sub(Base):
    pass


def read(c):
    return c.X


out = []
for i in range(6):
    out.append(read(Sub))
    if i == 1:
        Base.X = 2
    if i == 2:
        Sub.X = 3
    if i == 3:
        del Sub.X
    if i == 4:
        Base.X = 5
print(out)

print([read(c) for c in (Base, Sub, Base, Sub)])


class K:
    @classmethod
    def cm(cls):
        return cls.__name__

    @staticmethod
    def sm():
        return "sm"

    @property
    def p(self):
        return 1

    T = (1, 2)


class KK(K):
    pass


for c in (K, KK, K, KK):
    print(c.cm(), c.sm(), type(c.p).__name__, c.T, c.__name__, c.__qualname__)


class Desc:
    pass


class H:
    d = Desc()


def get_d():
    return H.d


print(type(get_d()).__name__, type(get_d()).__name__)
Desc.__get__ = lambda self, obj, owner: ("got", owner.__name__)
print(get_d(), get_d())


def get_f(c):
    return c.f


print(get_f(Sub)(Sub()), get_f(Base)(Base()))
Base.f = lambda self: "new f"
print(get_f(Sub)(Sub()))
try:
    for c in (Sub, Base):
        del Base.f
except AttributeError as e:
    print("AttributeError:", e)
try:
    get_f(Sub)
except AttributeError as e:
    print("AttributeError:", e)
