# Checks which itertools iterators let a StopIteration raised by an input's __next__ out to the for loop (an exception event in the loop's frame, as CPython's tp_iternext callers) and which take it as the end (PyIter_Next callers).
import sys, itertools
class It:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
def t(frame, event, arg):
    if frame.f_code.co_filename == __file__ and frame.f_code.co_name == 'main':
        print(event, frame.f_lineno, arg[0].__name__ if event == 'exception' else '')
    return t
def main():
    for x in itertools.islice(It(3), 2, None):
        print('islice', x)
    for x in itertools.takewhile(bool, It(2)):
        print('takewhile', x)
    for x in itertools.dropwhile(bool, It(2)):
        print('dropwhile', x)
    for x in itertools.filterfalse(bool, It(2)):
        print('filterfalse', x)
    for x in itertools.compress(It(2), It(3)):
        print('compress', x)
    for x in itertools.compress(It(3), It(1)):
        print('compress short selectors', x)
    for x in itertools.accumulate(It(2)):
        print('accumulate', x)
    for x in itertools.pairwise(It(3)):
        print('pairwise', x)
    for x in itertools.pairwise(It(0)):
        print('pairwise empty', x)
    for x in itertools.starmap(max, [(1, 2)]):
        print('starmap', x)
    for x in itertools.chain(It(1), It(1)):
        print('chain', x)
    for x in itertools.cycle(It(0)):
        print('cycle', x)
    for x in itertools.zip_longest(It(1), It(2)):
        print('zip_longest', x)
    for k, g in itertools.groupby(It(2)):
        print('groupby', k, list(g))
    for x in itertools.tee(It(2))[0]:
        print('tee', x)
sys.settrace(t)
main()
sys.settrace(None)
