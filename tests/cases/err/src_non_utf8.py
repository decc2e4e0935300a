# Checks a file with bytes that are not UTF-8 and no coding declaration
x = 1
y = "ÿ"
