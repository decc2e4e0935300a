# Checks an uncaught integer modulo by zero raised from a loop: 'integer modulo by zero'.
total = 0
for i in range(5, -1, -1):
    total += 100 % i
    print(i, total)
