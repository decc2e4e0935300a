# Checks recursion: fib, ackermann, hanoi, mutual recursion, deep-but-legal depth, and catching RecursionError then continuing.
import sys
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(20)])
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print(ack(2, 3), ack(3, 3))
moves = []
def hanoi(n, src, dst, via):
    if n:
        hanoi(n - 1, src, via, dst)
        moves.append((src, dst))
        hanoi(n - 1, via, dst, src)
hanoi(5, "A", "C", "B")
print(len(moves), moves[:5])
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(77), sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("RecursionError", e)
print(depth(500), "still works")
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit(), depth(4000))
sys.setrecursionlimit(1000)
try:
    depth(2000)
except RecursionError as e:
    print("RecursionError again:", e)
def perms(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i in range(len(items)):
        for p in perms(items[:i] + items[i + 1:]):
            out.append([items[i]] + p)
    return out
print(len(perms([1, 2, 3, 4])), perms([1, 2, 3]))
def flatten(x):
    if isinstance(x, list):
        r = []
        for e in x:
            r.extend(flatten(e))
        return r
    return [x]
print(flatten([1, [2, [3, [4, [5]]]], [[6]]]))
