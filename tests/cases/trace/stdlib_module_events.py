# Checks setprofile/settrace events around random, string and operator calls, filtered to this file: C functions (random.random, getrandbits, operator's) report c_call/c_return, Python ones (random.seed/randint/choice/..., string.capwords) and getter objects do not, user dunders they run report their frames
import sys, random, string, operator

def prof(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    if event.startswith("c_"):
        print(event, arg.__name__, frame.f_code.co_name, frame.f_lineno)
    else:
        print(event, frame.f_code.co_name, frame.f_lineno)

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    print("trace", event, frame.f_code.co_name, frame.f_lineno)
    return tracer

class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return V(self.x + o.x)
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
    def m(self, k):
        return k + self.x

def work():
    random.seed(3)
    a = random.random()
    b = random.getrandbits(8)
    c = random.randint(1, 9)
    d = random.choice([1, 2, 3])
    xs = [1, 2, 3]
    random.shuffle(xs)
    e = random.sample(xs, 2)
    g = random.choices(xs, k=2)
    h = random.uniform(1, 2)
    i = random.gauss()
    j = random.randrange(5)
    k = random.choice(V(0))
    try:
        random.choice([])
    except IndexError:
        pass
    try:
        random.randint(1)
    except TypeError:
        pass
    w = string.capwords("ab cd")
    s = operator.add(1, 2)
    v = operator.add(V(1), V(2)).x
    t = operator.getitem(V(0), 4)
    u = operator.itemgetter(1)([5, 6])
    y = operator.attrgetter("x")(V(8))
    z = operator.methodcaller("m", 5)(V(1))
    n = sorted([(2, "b"), (1, "a")], key=operator.itemgetter(0))
    try:
        operator.truediv(1, 0)
    except ZeroDivisionError:
        pass
    return a, b, c, d, xs, e, g, h, i, j, k, w, s, v, t, u, y, z, n

sys.setprofile(prof)
r = work()
sys.setprofile(None)
print(r)
sys.settrace(tracer)
r = work()
sys.settrace(None)
print(r)
