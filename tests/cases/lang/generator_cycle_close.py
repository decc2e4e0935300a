# A suspended generator in cyclic garbage is closed when the collector frees it: its finally runs before the program goes on.
import gc
def g(o):
    try:
        yield 1
    finally:
        print("fin")
class A: pass
a = A()
a.gen = g(a)
next(a.gen)
del a
gc.collect()
print("after")


def g2():
    try:
        me = yield 1
        yield 2
    finally:
        print("fin")
x = g2()
next(x)
x.send(x)
del x
gc.collect()
print("after")
