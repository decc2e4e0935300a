# Checks the TypeError of a with statement whose object is not a context manager.
try:
    with 1:
        pass
except TypeError as e:
    print(e)
class OnlyEnter:
    def __enter__(self):
        print("never")
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(e)
class OnlyExit:
    def __exit__(self, *a):
        pass
try:
    with OnlyExit():
        pass
except TypeError as e:
    print(e)
class InstanceAttrs:
    def __init__(self):
        self.__enter__ = lambda: 1
        self.__exit__ = lambda *a: None
with InstanceAttrs():
    pass
