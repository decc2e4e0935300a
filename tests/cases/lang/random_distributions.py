# Checks random.triangular, expovariate and normalvariate give CPython's numbers for a seed (int and float arguments, mode, a zero-width range) and its errors
import random

random.seed(2024)
print([random.triangular() for _ in range(3)])
print(random.triangular(1, 5), random.triangular(1, 5, 2), random.triangular(10, 0, 7.5), random.triangular(3, 3, 3))
print(random.triangular(low=-1, high=1, mode=0), random.triangular(0, 1, 1), random.triangular(0, 1, 0))
print([random.expovariate(2) for _ in range(3)], random.expovariate(0.5), random.expovariate(-1))
print([random.normalvariate() for _ in range(3)], random.normalvariate(10, 2), random.normalvariate(mu=5), random.normalvariate(0, 0))

def t(f, *args, **kw):
    try:
        print("ok", f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)

t(random.expovariate)
t(random.expovariate, 0)
t(random.expovariate, "a")
t(random.triangular, "a", "b")
t(random.triangular, 0, 1, "m")
t(random.triangular, 1, 2, 3, 4)
t(random.triangular, 0, 1, 5)
t(random.normalvariate, "a")
t(random.normalvariate, 0, 1, 2)
t(random.normalvariate, sigma=[1])
