# Generator methods: send, throw (classes, instances, values), close, GeneratorExit handling, PEP 479, a generator closed as it is dropped.
def echo():
    received = []
    try:
        while True:
            try:
                x = yield len(received)
                received.append(x)
            except ValueError as e:
                print("caught", e)
                yield "recovered"
    except GeneratorExit:
        print("exit with", received)
        raise
    finally:
        print("finally")

g = echo()
print(next(g))
print(g.send("a"), g.send("b"))
print(g.throw(ValueError("bad")))
print(g.send("c"))
g.close()
g.close()
try:
    next(g)
except StopIteration as e:
    print("stopped", e.args)

def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring")

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def ret():
    yield 1
    return [1, 2]
r = ret()
next(r)
try:
    r.send(None)
except StopIteration as e:
    print("value", e.value)

g = echo()
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)
g.close()
print(list(g))

def thrower():
    yield 1
g = thrower()
try:
    g.throw(KeyError, "k")
except KeyError as e:
    print("KeyError", e)
print(list(g))
g = thrower()
next(g)
try:
    g.throw(ValueError("v"), None)
except ValueError as e:
    print("ValueError", e)
try:
    g.throw(ValueError("v"), 1)
except TypeError as e:
    print("TypeError", e)

def running():
    g.send(None)
    yield
g = running()
try:
    next(g)
except ValueError as e:
    print("ValueError", e)

def stopper():
    yield 1
    raise StopIteration(5)
try:
    list(stopper())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)
print(type(echo()).__name__, type(echo()) is type(x for x in []))
print(hasattr(echo(), "send"), iter(g) is g)
def gexpr():
    return (yield)
q = gexpr()
next(q)
try:
    q.send(42)
except StopIteration as e:
    print(e.value)
