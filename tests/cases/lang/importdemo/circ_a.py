print("circ_a starts")
A = 1
from . import circ_b
print("circ_a ends", circ_b.B)
