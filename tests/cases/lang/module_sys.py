# Checks the sys module surface: argv, version_info, recursion limit get/set, stdout.write/stderr.write return values, exit inside try.
import sys
from sys import getrecursionlimit
print(len(sys.argv), sys.argv[0].split("/")[-1], type(sys.argv).__name__)
print(sys.version_info[0], sys.version_info[1], sys.version_info >= (3, 11), sys.version_info[:2] == (3, 11), sys.version_info.major)
print(sys.getrecursionlimit(), getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
n = sys.stdout.write("written without newline")
print()
print("write returned", n)
m = sys.stdout.write("line one\nline two\n")
print("second write returned", m)
e = sys.stderr.write("to stderr\n")
print("stderr write returned", e)
print(sys.gettrace(), sys.getprofile())
try:
    sys.exit(5)
except SystemExit as ex:
    print("SystemExit caught", ex.code, repr(ex), ex.args)
try:
    sys.exit()
except SystemExit as ex:
    print("SystemExit caught", ex.code)
try:
    sys.exit("message")
except SystemExit as ex:
    print("SystemExit caught", repr(ex.code))
try:
    sys.setrecursionlimit(0)
except ValueError as ex:
    print("ValueError", ex)
print(sys._getframe().f_code.co_name, sys._getframe(0).f_lineno)
def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno
print(where())
print("end")
