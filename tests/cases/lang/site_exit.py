# Checks that the site builtins exit() and quit() exist and raise SystemExit with the code given.
print(callable(exit), callable(quit))
try:
    quit(5)
except SystemExit as e:
    print('quit', e.code)
try:
    exit(1, 2)
except TypeError as e:
    print(e)
exit(3)
