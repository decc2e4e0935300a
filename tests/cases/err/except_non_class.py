# Checks except clauses naming a non-exception (in a tuple, nested tuple, no match) raise TypeError before any match, as CPython's CHECK_EXC_MATCH
def t(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
def a():
    try:
        raise ValueError
    except (KeyError, 1):
        print("caught")
def b():
    try:
        raise ValueError
    except 1:
        print("caught")
def c():
    try:
        raise ValueError
    except (ValueError, 1):
        print("caught c")
def d():
    try:
        raise ValueError
    except (1, ValueError):
        print("caught d")
def e():
    try:
        pass
    except 1:
        print("x")
    print("no raise ok")
def g():
    try:
        raise ValueError
    except (KeyError, (1, 2)):
        print("caught")
def h():
    try:
        raise ValueError
    except int:
        print("caught")
def i():
    try:
        raise ValueError
    except (ValueError, int):
        print("caught i")
def j():
    try:
        raise ValueError
    except ((KeyError, int),):
        print("caught")
def k():
    try:
        raise ValueError
    except "x":
        print("caught")
def l():
    try:
        raise ValueError
    except KeyError:
        pass
    except 3:
        pass
for f in [a,b,c,d,e,g,h,i,j,k,l]:
    t(f)
