# Checks SystemExit raised directly, caught and re-raised with another code: exit status 4.
import sys
try:
    raise SystemExit(2)
except SystemExit as e:
    print("caught code", e.code)
    raise SystemExit(e.code * 2)
