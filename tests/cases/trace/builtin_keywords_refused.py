# Checks built-ins refuse keyword arguments they do not take, with CPython's messages and c_call/c_exception events
import sys, math, time, functools
def prof(frame, event, arg):
    if event.startswith("c_"):
        print(event, arg.__name__)
sys.setprofile(prof)
for f in [lambda: math.sqrt(x=1), lambda: time.sleep(secs=1), lambda: len([],x=1), lambda: abs(x=1), lambda: functools.reduce(function=1), lambda: sys.exit(status=1), lambda: math.gcd(a=1), lambda: isinstance(obj=1), lambda: sys.getrecursionlimit(x=1), lambda: math.log(x=1), lambda: iter(x=1), lambda: next(it=1), lambda: getattr(o=1),lambda: chr(i=1), lambda: (1,2).index(value=1), lambda: [].append(x=1), lambda: "a".upper(x=1), lambda: {}.keys(x=1), lambda: list(iterable=[]), lambda: tuple(iterable=[]), lambda: float(x=1), lambda: bool(x=1), lambda: range(stop=2), lambda: sorted([], x=1), lambda: print(1, bogus=2), lambda: min([1], x=1), lambda: round(number=1.5), lambda: (5).bit_length(x=1), lambda: divmod(a=1)]:
  try: print(f())
  except TypeError as e: print(e)
sys.setprofile(None)
