print("circ_b starts")
from . import circ_a
print("circ_b sees circ_a.A", circ_a.A)
try:
    from .circ_a import LATER
except ImportError as e:
    print("circ_b:", e.args[0].split(" (")[0] + " ...")
try:
    circ_a.LATER
except AttributeError as e:
    print("circ_b:", e)
B = 2
