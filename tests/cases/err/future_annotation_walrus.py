# A walrus in an annotation under future annotations is a SyntaxError
from __future__ import annotations
def f(x: (y := 1)): pass
