# Checks a SyntaxError for 'return' outside a function.
print("start")
return 5
