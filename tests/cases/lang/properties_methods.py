# Checks @property (getter/setter), @staticmethod, @classmethod (alternate constructors, cls in subclasses), and their access paths.
class Temperature:
    scale = "C"
    def __init__(self, celsius):
        self._c = celsius
    @property
    def celsius(self):
        print("  get celsius")
        return self._c
    @celsius.setter
    def celsius(self, value):
        print("  set celsius", value)
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def describe(cls):
        return "%s in %s" % (cls.__name__, cls.scale)
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit, t._c)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError", e)
print(Temperature.c_to_f(0), t.c_to_f(37), Temperature.from_fahrenheit(212).celsius)
print(Temperature.describe(), t.describe())
class Kelvin(Temperature):
    scale = "K"
k = Kelvin.from_fahrenheit(32)
print(type(k).__name__, k.celsius, Kelvin.describe(), isinstance(k, Temperature))
class Circle:
    def __init__(self, r):
        self.r = r
    @property
    def area(self):
        return round(3.14159 * self.r ** 2, 3)
    @property
    def diameter(self):
        return self.r * 2
    @diameter.setter
    def diameter(self, d):
        self.r = d / 2
c = Circle(2)
print(c.area, c.diameter)
c.diameter = 10
print(c.r, c.area)
class Registry:
    items = []
    @classmethod
    def register(cls, name):
        cls.items.append(name)
        return len(cls.items)
    @staticmethod
    def normalize(name):
        return name.strip().lower()
print(Registry.register(Registry.normalize("  Foo ")), Registry.register("bar"), Registry.items)
print("static ok", callable(Temperature.c_to_f))
