print("leaf runs", __name__, __package__)
from ..helper import bump
from . import PARENT_VERSION

def g(x):
    return bump(x) * PARENT_VERSION
