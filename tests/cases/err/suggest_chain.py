# Checks suggestions in a chained traceback: the context's NameError (builtins) and the AttributeError of a module
import math
try:
    lenght = 3
    x = sortd([lenght])
except NameError as e:
    print(e, e.name)
    math.flor(2.5)
