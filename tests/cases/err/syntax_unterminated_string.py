# Checks a SyntaxError for an unterminated string literal: nothing runs, the last line names the problem.
print("this line is fine")
x = "never closed
print(x)
