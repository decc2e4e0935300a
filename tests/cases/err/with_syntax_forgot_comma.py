# Checks the SyntaxError of two with items missing their comma.
print("never")
with (a as b, c d):
    pass
