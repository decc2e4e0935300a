# Checks a TabError: a block indented with a tab and then with spaces.
if True:
	x = 1
        y = 2
print(x)
