# Checks a UTF-8 BOM is skipped and a utf-8 declaration with it is accepted
# coding: utf-8
print("hé", len("hé"))
