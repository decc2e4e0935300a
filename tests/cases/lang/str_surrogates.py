# Checks lone surrogates in str: escapes, chr/ord, repr, len, slicing, ordering, surrogateescape output
s = '\udc80'
t = chr(0xd800) + 'a' + '\U0001f600'
print(repr(s), len(s), ord(s), ascii(t), len(t), [hex(ord(c)) for c in t])
print(t == '\ud800a\U0001f600', t[0] == '\ud800', repr(t[1:]), repr(t[::-1]), t.find('a'))
print(sorted(['\ue000', '\ud800', 'z', '\U00010000', '\udfff', '\uffff']) == ['z', '\ud800', '\udfff', '\ue000', '\uffff', '\U00010000'])
print(s < '\ue000', s > '\ud7ff', max('\ud800', '\uffff') == '\uffff', min(['\udc00', '\U00010000']) == '\udc00')
print(repr(chr(0x10ffff)), repr(chr(0xfffff)), ord(chr(0x10ffff)))
d = {'\udc80': 1, '\udc81': 2}
print(repr(list(d)), '\udc80' in d, repr('\udc80'.join(['a', 'b']).split('\udc80')))
print(repr(f'{s}x{t!r}'), repr(s * 3), repr(str(s)), s.isprintable(), s.upper() == s)
print('\udc80\udcff', 'ok')
try:
    print('before', '\ud800x')
except UnicodeEncodeError as e:
    print('error:', e)
try:
    print('\ud800\udfff')
except UnicodeError as e:
    print('error:', e)
