# Checks an unknown coding declaration
# coding: klingon-1
print(1)
