# Checks the traceback of an exception that leaves a with body: the line is the raising one, __exit__ saw it.
class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__)

def inner():
    with CM():
        x = 1
        raise ValueError("from the body")

with CM():
    inner()
