# Checks an IndentationError: a block header with no indented body.
def f():
return 1
print(f())
