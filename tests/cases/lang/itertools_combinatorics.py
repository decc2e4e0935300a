# Checks itertools product, permutations, combinations and combinations_with_replacement: orders, r bounds, empty pools, repeat=0 reading nothing.
from itertools import *
print(list(product('ab', range(3))), list(product()), list(product('ab', repeat=2)), list(product(repeat=3)))
print(list(product([1, 2], [], [3])), list(product('ab', 'c', repeat=0)), len(list(product(range(3), repeat=4))))
print(list(permutations('abc')), list(permutations('abcd', 2)), list(permutations([], 0)), list(permutations('ab', 0)))
print(list(permutations('ab', 3)), list(permutations(range(3), r=None)), list(permutations('a', True)))
print(list(combinations('abcd', 2)), list(combinations(range(4), 3)), list(combinations('ab', 0)), list(combinations('ab', 3)), list(combinations([], 0)))
print(list(combinations_with_replacement('abc', 2)), list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement('a', 3)))
print(len(list(permutations(range(6)))), len(list(combinations(range(10), 4))), len(list(combinations_with_replacement(range(5), 3))))
p = product('ab', 'cd'); print(next(p), next(p), list(p), list(p))
c = combinations(iter([3, 1, 2]), 2); print(list(c))
print(list(islice(product(count(), repeat=0), 3)))
