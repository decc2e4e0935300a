# settrace and setprofile around dataclasses: the generated __init__/__repr__/__eq__/__lt__/__hash__/__setattr__ run as <string> frames laid out as CPython's, user __post_init__ and default factories report their frames
import sys
from dataclasses import dataclass, field, FrozenInstanceError

def tracer(frame, event, arg):
    f = frame.f_code.co_filename
    if f != __file__ and f != '<string>':
        return None
    name = f if f == __file__ else 'S'
    print(event, name == 'S', frame.f_code.co_name, frame.f_lineno, arg if event == 'return' and isinstance(arg, (int, str, bool)) else '')
    return tracer

def prof(frame, event, arg):
    f = frame.f_code.co_filename
    if f != __file__ and f != '<string>':
        return
    print('P', event, frame.f_code.co_name, getattr(arg, '__name__', '') if event.startswith('c_') else '')

def make():
    return [1]

def work():
    @dataclass(order=True)
    class P:
        x: int
        y: int = 2
        zs: list = field(default_factory=make, compare=False)
        def __post_init__(self):
            self.x += 1
    p = P(1)
    q = P(1, 3)
    r = repr(p)
    e = p == q
    l = p < q
    @dataclass(frozen=True)
    class F:
        a: int
    f = F(1)
    h = hash(f)
    try:
        f.a = 2
    except FrozenInstanceError:
        pass
    return r, e, l, h

sys.settrace(tracer)
print(work())
sys.settrace(None)
sys.setprofile(prof)
work()
sys.setprofile(None)
