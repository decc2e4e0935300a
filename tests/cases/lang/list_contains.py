# Checks `in` on lists of ints, strs, bools, floats, big ints and tuples, NaN identity, and a user __eq__ still called between the fast int/str comparisons.
print(1 in [True], True in [1], 1.0 in [1], 1 in [1.0], "a" in [1, "a"], 2 in ["2", 2], 3 in [1, 2], "x" in [], 10**20 in [10**20], (1,) in [(1,)])
n = float("nan"); print(n in [n], float("nan") in [n])
class E:
    def __eq__(self, o): print("eq", o); return False
print(5 in [1, E(), "5"])
