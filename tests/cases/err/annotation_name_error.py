# Checks that a function annotation naming an undefined name raises NameError when the def runs.
print('before')
def f(a: Undefined) -> int:
    return a
print('never')
