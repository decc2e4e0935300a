# Checks an IndentationError for an unexpected indent: nothing runs.
print("first")
x = 1
    y = 2
print(x)
