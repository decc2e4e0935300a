# A `finally` body is compiled twice (its normal and its exceptional path);
# CPython's constant cache keeps one of the two equal code objects, so
# functions made in either path share their code.
def f(seq):
    try:
        pass
    finally:
        squares = [x * x for x in seq]
        g = lambda: 1
    return squares, g


def h(fail):
    try:
        if fail:
            raise ValueError
    finally:
        k = lambda: 2
    return k


codes = [c for c in f.__code__.co_consts if type(c).__name__ == "code"]
print(len(codes), sorted(c.co_name for c in codes))
print(f([1, 2])[0])
a = h(False)
try:
    h(True)
except ValueError:
    pass
print(len([c for c in h.__code__.co_consts if type(c).__name__ == "code"]))
# Two equal lambdas on one line stay two code objects (their columns differ).
t = (lambda: 0, lambda: 0)
print(t[0].__code__ is t[1].__code__)
