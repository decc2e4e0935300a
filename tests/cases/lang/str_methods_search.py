# Checks str find/rfind/index/count/replace/startswith/endswith/partition with ranges, negatives and not-found cases.
s = "abracadabra"
for sub in ["a", "bra", "cad", "x", "", "abracadabra!"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), sub in s, s.startswith(sub), s.endswith(sub))
print(s.find("a", 1), s.find("a", 1, 3), s.find("a", -4), s.rfind("a", 0, 5), s.count("a", 2, -2))
print(s.index("c"), s.rfind("a"), s.index("bra", 2))
for sub in ["z", "bra"]:
    try:
        print(s.index(sub, 9))
    except ValueError as e:
        print("ValueError", e)
print(s.replace("a", "A"), s.replace("a", "A", 2), s.replace("bra", ""), s.replace("", "-"), s.replace("x", "y"))
print("aaa".replace("a", "aa"), "hello".replace("l", "L", 0), "".replace("", "x"))
print(s.startswith(("x", "ab")), s.endswith(("ra", "zz")), s.startswith("bra", 1), s.endswith("cad", 0, 7))
print("key=value=x".partition("="), "novalue".partition("="), "a.b.c".rpartition("."), "abc".rpartition("x"))
try:
    "x".partition("")
except ValueError as e:
    print("ValueError", e)
path = "/usr/local/lib/python3.11/site.py"
print(path.rpartition("/")[2], path.split("/")[-1], path[path.rfind("/") + 1:], path.count("/"))
try:
    s.find(1)
except TypeError as e:
    print("TypeError", e)
