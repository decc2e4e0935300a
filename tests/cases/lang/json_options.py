# Checks json's submodule json.decoder and its imports, JSONDecodeError made by a program, lone surrogates, NaN keys, string indents and separators, obj and s by keyword, the digit limits, nesting a hundred levels deep, and the RecursionErrors of nesting too deep.
import json.decoder
from json.decoder import JSONDecodeError
from json import loads, dumps
import sys
print(JSONDecodeError is json.JSONDecodeError, 'json.decoder' in sys.modules)
print(dumps('\ud800x'), repr(loads(dumps('\udc00'))), dumps('\ud800', ensure_ascii=False) == '"\ud800"')
print(dumps({float('nan'): 1, 1.5: 2, -float('inf'): 3}))
print(dumps([[[]]] , indent=2, separators=(',', ':')))
print(dumps({'a': [1, {}]}, indent='--'))
for bad in [lambda: dumps(1, separators=(',',)), lambda: dumps(1, separators=(',', ':', ';')), lambda: dumps(1, separators=5),
            lambda: dumps({float('nan'): 1}, allow_nan=False), lambda: dumps(obj=[1]), lambda: loads(s='[2]'), lambda: dumps([1], obj=2),
            lambda: dumps(2 ** 20000), lambda: loads('1' * 5000), lambda: dumps({'b': 1, 'a': P()}, sort_keys=True, default=lambda o: 'P')]:
    try:
        print(repr(bad()))
    except Exception as e:
        print(type(e).__name__, e)
class P:
    pass
d = [1]
for i in range(100):
    d = [d]
print(len(dumps(d)), loads(dumps(d)) == d)
try:
    raise JSONDecodeError('boom', 'ab\ncd', 4)
except ValueError as e:
    print(e, e.lineno, e.colno)
deep = []
for i in range(3000):
    deep = [deep]
for kw in [{}, {'indent': 1}, {'sort_keys': True}]:
    try:
        dumps(deep, **kw)
    except RecursionError as e:
        print('RecursionError', e)
for doc in ['[' * 3000 + ']' * 3000, '{"a":' * 3000 + '1' + '}' * 3000]:
    try:
        loads(doc)
    except RecursionError as e:
        print('RecursionError', e)
