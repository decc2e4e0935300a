# Checks a walrus may not rebind a comprehension's iteration variable (outer generator of a nested comprehension)
print('never printed')
r = [[(i := j) for j in range(2)] for i in range(3)]
