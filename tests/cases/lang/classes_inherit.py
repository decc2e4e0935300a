# Checks single inheritance: overriding, super() in __init__ and methods, class attribute lookup through bases, isinstance/issubclass chains.
class Animal:
    kind = "animal"
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "%s the %s says %s" % (self.name, self.kind, self.sound)
    def describe(self):
        return "I am " + self.name
class Dog(Animal):
    kind = "dog"
    sound = "woof"
    def __init__(self, name, tricks=()):
        super().__init__(name)
        self.tricks = list(tricks)
    def describe(self):
        base = super().describe()
        return base + " and I know " + str(len(self.tricks)) + " tricks"
class Puppy(Dog):
    sound = "yip"
    def speak(self):
        return super().speak().upper()
class Cat(Animal):
    kind = "cat"
animals = [Animal("generic"), Dog("rex", ["sit", "roll"]), Puppy("bit"), Cat("tom")]
for a in animals:
    print(type(a).__name__, a.speak(), "|", a.describe())
print(isinstance(animals[2], Dog), isinstance(animals[2], Animal), isinstance(animals[3], Dog))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Cat, Cat), Puppy.kind, Puppy.sound)
class Base:
    def __init__(self):
        self.log = ["Base.__init__"]
    def hook(self):
        return "base hook"
    def run(self):
        return self.hook()
class Derived(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Derived.__init__")
    def hook(self):
        return "derived hook, then " + super().hook()
d = Derived()
print(d.log, d.run(), Base().run())
class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area")
    def __str__(self):
        return "%s with area %.2f" % (type(self).__name__, self.area())
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
for s in [Rect(2, 3), Square(4), Circle(1)]:
    print(s)
try:
    print(Shape())
except NotImplementedError as e:
    print("NotImplementedError", e)
class Counter:
    instances = 0
    def __init__(self):
        type(self).instances += 1
class SubCounter(Counter):
    pass
Counter(); SubCounter(); SubCounter()
print(Counter.instances, SubCounter.instances)
