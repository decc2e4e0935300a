# Checks the uncaught NameError's "Did you mean" looks at the innermost frame's locals first
counter = 1
def f(total, count):
    def g():
        return count
    return countr + g()
f(1, 2)
