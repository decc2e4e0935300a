# generator attributes: gi_running, gi_code, gi_yieldfrom, __name__, __qualname__, gi_frame once finished.
def gen():
    yield g.gi_running
    yield 2
g = gen()
print(g.gi_running, next(g), g.gi_running, g.gi_code.co_name, g.gi_yieldfrom)
print(g.__name__, g.__qualname__)
list(g)
print(g.gi_frame)
