# Checks the uncaught AttributeError's "Did you mean" over an instance's dir (case-only change costs less)
class Point:
    def __init__(self):
        self.xval = 1
    def Xval2(self): pass
class P3(Point):
    pass
print(getattr(P3(), 'Xval', 'dflt'))
P3().Xval
