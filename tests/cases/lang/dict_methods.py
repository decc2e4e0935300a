# Checks dicts: insertion order, every method (get, items, keys, values, pop, setdefault, update, copy, clear, fromkeys), views, KeyError.
d = {"b": 2, "a": 1}
d["c"] = 3
d["b"] = 20
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), d["c"], "a" in d, "z" not in d, 20 in d.values())
print(d.pop("a"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
try:
    print(d["missing"])
except KeyError as e:
    print("KeyError", e, repr(e))
try:
    print({1: 2}[(1, 2)])
except KeyError as e:
    print("KeyError", e)
print(d.setdefault("b", 0), d.setdefault("new", []), d)
d["new"].append(5)
print(d)
d.update({"x": 1, "b": 200})
d.update([("y", 2)])
d.update(z=3)
print(d)
e = d.copy()
e["b"] = -1
print(d["b"], e["b"], e is d, e == d)
del e["x"]
print(e, dict.fromkeys("abc"), dict.fromkeys([1, 2], 0))
e.clear()
print(e, len(e), bool(e))
try:
    del e["nothing"]
except KeyError as e2:
    print("KeyError", e2)
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
keys = d.keys()
d["late"] = 0
print(len(keys), "late" in keys)
print(dict(a=1, b=2), dict([(1, "one"), (2, "two")]), dict(zip("xy", [9, 8])), dict({"k": 1}, m=2))
inv = {v: k for k, v in {"one": 1, "two": 2}.items()}
print(inv, {1: "a", True: "b"}, {1.0: "x", 1: "y"}, {None: 0, (): 1, 2.5: 2})
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError", e)
del d["b"]
d["b"] = "re-added"
print(list(d))
for k, v in d.items():
    print(k, "->", v)
print(d == {k: v for k, v in d.items()}, {1: 2} == {1: 2.0}, {} == dict())
