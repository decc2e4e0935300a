# Checks classes: __init__, instance and class attributes, methods, isinstance/type/issubclass, attribute errors, bound methods.
class Point:
    dims = 2
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)
    def describe(self):
        return "Point(%d, %d) norm2=%d" % (self.x, self.y, self.norm2())
p = Point(3, 4)
q = p.moved(1)
print(p.x, p.y, p.norm2(), q.describe(), Point.count, p.dims, Point.dims)
p.dims = 3
print(p.dims, Point.dims, q.dims)
Point.dims = 5
print(p.dims, q.dims)
m = p.norm2
print(m(), Point.norm2(q), type(p).__name__, type(p) is Point, isinstance(p, Point), isinstance(3, Point))
print(isinstance(p, object), issubclass(Point, object), isinstance(True, int), issubclass(bool, int), isinstance(1, (str, int)))
try:
    p.z
except AttributeError as e:
    print("AttributeError", e)
try:
    p.nomethod()
except AttributeError as e:
    print("AttributeError", e)
try:
    Point.missing
except AttributeError as e:
    print("AttributeError", e)
p.z = 10
print(p.z, hasattr(p, "z"), getattr(p, "y"), getattr(p, "w", "default"))
setattr(p, "w", 7)
print(p.w, hasattr(q, "w"))
class Empty:
    pass
e = Empty()
e.anything = [1, 2]
print(e.anything, type(e).__name__, Empty.__name__)
class Stack:
    def __init__(self):
        self.items = []
    def push(self, v):
        self.items.append(v)
        return self
    def pop(self):
        return self.items.pop()
    def peek(self):
        return self.items[-1] if self.items else None
    def size(self):
        return len(self.items)
s = Stack()
s.push(1).push(2).push(3)
print(s.pop(), s.peek(), s.size(), s.items)
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError("insufficient funds: balance %d, asked %d" % (self.balance, amount))
        self.balance -= amount
        self.history.append(("wd", amount))
    def apply_interest(self):
        self.balance = round(self.balance * (1 + self.interest), 2)
a = Account("ann", 100)
a.deposit(50)
a.withdraw(30)
try:
    a.withdraw(1000)
except ValueError as err:
    print("ValueError", err)
try:
    a.deposit(-1)
except ValueError as err:
    print("ValueError", err)
a.apply_interest()
print(a.owner, a.balance, a.history)
