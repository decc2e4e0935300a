#!/usr/bin/env bash
# krait benchmarks against CPython (and Lua), paired in one run.
#
#   scripts/bench.sh [KRAIT_BIN]
#       Runs every scripts/bench/*.py under KRAIT_BIN (default
#       target/release/krait; build it with `cargo build --release`) and
#       under python3, in each mode below, and prints krait/python time
#       ratios per program and mode with their geometric mean per mode, and
#       the peak memory (max RSS) of both in the untraced mode. For each
#       repetition the two interpreters run back to back (in alternating
#       order), and each cell takes the median of the repetitions. Both
#       must print the same output in every mode, or the cell is a failure
#       and the exit status 1.
#       Modes (the hook is put in a temporary copy of the program, three
#       lines prepended, run by both interpreters; the module frame is
#       traced too, as when runpy runs a script under a debugger):
#         plain    untraced
#         trace    sys.settrace(t), def t(frame, event, arg): return t
#                  (every call, line, return and exception event)
#         call     sys.settrace(t), def t(frame, event, arg): return None
#                  (call events only: the cost of a tracer that looks at
#                  calls and ignores the lines)
#         profile  sys.setprofile(t), def t(frame, event, arg): return None
#       When lua5.4 is on PATH (or BENCH_LUA names a Lua 5.4), fib, loops
#       and nbody also run scripts/bench/lua/NAME.lua, untraced, and their
#       krait/lua and python/lua ratios are printed.
#
#       Environment:
#         BENCH_RUNS=N       repetitions per program and mode (default 3)
#         BENCH_MODES="..."  modes to run (default "plain trace call profile")
#         BENCH_PROGS="..."  programs to run (default all, e.g. "fib go")
#         BENCH_SMALL=1      each program with its small argument (the one
#                            --callgrind uses): a quick check that all run
#                            and agree, not a measurement
#         BENCH_LUA=PATH     the Lua interpreter (default lua5.4 on PATH)
#         BENCH_TSV=FILE     also write every timing to FILE (tab-separated:
#                            program mode interpreter run seconds maxrss_kb)
#
#   scripts/bench.sh --callgrind NAME [ARG] [KRAIT_BIN]
#       Prints the instruction count (callgrind's Ir) of krait running
#       scripts/bench/NAME.py with a small input (ARG, or a per-program
#       default that keeps it well under a minute). Needs valgrind.
#       BENCH_MODE=trace|call|profile counts the run in that mode.
#       BENCH_MODE=native counts the untraced program run by
#       examples/trace_native.rs instead (a native Rust no-op tracer that
#       receives every call, line, return and exception event; build it
#       with `cargo build --release --example trace_native`; it is found
#       next to KRAIT_BIN, in examples/). Its event counts are printed too.
#       BENCH_MODE=native-lines: the same with a tracer taking only line
#       events (trace_native --lines), as a coverage tool's.
#       BENCH_MODE=limits counts the program run by examples/run_limited.rs
#       (every limit of krait::Limits set, none reached; with
#       KRAIT_NO_LIMITS=1 in the environment, the same binary with none).
set -euo pipefail
export LC_ALL=C # a '.' decimal point in $EPOCHREALTIME and awk

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
benchdir="$here/bench"
runs="${BENCH_RUNS:-3}"
all_modes="plain trace call profile"

# Small inputs for --callgrind and BENCH_SMALL (the argument each program takes).
small_arg() {
    case "$1" in
        fib) echo 20 ;;
        loops) echo 1 ;;
        nbody) echo 2 ;;
        strings) echo 4 ;;
        dicts) echo 2 ;;
        classes) echo 4 ;;
        closures) echo 10 ;;
        richards) echo 1 ;;
        deltablue) echo 3 ;;
        raytrace) echo 2 ;;
        spectral_norm) echo 40 ;;
        fannkuch) echo 7 ;;
        float) echo 10 ;;
        nqueens) echo 1 ;;
        chaos) echo 1 ;;
        go) echo 10 ;;
        hexiom) echo 2 ;;
        *) echo "" ;;
    esac
}

# hooked MODE SRC DEST: DEST is SRC with MODE's hook installed in three
# prepended lines (the same shift for every mode and both interpreters).
# krait has no exec/compile/runpy yet, so the hook cannot come from a wrapper.
hooked() {
    local mode="$1" src="$2" dest="$3" ret="None" install
    case "$mode" in
        trace)
            ret="_bench_hook"
            install="_bench_sys.settrace(_bench_hook); _bench_sys._getframe().f_trace = _bench_hook"
            ;;
        call) install="_bench_sys.settrace(_bench_hook)" ;;
        profile) install="_bench_sys.setprofile(_bench_hook)" ;;
        *) echo "bench: unknown mode $mode" >&2; exit 2 ;;
    esac
    {
        echo "import sys as _bench_sys"
        echo "def _bench_hook(frame, event, arg): return $ret"
        echo "$install"
        cat "$src"
    } >"$dest"
}

if [[ "${1:-}" == "--callgrind" ]]; then
    name="${2:?usage: scripts/bench.sh --callgrind NAME [ARG] [KRAIT_BIN]}"
    arg="${3:-$(small_arg "$name")}"
    krait="${4:-$root/target/release/krait}"
    mode="${BENCH_MODE:-plain}"
    [[ -f "$benchdir/$name.py" ]] || { echo "bench: no scripts/bench/$name.py" >&2; exit 2; }
    flags=()
    if [[ "$mode" == native-lines ]]; then
        flags=(--lines)
    fi
    if [[ "$mode" == native || "$mode" == native-lines ]]; then
        krait="$(dirname "$krait")/examples/trace_native"
        [[ -x "$krait" ]] || { echo "bench: no $krait (cargo build --release --example trace_native)" >&2; exit 2; }
    fi
    if [[ "$mode" == limits ]]; then
        krait="$(dirname "$krait")/examples/run_limited"
        [[ -x "$krait" ]] || { echo "bench: no $krait (cargo build --release --example run_limited)" >&2; exit 2; }
    fi
    [[ -x "$krait" ]] || { echo "bench: no krait binary at $krait (cargo build --release)" >&2; exit 2; }
    command -v valgrind >/dev/null || { echo "bench: valgrind is not installed" >&2; exit 2; }
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    prog="$name.py"
    if [[ "$mode" != plain && "$mode" != native* && "$mode" != limits ]]; then
        mkdir -p "$tmp/$mode"
        hooked "$mode" "$benchdir/$name.py" "$tmp/$mode/$name.py"
        prog="$tmp/$mode/$name.py"
    fi
    (cd "$benchdir" && valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" \
        "$krait" "${flags[@]}" "$prog" $arg >"$tmp/out" 2>"$tmp/err" </dev/null) || {
        echo "bench: krait failed on $name.py $arg:" >&2
        tail -5 "$tmp/err" >&2
        exit 1
    }
    ir=$(grep -o 'Collected : [0-9]*' "$tmp/err" | awk '{ print $3 }' | tail -1 || true)
    [[ -n "$ir" ]] || { echo "bench: no instruction count in valgrind's output" >&2; tail -5 "$tmp/err" >&2; exit 1; }
    echo "$name $arg ($mode): $(cat "$tmp/out" | tr '\n' ' ' | cut -c1-120)"
    [[ "$mode" != native* ]] || grep '^trace_native:' "$tmp/err" || true
    echo "callgrind Ir: $ir"
    exit 0
fi

krait="${1:-$root/target/release/krait}"
[[ -x "$krait" ]] || { echo "bench: no krait binary at $krait (cargo build --release)" >&2; exit 2; }
krait="$(cd "$(dirname "$krait")" && pwd)/$(basename "$krait")"
command -v python3 >/dev/null || { echo "bench: python3 not found" >&2; exit 2; }
# The interpreter itself, not a launcher (a pyenv shim adds ~0.2 s per run).
python="$(python3 -c 'import sys; print(sys.executable)')"
lua="${BENCH_LUA:-$(command -v lua5.4 || true)}"
timebin=""
[[ -x /usr/bin/time ]] && timebin=/usr/bin/time
modes="${BENCH_MODES:-$all_modes}"
for m in $modes; do
    [[ " $all_modes " == *" $m "* ]] || { echo "bench: unknown mode $m (modes: $all_modes)" >&2; exit 2; }
done
if [[ -n "${BENCH_PROGS:-}" ]]; then
    progs="$BENCH_PROGS"
else
    progs="$(cd "$benchdir" && ls *.py | sed 's/\.py$//' | tr '\n' ' ')"
fi
for p in $progs; do
    [[ -f "$benchdir/$p.py" ]] || { echo "bench: no scripts/bench/$p.py" >&2; exit 2; }
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
err_file="$tmp/err"
tsv="${BENCH_TSV:-}"
[[ -z "$tsv" ]] || : >"$tsv"
cd "$benchdir"

# stamp: the wall clock in seconds into $now, without a fork where bash 5 can.
stamp() {
    if [[ -n "${EPOCHREALTIME:-}" ]]; then now="$EPOCHREALTIME"; else now="$(date +%s.%N)"; fi
}

# run_one OUT MEM CMD...: runs CMD with stdout to OUT; sets $secs (wall time),
# $rss (max RSS in KB when MEM is 1 and /usr/bin/time exists, else "-") and
# $rc (exit status).
run_one() {
    local out="$1" mem="$2" t0
    shift 2
    rc=0
    rss="-"
    stamp
    t0="$now"
    if [[ "$mem" == 1 && -n "$timebin" ]]; then
        "$timebin" -f %M -o "$tmp/rss" "$@" >"$out" 2>"$err_file" </dev/null || rc=$?
    else
        "$@" >"$out" 2>"$err_file" </dev/null || rc=$?
    fi
    stamp
    secs=$(awk -v a="$t0" -v b="$now" 'BEGIN { printf "%.4f", b - a }')
    if [[ "$mem" == 1 && -n "$timebin" ]]; then
        rss="$(tail -1 "$tmp/rss")"
    fi
}

# median V...: the median of the numbers (the mean of the middle two for an even count).
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "-"; exit }
        if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

geomean() {
    printf '%s\n' "$@" | awk '$1 > 0 { s += log($1); n++ } END { if (n) printf "%.2f", exp(s / n); else print "-" }'
}

ratio() { awk -v k="$1" -v p="$2" 'BEGIN { if (p > 0 && k != "-" && p != "-") printf "%.2f", k / p; else print "-" }'; }

# measure NAME MODE ARG: runs both interpreters $runs times on NAME in MODE;
# sets $py_s, $kr_s (medians), $py_kb, $kr_kb and $note (empty when both ran
# and agreed in every run).
measure() {
    local name="$1" mode="$2" arg="$3" file r order who out
    local -a pt=() kt=() pm=() km=()
    file="$name.py"
    if [[ "$mode" != plain ]]; then
        mkdir -p "$tmp/$mode"
        hooked "$mode" "$name.py" "$tmp/$mode/$name.py"
        file="$tmp/$mode/$name.py"
    fi
    local mem=0
    [[ "$mode" == plain ]] && mem=1
    note=""
    rm -f "$tmp/expected"
    for ((r = 0; r < runs; r++)); do
        # Alternate who goes first, so that neither always runs on a warmer machine.
        if ((r % 2)); then order="krait python"; else order="python krait"; fi
        for who in $order; do
            out="$tmp/out.$who"
            if [[ "$who" == python ]]; then
                run_one "$out" "$mem" "$python" "$file" $arg
            else
                run_one "$out" "$mem" "$krait" "$file" $arg
            fi
            [[ -z "$tsv" ]] || printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$mode" "$who" "$r" "$secs" "$rss" >>"$tsv"
            if ((rc != 0)); then
                note="$who failed (exit $rc): $(grep -v '^\s*$' "$err_file" | tail -1 | cut -c1-80)"
                return
            fi
            if [[ ! -f "$tmp/expected" ]]; then
                cp "$out" "$tmp/expected"
            elif ! cmp -s "$out" "$tmp/expected"; then
                note="output differs: $who printed '$(head -c 60 "$out" | tr '\n' ' ')', expected '$(head -c 60 "$tmp/expected" | tr '\n' ' ')'"
                return
            fi
            if [[ "$who" == python ]]; then
                pt+=("$secs")
                pm+=("$rss")
            else
                kt+=("$secs")
                km+=("$rss")
            fi
        done
    done
    py_s=$(median "${pt[@]}")
    kr_s=$(median "${kt[@]}")
    py_kb="-"
    kr_kb="-"
    if [[ "$mem" == 1 && -n "$timebin" ]]; then
        py_kb=$(median "${pm[@]}")
        kr_kb=$(median "${km[@]}")
    fi
}

echo "krait: $krait"
echo "python: $python ($("$python" --version 2>&1))"
echo "runs: $runs per cell, median; modes: $modes${BENCH_SMALL:+; small arguments (a check, not a measurement)}"
echo
printf '%-14s %-8s %9s %9s %7s %9s %9s\n' program mode "python s" "krait s" ratio "python MB" "krait MB"
failed=0
declare -A cell   # cell[name,mode] = ratio, or "fail"
declare -A memr   # memr[name] = krait/python max RSS ratio
for name in $progs; do
    arg=""
    [[ -z "${BENCH_SMALL:-}" ]] || arg="$(small_arg "$name")"
    for mode in $modes; do
        measure "$name" "$mode" "$arg"
        if [[ -n "$note" ]]; then
            failed=1
            cell[$name,$mode]="fail"
            printf '%-14s %-8s %9s %9s %7s  %s\n' "$name" "$mode" - - fail "$note"
            continue
        fi
        cell[$name,$mode]=$(ratio "$kr_s" "$py_s")
        pmb="-"
        kmb="-"
        if [[ "$py_kb" != "-" ]]; then
            pmb=$(awk -v k="$py_kb" 'BEGIN { printf "%.1f", k / 1024 }')
            kmb=$(awk -v k="$kr_kb" 'BEGIN { printf "%.1f", k / 1024 }')
            memr[$name]=$(ratio "$kr_kb" "$py_kb")
        fi
        printf '%-14s %-8s %9s %9s %7s %9s %9s\n' "$name" "$mode" "$py_s" "$kr_s" "${cell[$name,$mode]}" "$pmb" "$kmb"
    done
done

# The summary: one row per program, one column per mode (krait/python time),
# then the memory ratio; the geometric mean of each column at the bottom.
echo
printf '%-14s' "krait/python"
for mode in $modes; do printf ' %8s' "$mode"; done
printf ' %8s\n' "max RSS"
for name in $progs; do
    printf '%-14s' "$name"
    for mode in $modes; do printf ' %8s' "${cell[$name,$mode]:--}"; done
    printf ' %8s\n' "${memr[$name]:--}"
done
printf '%-14s' "geomean"
for mode in $modes; do
    vals=()
    for name in $progs; do
        v="${cell[$name,$mode]:-}"
        [[ -z "$v" || "$v" == fail || "$v" == "-" ]] || vals+=("$v")
    done
    if ((${#vals[@]})); then printf ' %8s' "$(geomean "${vals[@]}")"; else printf ' %8s' "-"; fi
done
vals=()
for name in $progs; do
    v="${memr[$name]:-}"
    [[ -z "$v" || "$v" == "-" ]] || vals+=("$v")
done
if ((${#vals[@]})); then printf ' %8s\n' "$(geomean "${vals[@]}")"; else printf ' %8s\n' "-"; fi

# Against Lua 5.4: the same algorithms in scripts/bench/lua, untraced.
if [[ -n "$lua" && -x "$(command -v "$lua" || true)" ]]; then
    echo
    printf '%-14s %9s %9s %9s %11s %11s\n' "vs lua" "lua s" "python s" "krait s" "krait/lua" "python/lua"
    for name in fib loops nbody; do
        [[ " $progs " == *" $name "* && -f "lua/$name.lua" ]] || continue
        arg=""
        [[ -z "${BENCH_SMALL:-}" ]] || arg="$(small_arg "$name")"
        lt=()
        pt=()
        kt=()
        note=""
        for ((r = 0; r < runs; r++)); do
            for who in lua python krait; do
                case "$who" in
                    lua) run_one "$tmp/out.lua" 0 "$lua" "lua/$name.lua" $arg ;;
                    python) run_one "$tmp/out.python" 0 "$python" "$name.py" $arg ;;
                    krait) run_one "$tmp/out.krait" 0 "$krait" "$name.py" $arg ;;
                esac
                [[ -z "$tsv" ]] || printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" lua-plain "$who" "$r" "$secs" - >>"$tsv"
                ((rc == 0)) || note="$who failed (exit $rc)"
                case "$who" in lua) lt+=("$secs") ;; python) pt+=("$secs") ;; krait) kt+=("$secs") ;; esac
            done
            cmp -s "$tmp/out.lua" "$tmp/out.python" || note="${note:-lua's output differs from python's}"
            cmp -s "$tmp/out.krait" "$tmp/out.python" || note="${note:-krait's output differs from python's}"
        done
        if [[ -n "$note" ]]; then
            failed=1
            printf '%-14s %9s %9s %9s %11s %11s  %s\n' "$name" - - - fail fail "$note"
            continue
        fi
        l=$(median "${lt[@]}")
        p=$(median "${pt[@]}")
        k=$(median "${kt[@]}")
        printf '%-14s %9s %9s %9s %11s %11s\n' "$name" "$l" "$p" "$k" "$(ratio "$k" "$l")" "$(ratio "$p" "$l")"
    done
fi
exit "$failed"
