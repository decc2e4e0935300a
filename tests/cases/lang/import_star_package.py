# Checks `from package import *` with an `__all__` naming a submodule not yet imported: it is imported.
import sys
from importdemo.sub import *
print(PARENT_VERSION, leaf.__name__, leaf.g(1), "importdemo.sub.leaf" in sys.modules)
print(sorted(k for k in dir() if not k.startswith("_")))
