# Checks an exception raised by a stored key's __eq__ during d[k] propagates out of the subscript.
class K:
    def __hash__(self):
        return 3
    def __eq__(self, o):
        raise RuntimeError("eq of %r" % (o,))
d = {K(): "a"}
print(d.get(4))
print(d[3])
