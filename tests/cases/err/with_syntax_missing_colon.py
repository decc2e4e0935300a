# Checks the SyntaxError of parenthesized with items without a colon.
print("never")
with (a as b, c)
    pass
