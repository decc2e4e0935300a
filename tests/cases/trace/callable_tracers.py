# Checks trace functions that are not plain functions: a bound method, a functools.partial, and an object with __call__.
import sys
import functools
class Recorder:
    def __init__(self, tag):
        self.tag = tag
        self.events = []
    def trace(self, frame, event, arg):
        self.events.append("%s %s %s %d" % (self.tag, event, frame.f_code.co_name, frame.f_lineno))
        return self.trace
    def __call__(self, frame, event, arg):
        self.events.append("%s %s %s %d" % (self.tag, event, frame.f_code.co_name, frame.f_lineno))
        return self
def tagged(tag, frame, event, arg):
    print(tag, event, frame.f_code.co_name, frame.f_lineno)
    return functools.partial(tagged, tag)
def work(x):
    y = x + 1
    return y
rec = Recorder("method")
sys.settrace(rec.trace)
work(1)
sys.settrace(None)
print("\n".join(rec.events))
sys.settrace(functools.partial(tagged, "partial"))
work(2)
sys.settrace(None)
obj = Recorder("callable")
sys.settrace(obj)
work(3)
sys.settrace(None)
print("\n".join(obj.events))
print(sys.gettrace())
