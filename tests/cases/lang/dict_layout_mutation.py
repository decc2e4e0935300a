# Checks where a dict iterator meets keys deleted and re-added while it runs: CPython's entry layout (first insert sizes 8, growth used*3, no compaction on delete, presized displays, copy/merge/fromkeys/clear/popitem, str-only keys until the first other key).


def reinsert_same(d):
    seen = 0
    try:
        for k in d:
            seen += 1
            if seen > 40:
                break
            d[k] = d.pop(k)
    except RuntimeError as e:
        return str(e).split()[1]
    return seen


def replace_new(d):
    seen = 0
    try:
        for k in d:
            seen += 1
            if seen > 40:
                break
            del d[k]
            d[str(seen) + "x"] = 1
            if seen % 3 == 0:
                d[seen * 1000] = 2
                del d[seen * 1000]
    except RuntimeError as e:
        return str(e).split()[1]
    return seen


def grown(n):
    d = {}
    for i in range(n):
        d[K(i)] = i
    return d


def sparse(n):
    d = grown(n + 10)
    for i in range(10):
        del d[K(i)]
    return d


def popped(n):
    d = grown(n + 2)
    d.popitem()
    d.popitem()
    return d


def updated(n):
    d = {"a": 1}
    d.update(grown(n))
    return d


def cleared(n):
    d = grown(20)
    d.clear()
    for i in range(n):
        d[K(i)] = i
    return d


def mixed(n):
    d = {}
    for i in range(n):
        d["k" + str(i)] = i
    d[0] = 1
    return d


def display(n):
    if n == 2:
        return {K(0): 0, K(1): 1}
    if n == 7:
        return {K(0): 0, K(1): 1, K(2): 2, K(3): 3, K(4): 4, K(5): 5, K(6): 6}
    if n == 9:
        return {K(0): 0, K(1): 1, K(2): 2, K(3): 3, K(4): 4, K(5): 5, K(6): 6, K(7): 7, K(8): 8}
    return {"c0": 0, "c1": 1, "c2": 2, "c3": 3, "c4": 4, "c5": 5, "c6": 6}


makers = {
    "grown": grown,
    "comprehension": lambda n: {K(i): i for i in range(n)},
    "display": display,
    "copy": lambda n: grown(n).copy(),
    "sparse_copy": lambda n: sparse(n).copy(),
    "dict_of_dict": lambda n: dict(grown(n)),
    "star": lambda n: {**grown(n)},
    "or": lambda n: grown(n) | {},
    "fromkeys_list": lambda n: dict.fromkeys([K(i) for i in range(n)]),
    "fromkeys_set": lambda n: dict.fromkeys(set(range(n))),
    "fromkeys_dict": lambda n: dict.fromkeys(grown(n)),
    "popitem": popped,
    "update": updated,
    "clear": cleared,
    "mixed": mixed,
}
for mode in ["int", "str"]:
    K = (lambda i: i) if mode == "int" else (lambda i: "s" + str(i))
    for name, make in makers.items():
        sizes = [2, 7, 9, 10] if name == "display" else range(1, 24)
        print(mode, name, [reinsert_same(make(n)) for n in sizes])
        print(mode, name, [replace_new(make(n)) for n in sizes])
