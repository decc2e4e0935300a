# Checks an uncaught AttributeError on an instance attribute with no similar name.
class Robot:
    def __init__(self):
        self.name = "r2"
r = Robot()
print(r.name)
print(r.qqqqqqqqq)
