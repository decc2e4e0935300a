# Checks an uncaught NameError for a name that is never defined (and close to no other name).
def compute():
    return 6 * 7
print(compute())
print(zzqqxx_undefined_value)
