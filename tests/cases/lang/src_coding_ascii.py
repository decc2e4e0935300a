# Checks coding declarations spelled as aliases (ascii, utf8) decode as CPython does
# vim: set fileencoding=US-ASCII :
print("plain", "\xe9")
