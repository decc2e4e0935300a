# Checks json.dumps formatting (indent, sort_keys, separators, ensure_ascii, default, skipkeys, floats, big ints) and json.loads of the basic types (constants, numbers, escapes, surrogate pairs, whitespace), round trips included.
import json
vals = [None, True, False, 0, -7, 2**70, -2**64, 1.5, 0.1, 1e16, 1e-7, 123456789.0, -0.0, float('inf'), float('-inf'), float('nan'),
        '', 'abc', 'quote " back \\ slash /', '\n\t\r\b\f\x00\x1f\x7f', 'é ü ß', '中文', '😀 x', '\u2028\u2029', [], {}, (), [1, [2, [3, []]]], (1, 'a'),
        {'a': 1, 'b': [1, 2], 'c': {'d': None}}, {1: 'int', 2.5: 'float', True: 't', None: 'n', False: 'f'}]
for v in vals:
    print(json.dumps(v), json.dumps(v, ensure_ascii=False))
d = {'b': [1, 2, {'z': 1, 'a': []}], 'a': {}, 'c': 'x', 'e': [[]]}
print(json.dumps(d, indent=2))
print(json.dumps(d, indent=0))
print(json.dumps(d, indent='\t', sort_keys=True))
print(json.dumps(d, indent=-1))
print(json.dumps(d, indent=True))
print(json.dumps(d, separators=(',', ':')))
print(json.dumps(d, indent=2, separators=(', ', ' = ')))
print(json.dumps(d, sort_keys=True))
print(json.dumps([1, 2], indent=None, separators=[';', '|']))
print(json.dumps({3: 1, 1: 2, 2: 3}, sort_keys=True))
print(json.dumps({'x': {1, 2}.__class__}, default=lambda o: o.__name__))
class P:
    def __init__(self, x):
        self.x = x
print(json.dumps([P(1), P(2)], default=lambda o: {'P': o.x}))
print(json.dumps({'a': P(3)}, default=lambda o: [o.x, P(o.x - 1)] if o.x > 1 else o.x, indent=1))
print(json.dumps({(1, 2): 3}, skipkeys=True), json.dumps({'a': 1, P(1): 2, 'b': 3}, skipkeys=True))
print(json.dumps(float('nan'), allow_nan=True), json.dumps('x', sort_keys=True, indent=4))
print(json.dumps(1e300 * 10), json.dumps([0.5, 1/3, 2.0**60, 1e22, 1e21, 5e-324]))
for s in ['null', 'true', 'false', ' 1 ', '-0', '-0.0', '1.5', '1e3', '1E-2', '-12.5e+1', '123456789012345678901234567890', '-99999999999999999999',
          '"abc"', '"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t"', '"\\u00e9\\u4e2d"', '"\\ud83d\\ude00"', '"\\uD83D\\uDE00"', '"é😀"',
          '[]', '[1, 2, [3, {}]]', '{}', '{"a": 1, "b": [true, false, null], "c": {"d": 1.0}}', '{"a": 1, "a": 2, "b": 3}',
          'NaN', 'Infinity', '-Infinity', '[NaN, -Infinity]', '\t\n\r [ 1 ,\n 2 ] \n', '1e400', '-1e400', '0.1', '1.7976931348623157e308', '5e-324', '1e-400']:
    v = json.loads(s)
    print(repr(s), '->', repr(v), type(v).__name__)
print(type(json.loads('1' * 40)).__name__, json.loads('1' * 40))
for v in [{'k': [1, 2.5, 'x', None, True]}, ['é', {'n': -3}], 'a\u0000b']:
    print(json.loads(json.dumps(v)) == v, json.loads(json.dumps(v, indent=3, ensure_ascii=False)) == v)
print(json.dumps({'x': 1}, indent=2, sort_keys=True) == json.dumps({'x': 1}, sort_keys=True, indent=2))
print(json.loads('{"": ""}'), json.loads('[[[[[]]]]]'), json.loads('"\\u0000"') == '\x00')
