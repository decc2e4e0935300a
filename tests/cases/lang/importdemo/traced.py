def square(x):
    y = x * x
    return y

class Box:
    def __init__(self, v):
        self.v = v

TABLE = [square(i) for i in range(3)]
box = Box(TABLE)
