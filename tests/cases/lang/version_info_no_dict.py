# Checks sys.version_info as CPython's struct sequence (repr, type name, fields as attributes, tuple behaviour) and that a defaultdict has no __dict__ while an OrderedDict and a defaultdict subclass's instances have one
import sys
from collections import defaultdict, OrderedDict
print(sys.version_info, type(sys.version_info).__name__, sys.version_info[:2], sys.version_info >= (3, 8))
print(sys.version_info.major, sys.version_info.releaselevel, tuple(sys.version_info), len(sys.version_info))
print(repr(sys.version_info) == str(sys.version_info), sys.version_info == (3, 11, 7, 'final', 0), isinstance(sys.version_info, tuple))
major, minor, *rest = sys.version_info
print(major, minor, rest, hash(sys.version_info) == hash(tuple(sys.version_info)))
d = defaultdict(int)
try:
    d.x = 1
except AttributeError as e:
    print(e)
o = OrderedDict()
o.x = 2
print(o.x)
class D(defaultdict):
    pass
dd = D(list)
dd.y = 3
print(dd.y, dd["q"], hasattr(d, "__dict__"), hasattr(dd, "__dict__"))
