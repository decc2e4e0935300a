# Trace events of an import: the module's code runs in its own <module> frame (co_filename the module's file), traced as the script's; a second import runs nothing. frames of files outside tests/cases (CPython's importlib, site-packages' import hooks) are left out.
import sys
sys.path.insert(0, sys.path[0] + "/../lang")
_ROOT = __file__.rsplit("/", 2)[0]
def t(frame, event, arg):
    c = frame.f_code
    if not c.co_filename.startswith(_ROOT):
        return None
    x = arg[0].__name__ if event == "exception" else ""
    print(event, c.co_name, c.co_filename.split("/")[-1], frame.f_lineno, x)
    return t
def main():
    import importdemo.traced
    import importdemo.traced as again
    from importdemo.traced import square
    return square(4)
sys.settrace(t)
main()
sys.settrace(None)
