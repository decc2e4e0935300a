# Checks property error messages: named after the class statement's __set_name__ (copies from .setter keep the name), unnamed when assigned to a class later, and the type's qualname.
class A:
    @property
    def x(self):
        return 1
    class B:
        y = property(None)
    z = property(lambda s: 2)
try:
    A().x = 1
except AttributeError as e:
    print(e)
try:
    del A().x
except AttributeError as e:
    print(e)
try:
    A.B().y
except AttributeError as e:
    print(e)
try:
    A().z = 3
except AttributeError as e:
    print(e)
A.w = property(None)
try:
    A().w
except AttributeError as e:
    print(e)
A.v = A.x.setter(None)
try:
    A().v = 1
except AttributeError as e:
    print(e)
