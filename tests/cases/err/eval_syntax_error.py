# Checks a SyntaxError from eval'd source, uncaught.
print("before")
eval("1 +* 2")
