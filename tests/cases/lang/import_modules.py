# Checks imports of the program's own modules: a package with submodules run once and cached in sys.modules, relative imports, from-imports of submodules, import *, circular imports, failed imports left out of sys.modules, sys.path, the errors of missing names and modules.
import sys
print("start", __name__, __package__)
import importdemo
print(importdemo.__name__, importdemo.__doc__, importdemo.VERSION)
print(importdemo.__file__.split("/")[-2:], [p.split("/")[-1] for p in importdemo.__path__])
import importdemo.helper
import importdemo.helper as h
print(h is importdemo.helper, h.bump(), h.bump(2), h.count)
from importdemo.helper import bump, Thing
print(bump(), Thing(5), h.__doc__, h.__package__, h.__file__.split("/")[-1])
from importdemo import helper, sibling
print(helper is h, sibling.shout("hi"), h.sibling is sibling)
from importdemo.sub.leaf import g
print(g(1), importdemo.sub.PARENT_VERSION)
import importdemo.sub.leaf as leaf
print(leaf.g is g, leaf.__name__, leaf.__package__)
print(sorted(k for k in sys.modules if k.startswith("importdemo")))
print(sys.modules["importdemo.helper"] is h, sys.modules["__main__"].__name__)
from importdemo.helper import *
print(shout("star"), "sibling" in dir())
import importdemo.circ_a
print(importdemo.circ_a.A, importdemo.circ_b.B)
for attempt in range(2):
    try:
        import importdemo.broken
    except ValueError as e:
        print("attempt", attempt, e, "importdemo.broken" in sys.modules)
try:
    import importdemo.nothere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import importdemo.helper.deeper
except ModuleNotFoundError as e:
    print(e, e.name)
try:
    from importdemo import nothing
except ImportError as e:
    print(type(e).__name__, e.args[0].split(" (")[0], e.name, e.path.split("/")[-1])
try:
    from importdemo.helper import nothing
except ImportError as e:
    print(e.args[0].split(" (")[0], e.name)
try:
    import no_such_module_anywhere
except ImportError as e:
    print(type(e).__name__, e, e.name, e.path)
try:
    from . import nothing
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import nothing
except ImportError as e:
    print(e.args[0].split(" (")[0], e.name)
import importdemo.replaced
print(importdemo.replaced, sys.modules["importdemo.replaced"])
try:
    import importdemo.bad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename.split("/")[-1], e.lineno, e.offset, repr(e.text))
sys.path.insert(0, sys.path[0] + "/importdemo/extra")
import toplevel_mod
print(toplevel_mod.where(), toplevel_mod.__package__ == "")
import math, functools
print(math.sqrt(16), type(sys.modules), "math" in sys.modules)
def inner():
    import importdemo.helper as again
    from importdemo.sibling import shout as s2
    return again.count, s2("x")
print(inner())
