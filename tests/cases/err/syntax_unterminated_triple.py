# Checks a SyntaxError for an unterminated triple-quoted string.
print("start")
s = """open
and never
closed
