# A tracer that shows each traced line's source through linecache, as a debugger or coverage tool does; linecache on the script, on an imported module, on "<string>" and on missing files and lines.
import sys
import linecache
sys.path.insert(0, sys.path[0] + "/../lang")
def t(frame, event, arg):
    if not frame.f_code.co_filename.startswith(sys.path[1]):
        return None
    if event == "line":
        text = linecache.getline(frame.f_code.co_filename, frame.f_lineno)
        print(frame.f_code.co_filename.split("/")[-1], frame.f_lineno, repr(text))
    return t
def work(n):
    total = 0
    for i in range(n):
        total += i
    return total
sys.settrace(t)
work(2)
import importdemo.traced
exec("x = 1\ny = 2")
sys.settrace(None)
me = __file__
print(repr(linecache.getline(me, 1))[:30], repr(linecache.getline(me, 0)), repr(linecache.getline(me, 10**6)))
print(len(linecache.getlines(me)) > 20, linecache.getlines(me)[-1].endswith("\n"))
print(repr(linecache.getline("<string>", 1)), linecache.getlines("/no/such/file.py"))
print(repr(linecache.getline(importdemo.traced.__file__, 1)))
print(linecache.clearcache(), linecache.checkcache(), linecache.checkcache(me))
