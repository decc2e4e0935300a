# abc: ABC subclasses with abstract methods, properties and class methods, __abstractmethods__, CPython's instantiation errors, ABC's argument check
from abc import ABC, abstractmethod
import abc
class A(ABC):
    @abstractmethod
    def f(self): ...
    @property
    @abstractmethod
    def p(self): ...
    @classmethod
    @abstractmethod
    def c(cls): ...
print(sorted(A.__abstractmethods__))
try: A()
except TypeError as e: print(e)
class B(A):
    def f(self): return 1
try: B()
except TypeError as e: print(e)
class C(B):
    p = 3
    @classmethod
    def c(cls): return 2
print(C().f(), C.__abstractmethods__, C.__mro__)
class D(ABC): pass
try: D(1)
except TypeError as e: print(e)
print(type(D()).__name__, type(D.__abstractmethods__))
class E(ABC):
    def __init__(self, x): self.x = x
print(E(5).x, isinstance(E(1), ABC), issubclass(E, ABC))
class Shape(ABC):
    @abstractmethod
    def area(self): pass
    def describe(self):
        return f'{type(self).__name__} with area {self.area()}'
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
print(Sq(3).describe(), [s.area() for s in (Sq(1), Sq(2))])
try: Shape()
except TypeError as e: print(e)
print(getattr(Shape.area, '__isabstractmethod__', False), getattr(Sq.area, '__isabstractmethod__', False))
