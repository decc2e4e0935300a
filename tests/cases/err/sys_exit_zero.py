# Checks sys.exit(0) from inside a function stops the program with status 0.
import sys
def stop():
    print("stopping")
    sys.exit(0)
for i in range(5):
    print(i)
    if i == 2:
        stop()
