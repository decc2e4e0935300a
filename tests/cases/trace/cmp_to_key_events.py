# functools.cmp_to_key: sorting, min/max and comparisons through KeyWrapper objects; mycmp called from native code (its frame's f_back is the sorting frame), its c_call events; CPython's errors
import functools, sys
def cmp(a, b):
    return (a > b) - (a < b)
def rev(a, b):
    return b - a
xs = [5, 2, 9, 1, 7]
print(sorted(xs, key=functools.cmp_to_key(cmp)), sorted(xs, key=functools.cmp_to_key(rev)))
words = ['bb', 'a', 'ccc', 'dd']
print(sorted(words, key=functools.cmp_to_key(lambda a, b: len(a) - len(b) or (a > b) - (a < b))))
K = functools.cmp_to_key(cmp)
a, b = K(1), K(2)
print(a < b, a > b, a == b, a != b, a <= K(1), b >= a, a.obj)
print(max(xs, key=functools.cmp_to_key(rev)), min(['x', 'yy'], key=functools.cmp_to_key(lambda p, q: len(q) - len(p))))
try:
    hash(a)
except TypeError as e:
    print(e)
try:
    a < 3
except TypeError as e:
    print(e)
xs.sort(key=functools.cmp_to_key(cmp), reverse=True); print(xs)
def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    b = frame.f_back
    print(event, frame.f_code.co_name, frame.f_lineno, b.f_code.co_name if b and b.f_code.co_filename == __file__ else '-')
    return tracer
def work():
    return sorted([3, 1, 2], key=functools.cmp_to_key(cmp))
sys.settrace(tracer)
work()
sys.settrace(None)
def prof(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    print('P', event, frame.f_code.co_name, arg.__name__ if event.startswith('c_') else '')
sys.setprofile(prof)
work()
sys.setprofile(None)
