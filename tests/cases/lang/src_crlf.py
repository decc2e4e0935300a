# Checks CRLF line ends: code, triple-quoted strings, continuations, comments, line numbers
x = 1
if x:
    y = """a
b

c"""  # comment
    print(repr(y))
z = 1 + \
    2
print(z, (1,
 2))
import sys
def t(frame, event, arg):
    if event == "line":
        print("line", frame.f_lineno)
    return t
def g():
    a = """x
y"""
    return a
sys.settrace(t)
g()
sys.settrace(None)
def f():
    return 1 / 0
f()
