# Checks an uncaught StopIteration from next() on an exhausted iterator: the last line is just 'StopIteration'.
it = iter([1, 2])
print(next(it))
print(next(it))
print(next(it))
