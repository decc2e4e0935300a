# Checks the ModuleNotFoundError of a module that is nowhere.
import sys
print("before")
import surely_not_a_module_name
