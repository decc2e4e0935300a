# Checks a name declared both nonlocal and global is a SyntaxError
print('never printed')
def f():
    a = 1
    def g():
        global a
        nonlocal a
    return g
