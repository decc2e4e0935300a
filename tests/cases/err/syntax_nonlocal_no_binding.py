# Checks `nonlocal` with no binding in an enclosing function (a `global` in between hides it) is a SyntaxError at compile time
print('never printed')
def f():
    x = 1
    def g():
        global x
        def h():
            nonlocal x
        return h
    return g
