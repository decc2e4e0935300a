# Checks `in` on lists of ints, strs, bools, floats, big ints and tuples, NaN identity, and a user __eq__ still called between the fast int/str comparisons.
print(1 in [True], True in [1], 1.0 in [1], 1 in [1.0], "a" in [1, "a"], 2 in ["2", 2], 3 in [1, 2], "x" in [], 10**20 in [10**20], (1,) in [(1,)])
n = float("nan"); print(n in [n], float("nan") in [n])
class E:
    def __eq__(self, o): print("eq", o); return False
print(5 in [1, E(), "5"])
l = [1, 2, "a"]
class Grow:
    def __eq__(self, o):
        print("grow at", o); l.append(7); return False
l.insert(1, Grow())
print(7 in l, len(l))
class Shrink:
    def __eq__(self, o):
        print("shrink at", o); l.clear(); return False
l[0] = Shrink()
print(2 in l, l)
