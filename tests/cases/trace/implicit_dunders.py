# Checks that methods called implicitly are traced with the right f_back: __init__, __str__, __repr__, __eq__, __lt__, __len__, __getitem__, __iter__/__next__, __add__, __call__, __contains__, properties.
import sys
def tracer(frame, event, arg):
    if event == "call":
        back = frame.f_back
        print("call", frame.f_code.co_qualname, "from %s:%d" % (back.f_code.co_name, back.f_lineno))
    elif event == "return":
        print("return", frame.f_code.co_qualname, repr(arg))
    return tracer
class Box:
    def __init__(self, items):
        self.items = list(items)
        self.i = 0
    def __str__(self):
        return "Box%s" % self.items
    def __repr__(self):
        return "Box(%d)" % len(self.items)
    def __eq__(self, other):
        return self.items == other.items
    def __lt__(self, other):
        return len(self.items) < len(other.items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __iter__(self):
        self.i = 0
        return self
    def __next__(self):
        if self.i >= len(self.items):
            raise StopIteration
        self.i += 1
        return self.items[self.i - 1]
    def __add__(self, other):
        return Box(self.items + other.items)
    def __call__(self, k):
        return k in self
    def __contains__(self, v):
        return v in self.items
    @property
    def first(self):
        return self.items[0]
    @staticmethod
    def make():
        return Box([0])
    @classmethod
    def empty(cls):
        return cls([])
def main():
    a = Box([1, 2])
    b = Box.make()
    s = str(a)
    r = repr(b)
    same = a == b
    less = b < a
    n = len(a)
    x = a[1]
    total = 0
    for v in a:
        total += v
    c = a + b
    has = a(2)
    f = a.first
    e = Box.empty()
    return s, r, same, less, n, x, total, c.items, has, f, e.items
sys.settrace(tracer)
print(main())
sys.settrace(None)
