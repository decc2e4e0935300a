# Dict views compare by their contents, as a built-in type's __eq__ does,
# in a program where no class defines a rich comparison.
class P:
    pass


a, b = P(), P()
print(a == b, a != b)
d1, d2 = {1: 2}, {1: 3}
print(d1.keys() == d2.keys(), d1.items() == d2.items(), d1.keys() != d2.keys())
print(d1.keys() == {1}, d1.values() == d1.values(), d1.items() != d2.items())
print(a == b, a != b, a == a)
