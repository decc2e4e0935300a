# Checks where a memoized recursion through functools.lru_cache (a function, and a method) reaches the recursion limit: the wrapper's call enters a level of its own, as CPython's tp_call does
import sys
from functools import lru_cache
sys.setrecursionlimit(300)
@lru_cache(maxsize=None)
def f(n):
    return 0 if n == 0 else 1 + f(n - 1)
for n in (100, 140, 147, 148, 149, 150, 200):
    f.cache_clear()
    try:
        print(n, f(n))
    except RecursionError as e:
        print(n, e, f.cache_info())
class K:
    @lru_cache
    def g(self, n):
        return 0 if n == 0 else 1 + self.g(n - 1)
for n in (90, 97, 98, 99, 100):
    K.g.cache_clear()
    try:
        print(n, K().g(n))
    except RecursionError as e:
        print(n, e)
