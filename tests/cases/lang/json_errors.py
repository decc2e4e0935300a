# Checks json's errors: JSONDecodeError (a ValueError, its message, pos, lineno, colno) for malformed documents, TypeError for what cannot be serialized or bad arguments, ValueError for circular references and out-of-range floats; an uncaught JSONDecodeError ends the program.
import json
class P:
    pass
docs = ['', ' ', 'x', 'nul', 'tru', '[', '[1', '[1,', '[1,]', '[1 2]', '{', '{"a"', '{"a":', '{"a" 1}', '{"a":1,}', '{"a":1 "b":2}', '{1: 2}', "{'a': 1}",
        '"abc', '"a\\', '"\\x"', '"\\u12"', '"\\u12g4"', '"\\u"', '"\\ud83d\\u12"', '"a\nb"', '"\x01"', '1 2', '[1] x', '01', '1.', '.5', '-', '-a', '1e', '1e+', '+1',
        '\n\n  [1,\n  x]', '[1,\n\n 2,,]', 'nan', 'inf', '-Inf', '\ufeff1', '[]]', '{"a": [1, {"b": }]}', 'truex', 'NaNa', '"\\ud800"', '"\\udc00x"', '"\\ud83dx"']
for d in docs:
    try:
        v = json.loads(d)
        print(repr(d), 'ok', repr(v))
    except json.JSONDecodeError as e:
        print(repr(d), type(e).__name__, isinstance(e, ValueError), e, '|', e.msg, e.pos, e.lineno, e.colno, e.doc == d, e.args)
for bad in [lambda: json.loads(1), lambda: json.loads(None), lambda: json.loads(), lambda: json.loads('1', 2),
            lambda: json.dumps(), lambda: json.dumps(1, 2), lambda: json.dumps({1, 2}), lambda: json.dumps(object()), lambda: json.dumps([1, len, 2]),
            lambda: json.dumps({(1, 2): 3}), lambda: json.dumps({'a': 1, 2: 3, None: 4}, sort_keys=True), lambda: json.dumps(float('nan'), allow_nan=False),
            lambda: json.dumps([float('inf')], allow_nan=False), lambda: json.dumps(1, foo=2), lambda: json.dumps([1], indent=1.5),
            lambda: json.dumps({'a': {1, 2}}, default=lambda o: o), lambda: json.dumps(slice(1)), lambda: json.dumps(range(3)), lambda: json.dumps(P())]:
    try:
        print(repr(bad()))
    except Exception as e:
        print(type(e).__name__, e)
l = [1]; l.append(l)
d = {}; d['self'] = d
for v in [l, d, [d]]:
    try:
        json.dumps(v)
    except ValueError as e:
        print('ValueError', e)
try:
    json.dumps([P()], default=lambda o: [o])
except ValueError as e:
    print('ValueError', e)
print(issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError.__name__, json.JSONDecodeError.__module__, json.decoder.JSONDecodeError is json.JSONDecodeError)
try:
    json.loads('[' * 100000)
except RecursionError as e:
    print('RecursionError')
try:
    json.loads('{"a": [1, 2' )
except ValueError as e:
    print(repr(e))
json.loads('\n[1,\n 2\n  3]')
