# Checks str case methods, is* predicates, padding (ljust/rjust/center/zfill) and str.format basics.
for s in ["hello world", "HELLO", "mIxEd CaSe", "o'neil's 2nd-place", "", "123abc", "ß straße"]:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize())
preds = ["abc", "ABC", "Abc", "123", "12.5", "abc123", "   ", "", "\t\n", "Title Case", "a b", "½", "x_y"]
for s in preds:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isspace(), s.isupper(), s.islower(),
          s.istitle(), s.isnumeric(), s.isdecimal(), s.isidentifier())
for w in [5, 8, 2]:
    print("[" + "abc".ljust(w) + "]", "[" + "abc".rjust(w) + "]", "[" + "abc".center(w) + "]",
          "[" + "abc".ljust(w, "*") + "]", "[" + "ab".center(w, "-") + "]", "[" + "abc".center(w + 1, ".") + "]")
for n in ["42", "-42", "+7", "", "abc", "12345678"]:
    print(repr(n), n.zfill(6), n.zfill(1))
try:
    "x".ljust(5, "ab")
except TypeError as e:
    print("TypeError", e)
print("{} and {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name}-{n}".format(name="k", n=3))
print("{:>6}|{:<6}|{:^6}|{:*^7}".format("r", "l", "c", "s"), "{:05d} {:.3f} {:x}".format(42, 3.14159, 255))
print("{0[1]} {1[k]}".format([7, 8], {"k": "v"}), "{{literal}} {}".format(1), "{!r} {!s}".format("q", "q"))
table = [("apple", 3, 1.25), ("kiwi", 12, 0.5), ("watermelon", 1, 3.999)]
for name, qty, price in table:
    print("{:<12}{:>4}{:>8.2f}".format(name, qty, price * qty))
