# Checks \N{...} escapes (names, aliases, any case) and NFKC normalization of identifiers
print('\N{GREEK SMALL LETTER ALPHA}', '\N{greek small letter beta}', '\N{LATIN CAPITAL LETTER GHA}',
      '\N{LF}' == '\n', '\N{EM DASH}', '\N{CJK UNIFIED IDEOGRAPH-4E00}', '\N{HANGUL SYLLABLE GA}',
      repr('\N{byte order mark}\N{nbsp}'), f'{1}\N{DIGIT TWO}', len('\N{SNOWMAN}'))
ﬁx = 1
print(fix)
ℌ = 2
print(H, globals()['H'])
def ｆ(ａ=3):
    return a
print(f(), 'ﬁx' in globals(), 'fix' in globals())
class Ｃ:
    ｘ = 5
print(C.x, Ｃ.ｘ)
