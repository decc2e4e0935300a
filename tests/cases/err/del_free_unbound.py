# Checks `del` of a free variable whose cell is empty raises CPython's NameError, and of an empty local cell UnboundLocalError
def f():
    x = 1
    def g():
        nonlocal x
        del x
    g()
    try:
        del x
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 2
    g()
    print('deleted again')
    g()
f()
