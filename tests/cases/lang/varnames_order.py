# Checks co_varnames order: locals in the order the compiler first names them (try else before handlers, finally bodies inlined at break/continue, dead while bodies)
def f1():
    try:
        a = 1
    except ValueError as e:
        b = 2
    else:
        c = 3
    finally:
        d = 4
    g = 5
print(f1.__code__.co_varnames)
def f2():
    try:
        a = 1
    except ValueError:
        b = 2
    except KeyError as e2:
        b2 = 2
    else:
        c = 3
print(f2.__code__.co_varnames)
def f3():
    for x in []:
        y = 1
    else:
        z = 2
    while False:
        w = 1
    else:
        v = 2
    if x:
        p = 1
    else:
        q = 2
    try:
        pass
    finally:
        r = 1
print(f3.__code__.co_varnames)
def f4():
    try:
        try:
            a = 1
        except Exception as e:
            b = 1
        else:
            c = 1
    except Exception as e3:
        d = 1
    else:
        h = [i for i in range(3)]
        k = lambda m: m
print(f4.__code__.co_varnames)
def f6():
    try:
        a = 1
    finally:
        try:
            b = 1
        except Exception as e:
            c = 1
        else:
            d = 1
print(f6.__code__.co_varnames)
def f7():
    while True:
        try:
            a = 1
        except Exception:
            b = 1
            break
        else:
            c = 1
            continue
        finally:
            d = 1
print(f7.__code__.co_varnames)
def f8(p, q=1, *r, s, **t):
    u = [z for z in p]
    def inner():
        return u
    try:
        return v
    except NameError as e:
        return w
    else:
        x = 2
print(f8.__code__.co_varnames, f8.__code__.co_cellvars)
def f1():
    while False:
        w = 1
    else:
        e = 1
    v = 1
print(f1.__code__.co_varnames)
def f2():
    if 0:
        a = 1
    else:
        b = 1
    c = 1
print(f2.__code__.co_varnames)
def f3():
    if 1:
        a = 1
    else:
        b = 1
    c = 1
print(f3.__code__.co_varnames)
def f4():
    return 1
    x = 2
    y = 3
print(f4.__code__.co_varnames)
def f5():
    while True:
        a = 1
        break
    else:
        b = 1
    c = 1
print(f5.__code__.co_varnames)
def f6():
    while 0:
        a = 1
    c = 1
    assert False, (z := 1)
    if __debug__:
        q = 1
    x = 1 if 0 else (y := 2)
    return [k for k in ()]
print(f6.__code__.co_varnames)
def f7():
    for i in ():
        break
    else:
        j = 1
    with_ = 1
    del with_
    try:
        pass
    except:
        n = 1
    return
print(f7.__code__.co_varnames)
