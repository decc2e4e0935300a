# Checks a BOM with a latin-1 declaration
# coding: latin-1
print(1)
