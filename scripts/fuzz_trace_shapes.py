"""Tables for scripts/fuzz_trace.py: modes, tracer harnesses, generator
features (with the known causes they reach), literal pools and probes."""

MODES = ("settrace", "setprofile", "plain", "hostlines")

# ----------------------------------------------------------------------------
# Harnesses: prepended to each program. Imports happen before any tracer is
# installed (CPython traces importlib frames for a first import), and events
# of frames from other files are left out (CPython runs Python code of its
# library to print a traceback).

HARNESS_HEAD = """\
import sys
import math
import functools
import itertools
import time
import random
import operator
import string
import dataclasses
import typing
import heapq
import bisect
import copy
import re
import collections
_F = sys._getframe().f_code.co_filename
def _v(a):
    t = type(a)
    if a is None or t is int or t is str or t is bool or t is float:
        return repr(a)
    if t is tuple:
        for x in a:
            if not (x is None or type(x) in (int, str, bool, float)):
                return 'tuple'
        return repr(a)
    return t.__name__
"""

# settrace variants: which name to print, whether some frames get no local
# tracer (the call event's return value), whether the locals' names are shown.
SETTRACE_BODY = """\
def _t(frame, event, arg):
    if frame.f_code.co_filename != _F:
        return None
    b = frame.f_back
    if event == 'return':
        x = _v(arg)
    elif event == 'exception':
        x = arg[0].__name__
    else:
        x = ''
    c = frame.f_code
    print('~', event, c.{name}, frame.f_lineno, x, b.f_code.{name} if b is not None and b.f_code.co_filename == _F and c.co_name != '<module>' else '-'{extra})
{local}"""

SETTRACE_LOCAL = {
    "always": "    return _t\n",
    # Frames of functions whose name ends in 1 or 4 get only their call event.
    "some_none": "    if event == 'call' and frame.f_code.co_name[-1:] in '14':\n"
    "        return None\n"
    "    return _t\n",
    # Frames of functions whose name ends in 2 get no line events.
    "some_nolines": "    if event == 'call' and frame.f_code.co_name[-1:] == '2':\n"
    "        frame.f_trace_lines = False\n"
    "    return _t\n",
    # Every fifth line event of a function, a few times a run, jumps a few
    # lines up or down (feature `jumps`), printing where it landed or why not.
    # Only in functions (CO_NEWLOCALS): a jump in a class body may skip a
    # `__repr__` and print an address. Not in generators: CPython 3.11
    # crashes on some jumps there.
    "jumps": "    if event == 'line' and c.co_flags & 2 and not c.co_flags & 32:\n"
    "        _J[0] += 1\n"
    "        if _J[0] % 5 == 0 and _J[1] > 0:\n"
    "            _J[1] -= 1\n"
    "            try:\n"
    "                frame.f_lineno = frame.f_lineno + (-3, 1, -1, 2, 4, 0, -2, 3)[_J[1] % 8]\n"
    "                print('~ jumped', frame.f_lineno)\n"
    "            except ValueError as e:\n"
    "                print('~ no jump:', e)\n"
    "    return _t\n",
}

SETPROFILE_BODY = """\
def _p(frame, event, arg):
    if frame.f_code.co_filename != _F:
        return
    b = frame.f_back
    if event == 'return':
        x = _v(arg)
    elif event[:2] == 'c_':
        x = getattr(arg, '__name__', '?')
    else:
        x = ''
    c = frame.f_code
    print('~', event, c.{name}, frame.f_lineno, x, b.f_code.{name} if b is not None and b.f_code.co_filename == _F and c.co_name != '<module>' else '-'{extra})
"""


# `hostlines`: under CPython a sys.settrace tracer records the line events
# of the program's frames and prints them at exit; under krait the program
# runs in examples/trace_native.rs --record-lines, whose native line-only
# tracer records them between `_krait_start()` and `_krait_stop()` and
# prints them after the run. The first line names the mode for the runner.
HOSTLINES_BODY = """\
_L = []
def _t(frame, event, arg):
    if frame.f_code.co_filename != _F or frame.f_code.co_name == '_dump':
        return None
    if event == 'line':
        _L.append((frame.f_code.co_name, frame.f_lineno))
    return _t
def _dump():
    sys.settrace(None)
    for n, l in _L:
        print('~ line', n, l)
_K = sys.implementation.name == 'krait'
if not _K:
    import atexit
    atexit.register(_dump)
"""
HOSTLINES_MARK = "# hostlines: run krait's side with examples/trace_native --record-lines\n"
# The variant whose tracers stop seeing an odd line of a code object after
# its first event there (krait's `TraceEvent::disable`, a set on CPython's side).
HOSTLINES_DISABLE = "# hostlines: with --disable-odd\n"
HOSTLINES_DISABLE_BODY = HOSTLINES_BODY.replace(
    """    if event == 'line':
        _L.append((frame.f_code.co_name, frame.f_lineno))
""",
    """    if event == 'line' and (frame.f_code, frame.f_lineno) not in _D:
        _L.append((frame.f_code.co_name, frame.f_lineno))
        if frame.f_lineno % 2:
            _D.add((frame.f_code, frame.f_lineno))
""",
).replace("_L = []\n", "_L = []\n_D = set()\n")


def harness(mode, rnd, feats):
    """(prefix, install, suffix) for a mode; variants drawn from rnd."""
    if mode == "plain":
        return HARNESS_HEAD, "", ""
    if mode == "hostlines":
        disable = rnd.random() < 0.4
        return (
            HOSTLINES_MARK
            + (HOSTLINES_DISABLE if disable else "")
            + HARNESS_HEAD
            + (HOSTLINES_DISABLE_BODY if disable else HOSTLINES_BODY),
            "_krait_start() if _K else (sys.settrace(_t), setattr(sys._getframe(), 'f_trace', _t))\n",
            "_krait_stop() if _K else sys.settrace(None)\n",
        )
    name = "co_qualname" if rnd.random() < 0.25 and "qualname" in feats else "co_name"
    extra = ""
    if rnd.random() < 0.15:
        extra = ", sorted(frame.f_locals) if event == 'call' else ''"
    if mode == "settrace":
        local = rnd.choice(["always", "always", "always", "some_none", "some_nolines"])
        if "jumps" in feats and rnd.random() < 0.3:
            local = "jumps"
        body = SETTRACE_BODY.format(name=name, extra=extra, local=SETTRACE_LOCAL[local])
        if local == "jumps":
            body = "_J = [0, 6]\n" + body
        return HARNESS_HEAD + body, "sys.settrace(_t)\nsys._getframe().f_trace = _t\n", "sys.settrace(None)\n"
    body = SETPROFILE_BODY.format(name=name, extra=extra)
    return HARNESS_HEAD + body, "sys.setprofile(_p)\n", "sys.setprofile(None)\n"


# ----------------------------------------------------------------------------
# Features: named generator choices, so that a run can leave out the shapes of
# causes already known (--avoid-known) and look for new ones.

KNOWN_FEATURES = {
    # Causes found and not fixed yet; `--avoid-known` (what CI runs) leaves
    # their shapes out. Drop a name once its cause is fixed. Fixed so far:
    # scopes in while/finally/except/else, genexpr closing, __build_class__
    # and built-in types under profilers, slot wrappers, StopIteration from a
    # Python __next__, finally/for/if lines, multi-line conditions,
    # comprehension ifs, nested ifexps, walrus in comprehensions, del of a
    # free variable, print() writing piece by piece, length hints, bad
    # arguments' messages, __file__, numeric edges, max() with __gt__,
    # an uncaught exception's __str__ called once, user objects with
    # colliding hashes as set/dict keys, the traceback's "Did you mean",
    # qualnames of nested comprehensions, starred items after items on
    # separate lines, co_varnames order, non-ASCII strings (case mappings
    # and character properties from Unicode tables).
    #
    # jumps: krait keeps NOPs CPython's remove_redundant_nops drops (e.g. a
    # `break` inside a try body: NOPs on its line before the code it jumps
    # to), and a handler covering only such NOPs is reachable to krait's
    # stack model but not to CPython's, so a jump into that `except` gets
    # "no exception" where CPython says "code may be unreachable" (settrace
    # seed 930 before this was marked; settrace 500 is the same). A jump
    # from a `with` statement's line between entering its items (settrace
    # 517) leaves the frame where CPython's and krait's exception tables
    # differ in line: krait reports the `with` line again before the
    # handler calls `__exit__`.
    "jumps": "settrace",
}

OTHER_FEATURES = [
    "obj_keys", "len_hint", "probe_messages", "dunder_file", "numeric_edges", "max_gt", "exc_str",
    "private", "annotations", "recursion", "closures", "nonlocal", "classes", "properties", "dunders",
    "exceptions", "while", "lambda", "comprehensions", "genexpr", "walrus",
    "fstring", "bigint", "float", "globals", "trace_toggle",
    "sort_objs", "exit_end", "local_class", "backslash", "recursion_error", "probes",
    "suggestions", "qualname", "starred_multiline", "varnames_order", "unicode",
    "attr_churn", "long_lists", "identity_eq", "generators", "with", "imports", "eval_exec",
    "jumps", "new_init_subclass", "builtin_subclass", "stdlib_mods", "itertools",
    "dataclasses", "re", "collections", "dict_views", "lru_cache",
]

ALL_FEATURES = list(KNOWN_FEATURES) + OTHER_FEATURES


def feature_set(spec, mode, avoid_known):
    feats = set(ALL_FEATURES)
    if avoid_known:
        for f, m in KNOWN_FEATURES.items():
            if m == "all" or m == mode:
                feats.discard(f)
    for item in (spec or "").split(","):
        item = item.strip()
        if not item:
            continue
        name = item[1:] if item[0] in "+-" else item
        if name not in ALL_FEATURES:
            raise SystemExit(f"unknown feature {name!r}; known: {', '.join(ALL_FEATURES)}")
        if item[0] == "-":
            feats.discard(name)
        else:
            feats.add(name)
    if mode != "plain":
        feats.discard("recursion_error")
    if mode == "hostlines":
        # (Toggling sys.settrace belongs to the settrace mode; a program
        # importing itself would run the harness twice.)
        feats.discard("trace_toggle")
        feats.discard("imports")
    return feats


# ----------------------------------------------------------------------------
# The generator.

STR_POOL = ["'a'", "'xy'", "'hello'", "''", "'a b c'", "'A-b'", "'zz top'", '"q"', "'12'", "'Tab\\t'"]
# rarer literals: escapes, raw strings, non-ASCII (case mappings, final sigma, ligatures)
STR_RARE = ["'caf\u00e9'", "'stra\u00dfe'", "'\u03a3\u0391\u03a3'", "'\ufb01x'", "'na\u00efve \u00bd'", "r'\\d+'",
            "'\\x41\\''", "'\\N{BULLET} \\u2603'", "'\u0130i'", "'a\\u0301'", "' \\t\\n x '", "'\u00b2\u0663'"]
KEYS = ["'a'", "'b'", "'c'", "'k'", "'zz'"]
EXC_BUILTIN = ["ValueError", "KeyError", "IndexError", "TypeError", "ZeroDivisionError",
               "RuntimeError", "AttributeError", "LookupError", "ArithmeticError", "AssertionError"]


# Statements that raise, each with CPython's own message (printed by the probe).
PROBES = [
    "1 + 'a'", "'a' + 1", "[] + ()", "None + 1", "'%d' % 'x'", "'%s %s' % (1,)", "'%d' % (1, 2)",
    "'{}'.format()", "'{0} {2}'.format(1, 2)", "'{x}'.format(y=1)", "'{:d}'.format('a')", "format(1.5, 'd')",
    "int('x1')", "int('')", "float('abc')", "int(float('inf'))", "int(float('nan'))", "int('12', 1)",
    "[1, 2].index(5)", "(1, 2).index(5)", "'abc'.index('z')", "[].pop()", "{}.popitem()", "set().pop()",
    "[1][5]", "'ab'[9]", "(1,)[3]", "{'a': 1}['b']", "{1: 2}[(1, 2)]", "_i = 1.0; [1, 2][_i]", "_i = None; [1][_i]",
    "max([])", "min([], key=abs)", "range(1, 2, 0)", "chr(-1)", "chr(0x110000)", "ord('ab')", "ord('')",
    "math.sqrt(-1)", "math.log(0)", "math.exp(1000)", "float(10 ** 400)", "10 ** 400 / 1",
    "1 / 0", "1 // 0", "1 % 0", "1.0 // 0", "1.0 % 0", "divmod(1, 0)", "0 ** -1", "0.0 ** -1", "1 / 0.0",
    "len(5)", "iter(5)", "next(iter([]))", "_f = 5; _f()", "_f = None; _f()", "_f = 'a'; _f()", "{[]: 1}", "hash([])", "set([[1]])",
    "{} < {}", "[1] < 'a'", "None < 1", "sorted([1, 'a'])", "abs('a')", "-'a'", "~1.5", "'a' * 'b'",
    "[1] * 1.5", "'a' - 'b'", "_a, _b = [1, 2, 3]", "_a, _b, _c = [1, 2]", "_a, *_b, _c = [1]",
    "_x = undefined_name_q", "(1).foo", "'a'.foo", "math.foo", "[].remove(3)", "[1, 2][1:2:0]",
    "_l = [1, 2, 3]; _l[::2] = [1, 2, 3]", "dict([1, 2])", "dict([(1, 2, 3)])", "list(5)", "tuple(None)",
    "sum(['a', 'b'])", "''.join([1, 2])", "', '.join(5)", "isinstance(1, 5)", "issubclass(1, int)",
    "getattr(1, 'x')", "setattr(1, 'x', 2)", "round('a')", "hex(1.5)", "bin('a')", "assert False, 'msg'",
    "assert 1 > 2", "raise ValueError(1, 2)", "raise KeyError()", "raise IndexError('a', 'b')", "raise Exception",
    "raise TypeError from ValueError('v')", "raise KeyError('k') from None", "_d = {'a': 1}; del _d['zz']",
    "_l = [1]; _l[5] = 0", "_l = [1]; del _l[7]", "'abc'[1] = 'x'", "(1, 2)[0] = 5", "_s = 'ab'; _s.x = 1",
    "print(1, sep=5)", "print(end=3)", "sorted([3, 1], key=5)", "list(map(abs, [1, 'a']))", "min(1)",
    "max(1, 2, key=5)", "sum([1], 'a')", "'a'.split('')", "'abc'.center(5, 'ab')", "'x' in 5", "5 in 'x'",
    "int('0x1g', 16)", "float('1e400') == float('inf') or 1 / 0", "math.factorial(-1)", "math.isqrt(-5)",
    "pow(2, 3, 0)", "pow(2.0, 3, 5)", "round(1.5, 1.5)", "'a'.zfill('3')", "[].insert()",
    "{}.get()", "{1: 2}.pop(5)", "set().remove(1)", "frozen = (1, 2); frozen.append(3)", "iter(None)",
    "next(5)", "enumerate(5)", "zip(5)", "reversed(5)", "reversed({})", "sorted(5)",
    "'%(a)s' % {'b': 1}", "'%c' % 'ab'", "'%c' % -1", "'%*d' % ('a', 1)", "'%.*f' % (2,)",
]
# itertools' argument errors (feature `itertools`).
PROBES_ITERTOOLS = [
    "itertools.islice([1], -1)", "itertools.islice([1], 1, 'a')", "itertools.repeat(1, 'a')", "itertools.count('a')",
    "itertools.cycle()", "itertools.chain.from_iterable(5)", "itertools.permutations([1], 'a')",
    "itertools.combinations([1], -1)", "itertools.product([1], repeat=-1)", "itertools.tee([1], -1)",
    "itertools.accumulate([1], foo=2)", "itertools.groupby()", "itertools.zip_longest([1], x=1)",
    "itertools.starmap(len)", "list(itertools.starmap(len, [1]))", "itertools.compress([1])", "itertools.pairwise(1)",
    "next(itertools.repeat(1, 0))", "itertools.count(1, start=2)", "itertools.count(1) + 1",
]
# re's errors (feature `re`): malformed patterns and templates, bad groups.
PROBES_RE = [
    "re.compile('(')", "re.compile('a)')", "re.compile('[a')", "re.compile('a**')", "re.compile('*')",
    "re.compile('x{2,1}')", "re.compile(r'\\q')", "re.compile('(?P<a>x)(?P<a>y)')", "re.compile('(?z)')",
    "re.sub('(a)', r'\\2', 'a')", "re.sub('(a)', r'\\g<x>', 'a')", "re.match('(a)', 'a').group(3)",
    "re.compile(5)", "re.search('a', 5)", "re.compile('a').match()", "re.compile('a').sub(lambda m: 1, 'a')",
    "re.compile('a', re.L)", "re.match('a', 'a').start('x')",
]
# collections' errors (feature `collections`).
PROBES_COLLECTIONS = [
    "collections.deque().pop()", "collections.deque([1], maxlen=-1)", "collections.deque([1]).index(2)",
    "collections.deque([1])[5]", "collections.deque([1])['a']", "collections.deque([1], 1).insert(0, 2)",
    "collections.deque([1]) + [2]", "collections.deque().rotate(1, 2)", "hash(collections.deque())",
    "collections.OrderedDict().popitem()", "collections.OrderedDict().move_to_end(1)", "collections.defaultdict(5)",
    "collections.defaultdict()[1]", "collections.namedtuple('P', 'a a')", "collections.namedtuple('P', 'a')(1, 2)",
    "collections.Counter.fromkeys('a')", "collections.Counter('a') + 1", "collections.namedtuple('P', 'a')(1).b",
    "_q = collections.deque([1, 2]); [_q.append(v) for v in _q]",
]
# Probes whose message (or missing exception) differed in krait when found.
PROBES_FOUND = [
    "'a' ** 2", "pow('a', 2)", "pow(2, 'a', 3)", "str(1, 2)", "_n = 'a'; _n['b']", "[][1:2] = 5", "'x'.replace(1, 2)",
    "min(1, 2, 3, key=None, default=1)", "type('A', 1, 2)", "(lambda x, /: x)(x=1)", "sorted([1, 2], reverse='x')",
    "functools.partial(5)", "divmod('a', 1)", "2.0 ** 10000",
    "functools.reduce(len, 5)", "'a b'.split(5, '*')", "'abc'.find(5, '*')", "'abc'.removeprefix(None)",
    "[3, 1].sort(1, 2, 3)", "sum(1, 'x')", "int(2, 3, 5)", "int(-1.5, 1)", "enumerate(1, 'x')",
]
# Patterns of the `re` feature: each runs in krait (nothing refused; a
# Unicode \b is, on strings with characters like '²').
RE_PATTERNS = [
    r"\w+", r"\d", r"[aeiou]", r"(\w)(\w)?", r"\s+", r"^\w", r"(?i)[a-c]+", r"x*", r"(?a)\b\w", r"(?P<w>[a-z]+)",
    r".", r"[^a-z ]+", r"(a|b)c?", r"\W", r"(?m)^.", r"\S+?", r"[A-Z]\w*", r"(?:ab)+", r"\d+|[xyz]", r"",
]
# Operands and operations for numeric edge cases (big ints, inf, nan, -0.0, subnormals).
NUM_VALUES = ["0", "1", "-7", "3", "2**64", "-2**70", "10**25 + 3", "0.5", "-2.5", "1e16", "1e300", "-0.0", "1.5e-310",
              "float('inf')", "float('nan')", "True"]
NUM_BINARY = ["{a} + {b}", "{a} - {b}", "{a} * {b}", "{a} / {b}", "{a} // {b}", "{a} % {b}", "divmod({a}, {b})", "{a} < {b}",
              "{a} == {b}", "max({a}, {b})", "math.copysign({a}, {b})", "math.fmod({a}, {b})", "math.atan2({a}, {b})",
              "math.hypot({a}, {b})", "math.isclose({a}, {b})", "round({a}, 2)", "{a} ** 2"]
NUM_UNARY = ["repr({a})", "int({a})", "float({a})", "round({a})", "abs({a})", "-{a}", "math.floor({a})", "math.ceil({a})",
             "math.trunc({a})", "math.sqrt({a})", "math.log({a})", "math.log10({a})", "math.exp({a})", "format({a}, '.3g')",
             "format({a}, ',')", "format({a}, '>12.2f')", "format({a}, 'e')", "'%g' % {a}", "'%.2f' % {a}", "'%r' % ({a},)",
             "math.frexp({a})", "math.modf({a})", "({a}).as_integer_ratio()", "str({a} * 1.0)", "math.isfinite({a})"]
PROBES_CLOSE = ["prnt(1)", "lenn([1])", "math.sqr(4)", "'a'.uper()", "[].apend(1)", "{}.iterms()"]
