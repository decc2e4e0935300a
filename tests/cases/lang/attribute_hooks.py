# Checks the descriptor protocol, __getattribute__/__getattr__/__setattr__/__delattr__, live __dict__, type(), __set_name__, __init_subclass__ and __dir__
class Typed:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, cls):
        if obj is None:
            return "class access " + cls.__name__
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        print("set", self.name, value)
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        print("delete", self.name)
        del obj.__dict__[self.name]

class NonData:
    def __get__(self, obj, cls):
        return "nondata"

class P:
    x = Typed()
    y = NonData()

p = P()
print(p.x, P.x)
p.x = 3
print(p.x, p.__dict__)
p.__dict__["x"] = "shadow?"
print(p.x)
del p.x
print(p.x)
print(p.y)
p.y = "own"
print(p.y)
del p.y
print(p.y)

class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if name.startswith("v_"):
            return "virtual " + name
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "missing " + name

l = Logged()
print(l.a, l.v_q, l.nothere)

class Guard:
    def __setattr__(self, name, value):
        print("setattr", name, value)
        if name == "bad":
            raise AttributeError("no bad")
        super().__setattr__(name, value * 2)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)

g = Guard()
g.k = 5
print(g.k)
try:
    g.bad = 1
except AttributeError as e:
    print("AttributeError", e)
del g.k
print(hasattr(g, "k"))
try:
    del g.k
except AttributeError as e:
    print("AttributeError", e)

class Plain:
    pass
o = Plain()
d = o.__dict__
o.a = 1
d["b"] = 2
print(o.b, d, vars(o) is d)
o.__dict__ = {"c": 3}
print(o.c, hasattr(o, "a"))
try:
    o.__dict__ = 5
except TypeError as e:
    print("TypeError", e)

def meth(self):
    return self.v * 10
B = type("B", (Plain,), {"v": 4, "meth": meth, "t": Typed()})
b = B()
print(B.__name__, B.__qualname__, B.__module__, b.meth(), isinstance(b, Plain), B.t)

class Base:
    registry = []
    def __init_subclass__(cls):
        Base.registry.append(cls.__name__)
class Sub1(Base):
    pass
class Sub2(Sub1):
    pass
print(Base.registry)

class Dirs:
    def __dir__(self):
        return ("z", "b", "a")
print(dir(Dirs()))

class Prop:
    @property
    def broken(self):
        raise AttributeError("inner")
    @property
    def fine(self):
        return "fine"
    def __getattr__(self, name):
        return "getattr " + name
print(Prop().broken, Prop().fine)

class Static:
    @staticmethod
    def __getattr__(name):
        return "static " + name
print(Static().foo)
