#!/usr/bin/env bash
# krait benchmarks against CPython, in one run.
#
#   scripts/bench.sh [KRAIT_BIN]
#       Runs every scripts/bench/*.py under KRAIT_BIN (default
#       target/release/krait; build it with `cargo build --release`) and
#       under python3, best of 3 wall-clock runs each, checks that both
#       printed the same output, and prints a table: program, python s,
#       krait s, ratio krait/python, then the geometric mean of the ratios.
#       Exit status 1 when krait failed or disagreed on any program.
#       BENCH_RUNS=N changes the number of runs per program (default 3).
#
#   scripts/bench.sh --callgrind NAME [ARG] [KRAIT_BIN]
#       Prints the instruction count (callgrind's Ir) of krait running
#       scripts/bench/NAME.py with a small input (ARG, or a per-program
#       default that keeps it well under a minute). Needs valgrind.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
benchdir="$here/bench"
runs="${BENCH_RUNS:-3}"

# Small inputs for --callgrind (the argument each program takes).
small_arg() {
    case "$1" in
        fib) echo 20 ;;
        loops) echo 1 ;;
        nbody) echo 2 ;;
        strings) echo 4 ;;
        dicts) echo 2 ;;
        classes) echo 4 ;;
        closures) echo 10 ;;
        *) echo "" ;;
    esac
}

now() { date +%s.%N; }

# best_of CMD...: runs CMD $runs times in the bench folder, stdout to $out_file;
# prints the best wall time in seconds, or FAIL if any run failed.
best_of() {
    local best="" t0 t1 dt i
    for ((i = 0; i < runs; i++)); do
        t0=$(now)
        if ! (cd "$benchdir" && "$@" >"$out_file" 2>"$err_file" </dev/null); then
            echo FAIL
            return
        fi
        t1=$(now)
        dt=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
        if [[ -z "$best" ]] || awk -v a="$dt" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best="$dt"
        fi
    done
    echo "$best"
}

if [[ "${1:-}" == "--callgrind" ]]; then
    name="${2:?usage: scripts/bench.sh --callgrind NAME [ARG] [KRAIT_BIN]}"
    arg="${3:-$(small_arg "$name")}"
    krait="${4:-$root/target/release/krait}"
    [[ -f "$benchdir/$name.py" ]] || { echo "bench: no scripts/bench/$name.py" >&2; exit 2; }
    [[ -x "$krait" ]] || { echo "bench: no krait binary at $krait (cargo build --release)" >&2; exit 2; }
    command -v valgrind >/dev/null || { echo "bench: valgrind is not installed" >&2; exit 2; }
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    (cd "$benchdir" && valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
        "$krait" "$name.py" $arg >"$tmp/out" 2>"$tmp/err" </dev/null) || {
        echo "bench: krait failed on $name.py $arg:" >&2
        tail -5 "$tmp/err" >&2
        exit 1
    }
    ir=$(grep -o 'Collected : [0-9]*' "$tmp/err" | awk '{ print $3 }' | tail -1 || true)
    [[ -n "$ir" ]] || { echo "bench: no instruction count in valgrind's output" >&2; tail -5 "$tmp/err" >&2; exit 1; }
    echo "$name $arg: $(cat "$tmp/out" | tr '\n' ' ')"
    echo "callgrind Ir: $ir"
    exit 0
fi

krait="${1:-$root/target/release/krait}"
[[ -x "$krait" ]] || { echo "bench: no krait binary at $krait (cargo build --release)" >&2; exit 2; }
krait="$(cd "$(dirname "$krait")" && pwd)/$(basename "$krait")"
command -v python3 >/dev/null || { echo "bench: python3 not found" >&2; exit 2; }
# The interpreter itself, not a launcher (a pyenv shim adds ~0.2 s per run).
python="$(python3 -c 'import sys; print(sys.executable)')"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
out_file="$tmp/out"
err_file="$tmp/err"

printf '%-10s %10s %10s %8s\n' program "python s" "krait s" ratio
failed=0
ratios=()
for path in "$benchdir"/*.py; do
    name="$(basename "$path" .py)"
    py=$(best_of "$python" "$name.py")
    cp "$out_file" "$tmp/py.out"
    kr=$(best_of "$krait" "$name.py")
    note=""
    if [[ "$kr" == FAIL ]]; then
        note="krait failed: $(grep -v '^\s*$' "$err_file" | tail -1)"
    elif ! cmp -s "$out_file" "$tmp/py.out"; then
        note="output differs: krait '$(head -c 60 "$out_file" | tr '\n' ' ')' python '$(head -c 60 "$tmp/py.out" | tr '\n' ' ')'"
    fi
    if [[ -n "$note" || "$py" == FAIL ]]; then
        failed=1
        printf '%-10s %10s %10s %8s  %s\n' "$name" "$py" "$kr" "-" "$note"
        continue
    fi
    ratio=$(awk -v k="$kr" -v p="$py" 'BEGIN { printf "%.2f", (p > 0 ? k / p : 0) }')
    ratios+=("$ratio")
    printf '%-10s %10s %10s %8s\n' "$name" "$py" "$kr" "$ratio"
done
if ((${#ratios[@]})); then
    geo=$(printf '%s\n' "${ratios[@]}" | awk '$1 > 0 { s += log($1); n++ } END { if (n) printf "%.2f", exp(s / n); else print "-" }')
    printf '%-10s %10s %10s %8s\n' "geomean" "" "" "$geo"
fi
exit "$failed"
