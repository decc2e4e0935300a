# Checks a utf-8 declaration: bad bytes in a comment pass, in a string they fail
# coding: utf-8
print(1)  # ÿþ
s = "abéÿ"
