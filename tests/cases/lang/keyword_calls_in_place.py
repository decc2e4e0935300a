# Keyword calls of plain functions and methods (bound in place on the
# stack): every mix of positional, keyword and default arguments, keyword
# order, the errors CPython gives, positional-only parameters, closures,
# recursion, and what a tracer sees at the call.
import sys

def f(a, b=2, c=3, d=4):
    return (a, b, c, d)

print(f(1, c=30), f(a=1), f(1, 2, d=40, c=30), f(d=4, c=3, b=2, a=1), f(1, b=None))

class Node:
    def __init__(self, parent=None, depth=0):
        self.parent = parent
        self.depth = depth
    def find(self, update=False, limit=100):
        if self.parent is None or limit == 0:
            return (self.depth, update)
        return self.parent.find(update=update, limit=limit - 1)

root = Node()
n = root
for i in range(50):
    n = Node(parent=n, depth=i + 1)
print(n.find(update=True), n.find(limit=3), n.find(), Node.find(n, update=1))

for call in [
    lambda: f(1, a=2),
    lambda: f(b=2),
    lambda: f(1, e=5),
    lambda: f(1, b=2, **{"b": 3}),
    lambda: f(1, 2, 3, 4, d=5),
    lambda: Node().find(update=True, extra=1),
]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)

def po(a, b, /, c=3):
    return a, b, c
print(po(1, 2, c=9))
try:
    po(1, b=2)
except TypeError as e:
    print("TypeError", e)

def outer(k):
    def inner(x, y=k):
        return x + y
    return inner
g = outer(10)
print(g(y=1, x=2), g(x=5))

def many(a, b, c, d, e, f, g, h, i, j=0):
    return a + b + c + d + e + f + g + h + i + j
print(many(1, 2, 3, 4, 5, 6, 7, 8, 9, j=10), many(a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8, i=9))

def down(n, acc=0):
    if n == 0:
        return acc
    return down(n=n - 1, acc=acc + n)
print(down(n=200))
sys.setrecursionlimit(60)
try:
    down(n=100)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(1000)

def tracer(frame, event, arg):
    if frame.f_code.co_name in ("f", "find"):
        print(event, frame.f_code.co_name, frame.f_lineno, sorted((k, v) for k, v in frame.f_locals.items() if k != "self") if event == "call" else arg)
    return tracer
sys.settrace(tracer)
f(1, c=7)
root.find(update="yes")
sys.settrace(None)
