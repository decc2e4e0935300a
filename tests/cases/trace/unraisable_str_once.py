# The report of an exception raised while a dropped generator closes calls the exception's __str__ once, traced and profiled like any call (frames of other files, CPython's traceback printing, left out), and adds no "Did you mean" to a NameError.
import sys
class Err1(Exception):
    def __str__(self):
        return 'E:' + repr(self.args)
def gen41(n42):
    try:
        for i43 in range(n42):
            yield i43
    finally:
        raise Err1
def t(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    print(event, frame.f_code.co_name)
    return t
sys.settrace(t)
next(gen41(4), 1)
sys.settrace(None)
sys.setprofile(t)
next(gen41(4), 1)
sys.setprofile(None)
def gen_name_error():
    try:
        yield 1
    finally:
        lenn
next(gen_name_error(), 0)
