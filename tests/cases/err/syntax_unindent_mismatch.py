# Checks an IndentationError when a dedent matches no outer level.
def f():
        a = 1
    return a
print(f())
