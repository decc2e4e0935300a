# Checks scopes (lambda, comprehensions, defs, classes) inside while tests, finally bodies and try/else keep their own scopes
def outer(n):
    k = 0
    while k < n and (lambda v: v < 3)(k) and any(y == k for y in range(5)):
        k += 1
    return k
print(outer(10))

def fin(a):
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            sq = [j * a for j in range(i)]
            h = lambda: sq
            print('fin', i, h())
    try:
        return a
    finally:
        def helper(z=a):
            return [z + t for t in range(2)]
        print(helper())
print(fin(5))

def tryelse(p):
    try:
        x = {k: p for k in range(2)}
    except ValueError as e:
        y = [lambda: e for _ in range(1)]
    else:
        z = [(lambda q: p + q)(w) for w in x]
    finally:
        class K:
            v = p
            def m(self):
                return self.v
        print(K().m())
    return z
print(tryelse(7))

def raising():
    try:
        try:
            1 / 0
        finally:
            g = (lambda: [c for c in 'ab'])
            print('inner', g())
    except ZeroDivisionError:
        print('caught')
    while (t := [m for m in range(2)]) and not t:
        pass
    return t
print(raising())

def nested():
    def a():
        return 'a'
    try:
        pass
    finally:
        def b():
            return 'b' + a()
    def c():
        return 'c' + b()
    return c()
print(nested())
