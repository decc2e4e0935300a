# Checks if/elif/else chains, while and for loops with else, break and continue in nested loops, and pass.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"
print([classify(v) for v in [-5, 0, 3, 10, 99]])
for n in range(2, 30):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i == 8:
        break
    print("even", i)
else:
    print("while-else not reached")
j = 0
while j < 3:
    j += 1
else:
    print("while finished", j)
for x in []:
    print("never")
else:
    print("empty for else")
found = None
for row in range(5):
    for col in range(5):
        if row * col == 6:
            found = (row, col)
            break
    if found:
        break
print("found", found)
count = 0
for a in range(4):
    for b in range(4):
        if a == b:
            continue
        if a + b > 5:
            break
        count += 1
print("count", count)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps", steps)
if True:
    pass
elif False:
    print("no")
for ch in "hello":
    if ch in "aeiou":
        print("vowel", ch)
    elif ch == "l":
        pass
    else:
        print("other", ch)
while True:
    break
print("done", i, j)
