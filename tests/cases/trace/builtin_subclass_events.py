# Checks the events of subclasses of built-in types: the user's overrides
# calling the type's methods through super() (slot wrappers report no
# c_call, dict.__getitem__ and list methods do), under settrace and
# setprofile.
import sys


class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v.upper())

    def __getitem__(self, k):
        return super().__getitem__(k) + "!"

    def __missing__(self, k):
        return "?"


class Stack(list):
    def push(self, v):
        self.append(v)
        return len(self)


class Name(str):
    def shout(self):
        return self.upper()


def show(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        print(event, frame.f_code.co_name, frame.f_lineno,
              getattr(arg, "__name__", "") if event.startswith("c_") else "")
    return show


def run():
    d = Upper()
    d["a"] = "x"
    print(d["a"], d["b"], d)
    s = Stack([1])
    print(s.push(2), s, len(s), s[-1])
    n = Name("krait")
    print(n.shout(), n + "!", n == "krait")


sys.settrace(show)
run()
sys.settrace(None)
sys.setprofile(show)
run()
sys.setprofile(None)
