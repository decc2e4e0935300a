//! Many interpreters in one process, as a host uses them: two on one
//! thread see nothing of each other, an interpreter moves to another
//! thread between runs (it is `Send`) and is dropped wherever it ends up,
//! and a host function of one may run another.

use std::sync::{Arc, Mutex};

use krait::Interpreter;

/// `Interpreter: Send`, checked at compile time.
const _: () = {
    const fn send<T: Send>() {}
    send::<Interpreter>()
};

/// Classes with instances whose attributes are cached by shape, methods
/// cached by class, globals and module attributes cached by dict version,
/// a generator suspended in a `try` block, and cycles for the collector.
const SETUP: &str = "\
import math

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return math.sqrt(self.x * self.x + self.y * self.y)

class Point3(Point):
    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z
    def norm(self):
        return Point.norm(self) + self.z

def total(points):
    return sum(p.norm() for p in points)

def counter(log):
    n = 0
    try:
        while True:
            n += 1
            yield n
    finally:
        log.append('closed')

log = []
gen = counter(log)
scale = 1
table = {'a': 1}

def lookup(k):
    return table[k] * scale

def churn(n):
    # Cycles, dicts gaining and losing keys.
    for i in range(n):
        d = {'i': i}
        d['self'] = d
        table['k%d' % (i % 7)] = i
        if i % 3 == 0:
            del table['k%d' % (i % 7)]
    return len(table)
";

const STEP: &str = "\
pts = [Point(3, 4), Point3(3, 4, 2), Point(6, 8)]
step = next(gen)
result = (total(pts), step, lookup('a'), churn(200))
";

/// Runs `STEP` and checks what it gives after `n` steps so far.
fn step(it: &mut Interpreter, n: i64) {
    it.run(STEP).unwrap();
    let (t, s, a, _): (f64, i64, i64, i64) = it.get_global("result").unwrap();
    assert_eq!((t, s, a), (22.0, n, it.get_global::<i64>("scale").unwrap()));
}

#[test]
fn two_interpreters_on_one_thread_see_nothing_of_each_other() {
    let mut a = Interpreter::new();
    let mut b = Interpreter::new();
    a.run(SETUP).unwrap();
    // B has none of A's names, and classes of its own under the same names.
    assert!(!b.eval::<bool>("'Point' in globals()").unwrap());
    b.run(SETUP).unwrap();
    b.set_global("scale", 10);
    b.run("class Point:\n    def __init__(self, x, y):\n        self.y = y\n        self.x = x\n    def norm(self):\n        return float(self.x + self.y)\n").unwrap();
    for n in 1..=5 {
        step(&mut a, n);
        // B's Point has other attributes in another order (other shapes)
        // and another norm: 7 + (7 + 2) + 14 (Point3's calls B's Point's).
        b.run(STEP).unwrap();
        let (t, s, v): (f64, i64, i64) = b.eval("result[:3]").unwrap();
        assert_eq!((t, s, v), (30.0, n, 10));
    }
    // Each has its own cycle collector.
    a.run("import gc\ngc.disable()\ngc.set_threshold(5, 6, 7)")
        .unwrap();
    b.run("import gc").unwrap();
    assert!(b.eval::<bool>("gc.isenabled()").unwrap());
    assert_eq!(
        b.eval::<(i64, i64, i64)>("gc.get_threshold()").unwrap(),
        (700, 10, 10)
    );
    // The cycles A leaves are A's to find, not B's.
    b.collect_garbage();
    a.run("churn(100)").unwrap();
    assert_eq!(b.collect_garbage(), 0);
    assert!(a.collect_garbage() >= 100);
    // Built-in classes made on demand are each interpreter's own (a dict
    // view's class, made at the first view).
    a.run("kt = type({}.keys())").unwrap();
    assert!(b
        .eval::<bool>("issubclass(type({}.keys()), object)")
        .unwrap());
    assert!(a.eval::<bool>("type({1: 2}.keys()) is kt").unwrap());
    // A's suspended generator closes when A lets it go, in A.
    a.run("del gen").unwrap();
    assert_eq!(a.eval::<Vec<String>>("log").unwrap(), ["closed"]);
    assert!(b.eval::<Vec<String>>("log").unwrap().is_empty());
}

#[test]
fn an_interpreter_moves_between_threads() {
    let mut it = Interpreter::new();
    let out = Arc::new(Mutex::new(String::new()));
    let sink = out.clone();
    it.on_print(move |s| sink.lock().unwrap().push_str(s));
    it.register_fn("host_add", |a: i64, b: i64| a + b);
    it.run(SETUP).unwrap();
    step(&mut it, 1);
    step(&mut it, 2);
    // Run on another thread, with the caches made here, then back.
    let mut it = std::thread::spawn(move || {
        step(&mut it, 3);
        it.set_global("scale", 2);
        step(&mut it, 4);
        it.run("print('there', host_add(40, 2))").unwrap();
        it
    })
    .join()
    .unwrap();
    step(&mut it, 5);
    // And on a third, while this thread makes and runs interpreters of its own.
    let worker = std::thread::spawn(move || {
        for n in 6..=8 {
            step(&mut it, n);
        }
        it
    });
    for _ in 0..3 {
        let mut other = Interpreter::new();
        other.run(SETUP).unwrap();
        step(&mut other, 1);
    }
    let mut it = worker.join().unwrap();
    step(&mut it, 9);
    it.run("del gen\nprint(log)").unwrap();
    assert_eq!(*out.lock().unwrap(), "there 42\n['closed']\n");
    // Its collector came along: the cycles it makes are found here.
    it.run("import gc\ngc.collect()\nchurn(50)").unwrap();
    assert!(it.collect_garbage() >= 50);
}

#[test]
fn global_caches_stay_right_across_threads() {
    // A global read in a function is cached by the globals' key version
    // (the versions are the interpreter's, so they never repeat on another
    // thread: see `vm::isolate`'s unit tests): the caches made on one
    // thread stay right on the next, as the keys move.
    let mut it = Interpreter::new();
    it.run("g0 = 0\ndef f():\n    return g0\n").unwrap();
    for round in 0..4 {
        it = std::thread::spawn(move || {
            for k in 0..300 {
                let v = round * 1000 + k;
                // Deleting and adding keys moves `g0` and changes the version.
                it.run(&format!("del g0\nx{k} = 1\ng0 = {v}\ndel x{k}\n"))
                    .unwrap();
                assert_eq!(it.eval::<i64>("f()").unwrap(), v);
            }
            it
        })
        .join()
        .unwrap();
    }
}

#[test]
fn an_interpreter_is_dropped_on_another_thread() {
    let mut it = Interpreter::new();
    it.run(SETUP).unwrap();
    step(&mut it, 1);
    // Dropped there with a suspended generator, cycles and classes.
    std::thread::spawn(move || {
        step(&mut it, 2);
        drop(it);
    })
    .join()
    .unwrap();
    // Made there, dropped here.
    let mut it = std::thread::spawn(|| {
        let mut it = Interpreter::new();
        it.run(SETUP).unwrap();
        step(&mut it, 1);
        it
    })
    .join()
    .unwrap();
    step(&mut it, 2);
    drop(it);
}

#[test]
fn interpreters_run_side_by_side_on_threads() {
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let mut it = Interpreter::new();
            it.set_global("me", i);
            std::thread::spawn(move || {
                it.run(SETUP).unwrap();
                for n in 1..=20 {
                    step(&mut it, n);
                }
                it.eval::<i64>("me").unwrap()
            })
        })
        .collect();
    let ids: Vec<i64> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(ids, [0, 1, 2, 3]);
}

#[test]
fn a_host_function_runs_another_interpreter() {
    // B lives in A's host function; a call of it runs B inside A's run.
    let b = Arc::new(Mutex::new(Interpreter::new()));
    b.lock().unwrap().run(SETUP).unwrap();
    let inner = b.clone();
    let mut a = Interpreter::new();
    a.register_fn("in_b", move |src: String| -> i64 {
        let mut b = inner.lock().unwrap();
        b.run(&src).unwrap();
        b.eval("result[1]").unwrap()
    });
    a.run(SETUP).unwrap();
    a.run(&format!(
        "steps = []\nfor i in range(3):\n    steps.append((next(gen), in_b({STEP:?})))\n"
    ))
    .unwrap();
    assert_eq!(
        a.eval::<Vec<(i64, i64)>>("steps").unwrap(),
        [(1, 1), (2, 2), (3, 3)]
    );
    // Both are whole afterwards, here and elsewhere.
    step(&mut a, 4);
    drop(a);
    let b = Arc::try_unwrap(b).ok().unwrap().into_inner().unwrap();
    let mut b = std::thread::spawn(move || {
        let mut b = b;
        step(&mut b, 4);
        b
    })
    .join()
    .unwrap();
    step(&mut b, 5);
}
