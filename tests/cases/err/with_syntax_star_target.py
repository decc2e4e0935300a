# Checks the SyntaxError of a starred with target.
print("never")
with a as *b:
    pass
