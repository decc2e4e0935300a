"""A helper module."""
print("helper runs", __name__, __package__)
count = 0

def bump(n=1):
    global count
    count += n
    return count

class Thing:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Thing({self.v!r})"

from . import sibling
from .sibling import shout
__all__ = ["bump", "Thing", "shout"]
