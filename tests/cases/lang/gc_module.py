# Checks the gc module: switches, thresholds, and CPython's errors for bad arguments.
import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(800, 20)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
print(type(gc.collect()), type(gc.collect(0)), type(gc.collect(generation=1)))
for f in [lambda: gc.collect(3), lambda: gc.collect(-1), lambda: gc.collect('a'),
          lambda: gc.collect(2.0), lambda: gc.collect(1, 2), lambda: gc.collect(gen=1),
          lambda: gc.enable(1), lambda: gc.isenabled(1), lambda: gc.disable(x=1),
          lambda: gc.get_threshold(1), lambda: gc.set_threshold(),
          lambda: gc.set_threshold(1, 2, 3, 4), lambda: gc.set_threshold('a'),
          lambda: gc.set_threshold(2 ** 40)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(gc.isenabled(), gc.get_threshold())
for f in [lambda: gc.collect(2 ** 40), lambda: gc.collect(2 ** 70), lambda: gc.set_threshold(2 ** 70),
          lambda: gc.set_threshold(-2 ** 40), lambda: gc.set_threshold(True), lambda: gc.set_threshold(x=1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.collect.__name__, gc.__name__)
