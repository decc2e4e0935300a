# Checks the arg of 'return' events: explicit values, implicit None, tuples, early returns, and None when left by an exception.
import sys
def tracer(frame, event, arg):
    if event == "return":
        print("return", frame.f_code.co_name, frame.f_lineno, repr(arg))
    return tracer
def explicit():
    return [1, "two"]
def implicit():
    x = 1
def early(n):
    if n:
        return "early"
    x = n
    return "late"
def multiple():
    return 1, 2
def raising():
    raise ValueError("v")
def main():
    explicit()
    implicit()
    early(1)
    early(0)
    multiple()
    try:
        raising()
    except ValueError:
        pass
    return None
sys.settrace(tracer)
main()
sys.settrace(None)
