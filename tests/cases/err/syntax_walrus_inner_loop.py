# Checks a later `for` of a comprehension may not rebind an earlier walrus target
print('never printed')
def f():
    return [j for i in range(3) if (j := i) for j in range(2)]
