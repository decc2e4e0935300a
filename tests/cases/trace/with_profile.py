# setprofile events of with statements: __enter__ and __exit__ calls, a suppressed exception, a built-in called in __exit__.
import sys
def p(frame, event, arg):
    name = getattr(arg, "__name__", "") if event.startswith("c_") else ""
    print(event, frame.f_code.co_name, frame.f_lineno, name)

class CM:
    def __init__(self, suppress):
        self.suppress = suppress
    def __enter__(self):
        return len([1, 2])
    def __exit__(self, t, v, tb):
        isinstance(v, ValueError)
        return self.suppress

def main():
    with CM(False) as n:
        abs(-n)
    with CM(True):
        raise ValueError("v")
    try:
        with CM(False):
            raise KeyError("k")
    except KeyError:
        pass

sys.setprofile(p)
main()
sys.setprofile(None)
