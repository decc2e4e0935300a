# Checks that instance attribute accesses stay right when what made them fast changes: a property added to the class (or a base) later, attributes deleted and re-added, different attribute orders and classes at one site, __dict__ taken, very many attributes, __setattr__/__getattribute__ defined later, names built at run time.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q:
    def __init__(self, y, x):
        self.y = y
        self.x = x


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


objs = [P(1, 2), Q(3, 4), P(5, 6), Q(7, 8)]
for _ in range(3):
    print([get_x(o) for o in objs])
    for o in objs:
        set_x(o, get_x(o) + 10)

# A property added to the class later wins over the instance attribute.
p = P(1, 2)
for _ in range(3):
    print(get_x(p))
P.x = property(lambda self: "prop")
print(get_x(p), get_x(objs[0]))
try:
    set_x(p, 5)
except AttributeError as e:
    print("AttributeError", e)
del P.x
print(get_x(p))


class Base:
    pass


class Child(Base):
    def __init__(self):
        self.v = 1


def get_v(o):
    return o.v


c = Child()
print(get_v(c), get_v(c))
Base.v = property(lambda self: "base prop")
print(get_v(c))
del Base.v
print(get_v(c))

# Deleting and re-adding moves attributes; order stays as CPython's.
p = P(1, 2)
get_x(p)
del p.x
try:
    get_x(p)
except AttributeError as e:
    print("AttributeError", e)
p.x = 9
print(get_x(p), vars(p))

# __dict__ taken: changes through it and through attributes are the same.
p = P(1, 2)
d = p.__dict__
d["x"] = 100
print(get_x(p))
set_x(p, 200)
print(d)


# Very many attributes.
class Many:
    pass


m = Many()
for i in range(50):
    setattr(m, "a" + str(i), i)
print(m.a0, m.a49, len(vars(m)), getattr(m, "a" + "25"))
m.a0 = -1
print(list(vars(m).items())[:3])


# An attribute hook defined later applies to every instance from then on.
def get_y(o):
    return o.y


q = Q(1, 2)
print(get_y(q), get_y(q))


class Hooked:
    def __getattribute__(self, name):
        return "hooked " + name


print(get_y(q), get_y(Hooked()))


class Logged:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)


q2 = Q(3, 4)
set_x(q2, 5)
lg = Logged()
set_x(lg, 6)
print(get_x(q2), get_x(lg))


# Class attributes shadowed by instance attributes and back.
class K:
    x = "class"


k = K()
print(get_x(k))
k.x = "inst"
print(get_x(k))
del k.x
print(get_x(k))
K.x = "class2"
print(get_x(k))


# Instances of different classes with the same attributes share a site.
class R:
    def __init__(self):
        self.x = "R"


class S:
    def __init__(self):
        self.x = "S"


print([get_x(o) for o in [R(), S(), R(), S()]])
# A property made by type() and one assigned to a class later.
T = type("T", (), {"x": property(lambda self: "T prop")})
t = T()
print(get_x(t), [get_x(o) for o in [R(), S()]])
S.x = property(lambda self: "S prop")
print([get_x(o) for o in [R(), S()]])


# An exception instance's args stays a tuple after a cached store elsewhere.
class Plain:
    pass


def set_args(o, v):
    o.args = v


for o in [Plain(), Plain(), ValueError("a"), Plain()]:
    set_args(o, [1, 2])
    print(type(o).__name__, o.args)


# __slots__ limit which attributes a site may add, class by class.
class Free:
    pass


class Slotted:
    __slots__ = ("a",)


def set_w(o, v):
    o.w = v


def set_a(o, v):
    o.a = v


for o in [Free(), Free(), Slotted(), Free(), Slotted()]:
    try:
        set_a(o, 1)
        set_w(o, 2)
        print(type(o).__name__, o.a, o.w)
    except AttributeError as e:
        print(type(o).__name__, "AttributeError", e)
