#!/usr/bin/env bash
# A profile-guided release build of krait: target/pgo/release/krait.
#
#   scripts/build_pgo.sh
#   scripts/build_pgo.sh --features untraceable
#       The same with every tracing hook compiled out, in
#       target/pgo-untraceable/release/krait: what tracing support costs
#       an untraced run, judged build against build (README "Benchmarks").
#
# Builds an instrumented krait (target/pgo-gen), runs it over the training
# set below, merges the profile with the llvm-profdata that matches rustc's
# LLVM (rustup's llvm-tools component, added when missing), and builds
# krait again with that profile. The training set is the test corpus, not
# the benchmarks: tests/cases/*/*.py as they are (traced ones install their
# tracers themselves) plus each of them under a no-op sys.settrace tracer.
# The README's "Build settings" says what this gains.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

host="$(rustc -vV | sed -n 's/^host: //p')"
profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
if [[ ! -x "$profdata" ]]; then
    rustup component add llvm-tools
fi
[[ -x "$profdata" ]] || { echo "build_pgo: no llvm-profdata at $profdata" >&2; exit 2; }

# Cargo arguments for both builds, and where they go.
features=()
suffix=""
if [[ "${1:-}" == "--features" && -n "${2:-}" ]]; then
    features=(--features "$2")
    suffix="-$2"
elif [[ $# -gt 0 ]]; then
    echo "usage: scripts/build_pgo.sh [--features FEATURE]" >&2
    exit 2
fi

data="$root/target/pgo$suffix-data"
rm -rf "$data"
mkdir -p "$data"

# Cargo joins these rustflags to .cargo/config.toml's (arrays merge).
echo "== instrumented build (target/pgo$suffix-gen)"
cargo build --release "${features[@]}" --target-dir "target/pgo$suffix-gen" \
    --config "target.'cfg(all())'.rustflags=['-Cprofile-generate=$data']"

echo "== training"
gen="$root/target/pgo$suffix-gen/release/krait"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# A program with a no-op tracer that returns itself installed first.
traced_copy() {
    echo "import sys as _pgo_sys"
    echo "def _pgo_hook(frame, event, arg): return _pgo_hook"
    echo "_pgo_sys.settrace(_pgo_hook)"
    cat "$1"
}
n=0
for f in tests/cases/*/*.py; do
    dir="$(dirname "$f")"
    # Each program runs from its folder, as the test runner runs it; its
    # output and exit status do not matter here.
    (cd "$dir" && timeout 20 "$gen" "$(basename "$f")" </dev/null >/dev/null 2>&1) || true
    # The same program under a no-op tracer that returns itself.
    traced_copy "$f" >"$tmp/traced.py"
    (cd "$dir" && timeout 20 "$gen" "$tmp/traced.py" </dev/null >/dev/null 2>&1) || true
    n=$((n + 1))
done
# The workload of typical hot code, untraced and traced, so that loops
# rather than the corpus's startup and module bodies decide what is hot.
timeout 120 "$gen" scripts/pgo_workload.py 100 >/dev/null
traced_copy scripts/pgo_workload.py >"$tmp/traced.py"
timeout 120 "$gen" "$tmp/traced.py" 100 >/dev/null
echo "   $n programs and scripts/pgo_workload.py, each untraced and traced"

"$profdata" merge -o "$data/merged.profdata" "$data"/*.profraw

echo "== optimized build (target/pgo$suffix)"
cargo build --release "${features[@]}" --target-dir "target/pgo$suffix" \
    --config "target.'cfg(all())'.rustflags=['-Cprofile-use=$data/merged.profdata']"
echo "build_pgo: target/pgo$suffix/release/krait"
