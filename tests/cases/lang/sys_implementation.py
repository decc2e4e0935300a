# Checks sys.implementation's shape (a SimpleNamespace with the PEP 421
# attributes; its values are the implementation's own, so not printed) and
# the other sys attributes programs test.
import sys

impl = sys.implementation
print(type(impl).__name__, [hasattr(impl, a) for a in ("name", "cache_tag", "version", "hexversion")])
print(isinstance(impl.name, str), impl.name == impl.name.lower(), len(impl.version) == 5)
impl.note = "set by the program"
print(impl.note, repr(impl).startswith("namespace(name="))
print(sys.platform, sys.maxsize == 2**63 - 1, sys.byteorder, sys.version_info[:2], sys.version_info.major)
print(sys.exc_info(), type(sys.modules).__name__, type(sys.path).__name__, "sys" in sys.modules)
