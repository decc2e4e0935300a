# setprofile events of an import: the module's frame and the calls it makes; frames of files outside tests/cases (CPython's importlib, site-packages' import hooks) are left out.
import sys
sys.path.insert(0, sys.path[0] + "/../lang")
_ROOT = __file__.rsplit("/", 2)[0]
def p(frame, event, arg):
    c = frame.f_code
    if not c.co_filename.startswith(_ROOT):
        return
    name = getattr(arg, "__name__", "") if event.startswith("c_") else ""
    print(event, c.co_name, c.co_filename.split("/")[-1], frame.f_lineno, name)
def main():
    import importdemo.traced
    return len(importdemo.traced.TABLE)
sys.setprofile(p)
main()
sys.setprofile(None)
