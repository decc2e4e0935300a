# Checks runaway recursion ending in an uncaught RecursionError: 'maximum recursion depth exceeded'.
def walk(n):
    if n % 200 == 0:
        print("depth", n)
    return walk(n + 1) + 1
walk(0)
