"""The program generator of scripts/fuzz_trace.py: one deterministic random
Tier 1 program per (seed, mode, features)."""

import random
import re

from fuzz_trace_shapes import (  # noqa: F401
    EXC_BUILTIN, KEYS, MODES, NUM_BINARY, NUM_UNARY, NUM_VALUES, PROBES, PROBES_CLOSE, PROBES_FOUND, PROBES_ITERTOOLS, PROBES_RE, RE_PATTERNS,
    PROBES_COLLECTIONS,
    STR_POOL, STR_RARE, harness,
)


class Func:
    """A callable the generator knows: its name, parameter types, result type, cost."""

    def __init__(self, name, params, ret, cost=1, kind="plain", kwonly=(), varargs=False):
        self.name = name
        self.params = params  # list of (name, type, has_default)
        self.ret = ret
        self.cost = cost
        self.kind = kind
        self.kwonly = list(kwonly)  # (name, type)
        self.varargs = varargs


class Klass:
    def __init__(self, name, base):
        self.name = name
        self.base = base
        self.methods = {}  # name -> Func (self excluded)
        self.props = []  # int properties
        self.setters = []
        self.dunders = set()
        self.static = []  # Func
        self.cls_make = None
        self.fields = ["a", "b"]
        self.init_cost = 1

    def all_methods(self):
        d = dict(self.base.all_methods()) if self.base else {}
        d.update(self.methods)
        return d

    def has(self, dunder):
        return dunder in self.dunders or (self.base is not None and self.base.has(dunder))

    def all_props(self):
        return (self.base.all_props() if self.base else []) + self.props

    def all_setters(self):
        return (self.base.all_setters() if self.base else []) + self.setters


class Scope:
    def __init__(self, kind, name, parent):
        self.kind = kind  # module, func, class, method
        self.name = name
        self.parent = parent
        self.vars = {}  # definitely bound names -> type
        self.declared = {}  # nonlocal/global names -> type (writable)
        self.funcs = []  # local Funcs callable here
        self.loop = 0
        self.cost = 0
        self.mult = 1
        self.ret = None
        self.rec = None  # (Func, depth param) for recursive functions
        self.ctx = set()  # 'while_cond', 'finally', 'except', 'try_else'
        self.params = set()
        self.klass = None

    def func_scope(self):
        return self.kind in ("func", "method")


COST_LIMIT = 120
# The name the runner gives the program's file: a program may import itself
# (`import fzself` runs it again as a module, its main statements included).
PROGRAM_FILE = "fzself.py"


class Gen:
    def __init__(self, seed, mode, feats):
        self.r = random.Random(seed * 7919 + MODES.index(mode))
        self.mode = mode
        self.feats = feats
        self.uid = 0
        self.out = []
        self.classes = []
        self.excs = []  # user exception class names
        self.exc_with_code = set()
        self.ctx_class = None  # the context manager class of `with` statements
        # Whether the program imports itself: then nothing looks at the
        # callers of a module frame (CPython's are importlib's frames).
        self.self_import = "imports" in feats and self.r.random() < 0.25
        self.module = Scope("module", "<module>", None)
        self.sc = self.module
        self.funcs = []  # top-level Funcs

    # -- helpers --
    def f(self, name):
        return name in self.feats

    def fresh(self, prefix):
        self.uid += 1
        return f"{prefix}{self.uid}"

    def chance(self, p):
        return self.r.random() < p

    def pick(self, seq):
        return self.r.choice(seq)

    def emit_block(self, ind, text):
        """Statements over several lines, each indented relative to ind."""
        for ln in text.split("\n"):
            stripped = ln.lstrip(" ")
            self.out.append("    " * ind + " " * (len(ln) - len(stripped)) + stripped)

    def emit(self, ind, text):
        lines = text.split("\n")
        self.out.append("    " * ind + lines[0])
        for ln in lines[1:]:
            self.out.append("    " * (ind + 2) + ln)

    def ml(self):
        """A line break inside brackets (multi-line expressions), sometimes."""
        if self.in_comp and not self.f("comp_multiline_if"):
            return " "
        return "\n" if self.chance(0.12) else " "

    def special(self):
        """True where a lambda/comprehension is allowed in this context."""
        return self.f("scope_special") or not (self.sc.ctx & {"while_cond", "finally", "except", "try_else"})

    def in_class_body(self):
        return self.sc.kind == "class"

    # -- variables --
    def readable(self, t):
        names = []
        s = self.sc
        first = True
        while s is not None:
            if s.kind == "class" and not first:
                s = s.parent
                continue
            names += [n for n, ty in s.vars.items() if ty == t]
            if first:
                names += [n for n, ty in s.declared.items() if ty == t]
            first = False
            s = s.parent
        return names

    def readable_all(self):
        names = []
        s = self.sc
        while s is not None:
            if s.kind != "class":
                names += list(s.vars)
            s = s.parent
        return names

    def readable_any(self, name):
        s = self.sc
        while s is not None:
            if s.vars.get(name, "").startswith("objs:"):
                return True
            s = s.parent
        return False

    def writable(self, t):
        # while-loop counters stay untouched, so that every loop ends
        return [n for n, ty in list(self.sc.vars.items()) + list(self.sc.declared.items()) if ty == t and n not in self.counters]

    def var(self, t):
        names = self.readable(t)
        if not names:
            return None
        n = self.pick(names)
        if self.closure_depth or n not in self.sc.vars:
            self.captured.add(n)
        return n

    def objtypes(self):
        ts = []
        s = self.sc
        while s is not None:
            ts += [ty for ty in s.vars.values() if ty.startswith("obj:")]
            s = s.parent
        return ts

    def klass(self, name):
        for k in self.classes:
            if k.name == name:
                return k
        return None

    # -- calls --
    def callables(self, ret):
        fs = []
        s = self.sc
        while s is not None:
            fs += [f for f in s.funcs if f.ret == ret]
            s = s.parent
        fs += [f for f in self.funcs if f.ret == ret and f not in fs]
        budget = COST_LIMIT - self.sc.cost
        return [f for f in fs if f.cost * self.sc.mult <= budget]

    def rec_scope(self):
        s = self.sc
        while s is not None:
            if s.rec:
                return s
            s = s.parent
        return None

    def args_for(self, fn, d):
        args = []
        for name, t, has_default in fn.params:
            if has_default and self.chance(0.4):
                break
            args.append(self.expr(t, d))
        kw = []
        for name, t in fn.kwonly:
            if self.chance(0.6):
                kw.append(f"{name}={self.expr(t, d)}")
        if fn.varargs and self.chance(0.5):
            if self.chance(0.5):
                args.append(self.expr("int", d))
            else:
                args.append("*" + self.expr("list", d))
        # sometimes pass a positional parameter by keyword
        if args and len(args) == len(fn.params) and self.chance(0.2) and not fn.varargs:
            name = fn.params[-1][0]
            args[-1] = f"{name}={args[-1]}"
        if not self.f("starred_multiline") and any(a.startswith("*") for a in args):
            if any("\n" in a for a in args + kw):
                args = [a for a in args if not a.startswith("*")]
            else:
                return ", ".join(args + kw)
        sep = "," + self.ml() if self.chance(0.3) else ", "
        return sep.join(args + kw)

    def call(self, ret, d):
        fs = self.callables(ret)
        if not fs:
            return None
        fn = self.pick(fs)
        self.sc.cost += fn.cost * self.sc.mult
        if fn.kind == "mutual":
            return f"{fn.name}({self.r.randint(0, 5)})"
        if fn.kind == "gen":
            g = f"{fn.name}({self.args_for(fn, d)})"
            return self.pick([f"sum({g})", f"len(list({g}))", f"next({g}, -1)",
                              f"max({g}, default=0)", f"sum(x for x in {g} if x)"])
        if fn.kind == "rec":
            cur = self.rec_scope()
            if cur is not None and cur.rec[0] is fn:
                if self.sc.mult > 1 or self.closure_depth:
                    return None
                depth = f"{cur.rec[1]} - 1"
            else:
                depth = self.r.randint(0, 3)
            rest = self.args_for(Func(fn.name, fn.params[1:], ret), d)
            return f"{fn.name}({depth}{', ' + rest if rest else ''})"
        return f"{fn.name}({self.args_for(fn, d)})"

    # -- expressions --
    def expr(self, t, d=2):
        if t == "int":
            return self.e_int(d)
        if t == "bool":
            return self.e_cond(d)
        if t == "str":
            return self.e_str(d)
        if t == "list":
            return self.e_list(d)
        if t == "dict":
            return self.e_dict(d)
        if t == "set":
            return self.e_set(d)
        if t == "float":
            return self.e_float(d)
        if t == "tuple":
            return self.e_tuple(d)
        if t == "fn":
            return self.e_fn(d)
        if t.startswith("objs:"):
            return self.e_objs(t[5:], d)
        if t.startswith("obj:"):
            return self.e_obj(t[4:], d)
        return "None"

    def lit_int(self):
        return str(self.pick([0, 1, 2, 3, 4, 5, 7, 10, -1, -3, 12, 100]))

    def atom_int(self):
        v = self.var("int")
        if v and self.chance(0.7):
            return v
        return self.lit_int()

    def e_int(self, d):
        if d <= 0:
            return self.atom_int()
        d1 = d - 1
        r = self.r.random()
        opts = []
        add = opts.append
        add((6, lambda: self.atom_int()))
        add((6, lambda: f"{self.e_int(d1)} {self.pick(['+', '-', '*'])} {self.e_int(d1)}"))
        add((3, lambda: f"({self.e_int(d1)} {self.pick(['+', '-'])} {self.e_int(d1)})"))
        add((2, lambda: f"{self.e_int(d1)} {self.pick(['//', '%'])} ({self.e_int(d1)} or {self.pick(['1', '3', '-2'])})"))
        add((1, lambda: f"{self.e_int(d1)} {self.pick(['//', '%'])} {self.atom_int()}"))
        add((2, lambda: f"{self.pick(['abs', '-', '~', '+'])}({self.e_int(d1)})"))
        add((2, lambda: f"({self.e_int(d1)} {self.pick(['<<', '>>', '&', '|', '^'])} {self.pick(['1', '2', '3', '7'])})"))
        add((1, lambda: f"{self.pick(['min', 'max'])}({self.e_int(d1)}, {self.e_int(d1)})"))
        add((1, lambda: f"divmod({self.e_int(d1)}, {self.pick(['3', '-4', '7'])})[{self.pick(['0', '1'])}]"))
        add((1, lambda: f"pow({self.e_int(d1)}, {self.pick(['2', '3'])}, {self.pick(['7', '10', '-5'])})"))
        add((3, lambda: f"len({self.e_list(d1)})"))
        add((1, lambda: f"len({self.e_str(d1)})"))
        if self.f("eval_exec"):
            add((1, lambda: f"eval({self.in_eval(lambda: self.e_int(d1))!r})"))
        add((2, lambda: f"sum({self.e_list(d1)})"))
        if self.f("long_lists"):
            # Long repetitions of one int or bool (krait's compact lists).
            add((1, lambda: f"([{self.e_int(d1)}] * {self.pick(['256', '300'])})[{self.pick(['0', '-1', '255', '7'])}]"))
            add((1, lambda: f"sum([{self.e_cond(d1)}] * 260)"))
            add((1, lambda: f"len([{self.e_int(d1)}, {self.e_int(d1)}] * 150 + [{self.e_int(d1)}])"))
        lv = self.var("list")
        if lv:
            add((2, lambda: f"{lv}[{self.e_int(d1)} % max(len({lv}), 1)]"))
            add((1, lambda: f"{lv}[{self.pick(['0', '-1', '1'])}]"))
            add((1, lambda: f"{lv}.count({self.atom_int()})"))
            add((1, lambda: f"{self.pick(['min', 'max'])}({lv}, default={self.lit_int()})"))
        sv = self.var("str")
        if sv:
            add((1, lambda: f"{sv}.{self.pick(['find', 'count', 'rfind'])}({self.pick(STR_POOL[:3])})"))
            add((1, lambda: f"ord(({sv} or 'x')[0])"))
        dv = self.var("dict")
        if dv:
            add((2, lambda: f"{dv}.get({self.pick(KEYS)}, {self.lit_int()})"))
            add((1, lambda: f"{dv}[{self.pick(KEYS)}]"))
            add((1, lambda: f"len({dv}) + sum({dv}.values())"))
            if self.f("dict_views"):
                add((1, lambda: f"next(reversed({dv}.values()), {self.lit_int()}) + len(list(reversed({dv}.{self.pick(['keys', 'items'])}())))"))
        tv = self.var("tuple")
        if tv:
            add((1, lambda: f"{tv}[{self.pick(['0', '1', '-1'])}]"))
        if self.f("ifexp_nested") or d < 2:
            add((2, lambda: f"({self.e_int(d1)} if {self.e_cond(d1)} else {self.e_int(d1)})"))
        else:
            add((2, lambda: f"({self.atom_int()} if {self.e_cond(0)} else {self.atom_int()})"))
        if self.f("walrus") and not self.in_class_body() and not self.no_walrus:
            add((2, self.walrus_int))
        c = self.call("int", d1)
        if c:
            add((8, lambda: c))
        fv = self.var("fn")
        if fv:
            add((3, lambda: f"{fv}({self.e_int(d1)})"))
        if self.f("lambda") and self.special():
            add((2, lambda: self.immediate_lambda(d1)))
        if self.f("comprehensions") and self.special():
            add((1, lambda: f"sum({self.genexpr('int', d1)})"))
            add((1, lambda: f"functools.reduce(lambda p, q: p {self.pick(['+', '*', '-'])} q, {self.e_list(d1)}, {self.lit_int()})"))
            add((1, lambda: f"max({self.e_list(d1)}, key={self.key_fn()}, default={self.lit_int()})"))
        if self.f("itertools") and self.special():
            # Lazy iterators over infinite or small inputs (a list variable
            # may be long: the combinatoric ones get a slice).
            add((1, lambda: f"sum(itertools.islice(itertools.count({self.e_int(d1)}, {self.pick(['1', '2', '-1'])}), {self.r.randint(0, 5)}))"))
            add((1, lambda: f"sum(itertools.accumulate({self.e_list(d1)}))"))
            add((1, lambda: f"len(list(itertools.{self.pick(['combinations', 'permutations', 'combinations_with_replacement'])}({self.e_list(d1)}[:5], {self.r.randint(0, 3)})))"))
            add((1, lambda: f"sum(itertools.{self.pick(['takewhile', 'dropwhile', 'filterfalse'])}({self.key_fn()}, {self.e_list(d1)}))"))
            add((1, lambda: f"len(list(itertools.groupby({self.e_list(d1)}, key={self.key_fn()})))"))
        if self.f("re") and self.special():
            # Patterns krait runs (none it refuses). A callable repl runs as
            # a traced frame: given to Pattern.sub (C), whose caller is its
            # f_back; re.sub's frame (Python in CPython) krait has not.
            pat = lambda: repr(self.pick(RE_PATTERNS))
            s1 = lambda: self.e_str(d1)
            add((1, lambda: f"len(re.findall({pat()}, {s1()}))"))
            repls = ["lambda m: m.group().upper()", "lambda m: str(m.start())"]
            count = lambda: self.pick(['', ', 2', ', count=1'])
            templates = [repr("-"), repr(r"<\g<0>>"), repr("")]
            add((1, lambda: f"len(re.sub({pat()}, {self.pick(templates)}, {s1()}{count()}))"))
            add((1, lambda: f"len(re.compile({pat()}).sub({self.pick(repls)}, {s1()}{count()}))"))
            add((1, lambda: f"len(re.split({pat()}, {s1()}{self.pick(['', ', 1', ', maxsplit=2'])}))"))
            add((1, lambda: f"(lambda m: m.span()[1] + len(m.groups()) if m else -1)(re.{self.pick(['search', 'match', 'fullmatch'])}({pat()}, {s1()}))"))
            add((1, lambda: f"re.subn({pat()}, '', {s1()})[1]"))
            add((1, lambda: f"sum(m.end() - m.start() for m in re.finditer({pat()}, {s1()}))"))
            add((1, lambda: f"len(re.compile({pat()}, re.{self.pick(['I', 'M', 'S', 'A', 'NOFLAG'])}).findall({s1()}))"))
        if self.f("collections") and self.special():
            # deque, Counter, defaultdict, OrderedDict and namedtuple; user
            # callbacks (key functions) called from their native code.
            add((1, lambda: f"sum(collections.deque({self.e_list(d1)}, maxlen={self.r.randint(0, 4)}))"))
            add((1, lambda: f"(lambda q: (q.rotate({self.e_int(d1)}), q.appendleft({self.e_int(d1)}), q.pop() + len(q))[2])(collections.deque({self.e_list(d1)}))"))
            add((1, lambda: f"sum(collections.deque(map({self.key_fn()}, {self.e_list(d1)})))"))
            add((1, lambda: f"(collections.Counter({self.e_list(d1)}).most_common(1) or [(0, 0)])[0][1]"))
            add((1, lambda: f"sum((collections.Counter({self.e_list(d1)}) - collections.Counter({self.e_list(d1)})).values())"))
            add((1, lambda: f"len(collections.defaultdict(list, zip({self.e_list(d1)}, {self.e_list(d1)})))"))
            add((1, lambda: f"(lambda dd: (dd[{self.e_int(d1)}].append(1), len(dd[{self.e_int(d1)}]))[1])(collections.defaultdict({self.pick(['list', 'lambda: []'])}))"))
            add((1, lambda: f"sum(collections.OrderedDict.fromkeys({self.e_list(d1)}))"))
            nt_fields = ['"a b"', "['a', 'b']", '"a, b"']
            add((1, lambda: f"collections.namedtuple('P', {self.pick(nt_fields)})({self.e_int(d1)}, b={self.e_int(d1)}).b"))
        if self.f("genexpr_early") and self.special():
            add((1, lambda: f"next(({self.over(self.comp_source(d1), lambda v: v + ' ' + self.pick(['>', '<', '==']) + ' ' + self.atom_int())}), {self.lit_int()})"))
        if self.f("bigint"):
            add((1, lambda: f"{self.pick(['2 ** 70', '10 ** 20', '-(3 ** 45)', '(1 << 64)'])} {self.pick(['+', '//', '%', '*'])} ({self.e_int(d1)} or 1)"))
            add((1, lambda: f"int({self.pick(['2 ** 100', '7 ** 30', '-(10 ** 25)'])} % {self.pick(['97', '1000003'])})"))
        if self.f("float"):
            add((1, lambda: f"round({self.e_float(d1)})"))
            add((1, lambda: f"math.{self.pick(['floor', 'ceil', 'trunc'])}({self.e_float(d1)})"))
            add((1, lambda: f"math.gcd({self.e_int(d1)}, {self.e_int(d1)})"))
        if self.f("stdlib_mods"):
            # random always seeded in the same expression, before its draw:
            # unseeded states differ between the two interpreters.
            def seeded(draw):
                seed = self.pick(["0", "7", "42", "2 ** 40", "'ab'", "-3"])
                return f"(random.seed({seed}), {draw})[1]"
            add((1, lambda: seeded(f"random.randint({self.lit_int()}, {self.pick(['100', '10 ** 6', '2 ** 70'])})")))
            add((1, lambda: seeded(f"random.randrange({self.pick(['1', '7', '2 ** 33 + 1'])}) + random.getrandbits({self.pick(['3', '40', '70'])})")))
            add((1, lambda: seeded(f"random.choice({self.e_list(d1)} or [{self.lit_int()}])")))
            add((1, lambda: seeded(f"sum(random.sample(range({self.pick(['10', '50', '1000'])}), 4) + random.choices(range(9), k=3))")))
            add((1, lambda: seeded(f"int(random.random() * 1000 + random.uniform(1, 2) + random.gauss())")))
            add((2, lambda: f"operator.{self.pick(['add', 'sub', 'mul', 'and_', 'or_', 'xor'])}({self.e_int(d1)}, {self.e_int(d1)})"))
            add((1, lambda: f"operator.itemgetter({self.pick(['0', '-1'])})({self.e_list(d1)} or [{self.lit_int()}])"))
            add((1, lambda: f"operator.countOf({self.e_list(d1)}, {self.atom_int()}) + operator.index({self.e_int(d1)})"))
            add((1, lambda: f"len(string.capwords({self.e_str(d1)})) + string.ascii_letters.find({self.e_str(d1)})"))
            add((1, lambda: f"sum(heapq.{self.pick(['nsmallest', 'nlargest'])}({self.pick(['1', '2', '3'])}, {self.e_list(d1)}{self.pick(['', ', key=' + self.key_fn()])}))"))
            add((1, lambda: f"(lambda h: (heapq.heapify(h), heapq.heappushpop(h, {self.e_int(d1)}), sum(h))[2])(list({self.e_list(d1)}))"))
            add((1, lambda: f"bisect.{self.pick(['bisect', 'bisect_left', 'bisect_right'])}(sorted({self.e_list(d1)}), {self.e_int(d1)})"))
            add((1, lambda: f"len(copy.deepcopy([{self.e_list(d1)}, {self.e_list(d1)}])[0]) + sum(copy.copy({self.e_list(d1)}))"))
        add((1, lambda: f"int({self.pick(['True', 'False'])}) + {self.e_int(d1)}"))
        add((1, lambda: f"int({self.e_str(d1)} == {self.e_str(d1)})"))
        add((1, lambda: f"hash({self.e_int(d1)})"))
        for ot in set(self.objtypes()):
            k = self.klass(ot[4:])
            o = self.var(ot)
            if not k or not o:
                continue
            add((2, lambda o=o: f"{o}.{self.pick(['a', 'b'])}"))
            ms = [m for m in k.all_methods().values() if m.ret == "int" and m.cost * self.sc.mult <= COST_LIMIT - self.sc.cost
                  and (self.method_rank is None or self.mrank[m.name] < self.method_rank)]
            if ms:
                def mcall(o=o, ms=ms):
                    m = self.pick(ms)
                    self.sc.cost += m.cost * self.sc.mult
                    return f"{o}.{m.name}({self.args_for(m, d1)})"
                add((4, mcall))
            if k.all_props():
                add((2, lambda o=o, k=k: f"{o}.{self.pick(k.all_props())}"))
            if k.has("__len__"):
                add((2, lambda o=o: f"len({o})"))
            if k.has("__getitem__"):
                add((2, lambda o=o: f"{o}[{self.pick(['0', '1', '-1', '2'])}]"))
            if k.has("__call__"):
                add((2, lambda o=o: f"{o}({self.e_int(d1)})"))
            if k.static:
                add((1, lambda k=k: f"{k.name}.{self.pick(k.static).name}({self.e_int(d1)})"))
            add((1, lambda k=k: f"{k.name}.tag"))
            if (k.has("__iter__") or k.has("__getitem__")) and self.f("comprehensions") and self.special():
                add((1, lambda o=o: f"sum({self.over(o, lambda v: v)})"))
        return self.wpick(opts)

    def in_eval(self, gen):
        """Text for eval/exec: no walrus (its name would be bound in the
        eval's namespace, not the scope the generator thinks)."""
        saved = self.feats
        self.feats = self.feats - {"walrus"}
        try:
            return gen()
        finally:
            self.feats = saved

    def wpick(self, opts):
        total = sum(w for w, _ in opts)
        x = self.r.random() * total
        for w, fn in opts:
            x -= w
            if x <= 0:
                return fn()
        return opts[-1][1]()

    def walrus_int(self):
        # Rebinds a bound int of this scope (safe even where the walrus may not
        # run: short-circuit, comprehension), or binds a fresh name nobody reads.
        if self.no_walrus or (self.in_comp and self.sc.kind == "module" and not self.f("walrus_comp_module")):
            return self.atom_int()
        iv = self.writable("int")
        name = self.pick(iv) if iv and self.chance(0.7) else self.fresh("w")
        return f"({name} := {self.e_int(0)})"

    def immediate_lambda(self, d):
        p = self.fresh("p")
        self.sc.vars[p] = "int"
        with self.closure():
            body = self.e_int(max(d - 1, 0))
        del self.sc.vars[p]
        return f"(lambda {p}: {body})({self.e_int(0)})"

    def closure(self, comp=False):
        gen = self

        class C:
            def __enter__(self):
                gen.closure_depth += 1
                if comp:
                    gen.in_comp += 1
                else:
                    gen.no_walrus += 1

            def __exit__(self, *a):
                gen.closure_depth -= 1
                if comp:
                    gen.in_comp -= 1
                else:
                    gen.no_walrus -= 1
        return C()

    def comp_source(self, d):
        """A comprehension's first iterable (no walrus allowed there)."""
        self.no_walrus += 1
        try:
            return self.e_list(d)
        finally:
            self.no_walrus -= 1

    def over(self, src, elt_fn, kind="int"):
        """`elt for v in src`: elt_fn(v) builds the element with v bound."""
        v = self.fresh("i")
        self.sc.vars[v] = kind
        with self.closure(comp=True):
            elt = elt_fn(v)
        del self.sc.vars[v]
        return f"{elt} for {v} in {src}"

    def comp_var(self):
        self._cv = self.fresh("i")
        return self._cv

    def key_fn(self):
        fv = self.var("fn")
        if fv and self.chance(0.3):
            return fv
        if self.f("lambda") and self.special():
            p = self.fresh("k")
            return f"lambda {p}: {self.pick([f'-{p}', f'{p} % 3', f'({p} % 2, -{p})', f'abs({p} - 2)', f'str({p})'])}"
        return "abs"

    def e_cond(self, d):
        d1 = max(d - 1, 0)
        opts = []
        add = opts.append
        add((6, lambda: f"{self.e_int(d1)} {self.pick(['<', '<=', '>', '>=', '==', '!='])} {self.e_int(d1)}"))
        add((2, lambda: f"{self.atom_int()} {self.pick(['<', '<='])} {self.e_int(d1)} {self.pick(['<', '<=', '!='])} {self.atom_int()}"))
        add((2, lambda: f"{self.e_int(d1)} {self.pick(['in', 'not in'])} {self.e_list(d1)}"))
        add((1, lambda: f"{self.e_str(d1)}.{self.pick(['startswith', 'endswith'])}({self.pick(STR_POOL[:4])})"))
        add((1, lambda: f"{self.e_str(0)} {self.pick(['in', 'not in'])} {self.e_str(d1)}"))
        add((1, lambda: f"not {self.e_cond(d1)}"))
        add((2, lambda: self.atom_int()))
        anyv = [n for n in self.readable_all() if not n.startswith("fn")]
        if anyv:
            add((1, lambda: f"{self.pick(anyv)} {self.pick(['is None', 'is not None'])}"))
        lv = self.var("list")
        if lv:
            add((1, lambda: lv))
        sv = self.var("str")
        if sv:
            add((1, lambda: f"{sv}.{self.pick(['isdigit', 'isalpha', 'isupper', 'islower', 'isspace'])}()"))
        dv = self.var("dict")
        if dv:
            add((1, lambda: f"{self.pick(KEYS)} in {dv}"))
        if d > 0:
            add((3, lambda: f"{self.e_cond(d1)} {self.pick(['and', 'or'])} {self.e_cond(d1)}"))
            if self.f("multiline_cond"):
                add((3, lambda: self.multiline_cond(d1)))
        if self.f("comprehensions") and self.special() and self.f("genexpr_early"):
            add((1, lambda: f"{self.pick(['any', 'all'])}({self.genexpr('cond', d1)})"))
        elif self.f("comprehensions") and self.special():
            add((1, lambda: f"{self.pick(['any', 'all'])}([{self.over(self.comp_source(d1), lambda v: v + ' > ' + self.atom_int())}])"))
        for ot in set(self.objtypes()):
            k = self.klass(ot[4:])
            o = self.var(ot)
            if not k or not o:
                continue
            add((1, lambda o=o, k=k: f"isinstance({o}, {self.pick([k.name] + [c.name for c in self.classes])})"))
            add((1, lambda o=o: f"hasattr({o}, {self.pick(['a', 'c', 'total', 'zz'])!r})"))
            if k.has("__eq__"):
                o2 = self.var(ot)
                add((1, lambda o=o, o2=o2: f"{o} {self.pick(['==', '!='])} {o2}"))
            elif self.f("identity_eq"):
                # object.__eq__: identity (decided in krait's loop while no
                # class defines a rich comparison).
                o2 = self.var(ot)
                add((1, lambda o=o, o2=o2: f"{o} {self.pick(['==', '!='])} {self.pick([o2, 'None', o])}"))
            if k.has("__lt__"):
                o2 = self.var(ot)
                add((1, lambda o=o, o2=o2: f"{o} {self.pick(['<', '>'])} {o2}"))
            if k.has("__contains__"):
                add((1, lambda o=o: f"{self.atom_int()} in {o}"))
            if k.has("__bool__") or k.has("__len__"):
                add((1, lambda o=o: f"{self.pick(['', 'not '])}{o}"))
        return self.wpick(opts)

    def multiline_cond(self, d):
        parts = [self.e_cond(0) for _ in range(self.r.randint(2, 3))]
        ops = [self.pick(["and", "or"]) for _ in parts[1:]]
        # group the last two in parentheses, across lines
        if len(parts) == 3 and self.chance(0.6):
            inner = f"({parts[1]} {ops[1]}\n    {parts[2]})"
            return f"({parts[0]}\n{ops[0]} {inner})"
        s = parts[0]
        for op, p in zip(ops, parts[1:]):
            s += f"\n{op} {p}"
        return f"({s})"

    def e_str(self, d):
        d1 = max(d - 1, 0)
        opts = []
        add = opts.append
        sv = self.var("str")
        add((4, lambda: sv if sv and self.chance(0.6) else self.pick(STR_POOL)))
        if self.f("unicode"):
            add((1, lambda: self.pick(STR_RARE)))
        if d > 0:
            add((2, lambda: f"({self.e_str(d1)} + {self.e_str(d1)})"))
            add((2, lambda: f"str({self.e_int(d1)})"))
            add((1, lambda: f"repr({self.e_str(d1)})"))
            add((2, lambda: f"{self.e_str(d1)}.{self.pick(['upper', 'lower', 'strip', 'title', 'capitalize', 'swapcase', 'lstrip'])}()"))
            add((1, lambda: f"{self.e_str(d1)}[{self.pick(['1:', ':2', '::-1', '::2', '-2:', '1:-1'])}]"))
            add((1, lambda: f"({self.e_str(0)} * {self.pick(['2', '0', '3'])})"))
            add((2, lambda: f"{self.pick(['-', ', ', '', '/'])!r}.join({self.e_strlist(d1)})"))
            add((1, lambda: f"{self.e_str(d1)}.replace({self.pick(['a', 'l', ' '])!r}, {self.pick(['', '_', 'AB'])!r})"))
            add((1, lambda: f"{self.e_str(d1)}.{self.pick(['zfill', 'center', 'ljust', 'rjust'])}({self.pick(['5', '7', '1'])})"))
            add((1, lambda: f"{self.e_str(d1)}.partition(' ')[{self.pick(['0', '2'])}]"))
            add((1, lambda: f"chr(65 + {self.e_int(d1)} % 26)"))
            add((1, lambda: f"{self.pick(['hex', 'bin', 'oct'])}({self.e_int(d1)})"))
            add((1, lambda: f"format({self.e_int(d1)}, {self.pick(['>5', '05d', 'x', ',', '+d', '^7', 'b'])!r})"))
            add((1, lambda: f"type({self.expr(self.pick(['int', 'str', 'list', 'float', 'dict', 'set']), 0)}).__name__"))
            add((1, lambda: f"repr({self.expr(self.pick(['list', 'dict', 'tuple', 'set']), d1)})"))
            add((1, lambda: f"({self.pick(STR_POOL[:6])}.split()[{self.pick(['0', '-1'])}] if {self.e_cond(0)} else {self.e_str(0)})"))
            add((3, self.fstring if self.f("fstring") else (lambda: self.pick(STR_POOL))))
            add((2, lambda: f"({self.percent_fmt(d1)})"))
            add((1, lambda: f"{self.pick(['{}-{}', '{0}/{1}/{0}', '{:>4}|{!r}', '{:03d}{}'])!r}.format({self.e_int(d1)}, {self.e_str(0)})"))
            c = self.call("str", d1)
            if c:
                add((4, lambda: c))
            for ot in set(self.objtypes()):
                o = self.var(ot)
                if o:
                    add((1, lambda o=o: f"{self.pick(['repr', 'str'])}({o})"))
                    add((1, lambda o=o: f"type({o}).__name__"))
        return self.wpick(opts)

    def e_strlist(self, d):
        return self.pick([
            lambda: f"map(str, {self.e_list(d)})" if self.f("builtin_types") else (
                f"[{self.over(self.comp_source(d), lambda v: 'str(' + v + ')')}]" if self.special() else f"[str({self.e_int(d)})]"),
            lambda: f"{self.e_str(d)}.split({self.pick(['', repr(' '), repr('-')])})",
            lambda: f"[{self.e_str(0)}, {self.e_str(0)}]",
            lambda: f"sorted({self.e_str(d)})",
        ])()

    def fstring(self):
        parts = []
        for _ in range(self.r.randint(1, 3)):
            kind = self.r.randint(0, 5)
            if kind == 0:
                parts.append("{" + self.atom_int() + self.pick(["", ":>4", ":05d", ":x", ":+", ":<3", ":^5"]) + "}")
            elif kind == 1:
                sv = self.var("str") or "'s'"
                parts.append("{" + sv + self.pick(["", "!r", ":>6", ":.2", "!s:^8"]) + "}")
            elif kind == 2 and self.f("float"):
                parts.append("{" + f"{self.atom_int()} / 7" + self.pick([":.2f", ":.3", ":e", ":>10.1f", ":g", ":%"]) + "}")
            elif kind == 3:
                lv = self.var("list") or "[1]"
                parts.append("{" + lv + self.pick(["", "!r"]) + "}")
            else:
                e = self.e_int(1)
                if '"' in e or "\\" in e or "\n" in e or "{" in e:
                    e = self.atom_int()
                parts.append("{(" + e + ")" + self.pick(["", "!r", ":>3"]) + "}")
            parts.append(self.pick(["", " ", "-", ": ", "|", "=", "x"]))
        body = "".join(parts)
        return 'f"' + body.replace('"', "'") + '"'

    def fstring_debug(self):
        """f-string `=` specifier, !a conversion, nested format spec."""
        sv = self.e_str(0)
        if '"' in sv or "\\" in sv:
            sv = "'x'"
        return f'f"{{{self.atom_int()}=}} {{{sv}!a}} {{{self.atom_int()}:{{{self.pick(["3", "6"])}}}}}"'

    def percent_fmt(self, d):
        fmt, args = self.pick([
            ("%d-%s", ["int", "str"]),
            ("%5d|%-4s|", ["int", "str"]),
            ("%x %o", ["int", "int"]),
            ("%r", ["str"]),
            ("%03d", ["int"]),
            ("%s and %s", ["list", "int"]),
            ("%.2f", ["float"]),
            ("%+d%%", ["int"]),
        ])
        vals = [self.expr(t, d) if t != "float" else (self.e_float(d) if self.f("float") else "1.5") for t in args]
        if len(vals) == 1 and self.chance(0.5):
            return f"{fmt!r} % ({vals[0]})" if args[0] != "list" else f"{fmt!r} % ({vals[0]},)"
        return f"{fmt!r} % ({', '.join(vals)},)"

    def e_float(self, d):
        d1 = max(d - 1, 0)
        return self.pick([
            lambda: f"({self.e_int(d1)} / {self.pick(['2', '3', '7', '0.5', '-4'])})",
            lambda: f"float({self.e_int(d1)})",
            lambda: f"math.sqrt(abs({self.e_int(d1)}))",
            lambda: f"({self.e_int(d1)} * {self.pick(['0.1', '1.5', '1e10', '-2.25', '1e-5'])})",
            lambda: f"round({self.e_int(d1)} / 7, {self.pick(['1', '2', '3'])})",
            lambda: f"((abs({self.e_int(d1)}) % 1000 + 0.5) ** {self.pick(['0.5', '-1.5', '2', '-3', '0.25', '1.5'])})",
            lambda: self.pick(["math.pi", "(0.1 + 0.2)", "1e16", "float('inf')", "-0.0", "2.5", "(1 / 3)"]),
        ])()

    def e_list(self, d):
        d1 = max(d - 1, 0)
        opts = []
        add = opts.append
        lv = self.var("list")
        if lv:
            add((6, lambda: lv))
        add((3, lambda: "[" + ", ".join(self.e_int(0) for _ in range(self.r.randint(0, 4))) + "]"))
        add((1, lambda: f"list(range({self.pick(['', '-2, ', '1, '])}{self.r.randint(0, 5)}))"))
        if d > 0:
            if self.f("comprehensions") and self.special():
                add((4, lambda: self.listcomp(d1)))
            add((2, lambda: f"sorted({self.e_list(d1)}{self.sort_args()})"))
            if self.f("builtin_types"):
                add((1, lambda: f"list(map({self.int_fn()}, {self.e_list(d1)}))"))
                add((1, lambda: f"list(filter({self.pred_fn()}, {self.e_list(d1)}))"))
                add((1, lambda: f"list(reversed({self.e_list(d1)}))"))
                add((1, lambda: f"list(enumerate({self.e_list(d1)}))[0][0:1]"))
            add((2, lambda: f"{self.e_list(d1)}[{self.pick(['1:', ':2', '::-1', '::2', '-2:', '1:-1', ':'])}]"))
            add((1, lambda: f"({self.e_list(d1)} + [{self.e_int(d1)}])"))
            add((1, lambda: f"[*{self.e_list(d1)}, {self.e_int(d1)}]"))
            add((1, lambda: f"({self.e_list(0)} * {self.pick(['2', '0'])})"))
            if self.f("long_lists"):
                add((1, lambda: f"([{self.e_int(d1)}] * 260)[{self.pick(['-3:', '::100', '257:', '258:-1'])}]"))
                if self.f("comprehensions") and self.special():
                    add((1, lambda: f"[v for v in [{self.e_int(d1)}, {self.e_int(d1)}] * 129][-3:]"))
            dv = self.var("dict")
            if dv:
                add((1, lambda: f"list({dv}.values())"))
            sv = self.var("set")
            if sv:
                add((1, lambda: f"sorted({sv})"))
            c = self.call("list", d1)
            if c:
                add((3, lambda: c))
            for ot in set(self.objtypes()):
                o = self.var(ot)
                k = self.klass(ot[4:])
                if o and k and (k.has("__iter__") or k.has("__getitem__")) and (self.f("py_iter") or not k.has("__iter__")):
                    if self.f("len_hint") or not k.has("__len__"):
                        add((1, lambda o=o: f"{self.pick(['list', 'tuple', 'sorted'])}({o})"))
                    if self.f("comprehensions") and self.special():
                        add((1, lambda o=o: f"[{self.over(o, lambda v: v + ' + 1')}]"))
        return self.wpick(opts)

    def sort_args(self):
        s = ""
        if self.chance(0.5):
            s += f", key={self.key_fn()}"
        if self.chance(0.3):
            s += ", reverse=True"
        return s

    def int_fn(self):
        fv = self.var("fn")
        if fv and self.chance(0.4):
            return fv
        if self.f("lambda") and self.special():
            p = self.fresh("m")
            return f"lambda {p}: {p} {self.pick(['*', '+', '-', '%'])} {self.pick(['2', '3', '5'])}"
        return "abs"

    def pred_fn(self):
        if self.f("lambda") and self.special() and self.chance(0.8):
            p = self.fresh("q")
            return f"lambda {p}: {p} {self.pick(['>', '<', '!=', '%'])} {self.pick(['1', '2', '3'])}"
        return "None"

    def listcomp(self, d):
        v = self.fresh("i")
        src = self.comp_source(d)
        self.sc.vars[v] = "int"
        self.in_comp += 1
        self.closure_depth += 1
        elt = self.e_int(max(d - 1, 0))
        conds = ""
        brk = self.ml if self.f("comp_multiline_if") else (lambda: " ")
        if self.chance(0.5):
            conds += f"{brk()}if {self.e_cond(0)}"
        if self.chance(0.15):
            conds += f"{brk()}if {self.e_cond(0)}"
        if self.f("comp_multiline_if") and self.chance(0.2):
            conds += f"\nif ({self.e_cond(0)}\n    {self.pick(['or', 'and'])} {self.e_cond(0)})"
        nested = ""
        if self.chance(0.12):
            v2 = self.fresh("j")
            src2 = f"range({self.r.randint(0, 3)})"
            nested = f" for {v2} in {src2}"
            self.sc.vars[v2] = "int"
            elt = f"{elt} + {v2}"
            del self.sc.vars[v2]
        del self.sc.vars[v]
        self.in_comp -= 1
        self.closure_depth -= 1
        brk = self.ml() if self.f("comp_multiline_if") else " "
        return f"[{elt}{brk}for {v} in {src}{nested}{conds}]"

    def genexpr(self, kind, d, lazy=False):
        v = self.fresh("g")
        src = self.comp_source(d)
        if lazy and re.fullmatch(r"\w+", src):
            src += "[:]"
        self.sc.vars[v] = "int"
        self.in_comp += 1
        self.closure_depth += 1
        elt = self.e_int(max(d - 1, 0)) if kind == "int" else self.e_cond(0)
        conds = f"{self.ml() if self.f('comp_multiline_if') else ' '}if {self.e_cond(0)}" if self.chance(0.4) else ""
        if self.f("comp_multiline_if") and self.chance(0.15):
            conds += f"\nif ({self.e_cond(0)}\n    or {self.e_cond(0)})"
        del self.sc.vars[v]
        self.in_comp -= 1
        self.closure_depth -= 1
        return f"{elt} for {v} in {src}{conds}"

    def e_dict(self, d):
        d1 = max(d - 1, 0)
        opts = []
        add = opts.append
        dv = self.var("dict")
        if dv:
            add((5, lambda: dv))
        add((3, lambda: "{" + ", ".join(f"{k}: {self.e_int(d1)}" for k in self.r.sample(KEYS, self.r.randint(0, 3))) + "}"))
        if d > 0:
            if self.f("comprehensions") and self.special():
                def dc():
                    v = self.fresh("i")
                    src = self.comp_source(d1)
                    self.sc.vars[v] = "int"
                    with self.closure(comp=True):
                        val = self.e_int(0)
                    del self.sc.vars[v]
                    return f"{{str({v}): {val} for {v} in {src}{' if ' + v + ' % 2' if self.chance(0.3) else ''}}}"
                add((2, dc))
            add((1, lambda: f"dict({self.pick(KEYS)[1:-1]}={self.e_int(d1)}, y={self.e_int(0)})"))
            add((1, lambda: f"{{**{self.e_dict(d1)}, {self.pick(KEYS)}: {self.e_int(0)}}}"))
            add((1, lambda: f"dict.fromkeys([{', '.join(self.r.sample(KEYS, 2))}], {self.e_int(0)})"))
            if self.f("builtin_types"):
                add((1, lambda: f"dict(zip([{', '.join(self.r.sample(KEYS, 3))}], {self.e_list(d1)}))"))
            add((1, lambda: f"({self.e_dict(d1)} | {self.e_dict(0)})"))
        return self.wpick(opts)

    def e_set(self, d):
        d1 = max(d - 1, 0)
        opts = []
        add = opts.append
        sv = self.var("set")
        if sv:
            add((4, lambda: sv))
        add((2, lambda: "{" + ", ".join(self.e_int(0) for _ in range(self.r.randint(1, 4))) + "}"))
        add((2, lambda: f"set({self.e_list(d1)})"))
        if d > 0:
            add((2, lambda: f"({self.e_set(d1)} {self.pick(['|', '&', '-', '^'])} {self.e_set(d1)})"))
            if self.f("comprehensions") and self.special():
                def sc():
                    v = self.fresh("i")
                    src = self.comp_source(d1)
                    self.sc.vars[v] = "int"
                    with self.closure(comp=True):
                        val = self.e_int(0)
                    del self.sc.vars[v]
                    return f"{{{val} % 5 for {v} in {src}}}"
                add((1, sc))
        return self.wpick(opts)

    def e_tuple(self, d):
        d1 = max(d - 1, 0)
        tv = self.var("tuple")
        opts = [
            (2, lambda: f"({self.e_int(d1)}, {self.e_int(d1)})"),
            (1, lambda: f"divmod({self.e_int(d1)}, {self.pick(['3', '-7'])})"),
            (1, lambda: f"tuple({self.e_list(d1)})[:2] + (0, 1)"),
        ]
        if tv:
            opts.append((3, lambda: tv))
        return self.wpick(opts)

    def e_fn(self, d):
        fv = self.var("fn")
        if fv and self.chance(0.3):
            return fv
        c = self.call("fn", d)
        if c and self.chance(0.3):
            return c
        fs = [f for f in self.callables("int") if len(f.params) >= 1 and f.params[0][1] == "int"
              and all(p[2] for p in f.params[1:]) and f.kind == "plain" and not f.kwonly]
        if fs and self.chance(0.3):
            return self.pick(fs).name
        fs2 = [f for f in self.callables("int") if len(f.params) == 2 and all(p[1] == "int" for p in f.params)
               and f.kind == "plain" and not f.kwonly]
        if fs2 and self.f("builtin_types") and self.chance(0.3):
            return f"functools.partial({self.pick(fs2).name}, {self.e_int(0)})"
        if self.f("lambda") and self.special():
            p = self.fresh("x")
            self.sc.vars[p] = "int"
            with self.closure():
                body = self.e_int(1)
            del self.sc.vars[p]
            if self.chance(0.2):
                return f"lambda {p}, z={self.lit_int()}: {body} + z"
            return f"lambda {p}: {body}"
        return "abs"

    def e_obj(self, kname, d):
        k = self.klass(kname)
        opts = []
        v = self.var("obj:" + kname)
        if v:
            opts.append((5, lambda: v))
        opts.append((3, lambda: self.construct(k, d)))
        if k.cls_make:
            opts.append((1, lambda: f"{k.name}.make({self.e_int(0)})"))
        if v and k.has("__add__") and d > 0:
            opts.append((1, lambda: f"{v} + {self.e_obj(kname, 0)}"))
        ov = self.var("objs:" + kname)
        if ov and k.has("__lt__"):
            opts.append((1, lambda: f"{self.pick(['min', 'max'])}({ov})"))
        if ov:
            opts.append((1, lambda: f"{self.pick(['min', 'max'])}({ov}, key=lambda o: o.{self.pick(['a', 'b'])})" if self.f("lambda") and self.special() else f"{ov}[0]"))
        return self.wpick(opts)

    def construct(self, k, d):
        self.sc.cost += k.init_cost * self.sc.mult
        n = len(k.init_params)
        args = [self.e_int(max(d - 1, 0)) for _ in range(self.r.randint(1, n))]
        return f"{k.name}({', '.join(args)})"

    def e_objs(self, kname, d):
        k = self.klass(kname)
        v = self.var("objs:" + kname)
        opts = []
        if v:
            opts.append((4, lambda: v))
        opts.append((2, lambda: "[" + ", ".join(self.construct(k, 0) for _ in range(self.r.randint(1, 4))) + "]"))
        if self.f("comprehensions") and self.special():
            def oc():
                i = self.fresh("i")
                src = f"range({self.r.randint(1, 4)})"
                self.sc.vars[i] = "int"
                with self.closure(comp=True):
                    e = f"{k.name}({i}, {self.e_int(0)})"
                del self.sc.vars[i]
                return f"[{e} for {i} in {src}]"
            opts.append((2, oc))
        if v and self.f("sort_objs"):
            if k.has("__lt__"):
                opts.append((2, lambda: f"sorted({v}{', reverse=True' if self.chance(0.3) else ''})"))
            if self.f("lambda") and self.special():
                opts.append((2, lambda: f"sorted({v}, key=lambda o: {self.pick(['o.a', '-o.b', '(o.b, o.a)', 'o.a % 3'])})"))
        return self.wpick(opts)

    def printable(self, d):
        t = self.pick(["int", "int", "str", "str", "list", "bool", "dict", "tuple", "set", "misc", "misc", "misc"] + (["float"] if self.f("float") else [])
                      + [t for t in set(self.objtypes())])
        if t == "misc":
            return self.e_misc()
        return self.expr(t, d)

    def e_misc(self):
        """Assorted shapes that print: nested data, late binding, formatting, errors."""
        lit = lambda: self.pick(["0o17", "0x1F", "0b101", "1_000", "-0", "True", "10**30", "-(2**65)"])
        opts = [
            lambda: f"{self.pick(STR_RARE)}.{self.pick(['upper', 'lower', 'casefold', 'title', 'swapcase', 'isdigit', 'isdecimal', 'isnumeric', 'isalpha', 'isprintable', 'isidentifier', 'split', 'strip', 'expandtabs'])}()" if self.f("unicode") else "0",
            lambda: f"(len({self.pick(STR_RARE)}), repr({self.pick(STR_RARE)}), ascii({self.pick(STR_RARE)}))" if self.f("unicode") else "1",
            lambda: f"({lit()}, {lit()} {self.pick(['//', '%', '>>', '**'])} {self.pick(['3', '-7', '2'])})",
            lambda: f"{self.pick(['hex', 'bin', 'oct', 'str', 'repr', 'abs', 'bool'])}({self.pick(['-(2**70)', '2**64 - 1', '-1', '0', '10**25 // 7'])})",
            lambda: f"{self.pick(['1e22', '1.1 * 3', 'round(2.675, 2)', '-7.5 // 2', '7 % -2.5', 'divmod(-7.5, 2)', '5e-324', '1e16 + 1', '2.0 ** 0.5', '0.1 * 3', 'float(10**20)', 'int(1e20)', '3.0', '-1e-7', '1.5e300 * 1e10', 'round(-0.5)', 'round(1.5)', 'round(12345, -2)', 'math.fsum([0.1] * 10)', 'sum([0.1] * 10)', 'math.isclose(0.1 + 0.2, 0.3)', 'math.floor(-2.5)', 'math.copysign(1, -0.0)', '(0.1).as_integer_ratio()', '(2.5).is_integer()'])}",
            lambda: f"format({self.pick(['1234567', '-42', '255', '3.14159', '1e-5', '2**70'])}, {self.pick(['_', ',', '#x', '#o', '08.3f', '+.2e', '>10', '^9,', 'g', '.3g', '%', 'n', 'c' if False else 'd'])!r})",
            lambda: f"{self.pick(['%c', '%5.3s', '%-6d|', '%+.1e', '%o', '%#x', '%i', '%5.1f%%', '%s'])!r} % ({self.pick(['65', '-3', '2.5', '12345', '0'])},)",
            self.fstring_debug,
            lambda: f"'{{0[1]}}-{{1.__name__}}-{{0[0]:>3}}'.format({self.e_list(0)} + [0, 0], {self.pick(['int', 'len', 'str'])})",
            lambda: f"sorted({self.e_strlist(0)}, key={self.pick(['len', 'str.lower', 'str.upper', 'repr'])})",
            lambda: f"{self.pick(['max', 'min'])}({self.e_strlist(0)}, key=len, default='')",
            lambda: f"isinstance({self.e_int(0)}, {self.pick(['(int, str)', 'bool', 'object', '(float, list)'])})",
            lambda: f"({self.pick(['issubclass(bool, int)', 'type(True) is bool', 'type(1) == int', 'isinstance(None, type(None))', 'callable(len)', 'callable(0)'])})",
            lambda: f"int({self.pick(STR_POOL[:3] + [repr('ff'), repr(' 12 '), repr('-0x1f'), repr('1_0')])}, {self.pick(['16', '0', '36', '10'])})",
            lambda: f"{self.e_str(0)}.split({self.pick(['maxsplit=1', 'sep=None', repr(' ') + ', 1'])})",
            lambda: f"sum({self.e_list(0)}, {self.pick(['10', '-1', '0.5'])})",
            lambda: f"{self.e_list(0)}[{self.pick(['::-2', '-1:-4:-1', '5:1:-1', '1::3', '-100:100'])}]",
            lambda: f"{self.e_str(0)}[{self.pick(['::-2', '-1:-4:-1', '5:1:-1', '1::3', '-100:100'])}]",
            lambda: f"{self.e_str(0)} * {self.pick(['-1', '0', '2'])}",
            lambda: f"list(zip(*[{self.e_list(0)}, {self.e_list(0)}]))" if self.f("builtin_types") else "0",
            lambda: f"dict(sorted({{'b': 1, 'a': {self.e_int(0)}}}.items()))",
            lambda: f"sorted({{'b': 1, 'a': 2, 'c': {self.e_int(0)}}}.keys() {self.pick(['&', '-', '|', '^'])} {{'a', 'z'}})",
            lambda: f"(lambda {self.pick(['x', 'y'])}: (lambda z: z * 2 + 1))(0)({self.e_int(0)})",
            lambda: f"[{self.e_int(0)}, {self.e_str(0)}] {self.pick(['<', '>'])} [{self.e_int(0)}, {self.e_int(0)}]",
            lambda: f"sorted([{self.e_int(0)}, {self.e_str(0)}])",
            lambda: f"[{self.e_list(0)}, [{self.e_int(0)}], ()]",
            lambda: f"{{({self.e_int(0)}, {self.e_int(0)}): {self.e_list(0)}, 'k': {{}}}}",
            lambda: f"'%(a)s-%(b)d' % {{'a': {self.e_str(0)}, 'b': {self.e_int(0)}}}",
            lambda: f"'{{x}}/{{y!r}}/{{x:>{{w}}}}'.format(x={self.e_int(0)}, y={self.e_str(0)}, w={self.pick(['3', '5'])})",
            lambda: f"{self.e_list(0)}.index({self.e_int(0)})",
            lambda: f"int({self.e_str(0)})",
            lambda: f"{self.e_str(0)} {self.pick(['<', '>=', '==', '!='])} {self.e_str(0)}",
            lambda: f"{self.pick(['min', 'max'])}({self.e_list(0)})",
            lambda: f"{self.e_str(0)}.split({self.pick(['', repr(' '), repr('a')])})",
            lambda: f"{self.e_list(0)} {self.pick(['<', '==', '>'])} {self.e_list(0)}",
            lambda: f"({self.e_int(0)}, {self.e_str(0)}) < ({self.e_int(0)}, {self.e_str(0)})",
            lambda: f"{self.e_int(0)} {self.pick(['and', 'or'])} {self.e_str(0)}",
            lambda: f"{self.e_float(0)} {self.pick(['==', '<'])} {self.e_int(0)}" if self.f("float") else "0",
            lambda: f"[{self.e_int(0)}, {self.e_str(0)}, None, {self.pick(['True', '1.0', '-0.5', '10**20'])}]",
        ]
        if self.f("lambda") and self.special() and self.f("comprehensions"):
            a, b = self.fresh("i"), self.fresh("g")
            opts += [
                lambda: f"[{b}() for {b} in [lambda: {a} for {a} in range(3)]]",
                lambda: f"[{b}() for {b} in [lambda {a}={a}: {a} * 2 for {a} in range(3)]]",
                lambda: f"(lambda *{a}, **{b}: (len({a}), sorted({b})))({self.e_int(0)}, {self.e_str(0)}, z={self.e_int(0)})",
            ]
            dv = self.var("dict")
            if dv:
                opts.append(lambda: f"sorted({dv}.items(), key=lambda kv: (kv[1], kv[0]))")
            if self.f("builtin_types"):
                opts.append(lambda: f"list(map(lambda {a}, {b}: {a} - {b}, {self.e_list(0)}, {self.e_list(0)}))")
        if self.f("numeric_edges"):
            opts += [
                lambda: self.pick(NUM_BINARY).format(a=f"({self.pick(NUM_VALUES)})", b=f"({self.pick(NUM_VALUES)})"),
                lambda: self.pick(NUM_UNARY).format(a=f"({self.pick(NUM_VALUES)})"),
            ]
        if self.sc.func_scope():
            opts += [
                lambda: f"sys._getframe().f_code.{self.pick(['co_name', 'co_argcount', 'co_firstlineno', 'co_kwonlyargcount'] + (['co_varnames'] if self.f('varnames_order') else []) + (['co_qualname'] if self.f('qualname') else []))}",
                lambda: f"sys._getframe({self.pick(['0'] if self.self_import else ['0', '1'])}).{self.pick(['f_lineno', 'f_code.co_name'] + ([] if self.self_import else ['f_back.f_code.co_name']) + (['f_code.co_filename == __file__'] if self.f('dunder_file') else []))}",
                lambda: "sorted(sys._getframe().f_locals)",
                lambda: "sys._getframe().f_back.f_lineno",
            ]
        for ot in set(self.objtypes()):
            o = self.var(ot)
            k = self.klass(ot[4:])
            if o and k and k.has("__hash__") and k.has("__eq__") and self.f("obj_keys"):
                o2 = self.var(ot)
                opts.append(lambda o=o, o2=o2: f"{{{o}: 1, {o2}: 2}}")
                opts.append(lambda o=o, o2=o2: f"len({{{o}, {o2}, {o}}})")
                opts.append(lambda o=o, o2=o2: f"{o} in {{{o2}: 0}}")
                opts.append(lambda o=o, o2=o2: f"{{{o}: 'x'}}.get({o2}, 0)")
                opts.append(lambda o=o, o2=o2: f"({o},) in {{({o2},)}}")
            if o and k and (k.has("__iter__") or k.has("__getitem__")) and not k.has("__contains__") and (self.f("py_iter") or not k.has("__iter__")):
                opts.append(lambda o=o: f"{self.e_int(0)} in {o}")
            if o:
                opts.append(lambda o=o: f"{o} {self.pick(['==', '!='])} {self.pick(['3', 'None', repr('x'), o])}")
                opts.append(lambda o=o: f"type({o}) is {ot[4:]}")
            if o:
                opts.append(lambda o=o: f"getattr({o}, {self.pick(['a', 'b', 'zz', 'tag'])!r}, None)")
                opts.append(lambda o=o: f"({o}.__class__.__name__, isinstance({o}, object))")
        return self.pick(opts)()

    # -- statements --
    def block(self, ind, n, ctx=None, loop=False):
        """Generate a nested block; names bound inside are forgotten afterwards."""
        saved = dict(self.sc.vars)
        saved_ctx = set(self.sc.ctx)
        if ctx:
            self.sc.ctx.add(ctx)
        if loop:
            self.sc.loop += 1
        start = len(self.out)
        for _ in range(n):
            self.stmt(ind)
        if len(self.out) == start:
            self.emit(ind, "pass")
        if loop:
            self.sc.loop -= 1
        self.sc.ctx = saved_ctx
        self.sc.vars = saved

    def depth_ok(self, ind):
        base = self.sc_ind
        return ind - base < 3

    def stmt(self, ind):
        opts = []
        add = opts.append
        s = self.sc
        add((8, lambda: self.s_assign_new(ind)))
        add((6, lambda: self.s_update(ind)))
        add((6, lambda: self.s_print(ind)))
        add((3, lambda: self.s_call(ind)))
        if self.depth_ok(ind) and s.cost < COST_LIMIT:
            add((4, lambda: self.s_if(ind)))
            add((4, lambda: self.s_for(ind)))
            if self.f("while"):
                add((2, lambda: self.s_while(ind)))
            if self.f("exceptions"):
                add((4, lambda: self.s_try(ind)))
            if self.ctx_class:
                add((2, lambda: self.s_with(ind)))
            if s.func_scope() and self.f("closures") and len(self.out) < 400 and self.special():
                add((2, lambda: self.s_nested_def(ind)))
            if (self.f("local_class") and self.chance(0.1) and s.kind != "class" and self.special()
                    and (self.mode != "setprofile" or self.f("class_profiled"))):
                add((1, lambda: self.s_local_class(ind)))
        if s.loop and "finally_noloop" not in s.ctx:
            add((2, lambda: self.emit(ind, f"if {self.e_cond(0)}:") or self.emit(ind + 1, self.pick(["break", "continue"]))))
            add((1, lambda: self.emit(ind, self.pick(["break", "continue"]))))
        if s.func_scope():
            add((2, lambda: self.s_return(ind, cond=True)))
            if self.f("globals") and s.parent is self.module:
                add((1, lambda: self.s_global(ind)))
        if self.f("exceptions"):
            add((2, lambda: self.s_raise(ind)))
            add((1, lambda: self.emit(ind, f"assert {self.e_cond(1)}{', ' + self.e_str(0) if self.chance(0.5) else ''}")))
        add((1, lambda: self.s_del(ind)))
        add((1, lambda: self.s_unpack(ind)))
        if self.f("attr_churn") and self.classes:
            add((1, lambda: self.s_attr_churn(ind)))
        if self.f("probes"):
            add((2, lambda: self.s_probe(ind)))
        if self.f("eval_exec"):
            add((1, lambda: self.emit(ind, f"exec({self.in_eval(lambda: 'print(' + self.e_int(1) + ')')!r})")))
        if self.f("lambda") and self.special():
            add((1, lambda: self.s_assign_fn(ind)))
        if self.f("trace_toggle") and self.mode == "settrace" and self.chance(0.05):
            add((1, lambda: self.emit(ind, self.pick(["sys.settrace(None)", "sys.settrace(_t)", "sys._getframe().f_trace = _t",
                                                     "sys.settrace(sys.gettrace())"]))))
        self.wpick(opts)
        s.cost += s.mult

    def newtype(self):
        ts = ["int"] * 6 + ["str"] * 3 + ["list"] * 3 + ["dict", "tuple", "set", "fn"]
        if self.f("float"):
            ts.append("float")
        for k in self.classes:
            ts += ["obj:" + k.name] * 2 + ["objs:" + k.name]
        return self.pick(ts)

    def s_assign_new(self, ind):
        t = self.newtype()
        name = self.fresh("v")
        e = self.expr(t, 2)
        if self.f("backslash") and self.chance(0.04) and t == "int":
            self.emit(ind, f"{name} = {e} + \\")
            self.out.append("    " * (ind + 1) + self.e_int(0))
        elif self.chance(0.08) and t in ("int", "str"):
            other = self.fresh("v")
            self.emit(ind, f"{name} = {other} = {e}")
            self.sc.vars[other] = t
        else:
            self.emit(ind, f"{name} = {e}")
        self.sc.vars[name] = t

    def s_assign_fn(self, ind):
        name = self.fresh("fn")
        self.emit(ind, f"{name} = {self.e_fn(1)}")
        self.sc.vars[name] = "fn"

    def s_update(self, ind):
        opts = []
        add = opts.append
        iv = self.writable("int")
        if iv:
            add((4, lambda: self.emit(ind, f"{self.pick(iv)} {self.pick(['+=', '-='])} {self.e_int(1)}")))
            add((1, lambda: self.emit(ind, f"{self.pick(iv)} {self.pick(['*=', '//=', '%='])} {self.pick(['2', '3', '-2'])}")))
            add((1, lambda: self.emit(ind, f"{self.pick(iv)} {self.pick(['<<=', '>>=', '|=', '^=', '&='])} {self.pick(['1', '2', '5'])}")))
            add((2, lambda: self.emit(ind, f"{self.pick(iv)} = ({self.e_int(2)}) % {self.pick(['97', '1000', '7'])}")))
        sv = self.writable("str")
        if sv:
            add((2, lambda: self.emit(ind, f"{self.pick(sv)} += {self.e_str(1)}[:{self.pick(['3', '5'])}]")))
        # Only lists of this very scope grow or shrink: a loop iterates a copy of
        # them, and no callee can mutate a list it iterates (no endless loop).
        lv = [n for n, t in self.sc.vars.items() if t == "list" and n not in self.sc.params]
        if lv:
            l = self.pick(lv)
            add((3, lambda: self.emit(ind, f"{l}.append({self.e_int(1)})")))
            add((1, lambda: self.emit(ind, f"{l}.extend({self.e_list(1)}[:3])")))
            add((1, lambda: self.emit(ind, f"{l}.insert({self.pick(['0', '1', '-1'])}, {self.e_int(1)})")))
            add((1, lambda: self.emit(ind, f"{l}.{self.pick(['pop()', 'pop(0)', 'reverse()', 'sort()', 'clear()'])}")))
            add((1, lambda: self.emit(ind, f"{l}.sort({self.sort_args()[2:]})")))
            add((1, lambda: self.emit(ind, f"{l}[{self.pick(['0', '-1', '1'])}] = {self.e_int(1)}")))
            add((1, lambda: self.emit(ind, f"{l}[{self.pick(['1:2', ':1', '2:', '::2'])}] = {self.e_list(0)}" if "::" not in l else "pass")))
            add((1, lambda: self.emit(ind, f"{l}.remove({self.e_int(0)})")))
            add((1, lambda: self.emit(ind, f"del {l}[{self.pick(['0', '-1', '1:3', '::2'])}]")))
        # Augmented item assignment (krait fuses it for lists); the length
        # does not change, so any readable list will do.
        rv = self.readable("list")
        if rv:
            rl = self.pick(rv)
            add((2, lambda: self.emit(ind, f"if {rl}:") or self.emit(
                ind + 1, f"{rl}[{self.pick(['0', '-1', f'len({rl}) // 2', 'True'])}] "
                f"{self.pick(['+=', '-=', '*=', '|='])} {self.e_int(1)}")))
        dv = self.readable("dict")
        if dv:
            dd = self.pick(dv)
            add((3, lambda: self.emit(ind, f"{dd}[{self.pick(KEYS)}] = {self.e_int(1)}")))
            add((1, lambda: self.emit(ind, f"{dd}[{self.pick(KEYS)}] {self.pick(['+=', '-='])} {self.e_int(0)}")))
            add((1, lambda: self.emit(ind, f"{dd}.update({self.e_dict(1)})")))
            add((1, lambda: self.emit(ind, f"{dd}.setdefault({self.pick(KEYS)}, {self.e_int(0)})")))
            add((1, lambda: self.emit(ind, f"{dd}.pop({self.pick(KEYS)}{', None' if self.chance(0.5) else ''})")))
            add((1, lambda: self.emit(ind, f"del {dd}[{self.pick(KEYS)}]")))
        setv = self.readable("set")
        if setv:
            st = self.pick(setv)
            add((2, lambda: self.emit(ind, f"{st}.{self.pick(['add', 'discard', 'remove'])}({self.e_int(0)})")))
            add((1, lambda: self.emit(ind, f"{st} {self.pick(['|=', '&=', '-='])} {self.e_set(1)}" if st in self.writable("set") else f"{st}.update({self.e_list(0)})")))
        for k in self.classes:
            add((1, lambda k=k: self.emit(ind, f"{k.name}.tag {self.pick(['+=', '-='])} 1")))
        for ot in set(self.objtypes()):
            k = self.klass(ot[4:])
            o = self.var(ot)
            if not k or not o:
                continue
            add((1, lambda o=o: self.emit(ind, f"setattr({o}, {self.pick(['a', 'b'])!r}, {self.e_int(0)})")))
            if self.chance(0.2):
                add((1, lambda o=o: self.emit(ind, f"del {o}.b")))
            add((2, lambda o=o: self.emit(ind, f"{o}.{self.pick(['a', 'b'])} {self.pick(['=', '+='])} {self.e_int(1)}")))
            if k.all_setters():
                add((2, lambda o=o, k=k: self.emit(ind, f"{o}.{self.pick(k.all_setters())} = {self.e_int(1)}")))
            if k.has("__setitem__"):
                add((1, lambda o=o: self.emit(ind, f"{o}[{self.pick(['0', '1', '-1'])}] = {self.e_int(1)}")))
        if not opts:
            return self.s_assign_new(ind)
        self.wpick(opts)

    def s_print(self, ind):
        n = self.r.randint(1, 3)
        args = [self.printable(1) for _ in range(n)]
        if self.chance(0.05):
            args[-1] = "*" + self.e_list(1)
        kw = ""
        if self.chance(0.15):
            kw += f", sep={self.pick(['-', '', ', ', '|'])!r}"
        if self.chance(0.1):
            kw += ", end=" + repr(self.pick(["!\n", " ", ";\n"]))
        if not self.f("print_objects"):
            # convert before the call: print() writes each item as it converts it
            args = [args[0]] + [a if a.startswith("*") else f"str({a})" for a in args[1:]]
        sep = "," + self.ml() if self.chance(0.2) and (self.f("starred_multiline") or not args[-1].startswith("*")) else ", "
        self.emit(ind, f"print({sep.join(args)}{kw})")

    def s_call(self, ind):
        for t in self.r.sample(["int", "str", "list", "None"], 4):
            c = self.call(t, 1)
            if c:
                if self.chance(0.5) or t == "None":
                    self.emit(ind, c)
                else:
                    self.emit(ind, f"print({c})")
                return
        self.s_print(ind)

    def s_if(self, ind):
        cond = self.e_cond(2)
        if self.f("walrus") and self.chance(0.15) and not self.in_class_body():
            w = self.fresh("w")
            cond = f"({w} := {self.e_int(1)}) {self.pick(['>', '<', '!='])} {self.lit_int()}"
            self.sc.vars[w] = "int"
        self.emit(ind, f"if {cond}:")
        self.block(ind + 1, self.r.randint(1, 3))
        for _ in range(self.r.randint(0, 2)):
            if self.chance(0.5):
                self.emit(ind, f"elif {self.e_cond(1)}:")
                self.block(ind + 1, self.r.randint(1, 2))
        if self.chance(0.5):
            self.emit(ind, "else:")
            self.block(ind + 1, self.r.randint(1, 2))

    def loop_list(self, d):
        e = self.e_list(d)
        if re.fullmatch(r"\w+", e):
            e = self.pick([f"{e}[:]", f"list({e})", f"tuple({e})", f"{e}.copy()"])
        return e

    def loop_source(self):
        """(iterable text, target, [(name, type)])"""
        v = self.fresh("i")
        opts = [
            (4, lambda: (f"range({self.pick(['', '1, ', '-1, '])}{self.r.randint(0, 4)})", v, [(v, "int")])),
            (1, lambda: (f"range({self.r.randint(3, 6)}, 0, -{self.r.randint(1, 2)})", v, [(v, "int")])),
            (3, lambda: (self.loop_list(1), v, [(v, "int")])),
            (1, lambda: (self.e_str(0), v, [(v, "str")])),
        ]
        if self.var("dict"):
            k2 = self.fresh("k")
            opts.append((2, lambda: (f"{self.var('dict')}.items()", f"{k2}, {v}", [(k2, "str"), (v, "int")])))
            opts.append((1, lambda: (f"list({self.var('dict')})", k2, [(k2, "str")])))
        if self.f("builtin_types"):
            j = self.fresh("j")
            opts.append((1, lambda: (f"enumerate({self.loop_list(1)}{', 1' if self.chance(0.3) else ''})", f"{j}, {v}", [(j, "int"), (v, "int")])))
            opts.append((1, lambda: (f"zip({self.loop_list(0)}, {self.loop_list(0)})", f"({j}, {v})", [(j, "int"), (v, "int")])))
            opts.append((1, lambda: (f"reversed({self.loop_list(1)})", v, [(v, "int")])))
            opts.append((1, lambda: (f"map({self.int_fn()}, {self.loop_list(1)})", v, [(v, "int")])))
            opts.append((1, lambda: (f"filter({self.pred_fn()}, {self.loop_list(1)})", v, [(v, "int")])))
        if self.f("genexpr_early") and self.f("comprehensions") and self.special():
            opts.append((1, lambda: (f"({self.genexpr('int', 0, lazy=True)})", v, [(v, "int")])))
        for ot in set(self.objtypes()):
            k = self.klass(ot[4:])
            o = self.var(ot)
            if k and o and (k.has("__iter__") or k.has("__getitem__")) and (self.f("py_iter") or not k.has("__iter__")):
                opts.append((2, lambda o=o: (o, v, [(v, "int")])))
            ov = self.var("objs:" + ot[4:])
            if ov:
                opts.append((1, lambda ov=ov, ot=ot: (ov, v, [(v, ot)])))
        return self.wpick(opts)

    def s_for(self, ind):
        it, target, binds = self.loop_source()
        if self.readable("list").count(it) or it.startswith("objs") or self.readable_any(it):
            it = self.pick([f"{it}[:]", f"list({it})", f"tuple({it})", f"{it}.copy()"])
        self.emit(ind, f"for {target} in {it}:")
        saved = self.sc.mult
        self.sc.mult *= 5
        outer = dict(self.sc.vars)
        for n, t in binds:
            self.sc.vars[n] = t
        self.block(ind + 1, self.r.randint(1, 3), loop=True)
        self.sc.vars = outer
        self.sc.mult = saved
        if self.chance(0.3):
            self.emit(ind, "else:")
            self.block(ind + 1, self.r.randint(1, 2))

    def s_while(self, ind):
        n = self.fresh("n")
        self.counters.add(n)
        lim = self.r.randint(1, 4)
        self.emit(ind, f"{n} = 0")
        self.sc.vars[n] = "int"
        saved_ctx = set(self.sc.ctx)
        self.sc.ctx.add("while_cond")
        kind = self.r.randint(0, 5)
        if kind == 0:
            cond = f"{n} < {lim}"
        elif kind == 1:
            cond = f"{n} < {lim} and ({self.e_cond(1)})"
        elif kind == 2 and self.f("lambda") and self.special():
            cond = f"(lambda c: c < {lim})({n})"
        elif kind == 3:
            cond = f"({n} < {lim}\n    and ({self.e_cond(0)}\n    or {self.e_cond(0)}))" if self.f("multiline_cond") else f"{n} < {lim} and ({self.e_cond(0)} or {self.e_cond(0)})"
        elif kind == 4 and self.f("comprehensions") and self.special():
            cond = f"{n} < {lim} and [{self.over('range(2)', lambda v: v)}]"
        else:
            cond = "True"
        self.sc.ctx = saved_ctx
        self.emit(ind, f"while {cond}:")
        self.emit(ind + 1, f"{n} += 1")
        if cond == "True":
            self.emit(ind + 1, f"if {n} > {lim}:")
            self.emit(ind + 2, "break")
        saved = self.sc.mult
        self.sc.mult *= 5
        self.block(ind + 1, self.r.randint(1, 3), loop=True)
        self.sc.mult = saved
        if self.chance(0.3):
            self.emit(ind, "else:")
            self.block(ind + 1, self.r.randint(1, 2))

    def exc_class(self):
        opts = EXC_BUILTIN + self.excs * 3
        return self.pick(opts)

    def raise_expr(self):
        e = self.exc_class()
        if e in self.exc_with_code:
            return f"{e}({self.e_int(0)})"
        return self.pick([e, f"{e}({self.e_str(0)})", f"{e}({self.e_int(0)})"])

    def s_raise(self, ind):
        if "except" in self.sc.ctx and self.chance(0.4):
            self.emit(ind, self.pick(["raise", f"raise {self.raise_expr()} from {self.cur_exc or 'None'}"]))
            return
        self.emit(ind, f"if {self.e_cond(1)}:")
        self.emit(ind + 1, f"raise {self.raise_expr()}")

    def handler_types(self):
        k = self.r.randint(0, 4)
        if k == 0:
            return "Exception"
        if k == 1:
            return f"({', '.join(self.r.sample(EXC_BUILTIN + self.excs, 2))})"
        return self.exc_class()

    def s_try(self, ind):
        self.emit(ind, "try:")
        self.block(ind + 1, self.r.randint(1, 3))
        nh = self.r.choice([0, 1, 1, 1, 2, 2])
        has_final = nh == 0 or self.chance(0.35)
        for i in range(nh):
            ht = self.handler_types()
            if self.chance(0.6):
                e = self.fresh("e")
                self.emit(ind, f"except {ht} as {e}:")
                saved = self.cur_exc
                self.cur_exc = e
                self.emit(ind + 1, f"print({self.pick(['type(' + e + ').__name__', repr('caught')])}, {self.pick(['repr(' + e + ')', e if self.f('print_objects') else 'str(' + e + ')', e + '.args', 'str(' + e + ')', 'type(' + e + '.__context__).__name__', e + '.__cause__ is None'])})")
                self.block(ind + 1, self.r.randint(0, 2), ctx="except")
                self.cur_exc = saved
            else:
                self.emit(ind, f"except {ht}:")
                saved = self.cur_exc
                self.cur_exc = None
                self.block(ind + 1, self.r.randint(1, 2), ctx="except")
                self.cur_exc = saved
        if nh and self.chance(0.3):
            self.emit(ind, "else:")
            self.block(ind + 1, self.r.randint(1, 2), ctx="try_else")
        if has_final:
            self.emit(ind, "finally:")
            if self.f("finally_complex"):
                if self.sc.func_scope() and self.chance(0.15):
                    self.s_print(ind + 1)
                    self.s_return(ind + 1, cond=self.chance(0.5))
                else:
                    self.block(ind + 1, self.r.randint(1, 2), ctx="finally")
            else:
                saved = set(self.sc.ctx)
                self.sc.ctx.add("finally")
                self.sc.ctx.add("finally_noloop")
                e = self.pick(["print(%s)" % repr(self.pick(["fin", "cleanup", "f"])),
                               "print('fin', %s)" % (self.var("int") or "0")])
                self.emit(ind + 1, e)
                self.sc.ctx = saved

    def ctx_item(self):
        swallow = self.pick(["False", "False", "True"]) if self.f("exceptions") else "False"
        item = f"{self.ctx_class}({self.e_int(1)}, {swallow})"
        if self.chance(0.5):
            name = self.fresh("w")
            return f"{item} as {name}", name
        return item, None

    def s_with(self, ind):
        """`with` one or two context managers (on one line or parenthesized
        on two), the names bound by `as` usable in the body only (a
        swallowed exception may skip assignments)."""
        items = [self.ctx_item() for _ in range(self.pick([1, 1, 2]))]
        texts = [t for t, _ in items]
        if len(texts) == 2 and self.chance(0.3):
            self.emit(ind, f"with ({texts[0]},")
            self.emit(ind + 2, f"{texts[1]}):")
        else:
            self.emit(ind, f"with {', '.join(texts)}:")
        outer = dict(self.sc.vars)
        for _, name in items:
            if name:
                self.sc.vars[name] = "int"
        self.block(ind + 1, self.r.randint(1, 3))
        self.sc.vars = outer

    def ctx_class_def(self):
        """The context manager class `with` statements use: it prints what
        it enters and the exception it is handed, and may swallow it."""
        name = self.fresh("Ctx")
        self.emit(0, f"class {name}:")
        self.emit(1, "def __init__(self, tag, swallow):")
        self.emit(2, "self.tag = tag")
        self.emit(2, "self.swallow = swallow")
        self.emit(1, "def __enter__(self):")
        self.emit(2, "print('enter', self.tag)")
        self.emit(2, "return self.tag")
        self.emit(1, "def __exit__(self, et, ev, tb):")
        self.emit(2, "print('exit', self.tag, et.__name__ if et is not None else '-')")
        self.emit(2, "return self.swallow")
        self.ctx_class = name

    def s_return(self, ind, cond):
        ret = self.sc.ret
        val = self.expr(ret, 1) if ret != "None" else self.pick(["", " None"])
        val = (" " + val) if ret != "None" else val
        if cond:
            self.emit(ind, f"if {self.e_cond(1)}:")
            self.emit(ind + 1, f"return{val}")
        else:
            self.emit(ind, f"return{val}")

    def probe_text(self):
        k = self.r.randint(0, 9)
        if k == 0 and self.funcs:
            fn = self.pick(self.funcs)
            if fn.kind != "plain":
                return self.pick(PROBES)
            return self.pick([
                f"{fn.name}(*([0] * {len(fn.params) + 2}))" if not fn.varargs else f"{fn.name}(zz_nope=1)",
                f"{fn.name}()" if fn.params and not fn.params[0][2] else f"{fn.name}(zz_nope=2)",
                f"{fn.name}({', '.join('0' for _ in fn.params[:1])}{', ' if fn.params[:1] else ''}{fn.params[0][0]}=1)" if fn.params else f"{fn.name}(1, 2, 3, 4, 5, 6)",
            ])
        if k == 1 and self.classes:
            kl = self.pick(self.classes)
            ms = list(kl.all_methods().values())
            return self.pick([f"{kl.name}()", f"{kl.name}(1, 2, 3, 4)", f"{kl.name}(1).zz_missing",
                              f"{kl.name}.zz_missing", f"{kl.name}(1, q=2)"]
                             + ([f"{kl.name}(1).{ms[0].name}()", f"{kl.name}.{ms[0].name}(1)"] if ms else []))
        if k == 2 and self.f("suggestions"):
            return self.pick(PROBES_CLOSE)
        if k == 3 and self.f("probe_messages"):
            return self.pick(PROBES_FOUND)
        if k == 4 and self.f("itertools"):
            return self.pick(PROBES_ITERTOOLS)
        if k == 5 and self.f("re"):
            return self.pick(PROBES_RE)
        if k == 6 and self.f("collections"):
            return self.pick(PROBES_COLLECTIONS)
        while True:
            p = self.pick(PROBES)
            if self.f("builtin_types") or not re.search(r"\b(map|filter|zip|enumerate|reversed|partial)\(", p):
                return p

    def s_probe(self, ind):
        """A statement that raises, caught and printed (message and type)."""
        self.emit(ind, "try:")
        for part in self.probe_text().split("; "):
            self.emit(ind + 1, part)
        self.emit(ind, f"except {self.pick(['Exception'] * 6 + ['ArithmeticError', '(TypeError, ValueError)', 'LookupError'])} as {(e := self.fresh('e'))}:")
        self.emit(ind + 1, f"print({self.pick(['type(' + e + ').__name__', repr('probe')])}, {self.pick(['str(' + e + ')', 'repr(' + e + ')', e + '.args'])})")

    def s_global(self, ind):
        gs = [n for n, t in self.module.vars.items() if t == "int" and n.startswith("G")]
        if not gs:
            return self.s_print(ind)
        g = self.pick(gs)
        if g not in self.sc.declared:
            # a global statement must precede every use of the name in the function
            self.sc.declared[g] = "int"
            self.out.insert(self.body_start, "    " * self.sc_ind + f"global {g}")
        self.emit(ind, f"{g} {self.pick(['+=', '-='])} {self.e_int(0)}")

    def s_del(self, ind):
        own = [n for n, t in self.sc.vars.items() if not n.startswith(("p", "self", "d"))]
        if own and self.chance(0.6) and self.sc.kind != "module" and ind == self.sc_ind:
            n = self.pick(own)
            if n in self.captured and not self.f("del_deref"):
                return self.s_print(ind)
            self.emit(ind, f"del {n}")
            del self.sc.vars[n]
        else:
            self.s_print(ind)

    def s_attr_churn(self, ind):
        # What attribute caches assume, changed under them: an attribute
        # deleted and re-added (another order), swapped, the instance's
        # __dict__ written, a class attribute set and read through instances.
        k = self.pick(self.classes)
        v = self.var("obj:" + k.name)
        if not v:
            return self.s_print(ind)
        c = self.r.randint(0, 4)
        if c == 0:
            self.emit(ind, f"del {v}.a")
            self.emit(ind, f"{v}.a = {self.e_int(0)}")
        elif c == 1:
            self.emit(ind, f"{v}.a, {v}.b = {v}.b, {v}.a")
        elif c == 2:
            self.emit(ind, f"vars({v})['b'] = {self.e_int(0)}")
        elif c == 3:
            self.emit(ind, f"{k.name}.tag = {self.e_int(0)}")
            self.emit(ind, f"print({v}.tag, {v}.a)")
        else:
            self.emit(ind, f"{v}.extra = {v}.a")
            self.emit(ind, f"print({v}.extra + {v}.b)")

    def s_unpack(self, ind):
        a, b = self.fresh("u"), self.fresh("u")
        k = self.r.randint(0, 3)
        if k == 0:
            self.emit(ind, f"{a}, {b} = {self.e_tuple(1)}")
            self.sc.vars[a] = self.sc.vars[b] = "int"
        elif k == 1:
            self.emit(ind, f"{a}, *{b} = [{self.e_int(0)}, *{self.e_list(1)}]")
            self.sc.vars[a] = "int"
            self.sc.vars[b] = "list"
        elif k == 2:
            iv = self.writable("int")
            if len(iv) >= 2:
                x, y = self.r.sample(iv, 2)
                self.emit(ind, f"{x}, {y} = {y}, {x}")
            else:
                self.emit(ind, f"[{a}, {b}] = {self.e_int(0)}, {self.e_int(0)}")
                self.sc.vars[a] = self.sc.vars[b] = "int"
        else:
            self.emit(ind, f"{a}, ({b}, _) = {self.e_int(0)}, {self.e_tuple(0)}")
            self.sc.vars[a] = self.sc.vars[b] = "int"
            self.sc.vars["_"] = "int"

    def s_nested_def(self, ind):
        """A closure: maybe writes an enclosing variable with nonlocal; called here."""
        name = self.fresh("h")
        params = [(self.fresh("p"), "int", False)]
        ret = self.pick(["int", "int", "str", "None"])
        outer_ints = [n for n, t in self.sc.vars.items() if t == "int"]
        self.emit(ind, f"def {name}({params[0][0]}):")
        inner = Scope("func", name, self.sc)
        inner.ret = ret
        for p, t, _ in params:
            inner.vars[p] = t
            inner.params.add(p)
        if outer_ints and self.f("nonlocal") and self.chance(0.5):
            nl = self.pick(outer_ints)
            self.emit(ind + 1, f"nonlocal {nl}")
            inner.declared[nl] = "int"
            self.captured.add(nl)
        self.captured.update(outer_ints)
        fn = Func(name, params, ret)
        self.function_body(inner, ind + 1, self.r.randint(1, 3))
        fn.cost = max(inner.cost, 1)
        self.sc.funcs.append(fn)
        if ret == "int":
            self.sc.vars[name] = "fn"
        # call it right away, sometimes in a loop
        if self.chance(0.6):
            self.emit(ind, f"print({name}({self.e_int(0)}))")
            self.sc.cost += fn.cost * self.sc.mult

    def s_local_class(self, ind):
        name = self.fresh("L")
        self.emit(ind, f"class {name}:")
        self.emit(ind + 1, f"x = {self.lit_int()}")
        self.emit(ind + 1, "def get(self):")
        self.emit(ind + 2, f"return self.x {self.pick(['+', '*'])} {self.lit_int()}")
        self.emit(ind, f"print({name}().get(), {name}.x)")

    def function_body(self, scope, ind, n):
        saved_sc, saved_ind, saved_bs = self.sc, self.sc_ind, self.body_start
        self.sc = scope
        self.sc_ind = ind
        self.body_start = len(self.out)
        start = len(self.out)
        if scope.rec:
            fn, dp = scope.rec
            self.emit(ind, f"if {dp} <= 0:")
            scope.funcs.remove(fn)  # the base case must not recurse
            self.emit(ind + 1, f"return {self.expr(scope.ret, 1) if scope.ret != 'None' else 'None'}")
            scope.funcs.append(fn)
        for _ in range(n):
            self.stmt(ind)
        if scope.rec:
            fn, dp = scope.rec
            rest = ", ".join(self.expr(t, 0) for _, t, _ in fn.params[1:])
            call = f"{fn.name}({dp} - 1{', ' + rest if rest else ''})"
            if scope.ret == "int":
                call2 = f"{fn.name}({dp} - {self.pick(['1', '2'])}{', ' + rest if rest else ''})"
                self.emit(ind, f"return {call} {self.pick(['+', '-'])} {call2 if self.chance(0.4) else self.e_int(1)}")
            elif scope.ret == "str":
                self.emit(ind, f"return {call} + {self.e_str(0)}")
            else:
                self.emit(ind, call)
        elif scope.ret != "None" or self.chance(0.3):
            self.s_return(ind, cond=False)
        if len(self.out) == start:
            self.emit(ind, "pass")
        self.sc, self.sc_ind, self.body_start = saved_sc, saved_ind, saved_bs

    def top_function(self):
        name = self.fresh("f")
        rec = self.f("recursion") and self.chance(0.25)
        params = []
        if rec:
            params.append((self.fresh("d"), "int", False))
        for _ in range(self.r.randint(0, 3)):
            params.append((self.fresh("p"), self.pick(["int", "int", "int", "str", "list"] + ["obj:" + k.name for k in self.classes]), False))
        ndef = self.r.randint(0, 2)
        for i in range(len(params) - 1, (0 if rec else -1), -1):
            if ndef == 0 or params[i][1].startswith("obj"):
                break
            params[i] = (params[i][0], params[i][1], True)
            ndef -= 1
        kwonly = []
        varargs = False
        if not rec and self.chance(0.2):
            varargs = True
        if not rec and self.chance(0.15):
            kwonly.append((self.fresh("kw"), "int"))
        ret = self.pick(["int", "int", "int", "str", "list", "None"] + (["fn"] if self.f("closures") and not rec else []))
        plist = []
        for n, t, hd in params:
            plist.append(f"{n}={self.lit_default(t)}" if hd else n)
        # defaults must be trailing and not for objects; recompute has_default accordingly
        params = [(n, t, "=" in p) for (n, t, _), p in zip(params, plist)]
        if varargs:
            plist.append("*rest")
        if kwonly:
            if not varargs:
                plist.append("*")
            plist += [f"{n}={self.lit_int()}" for n, _ in kwonly]
        if self.chance(0.1) and not rec:
            plist.append("**opts")
        fn = Func(name, params, ret, kind="rec" if rec else "plain", kwonly=kwonly, varargs=varargs)
        sc = Scope("func", name, self.module)
        sc.ret = ret
        for n, t, _ in params:
            sc.vars[n] = t
            sc.params.add(n)
        if varargs:
            sc.vars["rest"] = "tuple"
        if rec:
            sc.rec = (fn, params[0][0])
            sc.funcs.append(fn)
            self.counters.add(params[0][0])  # the depth must keep shrinking
        ret_ann = ""
        sep = ", "
        if self.f("annotations") and self.chance(0.3):
            # Annotations (evaluated at def time) and defaults on lines of their own.
            def ann(p):
                if p.startswith("*") or p == "*":
                    return p
                n, eq, d = p.partition("=")
                a = self.pick(["int", "'str'", "list", "float", "'K'"])
                return f"{n}: {a} = {d}" if eq else f"{n}: {a}"
            plist = [ann(p) for p in plist]
            ret_ann = self.pick([" -> int", " -> 'R'", ""])
            if self.chance(0.5):
                sep = ",\n        "
        if self.f("lru_cache") and not varargs and all(t in ("int", "str") for _, t, _ in params) and self.chance(0.2):
            # Memoized: calls through the native wrapper; hits run no frame.
            self.emit(0, self.pick(["@functools.lru_cache", "@functools.lru_cache(maxsize=2)", "@functools.cache",
                                    "@functools.lru_cache(maxsize=None, typed=True)"]))
        self.emit(0, f"def {name}({sep.join(plist)}){ret_ann}:")
        self.function_body(sc, 1, self.r.randint(2, 6))
        fn.cost = max(sc.cost, 1) * (16 if rec else 1)
        if rec:
            sc.funcs.remove(fn)
        self.funcs.append(fn)

    def bsub_function(self):
        """A subclass of a built-in type (feature `builtin_subclass`), with
        a method, perhaps an override calling super(), and a function that
        makes one and works it through the type's methods and operators."""
        kind = self.pick(["list", "dict", "str", "int"])
        cname, fname, p = self.fresh("B"), self.fresh("bs"), self.fresh("n")
        self.emit(0, f"class {cname}({kind}):")
        if kind == "list":
            self.emit(1, "def total(self):")
            self.emit(2, "return sum(self) + len(self)")
            if self.chance(0.5):
                self.emit(1, "def append(self, v):")
                self.emit(2, "super().append(v * 2)")
        elif kind == "dict":
            self.emit(1, "def __missing__(self, k):")
            self.emit(2, "return len(self)")
            if self.chance(0.5):
                self.emit(1, "def __setitem__(self, k, v):")
                self.emit(2, "super().__setitem__(k, v + 1)")
        elif kind == "str":
            self.emit(1, "def twice(self):")
            self.emit(2, "return self + self")
            if self.chance(0.5):
                self.emit(1, "def __new__(cls, v):")
                self.emit(2, "return super().__new__(cls, str(v) + 'x')")
        else:
            self.emit(1, "def double(self):")
            self.emit(2, "return self * 2")
            if self.chance(0.5):
                self.emit(1, "def __repr__(self):")
                self.emit(2, f"return '{cname}(' + str(int(self)) + ')'")
        self.emit(0, f"def {fname}({p}):")
        if kind == "list":
            self.emit(1, f"o = {cname}(range({p} % 4))")
            self.emit(1, f"o.append({p})")
            self.emit(1, "o += [1]")
            self.emit(1, "print(o, o.total(), len(o), o[-1], type(o).__name__, o == list(o))")
            self.emit(1, "return o.total()")
        elif kind == "dict":
            self.emit(1, f"o = {cname}(a={p})")
            self.emit(1, "o['b'] = 2")
            self.emit(1, "print(o, o['zz'], sorted(o), 'a' in o, dict(o))")
            self.emit(1, "return o['a'] + o['q']")
        elif kind == "str":
            self.emit(1, f"o = {cname}({p})")
            self.emit(1, f"print(repr(o), o.twice(), o.upper(), len(o), o == str({p}), {{o: 1}}, o + '!')")
            self.emit(1, "return len(o)")
        else:
            self.emit(1, f"o = {cname}({p})")
            self.emit(1, f"print(o, o.double(), o + 1, -o, f'{{o:03d}}', hash(o) == hash({p}), o > 0)")
            self.emit(1, "return int(o.double())")
        self.funcs.append(Func(fname, [(p, "int", False)], "int", cost=3))

    def dc_function(self):
        """A dataclass (feature `dataclasses`) with typing annotations,
        defaults, a default factory, perhaps order/frozen and a
        __post_init__, and a function that makes, compares, replaces and
        converts instances."""
        order, frozen = self.chance(0.5), self.chance(0.3)
        cname, fname, p = self.fresh("DC"), self.fresh("dc"), self.fresh("n")
        self.emit(0, f"@dataclasses.dataclass(order={order}, frozen={frozen})")
        self.emit(0, f"class {cname}:")
        self.emit(1, f"a: {self.pick(['int', 'typing.Any', 'typing.Optional[int]', 'int | None'])}")
        self.emit(1, f"b: {self.pick(['int', 'typing.Union[int, str]', 'float'])} = {self.lit_int()}")
        self.emit(1, f"c: {self.pick(['list', 'typing.List[int]', 'list[int]'])} = dataclasses.field(default_factory=list, compare={self.chance(0.5)})")
        if self.chance(0.3):
            self.emit(1, "k: typing.ClassVar[int] = 3")
        if self.chance(0.4) and not frozen:
            self.emit(1, "def __post_init__(self):")
            self.emit(2, "self.c.append(self.a)")
        self.emit(1, "def total(self) -> int:")
        self.emit(2, "return self.a + self.b + len(self.c)")
        self.emit(0, f"def {fname}({p}):")
        self.emit(1, f"o = {cname}({p}, {p} % 3)")
        self.emit(1, "q = dataclasses.replace(o, b=o.b + 1)")
        self.emit(1, "print(o, o == q, repr(q), dataclasses.asdict(o), dataclasses.astuple(q), [f.name for f in dataclasses.fields(o)])")
        if order:
            self.emit(1, "print(o < q, o >= q, sorted([q, o]) == [o, q])")
        if frozen:
            self.emit(1, "try:")
            self.emit(2, "o.a = 1")
            self.emit(1, "except dataclasses.FrozenInstanceError as e:")
            self.emit(2, "print('frozen', e, hash(o) == hash(dataclasses.replace(o)))")
        self.emit(1, "return o.total() + q.total()")
        self.funcs.append(Func(fname, [(p, "int", False)], "int", cost=4))

    def gen_function(self):
        """A generator function: yields in a loop (in a try/finally, or
        taking what `send` passes), returns its argument; called through a
        consumer (`call`)."""
        name, p, i = self.fresh("gen"), self.fresh("n"), self.fresh("i")
        sc = Scope("func", name, self.module)
        sc.ret = "int"
        sc.vars[p] = "int"
        sc.params.add(p)
        self.emit(0, f"def {name}({p}):")
        self.function_body_stmts(sc, 1, self.r.randint(0, 2))
        shape = self.pick(["loop", "try", "received", "delegate"])
        if shape == "delegate":
            # `yield from` another generator function, or a range.
            others = [f for f in self.funcs if f.kind == "gen"]
            src = f"{self.pick(others).name}({p} % 4)" if others and self.chance(0.6) else f"range({p} % 4)"
            got = self.fresh("got")
            self.emit(1, f"{got} = yield from {src}")
            self.emit(1, f"yield {got} if {got} is not None else -2")
            shape = "loop"
        ind = 1
        if shape == "try":
            self.emit(1, "try:")
            ind = 2
        self.emit(ind, f"for {i} in range({p} % 5):")
        if shape == "received":
            got = self.fresh("got")
            self.emit(ind + 1, f"{got} = yield {i}")
            self.emit(ind + 1, f"if {got} is not None:")
            self.emit(ind + 2, f"{p} += {i}")
        else:
            self.emit(ind + 1, f"yield {i} * {self.r.randint(1, 3)} + {p}")
        sc.vars[i] = "int"
        sc.mult = 4
        self.function_body_stmts(sc, ind + 1, self.r.randint(0, 1))
        sc.mult = 1
        if shape == "try":
            self.emit(1, "finally:")
            self.function_body_stmts(sc, 2, 1)
        self.emit(1, f"return {p}")
        self.funcs.append(Func(name, [(p, "int", False)], "int", cost=max(sc.cost, 1) * 5, kind="gen"))

    def lit_default(self, t):
        return {"int": self.lit_int(), "str": self.pick(STR_POOL[:4]), "list": self.pick(["[]", "[1, 2]"])}[t]

    def mutual_pair(self):
        """Two functions calling each other with a shrinking depth."""
        a, b = self.fresh("ev"), self.fresh("od")
        for me, other, base in ((a, b, "1"), (b, a, "0")):
            d = self.fresh("d")
            self.counters.add(d)
            sc = Scope("func", me, self.module)
            sc.ret = "int"
            sc.vars[d] = "int"
            sc.params.add(d)
            self.emit(0, f"def {me}({d}):")
            self.emit(1, f"if {d} <= 0:")
            self.emit(2, f"return {base}")
            self.function_body_stmts(sc, 1, self.r.randint(0, 2))
            self.emit(1, f"return {other}({d} - 1){self.pick(['', ' + 1', ' * 2'])}")
        self.funcs.append(Func(a, [("d", "int", False)], "int", cost=20, kind="mutual"))

    def function_body_stmts(self, scope, ind, n):
        saved_sc, saved_ind, saved_bs = self.sc, self.sc_ind, self.body_start
        self.sc, self.sc_ind, self.body_start = scope, ind, len(self.out)
        for _ in range(n):
            self.stmt(ind)
        self.sc, self.sc_ind, self.body_start = saved_sc, saved_ind, saved_bs

    def exc_classes(self):
        for i in range(self.r.randint(0, 2)):
            name = self.fresh("Err")
            base = self.pick(["Exception", "ValueError", "LookupError"] + self.excs)
            self.emit(0, f"class {name}({base}):")
            if self.chance(0.5):
                self.emit(1, "def __init__(self, code):")
                if self.f("super_init_builtin"):
                    self.emit(2, "super().__init__(f'code {code}')")
                self.emit(2, "self.code = code")
                self.exc_with_code.add(name)
            elif self.chance(0.3) and self.f("exc_str"):
                self.emit(1, "def __str__(self):")
                self.emit(2, f"return 'E:' + {self.pick(['repr(self.args)', 'str(len(self.args))', repr('fixed')])}")
            else:
                self.emit(1, "pass")
            self.excs.append(name)

    def user_class(self):
        base = self.pick(self.classes) if self.classes and self.chance(0.4) else None
        k = Klass(self.fresh("K"), base)
        kw = ""
        if base and getattr(base, "init_subclass", False) and self.chance(0.5):
            kw = f", flag={self.lit_int()}"
        self.emit(0, f"class {k.name}{'(' + base.name + kw + ')' if base else ''}:")
        k.init_subclass = bool(base and getattr(base, "init_subclass", False))
        if not base and self.f("new_init_subclass"):
            # A user __new__ (the instance made by object.__new__) and an
            # __init_subclass__ that takes the class statement's keywords.
            if self.chance(0.3):
                self.emit(1, "def __new__(cls, *args, **kw):")
                self.emit(2, "obj = super().__new__(cls)")
                self.emit(2, f"obj.made = {self.lit_int()}")
                self.emit(2, "return obj")
            if self.chance(0.3):
                k.init_subclass = True
                self.emit(1, "def __init_subclass__(cls, **kw):")
                self.emit(2, "super().__init_subclass__()")
                self.emit(2, "print('subclass', cls.__name__, sorted(kw))")
        self.emit(1, f"tag = {self.lit_int()}")
        sc = Scope("class", k.name, self.module)
        saved = self.sc
        self.sc = sc
        # __init__
        if base:
            k.init_params = ["a", "b", "c"]
            self.emit(1, "def __init__(self, a, b=2, c=0):")
            self.emit(2, self.pick(["super().__init__(a, b)", f"{base.name}.__init__(self, a, b)", "super().__init__(a, b=b)"]))
            self.emit(2, "self.c = c")
        else:
            k.init_params = ["a", "b"]
            self.emit(1, "def __init__(self, a, b=2):")
            self.emit(2, "self.a = a")
            self.emit(2, "self.b = b")
            self.emit(2, "self.items = [a, b, a + b]")
            if self.chance(0.2) and self.f("super_init_builtin"):
                self.emit(2, "super().__init__()")
        self.classes.append(k)  # methods may create instances of their own class
        selft = "obj:" + k.name
        for _ in range(self.r.randint(1, 3)):
            mname = self.pick(["m", "calc", "step", "val"]) + str(self.uid % 10)
            self.uid += 1
            override = base and self.chance(0.5) and base.all_methods()
            if override:
                bm = self.pick(list(base.all_methods().values()))
                mname = bm.name
                params = bm.params
            else:
                params = [(self.fresh("p"), "int", False)]
            self.mrank.setdefault(mname, len(self.mrank))
            saved_rank = self.method_rank
            self.method_rank = self.mrank[mname]
            ms = Scope("method", mname, sc)
            ms.ret = "int" if not override else bm.ret
            ms.vars["self"] = selft
            for p, t, _ in params:
                ms.vars[p] = t
                ms.params.add(p)
            self.emit(1, f"def {mname}(self, {', '.join(p for p, _, _ in params)}):")
            if override and self.f("dunders"):
                ms.vars["r" + mname] = ms.ret
                self.emit(2, f"r{mname} = super().{mname}({', '.join(p for p, _, _ in params)})")
            self.function_body(ms, 2, self.r.randint(1, 3))
            self.method_rank = saved_rank
            k.methods[mname] = Func(mname, params, ms.ret, cost=max(ms.cost, 1) + 1)
        if self.f("private") and self.chance(0.3):
            # Private names are mangled (`self.__seen` is `_K1__seen`).
            pk = self.fresh("peek")
            self.emit(1, f"__hidden = {self.lit_int()}")
            self.emit(1, f"def {pk}(self):")
            self.emit(2, "self.__seen = self.__hidden + len([__k for __k in vars(self) if __k.startswith('_K')])")
            self.emit(2, "return self.__seen")
            self.mrank.setdefault(pk, len(self.mrank))
            k.methods[pk] = Func(pk, [], "int", cost=2)
        if self.f("properties") and self.chance(0.6):
            pname = self.fresh("prop")
            self.emit(1, "@property")
            self.emit(1, f"def {pname}(self):")
            self.emit(2, f"return self.a {self.pick(['+', '*', '-'])} self.b")
            k.props.append(pname)
            if self.chance(0.5):
                self.emit(1, f"@{pname}.setter")
                self.emit(1, f"def {pname}(self, value):")
                self.emit_block(2, self.pick(["self.a = value - self.b", "self.b = value", "if value < 0:\n    raise ValueError('neg')\nself.a = value"]))
                k.setters.append(pname)
        if self.chance(0.4):
            self.emit(1, "@staticmethod")
            s = self.fresh("s")
            self.emit(1, f"def {s}(x):")
            self.emit(2, f"return x {self.pick(['*', '+', '-'])} {self.lit_int()}")
            k.static.append(Func(s, [("x", "int", False)], "int"))
        if self.chance(0.3) and not base:
            self.emit(1, "@classmethod")
            self.emit(1, "def make(cls, x):")
            self.emit(2, "return cls(x, x + 1)")
            k.cls_make = True
        if self.f("dunders"):
            self.dunders(k, base)
        elif not base:
            self.emit(1, "def __repr__(self):")
            self.emit(2, f"return '{k.name}(' + str(self.a) + ')'")
        if not base and "__repr__" not in k.dunders:
            self.emit(1, "def __repr__(self):")
            self.emit(2, f"return f'{k.name}({{self.a}}, {{self.b}})'")
            k.dunders.add("__repr__")
        self.sc = saved

    def dunders(self, k, base):
        r = self.r
        e = self.emit
        if not base or self.chance(0.5):
            e(1, "def __repr__(self):")
            e(2, self.pick([
                f"return f'{k.name}({{self.a}}, {{self.b}})'",
                f"return '{k.name}<%d>' % self.a",
                f"return '{k.name}' + repr((self.a, self.b))",
            ] + ([f"return 'sub:' + super().__repr__()"] if base else [])))
            k.dunders.add("__repr__")
        if self.chance(0.3):
            e(1, "def __str__(self):")
            e(2, f"return 'str-{k.name}-' + str(self.a)")
            k.dunders.add("__str__")
        if self.chance(0.5):
            e(1, "def __eq__(self, other):")
            self.emit_block(2, self.pick(["return isinstance(other, type(self)) and self.a == other.a",
                                          f"if not isinstance(other, {k.name}):\n    return NotImplemented\nreturn self.a == other.a"]))
            k.dunders.add("__eq__")
            if self.chance(0.9):
                e(1, "def __hash__(self):")
                e(2, self.pick(["return self.a % 7", "return hash(self.a)", "return 1"]))
                k.dunders.add("__hash__")
        if self.chance(0.5):
            e(1, "def __lt__(self, other):")
            e(2, self.pick(["return (self.a, self.b) < (other.a, other.b)", "return self.a < other.a",
                            "return self.b > other.b"]))
            k.dunders.add("__lt__")
            if self.f("max_gt") and self.chance(0.4):
                e(1, "def __gt__(self, other):")
                e(2, "return self.a > other.a")
                k.dunders.add("__gt__")
        if self.chance(0.4):
            e(1, "def __len__(self):")
            e(2, self.pick(["return len(self.items)", "return abs(self.a) % 4"]))
            k.dunders.add("__len__")
        if self.chance(0.3):
            e(1, "def __bool__(self):")
            e(2, "return self.a > 0")
            k.dunders.add("__bool__")
        if self.chance(0.4):
            e(1, "def __getitem__(self, i):")
            e(2, "return self.items[i]")
            k.dunders.add("__getitem__")
            if self.chance(0.4):
                e(1, "def __setitem__(self, i, v):")
                e(2, "self.items[i] = v")
                k.dunders.add("__setitem__")
        if self.chance(0.35):
            e(1, "def __iter__(self):")
            if self.chance(0.5) or not self.f("py_iter"):
                e(2, "return iter(self.items)")
            else:
                e(2, "self.i = 0")
                e(2, "return self")
                e(1, "def __next__(self):")
                e(2, "if self.i >= len(self.items):")
                e(3, "raise StopIteration")
                e(2, "self.i += 1")
                e(2, "return self.items[self.i - 1]")
            k.dunders.add("__iter__")
        if self.chance(0.2):
            e(1, "def __contains__(self, x):")
            e(2, "return x == self.a or x == self.b")
            k.dunders.add("__contains__")
        if self.chance(0.25):
            e(1, "def __add__(self, other):")
            e(2, f"return {k.name}(self.a + other.a, self.b)" if not base else "return type(self)(self.a + other.a)")
            k.dunders.add("__add__")
        if self.chance(0.2):
            e(1, "def __call__(self, x):")
            e(2, "return self.a * x")
            k.dunders.add("__call__")
        if self.chance(0.1):
            e(1, "def __getattr__(self, name):")
            e(2, "return len(name)")
            k.dunders.add("__getattr__")
        if self.chance(0.15):
            e(1, "def __neg__(self):")
            e(2, f"return -self.a")
            e(1, "def __index__(self):")
            e(2, "return self.a")
            k.dunders.add("__index__")

    def generate(self):
        self.cur_exc = None
        self.captured = set()
        self.counters = set()
        self.no_walrus = 0
        self.in_comp = 0
        self.closure_depth = 0
        self.method_rank = None
        self.mrank = {}
        self.sc_ind = 0
        self.body_start = 0
        # module globals
        for i in range(self.r.randint(1, 3)):
            t = self.pick(["int", "int", "list", "str", "dict"])
            g = f"G{i}"
            self.emit(0, f"{g} = {self.expr(t, 0)}")
            self.module.vars[g] = t
        defs_first = self.mode == "setprofile" and not self.f("class_profiled")
        items = []
        n = self.r.randint(2, 6)
        if self.f("exceptions"):
            items.append("exc")
        for _ in range(n):
            items.append(self.pick(["func", "func", "func", "func", "class", "class"] if self.f("classes") else ["func"]))
        if self.f("recursion") and self.chance(0.2):
            items.insert(self.r.randint(0, len(items)), "mutual")
        if self.f("generators") and self.chance(0.4):
            items.insert(self.r.randint(0, len(items)), "gen")
        if self.f("with") and self.chance(0.4):
            items.insert(0, "ctx")
        if self.f("builtin_subclass") and self.chance(0.3):
            items.insert(self.r.randint(0, len(items)), "bsub")
        if self.f("dataclasses") and self.chance(0.3):
            items.insert(self.r.randint(0, len(items)), "dc")
        classes_out, funcs_out = [], []
        for kind in items:
            start = len(self.out)
            if kind == "exc":
                self.exc_classes()
            elif kind == "ctx":
                self.ctx_class_def()
            elif kind == "class":
                self.user_class()
            elif kind == "mutual":
                self.mutual_pair()
            elif kind == "gen":
                self.gen_function()
            elif kind == "bsub":
                self.bsub_function()
            elif kind == "dc":
                self.dc_function()
            else:
                self.top_function()
            chunk = self.out[start:]
            del self.out[start:]
            (classes_out if kind in ("exc", "class", "ctx") else funcs_out).append(chunk)
        head = list(self.out)
        self.out = []
        # main: module-level statements, calls wrapped in try
        self.sc = self.module
        self.sc_ind = 0
        self.module.cost = 0
        self_import = self.self_import
        for _ in range(self.r.randint(3, 8)):
            if self_import and self.chance(0.4):
                self_import = False
                mod = PROGRAM_FILE[:-3]
                if self.funcs and self.chance(0.5):
                    fn = self.pick(self.funcs).name
                    self.emit(0, f"from {mod} import {fn} as _imported")
                    self.emit(0, f"print('module', _imported.__module__, _imported is {fn})")
                else:
                    self.emit(0, self.pick([f"import {mod}", f"import {mod} as _self_mod"]))
                    self.emit(0, f"print('module', sys.modules['{mod}'].__name__)")
            if self.chance(0.85):
                self.emit(0, "try:")
                saved = self.sc.cost
                if self.funcs and self.chance(0.7):
                    self.s_call(1)
                else:
                    self.block(1, 1)
                self.emit(0, "except Exception as exc:")
                self.emit(1, "print('exc', type(exc).__name__, exc)" if self.f("print_objects") else "print('exc', type(exc).__name__, str(exc))")
                self.sc.cost = saved
            else:
                self.stmt(0)
            self.module.cost = min(self.module.cost, COST_LIMIT // 2)
        if self.f("recursion_error") and self.chance(0.2):
            self.emit(0, "def _deep(n):")
            self.emit(1, "return _deep(n + 1) + 1")
            self.emit(0, "try:")
            self.emit(1, "_deep(0)")
            self.emit(0, "except RecursionError as exc:")
            self.emit(1, "print('deep', type(exc).__name__)")
        if self.f("exit_end") and self.chance(0.15):
            end = self.pick(["sys.exit(3)", "sys.exit('bye')", "raise ValueError('end')", "sys.exit(0)", "raise SystemExit(2)",
                             "probe", "probe", "probe"])
            if end == "probe":
                for part in self.probe_text().split("; "):
                    self.emit(0, part)
            else:
                self.emit(0, end)
        main = self.out
        classes = [ln for c in classes_out for ln in c]
        funcs = [ln for c in funcs_out for ln in c]
        # Definitions in generation order (a function may use an earlier class), except
        # with defs_first, where classes come before the profiler is installed.
        if defs_first:
            pre = head + classes
            ordered = funcs
        else:
            pre = head
            ordered = []
            ci = fi = 0
            for kind in items:
                if kind in ("exc", "class", "ctx"):
                    ordered += classes_out[ci]
                    ci += 1
                else:
                    ordered += funcs_out[fi]
                    fi += 1
        return "\n".join(pre) + "\n", "\n".join(ordered + main) + "\n"


def make_program(seed, mode, feats):
    """(prefix, body, suffix): prefix = harness + definitions before tracing."""
    g = Gen(seed, mode, feats)
    pre, body = g.generate()
    h_prefix, install, suffix = harness(mode, random.Random(seed * 31 + 7), feats)
    return h_prefix + pre + install, body, suffix
