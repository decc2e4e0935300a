# Checks a walrus in a comprehension's iterable, even inside a lambda there, is a SyntaxError
print('never printed')
r = [x for x in (lambda: (y := [1, 2]))()]
