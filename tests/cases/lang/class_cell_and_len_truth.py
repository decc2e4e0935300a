# Checks the implicit __class__ cell read by name in methods (nested too), a local __class__, and bool() through a __len__ that breaks its rules.
class S:
    def f(self): return __class__
    def g(self):
        def h(): return __class__.__name__
        return h()
    def k(self):
        __class__ = 5
        return __class__
    x = [__name__ for _ in range(1)]
class T(S): pass
print(S().f().__name__, T().f().__name__, S().g(), S().k(), S.x)
def outer():
    try:
        return __class__
    except NameError as e:
        return str(e)
print(outer())
class G:
    def __len__(self): return -1
class H:
    def __len__(self): return 2**70
class J:
    def __len__(self): return 0
for c in [G, H, J]:
    try:
        print(bool(c()), 'yes' if c() else 'no')
    except Exception as e:
        print(type(e).__name__, e)
