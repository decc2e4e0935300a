# Checks itertools lazy iterators (count, cycle, repeat, chain, islice, accumulate, groupby, zip_longest, starmap, takewhile, dropwhile, filterfalse, compress, pairwise, tee): values, reprs, type names, infinite inputs never materialized.
import itertools
from itertools import *
print(list(islice(count(), 5)))
print(list(islice(count(3, 2), 4)), list(islice(count(1.5), 3)), list(islice(count(0, 0.5), 3)))
c = count(3); print(repr(c), c, next(c), next(c), repr(c))
print(repr(count(3, 2)), repr(count(0, 1.0)), repr(count(2**70)), repr(count(-1, -1)), count(True))
c = count(2**63 - 2); print(next(c), next(c), next(c), repr(c))
print(list(islice(cycle('abc'), 7)), list(cycle([])))
r = repeat(1, 3); print(repr(r), list(r), repr(r))
print(repr(repeat('a')), list(islice(repeat('x'), 3)), repr(repeat([1, 2], -5)), list(repeat(None, times=2)))
print(list(chain([1, 2], 'ab', (3,))), list(chain()), list(chain.from_iterable(['ab', [1], range(2)])))
print(list(islice(chain.from_iterable(repeat([1, 2])), 5)))
print(list(islice('abcdefg', 2)), list(islice('abcdefg', 2, 4)), list(islice('abcdefg', 2, None)), list(islice('abcdefg', 0, None, 2)))
print(list(islice(range(10), 1, 8, 3)), list(islice(range(3), None)), list(islice(range(10), None, None, None)))
it = iter(range(10)); print(list(islice(it, 3)), next(it))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=5)), list(accumulate([])))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate('abc')), list(accumulate([1, 2, 3], lambda a, b: a * b, initial=2)))
print([(k, list(g)) for k, g in groupby('aaabbcaa')])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7], key=lambda x: x % 2)])
gs = list(groupby('aabbb')); print([(k, list(g)) for k, g in gs])
g = groupby('aabbcc'); k1, g1 = next(g); k2, g2 = next(g); print(k1, list(g1), k2, list(g2), next(g)[0])
print(list(zip_longest('abc', [1], fillvalue='-')), list(zip_longest()), list(zip_longest([1, 2], [3])))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(starmap(lambda *a: a, ['ab', [1]])))
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(None, [0, 1, '', 'a'])), list(filterfalse(lambda x: x % 2, range(6))), list(filterfalse(bool, [0, 2])))
print(list(compress('abcdef', [1, 0, 1, 0, 1, 1])), list(compress(count(), [0, 1, 1])))
print(list(pairwise('abcd')), list(pairwise([1])), list(pairwise([])))
a, b = tee(iter([1, 2, 3])); print(next(a), list(b), list(a))
t = tee(count(), 3); print([next(x) for x in t], [next(t[0]) for _ in range(3)], next(t[2]))
a, b = tee([1, 2]); c, d = tee(a); print(c is a, list(c), list(d), list(b))
print(tee([1], 0), len(tee('ab', 5)))
for name in ['count', 'cycle', 'repeat', 'chain', 'islice', 'accumulate', 'groupby', 'zip_longest', 'starmap', 'takewhile', 'dropwhile', 'filterfalse', 'compress', 'product', 'permutations', 'combinations', 'combinations_with_replacement', 'pairwise']:
    t = getattr(itertools, name)
    print(t, t.__name__, t.__module__, type(t).__name__)
print(type(count()).__name__, type(count()) is count, isinstance(cycle('a'), cycle), type(tee([1])[0]).__name__, type(next(groupby('a'))[1]).__name__)
print(iter(c) is c, type(chain.from_iterable).__name__)
for f in [lambda: count(1) + 1, lambda: len(count()), lambda: count()[0], lambda: next(repeat(1, 0)), lambda: next(chain())]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
# infinite ones never materialize
for i, x in enumerate(count(10, 5)):
    if i == 3:
        print('stop', x)
        break
print(next(zip(count(), cycle('xy'), repeat(0))))
print(sum(islice(count(), 1000000)))
