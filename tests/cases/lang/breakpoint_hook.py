# Checks breakpoint(): it calls sys.breakpointhook with its arguments and returns what that returns; sys.__breakpointhook__ keeps the default.
import sys
def hook(*args, **kws):
    print("hook", args, sorted(kws.items()))
    return "from hook"
sys.breakpointhook = hook
print(breakpoint())
print(breakpoint(1, 2, k=3))
print(sys.__breakpointhook__ is not hook, callable(sys.__breakpointhook__))
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print(type(e).__name__, e)
sys.breakpointhook = sys.__breakpointhook__
