# One attribute load seeing instances of different shapes: instances of a
# class that gained attributes in the same order and stopped at different
# points, two classes with the name at the same slot, the name at another
# slot, instances that lost it, and a property or __getattr__ arriving
# after the site was warm.
class Square:
    def __init__(self, pos):
        self.pos = pos
        self.stamp = 0
    def play(self, color):
        self.color = color
        self.ref = self

class Other:
    def __init__(self, pos):
        self.pos = pos * 10
        self.stamp = 1

class Moved:
    def __init__(self, pos):
        self.stamp = 2
        self.pos = pos * 100

def positions(objs):
    return [o.pos for o in objs]

def stamps(objs):
    out = []
    for o in objs:
        out.append(o.stamp)
    return out

squares = [Square(i) for i in range(6)]
for s in squares[::2]:
    s.play("black")
print(positions(squares), stamps(squares))
mixed = [squares[0], Other(1), squares[1], Moved(2), Other(3), squares[2], Moved(4)]
for _ in range(3):
    print(positions(mixed), stamps(mixed))

# An instance that lost the attribute, and one that has it in a dict.
del squares[3].pos
try:
    positions(squares)
except AttributeError as e:
    print("AttributeError", e)
squares[3].pos = "back"
print(positions(squares))
many = Square(9)
for k in range(40):
    setattr(many, "a%d" % k, k)
print(positions([squares[0], many, squares[1]]))

# __getattr__ only runs for missing names; a property changes the lookup.
class Lazy(Square):
    def __getattr__(self, name):
        return "lazy " + name
l = Lazy(7)
print(positions([squares[0], l, squares[1]]), l.color)

class Prop:
    def __init__(self):
        self.pos = "instance"
p = Prop()
print(positions([squares[0], p, squares[4]]))
Prop.pos = property(lambda self: "property")
print(positions([squares[0], p, squares[4]]))
