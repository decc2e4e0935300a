# Checks an uncaught ZeroDivisionError inside nested calls after some output: exit 1 and CPython's final error line.
def ratio(a, b):
    return a / b
def report(values):
    for v in values:
        print("ratio", v, ratio(10, v))
report([5, 2, 1, 0, 3])
print("not reached")
