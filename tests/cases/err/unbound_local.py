# Checks an uncaught UnboundLocalError: a local read before its assignment in the same function.
count = 10
def increment():
    count += 1
    return count
print("calling")
increment()
