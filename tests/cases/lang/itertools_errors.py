# Checks itertools' argument errors (counts, keywords, types, ranges) in CPython's words, and errors raised while iterating.
import itertools as it
tests = [
 "it.count('a')", "it.count(1, 'a')", "it.count(1,2,3)", "it.count(start=2, step=3)", "it.count(x=1)",
 "it.cycle()", "it.cycle(1)", "it.cycle([1], 2)", "it.cycle(x=[1])",
 "it.repeat()", "it.repeat(1, 'a')", "it.repeat(1,2,3)", "it.repeat(object=1, times=2)", "it.repeat(1, times=-3)",
 "it.chain(1)", "it.chain(x=1)", "it.chain.from_iterable()", "it.chain.from_iterable(1)", "list(it.chain.from_iterable([1]))",
 "it.islice()", "it.islice([1])", "it.islice([1], 'a')", "it.islice([1], -1)", "it.islice([1], 1, 2, 0)", "it.islice([1], 1, 2, 3, 4)", "it.islice(1, 2)", "it.islice([1], None, -1)", "it.islice([1], stop=2)",
 "it.accumulate()", "it.accumulate(1)", "it.accumulate([1], 2, 3, 4)", "list(it.accumulate([1,'a']))", "it.accumulate([1], foo=2)",
 "it.groupby()", "it.groupby(1)", "it.groupby([1], 2, 3)", "it.groupby([1], foo=1)",
 "it.zip_longest(1)", "it.zip_longest([1], foo=1)", "it.zip_longest([1], fillvalue=1, x=2)",
 "it.starmap()", "it.starmap(len)", "it.starmap(len, 1)", "list(it.starmap(len, [1]))",
 "it.takewhile(len)", "it.takewhile(len, 1)", "it.dropwhile()", "it.filterfalse(None)", "it.filterfalse(None, 1)",
 "it.compress([1])", "it.compress(1, [1])", "it.compress([1], data=[1])", "it.compress(data=[1], selectors=[1])",
 "it.product(1)", "it.product([1], repeat='a')", "it.product([1], repeat=-1)", "it.product([1], foo=1)",
 "it.permutations()", "it.permutations(1)", "it.permutations([1], 'a')", "it.permutations([1], -1)", "it.permutations([1], r=None)",
 "it.combinations([1])", "it.combinations([1], -1)", "it.combinations(1, 2)", "it.combinations([1], 'a')", "it.combinations([1,2], r=1)",
 "it.combinations_with_replacement([1])", "it.combinations_with_replacement([1], -2)",
 "it.pairwise()", "it.pairwise(1)", "it.pairwise([1], [2])",
 "it.tee()", "it.tee(1)", "it.tee([1], -1)", "it.tee([1], 'a')",
 "it.takewhile(len, [1], 2)", "it.starmap(len, [1], x=1)", "it.count(1.5, None)",
]
for t in tests:
    try:
        r = eval(t)
        print(t, '->', repr(r) if 'object at' not in repr(r) else type(r).__name__)
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
tests = ["it.accumulate([1], None, 3)", "it.accumulate([1], None, initial=3, x=1)", "it.count(1, start=2)", "it.repeat(1, object=2)", "it.count(1, x=2)",
"it.permutations([1], 2, 3)", "it.combinations([1], 2, 3)", "it.compress([1],[2],[3])", "it.groupby([1], key=None, x=1)", "it.repeat(1, 2**70)",
"it.islice([1], 'a', 2)", "it.islice([1], -2)", "it.islice([1], 1, -2)", "it.islice([1], 2**70)", "it.islice([1], 3.0)", "it.islice(1, 'a')",
"it.starmap(len, [[1]], 3)", "it.tee([1], 2, 3)", "it.tee([1], n=2)", "it.tee(1, 0)",
"it.pairwise(x=1)", "it.chain.from_iterable(x=1)", "it.product([1], repeat=2, foo=3)", "it.product([1], repeat=2**70)", "it.product(1, repeat=0)",
"it.combinations(1, 'a')", "it.permutations(1, 'a')", "it.groupby(key=len, iterable=[1])", "list(it.groupby([1], 5))",
"list(it.accumulate([1, 2], 3))", "list(it.starmap(len, [(1, 2)]))", "list(it.takewhile(None, [1]))", "list(it.chain([1], 2))",
"list(it.zip_longest([1, 2, 3], map(int, ['1', 'x'])))",
]
for t in tests:
    try:
        r = eval(t)
        print(t, '->', repr(r) if 'object at' not in repr(r) else type(r).__name__)
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
def gen():
    yield 1
    raise KeyError('inner')
c = it.chain(gen(), [2])
print(next(c))
try:
    next(c)
except KeyError as e:
    print('KeyError', e)
print(list(c))
s = it.islice(gen(), 5)
print(next(s))
try:
    next(s)
except KeyError as e:
    print('KeyError', e)
print(list(s))
print(list(it.accumulate([1, 'a'])))
