# Checks the settrace and setprofile events of krait functions called back by itertools (groupby keys and __eq__, accumulate func, takewhile/dropwhile/filterfalse predicates, starmap, an exception from a predicate), and that calling itertools types reports no c_call while chain.from_iterable does.
import sys
from itertools import chain, groupby, accumulate, takewhile, dropwhile, filterfalse, starmap, islice, count
def t(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        print(event, frame.f_code.co_name, frame.f_lineno, (arg if not isinstance(arg, K) else 'K') if event == 'return' else '')
    return t
def key(x):
    return x // 2
def add(a, b):
    s = a + b
    return s
def small(x):
    return x < 3
def boom(x):
    if x == 2:
        raise ValueError('boom')
    return x
class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
def run():
    c = chain.from_iterable([[1], [2]])
    print(list(c), list(chain([1], [2])), next(count()))
    print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5], key)])
    print(list(accumulate([1, 2, 3], add)))
    print(list(takewhile(small, [1, 2, 3, 4])), list(dropwhile(small, [1, 3, 1])))
    print(list(filterfalse(small, [1, 5])), list(starmap(add, [(1, 2)])))
    print(list(islice(map(key, count()), 2)))
    try:
        list(takewhile(boom, [1, 2, 3]))
    except ValueError as e:
        print('caught', e)
    ks = [K(1), K(1), K(2)]
    print([len(list(g)) for k, g in groupby(ks, lambda k: k)])
sys.settrace(t)
run()
sys.settrace(None)
def p(frame, event, arg):
    if event.startswith('c_'):
        print(event, arg.__name__)
    elif frame.f_code.co_filename == __file__:
        print(event, frame.f_code.co_name)
sys.setprofile(p)
run()
sys.setprofile(None)
