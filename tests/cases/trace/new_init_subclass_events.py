# Checks the events of a class call with a user __new__ (its frame, then
# __init__'s) and of __init_subclass__ at class creation, under settrace
# and setprofile.
import sys


class Base:
    subclasses = []

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.subclasses.append(cls.__name__)

    def __new__(cls, *args):
        obj = super().__new__(cls)
        obj.made_by_new = True
        return obj

    def __init__(self, x):
        self.x = x


def show(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        print(event, frame.f_code.co_name, frame.f_lineno,
              getattr(arg, "__name__", "") if event.startswith("c_") else "")
    return show


def run():
    class Child(Base):
        pass
    c = Child(3)
    print(c.x, c.made_by_new, Base.subclasses)


sys.settrace(show)
run()
sys.settrace(None)
sys.setprofile(show)
run()
sys.setprofile(None)
