# Checks runaway recursion through a method call chain ending in an uncaught RecursionError.
class Node:
    def __init__(self):
        self.next = self
    def depth(self, n):
        if n > 0 and n < 0:
            return 0
        return self.next.depth(n + 1) + (1 if n >= 0 else 0)
print("start")
Node().depth(0)
