import re

# sub with callables, templates and counts
def up(m):
    return m.group(1).upper() + m.group(2)
print(re.sub(r'(\w)(\w*)', up, 'hello big world'))
p = re.compile(r'(?P<d>\d+)')
print(p.sub(lambda m: '<%s>' % m['d'], 'a1b22', count=1), p.subn(r'[\g<d>]', 'x9y88z'))
print(p.sub(r'\g<0>\g<0>', '7-8'), p.sub('', '1a2b3'), p.sub(r'\\', '1'))
print(re.sub(r'\b', '|', 'ab cd'), re.sub(r'\B', '.', 'abc de'))
print(re.sub('a|(b)', r'[\1]', 'ab'), re.sub(r'(?:(a)|b)', r'<\1>', 'ab'))
print(re.sub(r'(\d)', r'\g<1>0', '12'), re.sub(r'(\d)', r'\10', '12') if False else '')
print(re.sub('', 'x', ''), re.sub('$', '!', 'end'), re.sub('^', '>', 'start'))
print(re.subn(r'\s', '', ' a b c ', count=2), re.subn('z', 'y', 'abc'))
# split corner cases
print(re.split(r'(\s)(x)?', 'a b xc'), re.split('[,;]', 'a,b;c', 1), re.split(',', ''), re.split('(,)', ','))
print(re.split(r'\b', 'ab, cd'), re.split(r'(?m)$', 'a\nb'))
# findall with groups
print(re.findall(r'(\d)(\w)?', '1a2'), re.findall(r'((a)b)', 'abab'), re.findall(r'(?:a(b))', 'abab'))
# finditer objects
for m in re.finditer(r'(?P<word>\w+)', 'één twee'):
    print(m, m.span('word'), m.groupdict(), m.lastgroup)
it = re.compile('a').finditer('banana', 2)
print(next(it).span(), [m.start() for m in it])
# match object details
m = re.search(r'(?P<a>x)(?P<b>y)?', 'zxw')
print(m.group('a', 'b'), m.groups('?'), m.groupdict('?'), m.span('b'), m.start('b'), m.end(1))
print(m.regs, m.lastindex, m.lastgroup, m.pos, m.endpos, m.re.pattern, m.re.groups)
print(repr(m), str(m) == repr(m), m.expand(r'\g<a>-\g<b>-'), type(m).__name__, isinstance(m, re.Match))
print(isinstance(re.compile('a'), re.Pattern), type(re.compile('a')).__name__)
for bad in [lambda: m[[1]], lambda: m[{}], lambda: m[1.5], lambda: m[-1], lambda: m.group(3)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
# long reprs
print(re.match('a+', 'a' * 100))
print(re.compile('b' * 250))
print(re.match("'", "'"), re.match('"', '"'), re.match('\n', '\n'))
# flags values
print(re.compile('a').flags, re.compile('(?i)a').flags, re.compile('(?ms)a').flags, re.compile('a', re.X | re.A).flags)
print(re.I | 0, 0 | re.I, re.I | re.I, ~re.I & re.M, type(re.I | re.M).__name__, re.I.__class__.__name__)
print(re.RegexFlag.__name__, isinstance(re.I, int), sorted([re.M, re.I]))
# pos/endpos
p = re.compile(r'\d')
print(p.search('a1b2', 2), p.match('a1b2', 1), p.fullmatch('a1b2', 1, 2), p.search('123', endpos=0))
print(p.findall('1234', 1, 3), p.split('a1b2c'), p.split('a1b2c', maxsplit=1))
print(re.compile(r'\w+$').search('ab cd', 0, 3), re.compile(r'^\w').search('ab', 1))
# matches of an iteration keep the pos they were asked with
print([m.pos for m in re.finditer('a', 'aaa')], [m.pos for m in re.compile('a').finditer('aaaa', 1)], [(m.pos, m.endpos) for m in re.compile('a').finditer('aaaa', 1, 3)])
sc = re.compile('a').scanner('aaa', 1); m = sc.search(); print(m.pos, sc.search().pos, sc.search(), sc.search())
sc = re.compile('a').scanner('aab'); print(sc.match(), sc.match(), sc.match(), sc.match())
# An unknown group name in a template is raised from None while handling a KeyError.
try:
    re.sub('(a)', r'\g<x>', 'a')
except IndexError as e:
    print(repr(e.__context__), e.__suppress_context__, e.__cause__)
