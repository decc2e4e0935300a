def add(a, b=2, *rest, key=None, **kw):
    total = a + b
    for r in rest:
        total += r
    return total if key is None else key(total)


print(add(1, 2, 3))
