# Checks an ascii declaration with a non-ASCII byte
# coding: ascii
print(1)  # café
