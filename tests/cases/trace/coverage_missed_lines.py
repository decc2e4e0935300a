# Checks what a coverage tool needs: the lines code objects can run
# (co_lines, nested code objects found through co_consts), the lines a
# tracer saw run, and the difference: the missed lines.
import sys


def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    for d in range(2, n):
        if n % d == 0:
            return "composite"
    return "prime or one"


def unused(x):
    y = x * 2
    return y


class Shape:
    def __init__(self, sides):
        self.sides = sides

    def name(self):
        if self.sides == 3:
            return "triangle"
        return "polygon"


executed = set()


def tracer(frame, event, arg):
    if event == "line" and frame.f_code.co_filename == __file__:
        executed.add((frame.f_code.co_name, frame.f_lineno))
    return tracer


def executable_lines(code, out):
    for start, end, line in code.co_lines():
        if line is not None and line != code.co_firstlineno:
            out.add((code.co_name, line))
    for c in code.co_consts:
        if hasattr(c, "co_lines"):
            executable_lines(c, out)
    return out


sys.settrace(tracer)
for n in (7, 9, 0):
    classify(n)
Shape(4).name()
sys.settrace(None)

possible = executable_lines(classify.__code__, set())
possible |= executable_lines(unused.__code__, set())
possible |= executable_lines(Shape.name.__code__, set())
missed = sorted(possible - executed)
print("executable:", len(possible))
print("missed:", missed)
positions = list(unused.__code__.co_positions())
print("positions per instruction, lines:", sorted({p[0] for p in positions if p[0] is not None}))
