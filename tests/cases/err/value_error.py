# Checks an uncaught ValueError from int() on bad text: "invalid literal for int() with base 10: 'x12'".
for text in ["1", "22", "x12"]:
    print(int(text) * 2)
