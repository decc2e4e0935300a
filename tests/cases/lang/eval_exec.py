# Checks eval, exec and compile: namespaces (the caller's, given globals, separate locals), bare tuples, code objects, __builtins__ added, names defined by exec, errors of bad arguments and bad source, recursion through eval.
g = {"a": 2}
print(eval("a * 3", g), sorted(g))
l = {}
exec("b = a + 1\nc = [a for _ in range(2)]", g, l)
print(sorted(l), l["c"], "b" in g)
print(eval("  1, 2"), eval("(1,\n 2)"), eval("1\n"))
def f(x):
    return eval("x * 2"), eval("[i for i in range(x)]")
print(f(5))
for src, args in [("1 +", ()), ("x = 1", ()), ("", ()), ("1 +\n 2", ()), ("return 1", ()), ("yield 2", ())]:
    try:
        (exec if src.startswith(("return", "yield")) else eval)(src, *args)
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.filename, str(e))
try:
    eval(5)
except TypeError as e:
    print(e)
try:
    exec(None)
except TypeError as e:
    print(e)
try:
    eval("1", [])
except TypeError as e:
    print(e)
try:
    exec("1", 5)
except TypeError as e:
    print(e)
try:
    compile("1", "f", "bad")
except ValueError as e:
    print(e)
try:
    eval("undefined_name")
except NameError as e:
    print(e)
c = compile("q = 7", "named.py", "exec")
print(c.co_filename, c.co_name, type(c).__name__)
ns = {}
exec(c, ns)
print(ns["q"], type(ns["__builtins__"]).__name__ in ("dict", "module"))
print(eval(compile("q * 2", "<x>", "eval"), ns))
def deep(n):
    return eval("deep(n - 1)") if n else 0
try:
    deep(2000)
except RecursionError as e:
    print("recursion", e)
exec("def h():\n    return 42\nprint(h())")
print(h())
exec("import math\nprint(math.pi > 3)")
x = 10
exec("x = 11")
print(x)
def loc():
    y = 1
    exec("y = 2")
    return y, locals().get("y")
print(loc())
