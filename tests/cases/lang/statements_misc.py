# Checks del (names, items, slices, attributes), assert with and without messages, global statements and pass.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def set_new_global():
    global created_later
    created_later = "made in function"
set_new_global()
print(created_later)
x = 5
del x
try:
    print(x)
except NameError as e:
    print("NameError", e)
d = {"a": 1, "b": 2}
del d["a"]
lst = list(range(6))
del lst[0], lst[-1]
del lst[1:3]
print(d, lst)
class C:
    pass
o = C()
o.attr = 1
o.other = 2
del o.attr
print(hasattr(o, "attr"), hasattr(o, "other"))
try:
    del o.attr
except AttributeError as e:
    print("AttributeError", e)
assert 1 + 1 == 2
assert [1], "not shown"
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError", e, e.args)
try:
    assert False
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert len([]) == 1, ["computed", 1 + 1]
except AssertionError as e:
    print("AssertionError", e)
def local_then_global():
    y = "local"
    def inner():
        global y
        y = "global y"
    inner()
    return y
print(local_then_global(), y)
def noop():
    pass
print(noop(), noop.__name__)
a = 1; b = 2; print(a + b)
if a: print("one-line if")
for i in range(2): print("one-line for", i)
