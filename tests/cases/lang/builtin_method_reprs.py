# Checks the reprs of built-in types' methods taken from the type (method descriptors), bound to a value, and of built-in functions
import math
print(str.upper, list.append, dict.get, int.bit_length, tuple.count)
print(set.add, frozenset.union, range.index, str.join, list.sort)
print(len, math.sqrt, print, "a".upper.__self__)
r = repr([].append)
print(r[: r.index(" at 0x")])
print([m for m in (str.upper, str.lower) if "method" in repr(m)] == [str.upper, str.lower])
