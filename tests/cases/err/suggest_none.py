# Checks no suggestion for a NameError raised by the program, nor past 750 candidates
for i in range(760):
    globals()['name%d' % i] = i
try:
    raise NameError('prnt')
except NameError as e:
    print(e, e.name)
print(name7777)
