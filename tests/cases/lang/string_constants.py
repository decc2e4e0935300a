# Checks the string module's constants and capwords (its split/join order, separators, errors) as CPython gives them
import string
from string import capwords

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits",
             "octdigits", "punctuation", "printable", "whitespace"]:
    v = getattr(string, name)
    print(name, repr(v), len(v))
print(all(c in string.printable for c in string.whitespace), "".join(sorted(set(string.hexdigits.lower()))))
print(capwords("hello   world  foo"), capwords(" leading and trailing "), capwords(""))
print(capwords("hello-world-foo", "-"), capwords("a--b", "-"), capwords("x y", None))
print(capwords("ÉCOLE élève ß ǆemal"), capwords("mIxEd CaSe wOrDs"), capwords("tab\tsep\nline"))
print(capwords(s="ab cd", sep=None), capwords("ab.cd", sep="."))

class S:
    def split(self, sep):
        print("split", sep)
        return ["one", "two"]

print(capwords(S()))

def t(f, *args, **kw):
    try:
        print("ok", repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, e)

t(capwords)
t(capwords, 5)
t(capwords, "a b", 5)
t(capwords, "a b", "")
t(capwords, "ab", x=1)
t(capwords, "ab", " ", 3)
t(capwords, "ab", s="x")

class Bad:
    def split(self, sep):
        return [1, 2]

t(capwords, Bad())
capwords(None)
