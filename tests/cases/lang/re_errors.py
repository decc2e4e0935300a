import re
bad = ['(', ')', 'a)', '(?P<1a>x)', 'a{2,1}', '*', 'a**', '+a', '[a', '[z-a]', r'\q', '(?i', '(?z)',
       '(?P<a>x)(?P<a>y)', '(?P=b)', r'\1', r'(a)\2', 'x(?i)', '(?#abc', r'\x1', r'[\d-z]',
       '(?<x)', '(?P', '\\', '(?-', '(?i-', '(?u-a:x)', '(?-i)', 'a\n(b', '(?P<>x)', '(?P<a',
       r'\u12', r'\N{NO SUCH NAME}', '[]', '[^]', '(?', '(?Px)', 'a{1,2', r'\400', '(?<', '(?ia)',
       '(?L)', '(?au)', '(?-u:x)', '{', 'a{,}', 'x{3}{2}', '^*', r'\b*', '(?i-i:a)', '(?P=)', '[a-\\d]']
for p in bad:
    try:
        r = re.compile(p)
        print(repr(p), 'ok', r)
    except re.error as e:
        print(repr(p), '->', e, '|', e.msg, e.pos, e.lineno, e.colno, e.pattern == p)
    except Exception as e:
        print(repr(p), '=>', type(e).__name__, e)
try:
    re.compile('a', re.L)
except ValueError as e: print('ValueError', e)
try:
    re.compile('a', re.A | re.U)
except ValueError as e: print('ValueError', e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e: print('ValueError', e)
for call in [lambda: re.compile(3), lambda: re.search('a', 1), lambda: re.compile('a').match(),
             lambda: re.compile('a').match('a', 1, 2, 3), lambda: re.compile('a').match('a', x=1),
             lambda: re.compile('a').sub('a'), lambda: re.compile('a').match('a', pos='1'),
             lambda: re.sub('a', lambda m: 1, 'aa'), lambda: re.sub('(a)', r'\2', 'a'),
             lambda: re.sub('(a)', r'\g<x>', 'a'), lambda: re.sub('(a)', r'\g<1', 'a'),
             lambda: re.sub('(a)', r'\g', 'a'), lambda: re.sub('a', '\\', 'a'), lambda: re.sub('a', r'\q', 'a'),
             lambda: re.sub('a', r'\g<-1>', 'a'), lambda: re.sub('a', r'\g<>', 'a'),
             lambda: re.match('(a)', 'a').group(2), lambda: re.match('(a)', 'a').group('x'),
             lambda: re.match('(a)', 'a').start(5), lambda: re.match('(a)', 'a')[1.5],
             lambda: re.match('(a)', 'a').expand(r'\3'), lambda: re.escape(1), lambda: re.sub('a', 1, 'a'),
             lambda: re.match('a', 'a', flags='x'), lambda: re.search('a', 'a', pos=1),
             lambda: re.split('a', 'bab', 'x'), lambda: re.compile('a').findall('a', 0, 1, 2),
             lambda: re.findall(), lambda: re.sub('a', 'b'), lambda: re.match('a', 'a').groups(1, 2)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
print(re.error.__name__, issubclass(re.error, Exception))
try:
    raise re.error('boom', 'ab\ncd', 4)
except re.error as e:
    print(e, e.msg, e.pos, e.lineno, e.colno)
try:
    raise re.error('plain')
except re.error as e:
    print(e, e.pattern, e.pos, e.lineno)
re.compile('(')
