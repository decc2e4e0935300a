# Checks the order in which itertools iterators let go of suspended generators (their finally blocks print): zip_longest last first, chain, compress, pairwise, tee, groupby.
import itertools
def g(name):
    try:
        yield 1
        yield 2
    finally:
        print('close', name)
c = itertools.chain(g('a'), g('b'), g('c'))
print(next(c))
del c
print('--')
z = itertools.zip_longest(g('x'), g('y'), g('z'))
print(next(z))
del z
print('--')
z = itertools.compress(g('data'), g('sel'))
print(next(z))
del z
print('--')
p = itertools.pairwise(g('p'))
print(next(p))
del p
a, b = itertools.tee(g('t'))
print(next(a))
del a
print('a gone')
del b
print('--')
gb = itertools.groupby(g('gb'))
k, grp = next(gb)
del gb
print('gb gone')
del grp
print('end')
