# Checks call/line/return/exception events of a user __hash__/__eq__ run by dict and set lookups (and a tuple's hash), with a setprofile c_call view too.
import sys
class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        if isinstance(o, K):
            return self.v == o.v
        if o == 99:
            raise ValueError("no")
        return self.v == o
def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name in ("tracer", "profiler"):
        return None
    print("%-9s %-10s line %d %s" % (event, name, frame.f_lineno, "" if arg is None or event == "call" else type(arg).__name__))
    return tracer
def profiler(frame, event, arg):
    if event.startswith("c_"):
        print("profile", event, arg.__name__)
    elif frame.f_code.co_name in ("__eq__", "__hash__"):
        print("profile", event, frame.f_code.co_name)
def main():
    d = {K(1): "one", 2: "two"}
    print(d[K(1)], d.get(2), K(2) in d)
    s = {K(3)}
    s.add(3)
    print(len(s), (K(4), 5) in {(4, 5)})
    try:
        d2 = {K(99): 0}
        print(99 in d2)
    except ValueError as e:
        print("caught", e)
sys.settrace(tracer)
main()
sys.settrace(None)
sys.setprofile(profiler)
main()
sys.setprofile(None)
