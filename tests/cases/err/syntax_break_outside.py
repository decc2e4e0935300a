# Checks a SyntaxError for 'break' outside a loop.
print("start")
break
