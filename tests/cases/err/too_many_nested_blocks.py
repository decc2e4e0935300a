# Checks CPython's limit of 20 statically nested blocks: a with statement of 21 items is a SyntaxError.
print("never")
class C:
    def __enter__(self): return 1
    def __exit__(self, *a): pass
c = C()
with c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c, c:
    print(1)
