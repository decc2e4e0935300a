# Checks the SyntaxError of a module with a syntax error, reported at the import.
import sys
sys.path.insert(0, sys.path[0] + "/../lang")
import importdemo.bad_syntax
