# Checks sys.exit(3): exit status 3, nothing on stderr, finally blocks run on the way out.
import sys
print("before exit")
try:
    sys.exit(3)
finally:
    print("finally runs")
print("not reached")
