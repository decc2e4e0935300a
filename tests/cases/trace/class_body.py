# Checks tracing of class statements: the class body runs as a frame named after the class, with line events for each statement.
import sys
def tracer(frame, event, arg):
    co = frame.f_code
    print(event, co.co_name, co.co_qualname, frame.f_lineno, repr(arg) if event == "return" else "")
    return tracer
def define():
    class Base:
        "docstring"
        x = 1
        y = x + 1
        def method(self):
            return self.x
    class Child(Base):
        z = [n for n in range(2)]
        class Nested:
            w = 0
    return Child().method() + Child.y
sys.settrace(tracer)
print(define())
sys.settrace(None)
