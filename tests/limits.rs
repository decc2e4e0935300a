//! Limits for untrusted scripts, as a host uses them: each hostile script
//! is stopped by its limit, the script cannot catch the stop (`except
//! BaseException`, `finally`, `with`, trace functions, generators' cleanup),
//! and the process's memory stays within 100 MB of where it started.
//! Runaway scripts are bounded by step budgets, never by a clock.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use krait::{Error, Interpreter, LimitKind, Limits};

// The memory cap's running total is counted by krait's allocator.
#[global_allocator]
static A: krait::SmallAlloc = krait::SmallAlloc;

/// One test at a time: the memory measured is the process's.
static SERIAL: Mutex<()> = Mutex::new(());

/// How many times the script called `note()`: code the limits must keep
/// from running calls it.
static NOTES: AtomicUsize = AtomicUsize::new(0);

fn note() {
    NOTES.fetch_add(1, Ordering::SeqCst);
}

/// A line of /proc/self/status, in kB.
fn status_kb(field: &str) -> u64 {
    let s = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    s.lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"))
}

/// Runs `src` under `limits`; the error, by how much the process's peak
/// memory passed its memory at the start (kB), and how long it ran.
fn run_hostile(limits: Limits, src: &str) -> (Error, u64, Duration) {
    let mut interp = Interpreter::new();
    interp.register_fn("note", note);
    interp.set_limits(limits);
    NOTES.store(0, Ordering::SeqCst);
    let start = status_kb("VmRSS:");
    // The peak from now on (Linux: "5" resets VmHWM to the current RSS).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let t = Instant::now();
    let r = interp.run_source("<hostile>", src);
    let took = t.elapsed();
    let peak = status_kb("VmHWM:").max(status_kb("VmRSS:"));
    let err = r.expect_err("a hostile script must not finish");
    (err, peak.saturating_sub(start), took)
}

/// What the limit that stopped a run says.
fn message(e: &Error) -> String {
    match e {
        Error::Limit(l) => l.to_string(),
        other => panic!("not stopped by a limit: {other:?}"),
    }
}

/// The limit that stopped a run.
fn kind(e: &Error) -> LimitKind {
    match e {
        Error::Limit(l) => l.kind,
        other => panic!("not stopped by a limit: {other:?}"),
    }
}

/// Asserts the run was stopped by `want`, no handler or cleanup of the
/// script ran, and memory stayed within 100 MB of the start; the error
/// and how long the run took.
fn stopped(limits: Limits, src: &str, want: LimitKind) -> (Error, Duration) {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let (err, grew_kb, took) = run_hostile(limits, src);
    eprintln!(
        "{grew_kb:>8} kB  {:?}  {}",
        kind(&err),
        src.lines().nth(1).unwrap_or(src)
    );
    assert_eq!(kind(&err), want, "{err:?} in\n{src}");
    assert_eq!(
        NOTES.load(Ordering::SeqCst),
        0,
        "a handler ran after {err:?} in\n{src}"
    );
    assert!(
        grew_kb < 100 * 1024,
        "memory grew by {grew_kb} kB: {err:?} in\n{src}"
    );
    (err, took)
}

/// `stopped`, for the error only.
fn assert_stopped(limits: Limits, src: &str, want: LimitKind) -> Error {
    stopped(limits, src, want).0
}

/// `body` with handlers that try to swallow the stop and go on.
fn guarded(body: &str) -> String {
    let body: String = body.lines().map(|l| format!("    {l}\n")).collect();
    format!(
        "try:\n{body}except BaseException:\n    note()\n    while True:\n        pass\n\
         finally:\n    note()\n    while True:\n        pass\n"
    )
}

fn steps(n: u64) -> Limits {
    Limits {
        max_steps: Some(n),
        ..Limits::default()
    }
}

fn memory(bytes: usize) -> Limits {
    Limits {
        max_memory: Some(bytes),
        // A safety net: a cap that failed to hold stops anyway.
        max_steps: Some(100_000_000),
        ..Limits::default()
    }
}

#[test]
fn step_budget_stops_an_endless_loop() {
    let e = assert_stopped(
        steps(1_000_000),
        &guarded("while True:\n    pass"),
        LimitKind::Steps,
    );
    assert_eq!(message(&e), "limit exceeded: more than 1000000 steps");
}

#[test]
fn step_budget_is_exact() {
    // A module's start is a step, and each iteration's backward jump one.
    let loop_of = |n: u32| format!("for i in range({n}):\n    pass\n");
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let mut interp = Interpreter::new();
    interp.set_limits(steps(101));
    assert!(interp.run_source("<ok>", &loop_of(100)).is_ok());
    let e = interp.run_source("<over>", &loop_of(101)).unwrap_err();
    assert_eq!(kind(&e), LimitKind::Steps);
    // The budget starts again at each run.
    assert!(interp.run_source("<again>", &loop_of(100)).is_ok());
}

#[test]
fn step_budget_stops_native_loops_and_recursion_without_loops() {
    for src in [
        "print(sum(range(10**15)))",
        "import itertools\nnext(filter(None, itertools.repeat(0)))",
        "import itertools\nnext(itertools.islice(itertools.count(), 10**15, None))",
        "import itertools\nnext(itertools.filterfalse(None, itertools.repeat(1)))",
        "1 in iter(int, 2)",
        // Calls only, no loop: 2**100 of them.
        "def f(n):\n    if n:\n        f(n - 1)\n        f(n - 1)\nf(100)",
        // Code run by exec, and a trace function that never returns.
        "exec('try:\\n    while True:\\n        pass\\nexcept BaseException:\\n    note()')",
        "import sys\ndef t(frame, event, arg):\n    while True:\n        pass\n\
         sys.settrace(t)\ndef f():\n    pass\nf()",
    ] {
        assert_stopped(steps(2_000_000), &guarded(src), LimitKind::Steps);
    }
}

#[test]
fn deadline_stops_an_endless_loop() {
    let limits = Limits {
        timeout: Some(Duration::from_millis(200)),
        ..Limits::default()
    };
    let (_, took) = stopped(
        limits,
        &guarded("while True:\n    pass"),
        LimitKind::Timeout,
    );
    assert!(
        took >= Duration::from_millis(200),
        "stopped early: {took:?}"
    );
    assert!(took < Duration::from_secs(30), "stopped late: {took:?}");
}

#[test]
fn deadline_sees_slow_steps() {
    // Each step a long built-in: polls come sooner when steps are slow.
    let limits = Limits {
        timeout: Some(Duration::from_millis(200)),
        ..Limits::default()
    };
    let src = "l = list(range(200000))\nwhile True:\n    sorted(l, reverse=True)";
    let (_, took) = stopped(limits, &guarded(src), LimitKind::Timeout);
    assert!(took < Duration::from_secs(30), "stopped late: {took:?}");
}

#[test]
fn memory_cap_refuses_a_huge_list_before_allocating() {
    let e = assert_stopped(
        memory(50 << 20),
        &guarded("x = [0] * 10**9"),
        LimitKind::Memory,
    );
    assert!(message(&e).contains("memory cap"), "{e:?}");
    assert_stopped(
        memory(50 << 20),
        &guarded("x = [None, 1] * 10**9"),
        LimitKind::Memory,
    );
    assert_stopped(
        memory(50 << 20),
        &guarded("x = list(range(10**9))"),
        LimitKind::Memory,
    );
}

#[test]
fn memory_cap_refuses_a_huge_str_before_allocating() {
    for src in [
        "s = 'a' * 10**10",
        "s = eval(\"'a' * 10**10\")",
        "s = 'abc'.ljust(10**10)",
        "s = '%*d' % (10**10, 1)",
        "s = format(1, '>10000000000')",
        "s = ''.join(['a' * 10**6] * 10**4)",
        "s = repr(['a' * 10**6] * 10**4)",
        "s = ('a' * 10**6).replace('a', 'bb')\ns = s.replace('b', 'cc' * 1000)",
        "import json\ns = json.dumps(['a' * 10**6] * 10**4)",
    ] {
        assert_stopped(memory(50 << 20), &guarded(src), LimitKind::Memory);
    }
}

#[test]
fn memory_cap_stops_string_doubling() {
    for src in [
        "s = 'a'\nwhile True:\n    s = s + s",
        "s = 'a'\nwhile True:\n    s += s",
        "s = 'ab'\nwhile True:\n    s = f'{s}{s}'",
        "l = [0]\nwhile True:\n    l = l + l",
        "l = [0]\nwhile True:\n    l.extend(l)",
        "t = (0,)\nwhile True:\n    t += t",
    ] {
        assert_stopped(memory(50 << 20), &guarded(src), LimitKind::Memory);
    }
}

#[test]
fn memory_cap_stops_many_small_objects() {
    assert!(krait::SmallAlloc::is_global(), "krait's allocator counts");
    for src in [
        "l = []\nwhile True:\n    l.append([1] * 1000)",
        "l = []\nwhile True:\n    l.append(str(len(l)))",
        "d = {}\nwhile True:\n    d[len(d)] = (len(d), 'x')",
        "import itertools\nl = list(itertools.count())",
        "x = sorted(range(10**9))",
        "x = set(range(10**9))",
        "x = dict.fromkeys(range(10**9))",
        "x = tuple(range(10**9))",
        "x = [*range(10**9)]",
        "x = {*range(10**9)}",
        "x = list(map(str, range(10**9)))",
        "x = [str(i) for i in range(10**9)]",
        "import itertools\nx = itertools.combinations(range(10**9), 5)",
        "import collections\nx = collections.deque([1]) * 10**10",
        "import collections\nx = collections.deque(range(10**9))",
        "x = ' '.join(map(str, range(10**9)))",
        "x = str(list(range(10**7)))",
    ] {
        assert_stopped(memory(50 << 20), &guarded(src), LimitKind::Memory);
    }
}

#[test]
fn deep_recursion_stops_at_the_hosts_cap() {
    let limits = Limits {
        max_depth: Some(10_000),
        max_steps: Some(100_000_000),
        ..Limits::default()
    };
    let src = "import sys\nsys.setrecursionlimit(10**7)\n\
               def f(n):\n    return f(n + 1) if n < 10**6 else n\nf(0)";
    let e = assert_stopped(limits.clone(), &guarded(src), LimitKind::Recursion);
    assert!(
        message(&e).contains("maximum recursion depth exceeded"),
        "{e:?}"
    );
    // Native recursion counts too (a structure kept shallow enough for
    // dropping it, which is Rust recursion, on a test thread's stack).
    let limits = Limits {
        max_depth: Some(1_000),
        ..limits
    };
    let src = "import sys\nsys.setrecursionlimit(10**7)\n\
               l = []\nfor i in range(3000):\n    l = [l]\nrepr(l)";
    assert_stopped(limits, &guarded(src), LimitKind::Recursion);
}

#[test]
fn scripts_own_recursion_limit_is_still_catchable() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let mut interp = Interpreter::new();
    interp.set_limits(Limits {
        max_depth: Some(10_000),
        ..Limits::default()
    });
    let src = "import sys\nsys.setrecursionlimit(500)\nassert sys.getrecursionlimit() == 500\n\
               def f():\n    f()\ntry:\n    f()\nexcept RecursionError:\n    pass\n\
               sys.setrecursionlimit(10**6)\nassert sys.getrecursionlimit() == 10**6\n";
    interp
        .run_source("<own>", src)
        .expect("a RecursionError of its own");
}

#[test]
fn size_limits_stop_big_objects() {
    let sized = Limits {
        max_str_bytes: Some(1 << 20),
        max_items: Some(1 << 20),
        max_int_bits: Some(1 << 20),
        max_steps: Some(100_000_000),
        ..Limits::default()
    };
    for src in [
        "s = 'a' * 2_000_000",
        "s = 'a'\nwhile True:\n    s = s + s",
        "x = [0] * 2_000_000",
        "x = list(range(2_000_000))",
        "x = 3 ** 10**6",
        "x = 1 << 10**9",
        "x = 2\nwhile True:\n    x = x * x",
        "import math\nx = math.factorial(10**6)",
    ] {
        assert_stopped(sized.clone(), &guarded(src), LimitKind::Size);
    }
    // Within the limits, the same operations work.
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let mut interp = Interpreter::new();
    interp.set_limits(sized);
    let ok = "s = 'a' * 1000\nx = [0] * 1000\ny = 3 ** 1000\nz = 1 << 1000\n";
    interp
        .run_source("<ok>", ok)
        .expect("small objects are fine");
}

#[test]
fn nothing_in_the_script_swallows_a_limit() {
    // `with` whose `__exit__` says it handled the exception.
    let with_exit = "class CM:\n    def __enter__(self):\n        return self\n\
                     \x20   def __exit__(self, *a):\n        note()\n        return True\n\
                     with CM():\n    while True:\n        pass\n";
    assert_stopped(steps(100_000), with_exit, LimitKind::Steps);
    // A trace function hears nothing of the unwinding.
    let traced = "import sys\ndef t(frame, event, arg):\n    if event == 'exception':\n\
                  \x20       note()\n    return t\nsys.settrace(t)\n\
                  def f():\n    while True:\n        pass\nf()\n";
    assert_stopped(steps(100_000), traced, LimitKind::Steps);
    // A suspended generator's `finally` does not run at the end of the run.
    let gen = "def g():\n    try:\n        yield 1\n    finally:\n        note()\n\
               \x20       while True:\n            pass\nit = g()\nnext(it)\n\
               while True:\n    pass\n";
    assert_stopped(steps(100_000), gen, LimitKind::Steps);
    // A handler inside a handler, and a generator consumed by a built-in.
    let nested = "def g():\n    while True:\n        try:\n            yield 1\n\
                  \x20       except BaseException:\n            note()\n\
                  try:\n    sum(g())\nexcept BaseException:\n    note()\n";
    assert_stopped(steps(100_000), nested, LimitKind::Steps);
}

/// Set by the script when it is running, for the interrupting thread.
static READY: AtomicBool = AtomicBool::new(false);

fn ready() {
    READY.store(true, Ordering::SeqCst);
}

#[test]
fn another_thread_interrupts_a_running_script() {
    fn send_sync<T: Send + Sync + Clone + 'static>(_: &T) {}
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let mut interp = Interpreter::new();
    interp.register_fn("note", note);
    interp.register_fn("ready", ready);
    // The net, should the interrupt not arrive: about a minute of steps.
    interp.set_limits(steps(20_000_000_000));
    let handle = interp.interrupt_handle();
    send_sync(&handle);
    READY.store(false, Ordering::SeqCst);
    NOTES.store(0, Ordering::SeqCst);
    let stopper = std::thread::spawn(move || {
        while !READY.load(Ordering::SeqCst) {
            std::thread::yield_now();
        }
        handle.interrupt();
    });
    let src = guarded("ready()\nwhile True:\n    pass");
    let e = interp.run_source("<spin>", &src).unwrap_err();
    stopper.join().unwrap();
    assert_eq!(kind(&e), LimitKind::Interrupted, "{e:?}");
    assert_eq!(NOTES.load(Ordering::SeqCst), 0);
    // Taken: the next run is not interrupted.
    interp.run_source("<next>", "x = 1\n").expect("runs");
}

#[test]
fn an_interpreter_runs_normally_after_a_limit() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let mut interp = Interpreter::new();
    interp.set_limits(steps(10_000));
    let e = interp
        .run_source(
            "<a>",
            "try:\n    while True:\n        pass\nexcept BaseException:\n    pass\n",
        )
        .unwrap_err();
    assert_eq!(kind(&e), LimitKind::Steps);
    let src = "import sys\nassert sys.exc_info() == (None, None, None)\n\
               try:\n    1 / 0\nexcept ZeroDivisionError:\n    pass\nfor i in range(100):\n    pass\n";
    interp.run_source("<b>", src).expect("runs");
    // Limits can be lifted.
    interp.set_limits(Limits::default());
    interp
        .run_source("<c>", "for i in range(100_000):\n    pass\n")
        .expect("no budget");
}

#[test]
fn limits_do_not_change_what_a_script_computes() {
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let src = "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\
               s = ''.join(str(i) for i in range(1000))\n\
               d = {i: [i] * 10 for i in range(1000)}\n\
               assert fib(20) == 6765 and len(s) == 2890 and len(d) == 1000\n\
               assert 3 ** 300 % 1000 == 1\n";
    let mut interp = Interpreter::new();
    interp.set_limits(Limits {
        max_steps: Some(10_000_000),
        timeout: Some(Duration::from_secs(600)),
        max_memory: Some(256 << 20),
        max_depth: Some(5_000),
        max_str_bytes: Some(1 << 24),
        max_items: Some(1 << 24),
        max_int_bits: Some(1 << 20),
    });
    interp
        .run_source("<fine>", src)
        .expect("within every limit");
}

#[test]
fn memory_cap_counts_what_is_live_not_what_was_allocated() {
    // Far more is allocated than the cap, but little at a time.
    let _serial = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let mut interp = Interpreter::new();
    interp.set_limits(memory(8 << 20));
    let churn = "for i in range(200_000):\n    l = [i] * 100\n    s = str(i) * 50\n\
                 \x20   d = {j: (j, s) for j in range(20)}\n    big = 'x' * 100_000\n";
    interp.run_source("<churn>", churn).expect("within the cap");
    // What a run keeps counts against it, and is gone for the next run.
    let keep = "keep = [[i] * 100 for i in range(2_500)]\n";
    interp
        .run_source("<keep>", keep)
        .expect("about 3.5 MB of lists");
    interp
        .run_source("<keep>", keep)
        .expect("the last run's are gone");
}
