# Checks an uncaught exception raised 'from' another: stderr shows both, the last line is the outer one.
def load(d, key):
    try:
        return d[key]
    except KeyError as e:
        raise ValueError("bad config: no " + key) from e
print(load({"a": 1}, "a"))
load({"a": 1}, "b")
