# Checks str predicates per the Unicode database and repr/isprintable of unassigned and format characters
chars = ['a', 'ʰ', 'ª', '①', '²', '½', '一', '٣', 'Ⅷ', '〇', '\u2028', '\x1c', '\x85', '\xa0', '\u200b',
         '\ufeff', '\u0378', '\ud7ff', '\ue000', 'あ', '\u0301', '℘', '⁰', '𝟘', '🎉', '\U000e0001',
         '\u00ad', '\u3000', '\u1680', '\u180e', '\x7f', '\u061c', 'ꙮ', '\U0001f1e6', '౦', '\u0e50']
for c in chars:
    print(repr(c), ascii(c), c.isalpha(), c.isdigit(), c.isdecimal(), c.isnumeric(), c.isalnum(),
          c.isspace(), c.isprintable(), ('x' + c).isidentifier(), (c + 'x').isidentifier())
print('αβγ'.isidentifier(), '℘x'.isidentifier(), 'x·'.isidentifier(), '·x'.isidentifier(), '_٣'.isidentifier())
print(' \u3000x\u2003y\x1c'.split(), 'a\u2028b\x1cc\x85d'.splitlines(), '\u3000 x \xa0'.strip())
print(int('١٢٣'), int(' \u2003٤٢\u3000'), int('𝟗') + 1, float('١.٥'), float('𝟙𝟚e1'), int('꧑꧐', 16))
for bad in ['²', '½', '١٢٣x', '一']:
    try:
        int(bad)
    except ValueError as e:
        print(e)
# Assigned after Unicode 14.0 (CPython 3.11's database): unassigned to it
print(repr('\U0001fae8'), '\U0001fae8'.isprintable(), ascii('\U0001fae8'), '\U0001fbf0'.isdigit())
