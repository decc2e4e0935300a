#!/usr/bin/env python3
"""Records, with CPython 3.11, the event stream a tracer sees for
tests/host/script.py: every call/line/return/exception event of the
script's frames, as `event name line caller-chain`. tests/host_tracer.rs
expects a native krait tracer to see exactly this. Re-run after changing
the script: python3 scripts/record_host_trace.py"""
import os
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("record_host_trace.py: needs CPython 3.11, this is " + sys.version.split()[0])

here = os.path.dirname(os.path.abspath(__file__))
folder = os.path.join(here, "..", "tests", "host")
src = open(os.path.join(folder, "script.py")).read()
code = compile(src, "script.py", "exec")
events = []


def chain(frame):
    names = []
    f = frame.f_back
    while f is not None and f.f_code.co_filename == "script.py":
        names.append(f.f_code.co_name)
        f = f.f_back
    return "/".join(names) or "-"


def tracer(frame, event, arg):
    if frame.f_code.co_filename != "script.py":
        return None
    events.append("%s %s %d %s" % (event, frame.f_code.co_name, frame.f_lineno, chain(frame)))
    return tracer


devnull = open(os.devnull, "w")
saved = sys.stdout
sys.stdout = devnull
sys.settrace(tracer)
try:
    exec(code, {"__name__": "__main__"})
finally:
    sys.settrace(None)
    sys.stdout = saved
with open(os.path.join(folder, "script.events"), "w") as f:
    f.write("\n".join(events) + "\n")
print("record_host_trace: %d events written" % len(events))
