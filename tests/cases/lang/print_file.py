# Checks print(file=...) calls the object's write per piece, sys.stdout replacement, flush=, and module attribute assignment
import sys
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
w = W()
print("a", 1, None, sep="--", end="!", file=w, flush=True)
print(w.parts)
old = sys.stdout
sys.stdout = w
print("hidden", 2)
sys.stdout.write("direct")
sys.stdout = old
print(w.parts)
print("to real stdout", file=None, flush=True)
sys.stdout.write("written\n")
sys.stdout.flush()
try:
    print("x", file=3)
except AttributeError as e:
    print("AttributeError", e)
class NoFlush:
    def write(self, s):
        pass
try:
    print("y", file=NoFlush(), flush=True)
except AttributeError as e:
    print("AttributeError", e)
sys.answer = 42
print(sys.answer)
del sys.answer
print(hasattr(sys, "answer"))
try:
    del sys.answer
except AttributeError as e:
    print("AttributeError", e)
import math
math.tau2 = math.tau * 2
print(round(math.tau2, 3))
