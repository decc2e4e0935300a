print("sub runs", __name__, __package__)
from .. import VERSION as PARENT_VERSION
__all__ = ["leaf", "PARENT_VERSION"]
