# Checks an uncaught TypeError from mixing str and int with +.
def label(n):
    return "item " + n
print(label("1"))
print(label(2))
