import re
for n in [100, 490, 500, 1000, 100000]:
    try:
        re.compile('('*n + ')'*n); print(n, 'ok')
    except RecursionError as e: print(n, 'RecursionError', e)
    except Exception as e: print(n, type(e).__name__, e)
print(re.match('((a)(b(c)))+', 'abcabc').groups())
print(re.match('(?:'*300 + 'x' + ')*'*300, 'xx'))
def f(k):
    if k == 0:
        return re.compile('('*200 + ')'*200).groups
    return f(k - 1)
for k in [100, 500, 700]:
    try: print(k, f(k))
    except RecursionError as e: print(k, 'RecursionError')
