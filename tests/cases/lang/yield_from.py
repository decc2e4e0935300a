# yield from: generators, lists, genexprs and iterator objects delegated to; send, throw (caught in the sub-generator, or raised through), close; the result of the delegation.
def inner(n):
    got = []
    try:
        for i in range(n):
            x = yield i
            got.append(x)
    except KeyError as e:
        print("inner caught", e)
        yield "after-catch"
    finally:
        print("inner finally", got)
    return "inner-result"

def outer():
    r = yield from inner(3)
    print("outer got", r)
    r2 = yield from [10, 20]
    print("list result", r2)
    r3 = yield from (x * 2 for x in range(2))
    yield r3
    return "outer-result"

print(list(outer()))
g = outer()
print(next(g), g.send("a"), g.send("b"))
print(g.gi_yieldfrom.__name__ if g.gi_yieldfrom else None)
print(g.throw(KeyError("k")))
print(next(g))
print(next(g), next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

g = outer()
next(g)
g.close()
print("closed")
g = outer()
next(g); next(g)
try:
    g.throw(ValueError("v"))
except ValueError as e:
    print("ValueError propagated", e)
print(list(g))

def delegate_stop():
    yield from inner(0)
    yield "x"
print(list(delegate_stop()))

class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
def over_it():
    v = yield from It()
    yield v
print(list(over_it()))
def nested(d):
    if d:
        yield from nested(d - 1)
    yield d
print(list(nested(4)))
def sender():
    y = yield from inner(2)
    return y
s = sender()
print(next(s), s.send("p"))
try:
    s.send("q")
except StopIteration as e:
    print(e.value)
