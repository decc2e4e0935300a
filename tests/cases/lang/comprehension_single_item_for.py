# Checks comprehensions with 'for y in [expr]' inner clauses (bound without a loop) and several levels give the right values
print([y for x in range(3) for y in [x * 2]])
print([y + z for x in range(3) for y in (x,) for z in range(2) if z])
print({k: v for x in 'ab' for k in [x] for v in [k * 2]})
print({y for x in range(4) for y in [x % 2]})
print(list(y for x in range(3) for y in [x] if y))
print([y for x in [[1, 2], [3]] for y in [*x]])
print([(a, b) for x in range(2) for a, b in [(x, x + 1)]])
print([w for x in range(2) for y in [x] for z in [y] for w in range(z + 1)])
