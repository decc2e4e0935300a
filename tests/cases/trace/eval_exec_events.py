# Trace events of eval, exec and compiled code: <module> frames named by their filename (<string> for text), f_back the caller; setprofile sees eval and exec as C calls around the frame.
import sys
def t(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_code.co_filename.split("/")[-1], frame.f_lineno, frame.f_back.f_code.co_name if frame.f_back else None)
    return t
def f():
    x = 5
    y = eval("x + 1")
    exec("z = x * 2\nprint(z)")
    code = compile("a = 1\nb = a + 1", "myfile", "exec")
    g = {}
    exec(code, g)
    print(sorted(k for k in g if k != '__builtins__'), g['b'])
    print(eval(compile("[i*i for i in range(3)]", "<e>", "eval")))
    return y
sys.settrace(t)
f()
sys.settrace(None)
def p(frame, event, arg):
    print(event, frame.f_code.co_name, getattr(arg, '__name__', '') if event.startswith('c_') else '')
sys.setprofile(p)
eval("len([1])")
exec("pass")
sys.setprofile(None)
