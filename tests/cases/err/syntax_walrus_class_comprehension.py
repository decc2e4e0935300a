# Checks a walrus in a comprehension directly in a class body is a SyntaxError
print('never printed')
class C:
    xs = [(y := k) for k in range(2)]
