# Checks the main module's __file__ (an absolute path ending in the script name) and str.isprintable for ASCII, Latin-1 and common separators/format characters.
import sys
print(__file__.endswith('file_and_isprintable.py'), __file__.startswith('/'), '__file__' in globals())
for s in ['', 'abc', 'a\tb', 'a\nb', 'naïve ½', '\x7f', '\xa0', '\xad', 'x\u200by', '\u2028', '\u3000', ' ', '~', '€', '\ufeff', '\U0001F600']:
    print(repr(s), s.isprintable())
print(sum(chr(c).isprintable() for c in range(0x300)))
