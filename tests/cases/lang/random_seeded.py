# Checks random is CPython's Mersenne Twister: int/float/str seeds, random, getrandbits, randrange/randint (rejection sampling, big ranges), choice, shuffle, uniform, sample, choices, gauss give CPython's numbers
import random

for s in [0, 1, 42, 2**32, 2**100 + 7, -5, True, 1.5, -2.25, "hello", "", "h\u00e9llo w\u00f6rld \u4e16\u754c"]:
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(5), random.getrandbits(32),
          random.getrandbits(40), random.getrandbits(64), random.getrandbits(100), random.getrandbits(0))
random.seed("abc", version=1)
print("v1", random.random())
random.seed(a=9, version=2)
print("kw", random.random())
# Unseeded and None seeds vary: only their shape is printed.
random.seed()
print(0.0 <= random.random() < 1.0)
random.seed(None)
print(0 <= random.randint(1, 6) - 1 < 6)

random.seed(7)
print([random.randint(1, 6) for _ in range(20)])
print([random.randrange(10) for _ in range(10)])
print([random.randrange(3, 4) for _ in range(3)])
print([random.randrange(-5, 50, 7) for _ in range(10)])
print([random.randrange(50, -5, -3) for _ in range(10)])
print(random.randrange(10**30), random.randrange(-10**20, 10**20))
print(random.randint(2**63 - 5, 2**63 + 5), random.randrange(2**64), random.randrange(-2**63, 2**63))
print(random.randrange(0, 10**25, 10**20), random.randrange(True, 10, True))
# A power of two has one bit more than its predecessor: many rejections.
print([random.randrange(2**31 + 1) for _ in range(5)])
print(random.randrange(start=3, stop=30, step=3), random.randint(b=5, a=1))

xs = list(range(20))
random.shuffle(xs)
print(xs)
ws = ["a", "b", "c"]
random.shuffle(ws)
print(ws)
print(random.choice("abcdef"), random.choice([1, 2, 3]), random.choice(range(100)), random.choice((5, 6)))
print(random.choice({0: "zero", 1: "one"}))
print(random.uniform(1, 10), random.uniform(5, 2), random.uniform(1.5, 2), random.uniform(-1, 1))
print(random.sample(range(100), 10), random.sample("abcdefgh", 3), random.sample([1, 2, 3, 4, 5], 5))
print(random.sample(range(10000), 30))
print(random.sample((1, 2, 3), 0), random.sample(range(10**9), 3))
print(random.sample(["a", "b"], counts=[3, 2], k=4))
print(random.sample(["x", "y", "z"], 5, counts=[2, 0, 4]))
print(random.choices("abc", k=5), random.choices([1, 2, 3], [1, 0, 5], k=6))
print(random.choices([1, 2, 3], cum_weights=[1, 1, 3], k=4), random.choices([1, 2, 3], [0.5, 0.25, 2.5]))
print(random.choices("xy", k=0), random.choices("xy", k=-3), random.choices(range(10**6), k=3))
print([random.gauss(0, 1) for _ in range(3)], random.gauss(), random.gauss(10, 2), random.gauss(mu=1))
random.seed(3)
g = random.gauss()
random.seed(3)
print(random.gauss() == g)

# A user sequence: its dunders run.
class Deck:
    def __init__(self):
        self.cards = list("AKQJ")
    def __len__(self):
        print("len")
        return len(self.cards)
    def __getitem__(self, i):
        print("get", i)
        return self.cards[i]
    def __setitem__(self, i, v):
        print("set", i, v)
        self.cards[i] = v

random.seed(11)
d = Deck()
print(random.choice(d))
random.shuffle(d)
print(d.cards)

from random import randint, random as rnd
random.seed(5)
print(randint(0, 100), rnd())
