# Checks an exception raised while handling another, uncaught: the last line is the second exception.
try:
    print("dividing")
    1 / 0
except ZeroDivisionError:
    print("handling")
    [][0]
