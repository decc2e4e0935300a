# Checks CPython's TestEdgeCases.test_same_object: re-installing the current trace function after its name was deleted.
# Ported from CPython 3.11 Lib/test/test_sys_settrace.py (Python Software Foundation License);
# the traced code is kept verbatim with its original line layout.
import sys

def foo(*args):
    ...

sys.settrace(foo)
del foo
sys.settrace(sys.gettrace())
print(sys.gettrace() is not None)
sys.settrace(None)
print(sys.gettrace())
print("done")
