#!/usr/bin/env python3
"""Differential fuzzer: random Tier 1 programs, run by CPython 3.11 and by krait.

Each seed deterministically generates one program (random.Random(seed), no
dependence on PYTHONHASHSEED). A harness is prepended that, depending on the
mode, installs a sys.settrace tracer, a sys.setprofile profiler, or nothing;
the tracers print every event as it happens (event, function, line, arg,
caller). In `hostlines` mode krait's side runs in the native line tracer's
runner (examples/trace_native --record-lines, beside the krait binary), and
both sides print the line events after the program's output. The program runs under `python3` (the oracle) and under krait;
stdout, exit status and the last stderr line must agree. A krait exit status
of 101 (Rust panic), a signal or a timeout is always a failure.

A mismatch is shrunk (statements deleted, blocks unwrapped, expressions
replaced by a part of themselves or a constant) while the same kind of
mismatch persists, then written to the output folder (default fuzz-out/).

    scripts/fuzz_trace.py --mode all --seeds 0:2000 --jobs 2
    scripts/fuzz_trace.py --mode settrace --seeds 17 --show     # print one program
    scripts/fuzz_trace.py --mode settrace --seeds 17            # rerun one seed

A saved program may import itself (feature `imports`): re-run it under
the name fzself.py.

Exit status: 0 when every seed agrees, 1 on any mismatch (so CI can run it).
"""

import argparse
import ast
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import warnings


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fuzz_trace_shapes import (  # noqa: E402
    ALL_FEATURES,
    HOSTLINES_DISABLE,
    HOSTLINES_MARK,
    MODES,
    feature_set,
)
from fuzz_trace_gen import PROGRAM_FILE, make_program  # noqa: E402

# ----------------------------------------------------------------------------
# Running and comparing.

class Result:
    def __init__(self, out, rc, err, timeout=False):
        self.out = out
        self.rc = rc
        self.err = err
        self.timeout = timeout

    @property
    def last_err(self):
        lines = [ln for ln in self.err.decode("utf-8", "replace").splitlines() if ln.strip()]
        return lines[-1] if lines else ""


def run(cmd, path, timeout):
    env = dict(os.environ, PYTHONHASHSEED="0", RUST_BACKTRACE="0")
    try:
        p = subprocess.run(cmd + [path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, env=env)
        return Result(p.stdout, p.returncode, p.stderr)
    except subprocess.TimeoutExpired as e:
        return Result(e.stdout or b"", None, e.stderr or b"", timeout=True)


def panic_site(err):
    m = re.search(rb"panicked at ([^\n:]+:\d+)", err)
    return m.group(1).decode() if m else ""


# An object's address in a default repr (a jump may skip the `__repr__` a
# printed value would have had): the same in both runs but for its value.
ADDRESS = re.compile(rb" at 0x[0-9a-f]+")


def without_addresses(out):
    return ADDRESS.sub(b" at 0x?", out)


def classify(py, kr):
    """None when they agree, else a signature of how they differ."""
    if kr.timeout:
        return ("hang",)
    if kr.rc == 101 or (kr.rc is not None and kr.rc < 0):
        return ("crash", panic_site(kr.err) or str(kr.rc))
    diff = []
    if without_addresses(py.out) != without_addresses(kr.out):
        # the kind of the first differing line (trace event or program output)
        d = first_diff(py.out, kr.out)
        diff.append(f"stdout({line_kind(d[1])}/{line_kind(d[2])})")
    if py.rc != kr.rc:
        diff.append("exit")
    if py.last_err != kr.last_err:
        diff.append("stderr")
    if not diff:
        return None
    if "not supported by krait" in kr.last_err:
        return ("unsupported", kr.last_err)
    return tuple(diff)


class Runner:
    def __init__(self, krait, python, timeout, py_timeout, tmpdir):
        self.krait = krait
        self.python = python
        self.timeout = timeout
        self.py_timeout = py_timeout
        self.tmpdir = tmpdir
        self.n = 0

    def both(self, text, timeout=None):
        """Runs the program as PROGRAM_FILE in a folder of its own (a
        program may import itself). CPython runs without site, user site,
        environment or bytecode files, with the script's folder first on
        sys.path, as krait's CLI."""
        self.n += 1
        folder = tempfile.mkdtemp(dir=self.tmpdir)
        path = os.path.join(folder, PROGRAM_FILE)
        with open(path, "w") as f:
            f.write(text)
        try:
            py = run([self.python, "-E", "-s", "-S", "-B"], path, self.py_timeout)
            if py.timeout:
                return py, None
            cmd = [self.krait]
            if text.startswith(HOSTLINES_MARK):
                # The native line tracer's runner, built beside the binary.
                host = os.path.join(os.path.dirname(self.krait), "examples", "trace_native")
                cmd = [host, "--record-lines"]
                if text[len(HOSTLINES_MARK) :].startswith(HOSTLINES_DISABLE):
                    cmd.append("--disable-odd")
            kr = run(cmd, path, timeout or self.timeout)
            return py, kr
        finally:
            shutil.rmtree(folder, ignore_errors=True)


# ----------------------------------------------------------------------------
# Minimization: edits on the program text guided by its AST (so multi-line
# layout, which matters to line events, is kept where it is not removed).

def line_starts(text):
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def stmt_lists(tree):
    """Every statement list (body/orelse/finalbody/handlers' bodies) in the tree."""
    out = []
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            v = getattr(node, field, None)
            if isinstance(v, list) and v and isinstance(v[0], ast.stmt):
                out.append(v)
    return out


def replace_lines(lines, a, b, new):
    """Replace lines a..b (1-based, inclusive) by `new` (list of lines)."""
    return lines[: a - 1] + new + lines[b:]


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def candidates(text):
    """Smaller variants of text, roughly from coarse to fine."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return
    lines = text.split("\n")

    # 1. delete statements (outermost and largest first); an emptied body gets `pass`
    stmts = []
    for body in stmt_lists(tree):
        for s in body:
            stmts.append((s, len(body)))
    stmts.sort(key=lambda x: (x[0].col_offset, -(x[0].end_lineno - x[0].lineno), x[0].lineno))
    for s, n in stmts:
        a, b = s.lineno, s.end_lineno
        if isinstance(s, (ast.FunctionDef, ast.ClassDef)) and s.decorator_list:
            a = s.decorator_list[0].lineno
        new = [] if n > 1 else [" " * s.col_offset + "pass"]
        if n == 1 and isinstance(s, ast.Pass):
            continue
        yield "\n".join(replace_lines(lines, a, b, new))

    # 2. drop else/finally/handlers, unwrap compound statements into one of their bodies
    for node in ast.walk(tree):
        bodies = []
        if isinstance(node, (ast.If, ast.For, ast.While)):
            if node.orelse:
                yield "\n".join(replace_lines(lines, node.body[-1].end_lineno + 1, node.orelse[-1].end_lineno, []))
            bodies = [node.body] + ([node.orelse] if node.orelse else [])
        elif isinstance(node, ast.Try):
            for h in node.handlers:
                if len(node.handlers) > 1 or node.finalbody:
                    yield "\n".join(replace_lines(lines, h.lineno, h.body[-1].end_lineno, []))
            if node.orelse:
                last = node.handlers[-1].body[-1].end_lineno
                yield "\n".join(replace_lines(lines, last + 1, node.orelse[-1].end_lineno, []))
            if node.finalbody and node.handlers:
                last = (node.orelse or node.handlers[-1].body)[-1].end_lineno
                yield "\n".join(replace_lines(lines, last + 1, node.finalbody[-1].end_lineno, []))
            bodies = [node.body] + [h.body for h in node.handlers] + ([node.orelse] if node.orelse else []) + (
                [node.finalbody] if node.finalbody else [])
        for body in bodies:
            shift = body[0].col_offset - node.col_offset
            new = []
            for ln in lines[body[0].lineno - 1: body[-1].end_lineno]:
                new.append(ln[min(shift, indent_of(ln)):])
            yield "\n".join(replace_lines(lines, node.lineno, node.end_lineno, new))

    # 3. replace an expression by one of its parts or by a constant
    starts = line_starts(text)

    def span(n):
        return starts[n.lineno - 1] + n.col_offset, starts[n.end_lineno - 1] + n.end_col_offset

    exprs = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            continue
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.expr) and not isinstance(child, (ast.Name, ast.Constant)) and not isinstance(node, ast.JoinedStr):
                exprs.append(child)
    exprs.sort(key=lambda n: -(span(n)[1] - span(n)[0]))
    seen = set()
    for e in exprs:
        a, b = span(e)
        if (a, b) in seen or getattr(e, "ctx", None) is not None and not isinstance(e.ctx, ast.Load):
            continue
        seen.add((a, b))
        subs = []
        for child in ast.iter_child_nodes(e):
            if isinstance(child, ast.expr) and not isinstance(child, ast.JoinedStr):
                ca, cb = span(child)
                subs.append(text[ca:cb])
        for rep in subs + ["0", "None"]:
            if rep != text[a:b]:
                yield text[:a] + rep + text[b:]

    # 4. single physical lines
    for i in range(len(lines)):
        yield "\n".join(lines[:i] + lines[i + 1:])


_warn_lock = threading.Lock()


def compiles(text):
    """Valid, and without a SyntaxWarning (its stderr line would differ)."""
    with _warn_lock, warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(text, "<fuzz>", "exec")
            return True
        except (SyntaxError, ValueError, SyntaxWarning, DeprecationWarning):
            return False


def minimize(runner, prefix, body, suffix, sig, py_rc, budget_runs=400, budget_s=180, timeout=None):
    t0 = time.time()
    runs = 0
    deep = None

    def still(b):
        nonlocal runs, deep
        runs += 1
        py, kr = runner.both(prefix + b + suffix, timeout)
        if kr is None or py.rc != py_rc:
            return False
        # do not drift into runaway recursion (a different story under a tracer)
        if b" at 0x" in py.out:
            return False  # an address in the output: not deterministic
        hit = b"maximum recursion depth" in py.out + py.err
        if deep is None:
            deep = hit
        elif hit and not deep:
            return False
        return classify(py, kr) == sig

    changed = True
    while changed:
        changed = False
        skip = 0
        while True:
            i = 0
            progressed = False
            for cand in candidates(body):
                if runs >= budget_runs or time.time() - t0 > budget_s:
                    return body
                if i < skip:
                    i += 1
                    continue
                i += 1
                if not cand.endswith("\n"):
                    cand += "\n"
                if cand == body or not compiles(prefix + cand + suffix):
                    continue
                if still(cand):
                    body = cand
                    skip = i - 1
                    progressed = changed = True
                    break
            if not progressed:
                break
    return body


# ----------------------------------------------------------------------------

def line_kind(line):
    if line == "<missing>":
        return "missing"
    if line.startswith("~ "):
        return line.split(" ")[1]
    return "print"


def first_diff(a, b):
    al, bl = a.decode("utf-8", "replace").splitlines(), b.decode("utf-8", "replace").splitlines()
    for i in range(max(len(al), len(bl))):
        x = al[i] if i < len(al) else "<missing>"
        y = bl[i] if i < len(bl) else "<missing>"
        if x != y:
            return i + 1, x, y
    return None


def describe(py, kr):
    lines = []
    d = first_diff(py.out, kr.out)
    if d:
        lines.append(f"  stdout line {d[0]}: python {d[1]!r}")
        lines.append(f"  {' ' * len(str(d[0]))}             krait  {d[2]!r}")
    if py.rc != kr.rc:
        lines.append(f"  exit: python {py.rc}, krait {'timeout' if kr.timeout else kr.rc}")
    if py.last_err != kr.last_err:
        lines.append(f"  stderr: python {py.last_err!r}")
        lines.append(f"          krait  {kr.last_err!r}")
    return "\n".join(lines)


def fingerprint(body):
    """Node kinds of a minimized program: a rough grouping key for a summary."""
    try:
        tree = ast.parse(body)
    except SyntaxError:
        return "?"
    kinds = sorted({type(n).__name__ for n in ast.walk(tree)} - {
        "Module", "Load", "Store", "Name", "Constant", "Expr", "Call", "Assign", "Attribute", "arguments", "arg", "Del"})
    return " ".join(kinds)


def one(args, runner, mode, seed, feats):
    prefix, body, suffix = make_program(seed, mode, feats)
    text = prefix + body + suffix
    py, kr = runner.both(text)
    if kr is None:
        return {"seed": seed, "mode": mode, "status": "skip", "why": "python timeout"}
    if len(py.out) > 4_000_000:
        return {"seed": seed, "mode": mode, "status": "skip", "why": "output too big"}
    sig = classify(py, kr)
    if sig is None:
        return {"seed": seed, "mode": mode, "status": "ok", "pyerr": py.last_err}
    rec = {"seed": seed, "mode": mode, "status": "mismatch", "sig": sig, "desc": describe(py, kr)}
    return rec


def save(out_dir, name, text, py, kr):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, name + ".py"), "w") as f:
        f.write(text)
    for tag, r in (("cpython", py), ("krait", kr)):
        with open(os.path.join(out_dir, f"{name}.{tag}.out"), "wb") as f:
            f.write(r.out)
            f.write(f"\n--- exit {r.rc if not r.timeout else 'timeout'}; stderr:\n".encode())
            f.write(r.err[-4000:])


def parse_seeds(s):
    if ":" in s:
        a, b = s.split(":")
        return range(int(a), int(b))
    return [int(x) for x in s.split(",")]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mode", default="all", choices=MODES + ("all",))
    ap.add_argument("--seeds", default="0:100", help="A:B (half-open range) or a comma list")
    ap.add_argument("--krait", default="target/release/krait")
    ap.add_argument("--python", default="python3")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=10.0, help="per program, krait (hang detection only)")
    ap.add_argument("--out", default="fuzz-out")
    ap.add_argument("--minimize", type=int, default=10, help="minimize at most this many mismatches (0: none)")
    ap.add_argument("--features", default="", help="comma list of +name/-name to switch generator features")
    ap.add_argument("--avoid-known", action="store_true", help="leave out the shapes of already known causes")
    ap.add_argument("--show", action="store_true", help="print the programs instead of running them")
    ap.add_argument("--list-features", action="store_true")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args()
    if args.list_features:
        print("\n".join(ALL_FEATURES))
        return 0
    modes = MODES if args.mode == "all" else (args.mode,)
    seeds = parse_seeds(args.seeds)
    if args.show:
        for mode in modes:
            feats = feature_set(args.features, mode, args.avoid_known)
            for seed in seeds:
                p, b, s = make_program(seed, mode, feats)
                print(f"# ---- mode {mode} seed {seed}\n{p}{b}{s}")
        return 0
    krait = os.path.abspath(args.krait)
    if not os.path.exists(krait):
        print(f"fuzz_trace: no krait binary at {krait}", file=sys.stderr)
        return 2
    tmp = tempfile.mkdtemp(prefix="fuzz_trace.")
    runner = Runner(krait, args.python, args.timeout, max(args.timeout, 10.0), tmp)
    t0 = time.time()
    tasks = [(mode, seed) for mode in modes for seed in seeds]
    results = []
    counts = {"ok": 0, "mismatch": 0, "skip": 0}
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        futs = {ex.submit(one, args, runner, mode, seed, feature_set(args.features, mode, args.avoid_known)): (mode, seed)
                for mode, seed in tasks}
        for fut in concurrent.futures.as_completed(futs):
            rec = fut.result()
            results.append(rec)
            counts[rec["status"]] += 1
            if rec["status"] == "mismatch" and not args.quiet:
                print(f"MISMATCH {rec['mode']} seed {rec['seed']}: {' '.join(rec['sig'])}\n{rec['desc']}", flush=True)
    elapsed = time.time() - t0
    mism = sorted((r for r in results if r["status"] == "mismatch"), key=lambda r: (MODES.index(r["mode"]), r["seed"]))
    # Minimize (sequentially per job pool) and save.
    groups = {}

    def shrink(rec):
        mode, seed = rec["mode"], rec["seed"]
        feats = feature_set(args.features, mode, args.avoid_known)
        prefix, body, suffix = make_program(seed, mode, feats)
        name = f"{mode}_{seed}"
        py, kr = runner.both(prefix + body + suffix)
        if kr is None or classify(py, kr) != rec["sig"]:
            return rec, None, "not reproducible"
        save(args.out, name + ".orig", prefix + body + suffix, py, kr)
        hang = rec["sig"][0] == "hang"
        small = minimize(runner, prefix, body, suffix, rec["sig"], py.rc,
                         budget_runs=60 if hang else 500, timeout=min(args.timeout, 5.0) if hang else None)
        py2, kr2 = runner.both(prefix + small + suffix)
        if kr2 is None:
            py2, kr2 = py, kr
        save(args.out, name, prefix + small + suffix, py2, kr2)
        return rec, small, describe(py2, kr2)

    to_min = mism[: args.minimize] if args.minimize > 0 else []
    if to_min:
        print(f"\nminimizing {len(to_min)} of {len(mism)} mismatches into {args.out}/ ...", flush=True)
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
            for rec, small, desc in ex.map(shrink, to_min):
                name = f"{rec['mode']}_{rec['seed']}"
                if small is None:
                    print(f"  {name}: {desc}")
                    continue
                fp = " ".join(rec["sig"]) + " | " + fingerprint(small)
                groups.setdefault(fp, []).append(name)
                print(f"  {args.out}/{name}.py ({small.count(chr(10))} program lines): {' '.join(rec['sig'])}\n{desc}", flush=True)
    n = len(tasks)
    print(f"\n{n} programs ({', '.join(modes)}; seeds {args.seeds}) in {elapsed:.0f}s, "
          f"{n / elapsed if elapsed else 0:.1f}/s: {counts['ok']} agree, {counts['mismatch']} differ, {counts['skip']} skipped")
    if groups:
        print("minimized mismatches by signature | node kinds:")
        for fp, names in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(names):3d}  {fp}: {', '.join(names[:8])}{' ...' if len(names) > 8 else ''}")
    if mism:
        print("differing seeds: " + " ".join(f"{r['mode']}:{r['seed']}" for r in mism))
    try:
        os.rmdir(tmp)
    except OSError:
        pass
    # Seeds of causes found and not fixed yet (scripts/fuzz_known_seeds.txt,
    # `mode:seed  # cause`) are reported but do not fail the run.
    known = set()
    known_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fuzz_known_seeds.txt")
    if os.path.exists(known_path):
        with open(known_path) as f:
            known = {l.split("#")[0].strip() for l in f if l.split("#")[0].strip()}
    new = [r for r in mism if f"{r['mode']}:{r['seed']}" not in known]
    if mism and not new:
        print("all differing seeds are known (scripts/fuzz_known_seeds.txt)")
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
