# Checks a latin-1 coding declaration on line 2: bytes decode as latin-1, tracebacks show the line
# -*- coding: latin-1 -*-
s = "café ÿµ"
print(len(s), [ord(c) for c in s], s.upper())
# a comment with é
été = 3
print(été * 2)
def f():
    return "à" + 1
f()
