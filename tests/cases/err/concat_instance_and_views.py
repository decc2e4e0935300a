# Checks sequence concatenation errors with instances and dict views, in-place forms, and set operations with a dict view on the right.
class A: pass
for f in [lambda: 'a' + A(), lambda: [1] + A(), lambda: (1,) + A(), lambda: A() + 'a', lambda: 'a' * A(), lambda: [1] * A(), lambda: 1 + A(), lambda: 'a' + {}.keys(), lambda: [] + {}.values(), lambda: 'a' % A(), lambda: A() < 1, lambda: 'a' < A()]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class I:
    def __iter__(self): return iter([7])
def aug(x, y):
    x += y
    return x
for x, y in [('a', A()), ([1], A()), ((1,), A()), ([1], I()), ('a', I()), ([1], 'bc'), ((1,), [2])]:
    try: print(aug(x, y))
    except Exception as e: print(type(e).__name__, e)
d = {1: 2, 3: 4}
for f in [lambda: [1, 5] - d.keys(), lambda: (3, 9) & d.keys(), lambda: [7] | d.keys(), lambda: [1, 8] ^ d.keys(),
          lambda: [(1, 2)] - d.items(), lambda: 5 - d.keys(), lambda: None | d.items(), lambda: d.keys() - [1], lambda: d.keys().isdisjoint([9])]:
    try: print(sorted(f()) if not isinstance(f(), bool) else f())
    except Exception as e: print(type(e).__name__, e)
