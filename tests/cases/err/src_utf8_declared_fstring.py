# Checks a utf-8 declaration: an f-string literal part is decoded by runs of non-ASCII bytes
# coding: utf-8
print(1)
s = f"{1}a\nÃ©ÿ{2}b"
