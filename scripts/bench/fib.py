# Benchmark: recursive function calls (naive Fibonacci). Argument: n (default 33).
import sys
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
n = int(sys.argv[1]) if len(sys.argv) > 1 else 33
print("fib", n, fib(n))
