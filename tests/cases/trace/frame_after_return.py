# Checks that frame objects stay valid after their function returned: f_lineno, f_locals, f_code and f_back read later.
import sys
kept = []
def tracer(frame, event, arg):
    if event == "return":
        kept.append(frame)
    return tracer
def worker(n):
    total = 0
    for i in range(n):
        total += i
    result = total * 2
    return result
def grab():
    f = sys._getframe()
    marker = "grabbed"
    return f
sys.settrace(tracer)
worker(3)
worker(5)
sys.settrace(None)
g = grab()
for f in kept + [g]:
    print(f.f_code.co_name, f.f_lineno, sorted((k, v) for k, v in f.f_locals.items() if k != "f"), f.f_back.f_code.co_name)
print(kept[0] is kept[1], kept[0].f_locals["result"], kept[1].f_locals["result"])
