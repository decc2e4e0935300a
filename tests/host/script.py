def square(x):
    return x * x


def total(items):
    acc = 0
    for v in items:
        acc += square(v)
    return acc


def risky(n):
    try:
        return 10 // n
    except ZeroDivisionError:
        return -1


class Box:
    def __init__(self, v):
        self.v = v

    def double(self):
        return Box(self.v * 2)


result = total([1, 2])
safe = risky(0)
b = Box(3).double()
print(result, safe, b.v)
