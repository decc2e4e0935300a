# Checks `:=` in comprehensions binds in the enclosing function, the module (as a global) or a `global` name, through nested comprehensions and lambdas
print([(m := k) for k in range(3)], m)
print([[(w := a * b) for a in range(2)] for b in range(3)], w)
print({k: (s := v) for k, v in {1: 2, 3: 4}.items()}, s)
print(list((g := c) for c in 'xy'), g)
print([i for i in range(5) if (t := i * i) > 3], t)

def f():
    global v
    r = [[v := i + j for i in range(2)] for j in range(2)]
    return r

print(f(), v)

def h():
    r = [[u := i + j for i in range(2)] for j in range(3)]
    get = lambda: u
    return r, u, get()

print(h())

def closure():
    res = [(last := x) for x in 'abc']
    def inner():
        return last
    return res, inner()

print(closure())

def lam():
    return (lambda: [(y := 1) for _ in 'a'] and y)()

print(lam())

def in_class():
    class C:
        r = [lambda: (q := 4) for _ in 'a']
    return C.r[0]()

print(in_class())
