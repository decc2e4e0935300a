# Checks the traceback of an exception raised while a module runs: it passes through the import.
import sys
sys.path.insert(0, sys.path[0] + "/../lang")
print("importing")
import importdemo.broken
