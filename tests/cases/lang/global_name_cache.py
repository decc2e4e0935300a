# Checks global and built-in name lookups as their dicts change under them: a built-in shadowed by a global and unshadowed again, globals deleted and re-added, module-level loops assigning globals that functions read, a name that goes missing (NameError).


def use_len(x):
    return len(x)


def read_counter():
    return counter


counter = 0
seen = []
for i in range(5):
    counter += i
    seen.append(read_counter())
    seen.append(use_len(seen))
print(seen)

len = lambda x: "shadowed"
print(use_len([1, 2]))
del len
print(use_len([1, 2]))

for round in range(3):
    total = 0
    for j in range(4):
        total += j
    print(round, total, read_counter())
    del total

del counter
try:
    read_counter()
except NameError as e:
    print("NameError:", e)
counter = "back"
print(read_counter())

# Many globals added between reads (the globals dict grows and moves).
for k in range(40):
    globals()["g" + str(k)] = k
print(read_counter(), use_len("abc"), g39)
