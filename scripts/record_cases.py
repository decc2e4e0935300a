#!/usr/bin/env python3
"""Record (or check) the CPython 3.11 expectations of krait's test cases.

Every case is a program tests/cases/<folder>/X.py. This script runs
`python3 X.py` with the case's folder as the working directory (stdin
closed) and writes, beside it:

  X.out   what the program wrote to stdout
  X.exit  the exit status on one line; when it is not 0, a second line
          with the last non-blank line of stderr, stripped

exactly the format of shared/tools/conform. Wherever a program prints the
absolute path of its case folder (co_filename does), that path and the
following '/' are cut to nothing, in stdout and in stderr.

tests/cases/examples/ holds copies of scripts/examples/*.py: recording
first copies every scripts/examples/X.py there (the user-facing examples
stay the single source), and --check also checks the copies are current.
Each copy gets one line appended, EXAMPLE_TAIL below: the examples (verbatim
notebook cells) leave their trace function installed, and CPython would go
on tracing its own shutdown code (threading._shutdown, atexit hooks of
site-packages), which is neither krait's business nor deterministic. Line
numbers of the copies are those of the examples.

Every case is run twice, with two different PYTHONHASHSEED values, and a
case whose two runs differ is reported and not recorded: expectations must
be deterministic.

Usage:
  scripts/record_cases.py                 record every case
  scripts/record_cases.py SUBSTR...       record cases whose 'folder/X.py' contains a SUBSTR
  scripts/record_cases.py --check [SUBSTR...]
                                          record nothing; exit 1 unless every
                                          recorded file matches what python3 does now

Refuses to run unless `python3 --version` says 3.11.x.
"""
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "tests", "cases")
EXAMPLES_SRC = os.path.join(ROOT, "scripts", "examples")
EXAMPLES_DST = os.path.join(CASES, "examples")
TIMEOUT = 60
EXAMPLE_TAIL = ("sys.settrace(None)  # test copy only (scripts/record_cases.py): "
                "no tracing of CPython's shutdown\n")


def python3():
    exe = shutil.which("python3")
    if exe is None:
        sys.exit("record_cases: no python3 on PATH")
    ver = subprocess.run([exe, "--version"], capture_output=True, text=True)
    text = (ver.stdout + ver.stderr).strip()
    parts = text.split()
    if len(parts) < 2 or not parts[1].startswith("3.11."):
        sys.exit("record_cases: python3 is %r; expectations must come from CPython 3.11.x" % text)
    return exe


def all_cases(picks):
    found = []
    for dirpath, dirnames, filenames in os.walk(CASES):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".py"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), CASES)
            # Cases are FOLDER/X.py; deeper files are modules they import.
            if rel.count(os.sep) != 1:
                continue
            if picks and not any(p in rel for p in picks):
                continue
            found.append((dirpath, name))
    return found


def run(exe, folder, name, seed):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = str(seed)
    env.pop("PYTHONSTARTUP", None)
    try:
        p = subprocess.run([exe, name], cwd=folder, capture_output=True,
                           timeout=TIMEOUT, stdin=subprocess.DEVNULL, env=env)
    except subprocess.TimeoutExpired:
        return None
    here = os.path.abspath(folder) + os.sep
    out = p.stdout.decode("utf-8", "replace").replace(here, "")
    err = p.stderr.decode("utf-8", "replace").replace(here, "")
    err_lines = [l for l in err.splitlines() if l.strip()]
    status = str(p.returncode) + "\n"
    if p.returncode != 0:
        status += (err_lines[-1].strip() if err_lines else "") + "\n"
    return out, status


def expected(folder, name):
    base = os.path.join(folder, name[:-3])
    try:
        with open(base + ".out", encoding="utf-8", newline="") as f:
            out = f.read()
        with open(base + ".exit", encoding="utf-8", newline="") as f:
            status = f.read()
    except FileNotFoundError:
        return None
    return out, status


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def sync_examples(check):
    """Copy scripts/examples/*.py into tests/cases/examples/; in check mode, only compare."""
    stale = []
    if not os.path.isdir(EXAMPLES_SRC):
        return stale
    os.makedirs(EXAMPLES_DST, exist_ok=True)
    for name in sorted(os.listdir(EXAMPLES_SRC)):
        if not name.endswith(".py"):
            continue
        src = read(os.path.join(EXAMPLES_SRC, name))
        if not src.endswith("\n"):
            src += "\n"
        src += EXAMPLE_TAIL
        dst_path = os.path.join(EXAMPLES_DST, name)
        cur = read(dst_path) if os.path.exists(dst_path) else None
        if cur != src:
            if check:
                stale.append("examples/%s (copy differs from scripts/examples/%s)" % (name, name))
            else:
                write(dst_path, src)
    return stale


def main(argv):
    check = "--check" in argv
    picks = [a for a in argv if a != "--check"]
    if any(a.startswith("-") for a in picks) or "-h" in argv or "--help" in argv:
        print(__doc__)
        return 2
    exe = python3()
    problems = sync_examples(check)
    cases = all_cases(picks)
    good = 0
    for folder, name in cases:
        rel = os.path.relpath(os.path.join(folder, name), CASES)
        first = run(exe, folder, name, 1)
        second = run(exe, folder, name, 2)
        if first is None or second is None:
            problems.append("%s (timed out after %ds)" % (rel, TIMEOUT))
            continue
        if first != second:
            problems.append("%s (not deterministic: two runs differ)" % rel)
            continue
        if check:
            if expected(folder, name) != first:
                problems.append("%s (recorded files are stale or missing)" % rel)
                continue
        else:
            base = os.path.join(folder, name[:-3])
            write(base + ".out", first[0])
            write(base + ".exit", first[1])
        good += 1
    for p in problems:
        print("record_cases: %s" % p)
    verb = "up to date" if check else "recorded"
    print("record_cases: %d cases %s, %d problems (%s)" % (good, verb, len(problems), exe))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
