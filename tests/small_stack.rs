//! Native recursion (nested `==`, `repr`, `hash`, native code calling back
//! into krait code) never overflows the host thread's stack, however small:
//! an embedding host may run krait on a thread with little stack, and the
//! result must be what the CLI (which runs on a big stack) gives: the value,
//! or `RecursionError` at the recursion limit, never a crash.

use krait::{Error, Interpreter};

/// Runs `src` on a thread with a 256 KiB stack; each program checks its own
/// results with `assert` and must end normally. (Freeing a structure
/// nested tens of thousands deep is still Rust recursion, so the programs
/// take theirs apart before they go: see README, Limits.)
fn run_on_small_stack(name: &str, src: &'static str) {
    let r = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let mut interp = Interpreter::new();
            interp.run_source("small_stack.py", src).map(|_| ())
        })
        .expect("spawn")
        .join()
        .expect("the interpreter thread crashed");
    if let Err(e) = r {
        let msg = match e {
            Error::Exception(e) => e.rendered,
            other => format!("{other:?}"),
        };
        panic!("{name}: {msg}");
    }
}

#[test]
fn nested_comparison_raises_recursion_error() {
    run_on_small_stack(
        "eq",
        "a = []\nb = []\nfor i in range(10000):\n    a = [a]\n    b = [b]\n\
         try:\n    a == b\n    assert False\nexcept RecursionError as e:\n\
         \x20   assert str(e) == 'maximum recursion depth exceeded in comparison'\n\
         while a:\n    a = a[0]\nwhile b:\n    b = b[0]\n\
         x = []\nx.append(x)\ny = []\ny.append(y)\n\
         try:\n    x == y\n    assert False\nexcept RecursionError:\n    pass\n",
    );
}

#[test]
fn raised_limit_is_honoured_by_native_recursion() {
    run_on_small_stack(
        "raised",
        "import sys\nsys.setrecursionlimit(100000)\n\
         l = []\nfor i in range(30000):\n    l = [l]\n\
         assert len(repr(l)) == 60002\n\
         m = []\nfor i in range(30000):\n    m = [m]\nassert l == m\n\
         def f(n):\n    if n == 0:\n        return 0\n    return list(map(f, [n - 1]))[0] + 1\n\
         assert f(5000) == 5000\n\
         while l:\n    l = l[0]\nwhile m:\n    m = m[0]\n",
    );
}

#[test]
fn deep_tuple_hash_needs_no_limit() {
    run_on_small_stack(
        "hash",
        "t = ()\nfor i in range(50000):\n    t = (t,)\nassert hash(t) == hash(t)\n\
         d = {t: 1}\nassert d[t] == 1\ndel d\nwhile t:\n    t = t[0]\n",
    );
}

#[test]
fn self_referencing_dunders_raise_recursion_error() {
    run_on_small_stack(
        "dunders",
        "class Foo:\n    def __str__(self): return repr(self)\nFoo.__repr__ = Foo.__str__\n\
         try:\n    str(Foo())\n    assert False\nexcept RecursionError:\n    pass\n\
         e = ValueError()\ne.args = (e,)\n\
         try:\n    str(e)\n    assert False\nexcept RecursionError:\n    pass\n\
         a = []\na.append(a)\nassert repr(a) == '[[...]]'\n\
         d = {}\nd[1] = d\nassert repr(d) == '{1: {...}}'\n",
    );
}
