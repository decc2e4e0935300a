# Checks str split/rsplit (with sep and maxsplit), splitlines, join, and the strip family with and without arguments.
samples = ["a b  c", "  lead and trail  ", "a,b,,c,", ",", "", "one", "x\ty\nz  w", "1::2::3"]
for s in samples:
    print(repr(s), s.split(), s.split(","), s.split(" "), s.split(None, 1), s.rsplit(None, 1))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a,b,c,d".split(",", 0), "a,b,c,d".rsplit(",", -1))
print("1::2::3".split("::"), "1::2::3".rsplit("::", 1), "aaaa".split("aa"), "abcab".split("ab"))
try:
    "x".split("")
except ValueError as e:
    print("ValueError", e)
text = "first\nsecond\r\nthird\rfourth\n\nlast"
print(text.splitlines(), text.splitlines(True), "".splitlines(), "x\n".splitlines(), "\n".split("\n"))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), " ".join(str(i) for i in range(5)))
print("::".join(("k", "v")), "\n".join(["l1", "l2"]), "ab".join("123"))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError", e)
for s in ["  pad  ", "\t\n x \r\n", "xxhixx", "", "   "]:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x")), repr(s.strip(" x")))
print("www.example.com".strip("cmowz."), "<<a>>".lstrip("<"), "<<a>>".rstrip(">"), "abc".strip(""))
words = "the quick brown fox jumps over the lazy dog".split()
print(words, len(words), sorted(words), "-".join(w.capitalize() for w in words))
csv = "name,age\nann,31\nbob,27\n"
rows = [line.split(",") for line in csv.strip().splitlines()]
print(rows, {r[0]: int(r[1]) for r in rows[1:]})
