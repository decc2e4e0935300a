# Checks a plain SyntaxError (invalid syntax) for a doubled operator in an assignment.
print("start")
x = = 1
