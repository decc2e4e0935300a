# Checks `global` naming a parameter is CPython's "is parameter and global" SyntaxError
def f(a, b):
    print(a)
    global b
