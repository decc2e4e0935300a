# Checks an instance of a class defining __eq__ but not __hash__ is unhashable as a dict key (uncaught TypeError).
class P:
    def __init__(self, x):
        self.x = x
    def __eq__(self, o):
        return self.x == o.x
print(P.__hash__)
d = {P(1): 1}
