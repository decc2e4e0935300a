# Checks frame.f_trace_lines and f_trace_opcodes accept only bools
import sys
f = sys._getframe()
for v in [0, 1, [], None, True, False]:
    try:
        f.f_trace_lines = v
        print('ok', v, f.f_trace_lines)
    except TypeError as e:
        print(type(e).__name__, e)
f.f_trace_opcodes = 1
