# Checks sys.stdin at its end (the cases run with stdin closed): readline, read and readlines give nothing, iteration stops at once, input() raises EOFError.
import sys
print(repr(sys.stdin.readline()), repr(sys.stdin.read()), sys.stdin.readlines())
for line in sys.stdin:
    print("never", line)
print(list(sys.stdin))
try:
    input("prompt> ")
except EOFError as e:
    print()
    print(type(e).__name__, e)
