# Checks setprofile/settrace events around re calls, filtered to this file: the module's functions (re.match, re.sub, re.compile, ...) are Python in CPython (no c_call), Pattern and Match methods are C (c_call/c_return), a callable repl of sub runs as a traced frame
import sys, re

def prof(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return
    if event.startswith("c_"):
        print(event, arg.__name__, frame.f_code.co_name, frame.f_lineno)
    else:
        print(event, frame.f_code.co_name, frame.f_lineno)

def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    print("trace", event, frame.f_code.co_name, frame.f_lineno)
    return tracer

def double(m):
    v = int(m.group())
    return str(v * 2)

def work():
    p = re.compile(r'(\d)(\w)?')
    m = p.match('1a2')
    a = m.group(1)
    b = m.groups()
    c = m.span()
    d = m[0]
    e = re.search(r'\d', 'x5')
    f = re.findall(r'\d', 'a1b2')
    g = p.findall('3c4')
    h = re.sub(r'\d', double, 'a1b2')
    i = p.sub(double, '7')
    j = re.split(',', 'a,b')
    k = p.split('x1y')
    for mm in re.finditer(r'\d', 'a1b2'):
        mm.start()
    l = re.fullmatch('a', 'a')
    n = re.subn('a', 'b', 'aa')
    try:
        re.compile('(')
    except re.error:
        pass
    try:
        m.group(9)
    except IndexError:
        pass
    return a, b, c, d, e.group(), f, g, h, i, j, k, l.span(), n

sys.setprofile(prof)
print(work())
sys.setprofile(None)
sys.settrace(tracer)
print(work())
sys.settrace(None)
