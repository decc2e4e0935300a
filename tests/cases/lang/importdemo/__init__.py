"""The importdemo package."""
print("importdemo runs", __name__, __package__)
VERSION = 3
