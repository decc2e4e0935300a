# Checks which built-in methods report c_call: methods and functions do, slot wrappers (__init__, __len__, __eq__, ...) do not.
import sys
def p(frame, event, arg):
    if event.startswith("c_"): print(event, arg.__name__ if hasattr(arg, '__name__') else arg)
class O: pass
o = O()
it = iter([1,2])
sys.setprofile(p)
[1].__getitem__(0); (1,).__getitem__(0); "a".__getitem__(0); {1:2}.__getitem__(1); range(3).__getitem__(0)
{1:2}.__contains__(1); {1}.__contains__(1); [1].__contains__(1)
object.__init__(o); o.__init__(); [].__len__(); it.__next__(); it.__iter__(); o.__repr__(); o.__eq__(o); o.__hash__()
[1].__setitem__(0, 1); {}.__setitem__(1,2); [1].__delitem__(0); {}.__iter__(); {}.keys().__len__()
list.__getitem__([1], 0); dict.__contains__({}, 1)
format(1, ""); o.__str__(); map(abs, [1]).__next__()
sys.setprofile(None)
