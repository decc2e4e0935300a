# Checks string literals: quote styles, escapes, raw strings, triple quotes, adjacent concatenation, repr choices of quotes.
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print("tab\there", "new\nline", "back\\slash", "bell\a".replace("\a", "<BEL>"), "nul\0end".replace("\0", "<NUL>"))
print("\x41\x62\u00e9\u4e2d\u03b1", "\101\142", "\u20ac")
print(r"raw\n\t\\", r'C:\path\to', R"\d+\s*", len(r"\n"), len("\n"))
s = """line one
    line two (indented)
line three\
 continued"""
print(s)
print(len(s), s.count("\n"))
print("adjacent" " strings" ' join', ("across "
      "lines"))
for v in ["plain", "it's", 'say "x"', "both ' and \"", "tab\t", "nl\n", "\\", "\x00\x1f\x7f", "é中", ""]:
    print(repr(v), len(v))
print(repr('\r\n'), repr("\u200b"), repr("\xff"), repr("\U0001F600"))
print("abc"[0], "abc"[-1], "abcdef"[1:4], "abcdef"[::2], "abcdef"[::-1], "abc"[5:], "abc"[-10:2])
print("x" * 3, "ab" + "cd", "a" < "b", "é" > "e", ord("é"), chr(233), chr(0x4e2d))
print(str(), str(None), str([1, "a"]), str((1,)), str({"k": 'v'}), repr([1, 'it\'s']))
t = 'He said "it\'s fine"'
print(t, repr(t))
print("""a 'b' "c" d""", repr("""a 'b' "c" d"""))
u = "ünïcödé ßtring"
print(u.upper(), u.lower(), len(u), u[::-1])
