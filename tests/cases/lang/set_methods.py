# Checks sets of small ints: add/discard/remove/pop, union/intersection/difference/issubset and the | & - ^ <= < operators.
s = {3, 1, 2}
s.add(4)
s.add(1)
s.discard(10)
s.discard(3)
print(sorted(s), len(s), 2 in s, 3 in s, s == {1, 2, 4})
s.remove(4)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.union([9], (10,)), a.intersection(range(3)))
print({1, 2}.issubset(a), {1, 9}.issubset(a), {1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a > {1, 2, 3, 4, 5})
print(set(), set([1, 1, 2]), set(range(5)), set("aaa"), len(set("mississippi")), {x % 3 for x in range(10)})
c = set(a)
c |= {100}
c &= {1, 100, 5}
c -= {5}
c ^= {7, 1}
print(c, a)
p = {10, 20, 30}
popped = []
while p:
    popped.append(p.pop())
print(sorted(popped), p)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
print({1, 2} == {2, 1}, {1} != {1, 2}, {True, 1, 1.0}, {0, False}, {(1, 2), (1, 2)})
seen = set()
dups = []
for x in [3, 1, 3, 2, 1, 5]:
    if x in seen:
        dups.append(x)
    seen.add(x)
print(dups, sorted(seen), sorted(seen, reverse=True), max(seen), sum(seen))
print(sorted({-1, -5, 3} | set(range(2))))
