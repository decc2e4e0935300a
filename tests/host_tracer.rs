//! A Rust host installs a native tracer, runs a script, and sees exactly the
//! events CPython 3.11's `sys.settrace` reports for it (recorded by
//! `scripts/record_host_trace.py` into `tests/host/script.events`).

use std::cell::RefCell;
use std::rc::Rc;

use krait::trace::{Event, FrameView, Tracer};
use krait::{Interpreter, PyResult, Value, Vm};

/// Records `event name line caller-chain` like the recording script does.
struct Recorder {
    seen: Rc<RefCell<Vec<String>>>,
}

impl Tracer for Recorder {
    fn event(&mut self, vm: &mut Vm, frame: FrameView, event: Event, _arg: &Value) -> PyResult<()> {
        if !matches!(
            event,
            Event::Call | Event::Line | Event::Return | Event::Exception
        ) {
            return Ok(());
        }
        let mut chain = vec![];
        let mut back = frame.back();
        while let Some(f) = back {
            chain.push(f.function_name(vm));
            back = f.back();
        }
        let chain = if chain.is_empty() {
            "-".to_string()
        } else {
            chain.join("/")
        };
        self.seen.borrow_mut().push(format!(
            "{} {} {} {}",
            event.name(),
            frame.function_name(vm),
            frame.line(vm),
            chain
        ));
        Ok(())
    }
}

fn run_traced(src: &str) -> Vec<String> {
    let seen = Rc::new(RefCell::new(vec![]));
    let mut interp = Interpreter::new();
    interp.add_tracer(Box::new(Recorder { seen: seen.clone() }));
    interp.run_source("script.py", src).expect("script runs");
    let out = seen.borrow().clone();
    out
}

#[test]
fn native_tracer_sees_cpython_event_stream() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/host");
    let src = std::fs::read_to_string(format!("{}/script.py", dir)).unwrap();
    let want = std::fs::read_to_string(format!("{}/script.events", dir)).unwrap();
    let want: Vec<&str> = want.lines().collect();
    let got = run_traced(&src);
    let got: Vec<&str> = got.iter().map(|s| s.as_str()).collect();
    if got != want {
        let mut msg = String::from("event streams differ (- CPython, + krait):\n");
        for i in 0..got.len().max(want.len()) {
            let (w, g) = (want.get(i), got.get(i));
            if w != g {
                msg.push_str(&format!("  at {}: - {:?}\n          + {:?}\n", i, w, g));
            }
        }
        panic!("{}", msg);
    }
}

#[test]
fn several_tracers_each_see_every_event() {
    let a = Rc::new(RefCell::new(vec![]));
    let b = Rc::new(RefCell::new(vec![]));
    let mut interp = Interpreter::new();
    interp.add_tracer(Box::new(Recorder { seen: a.clone() }));
    interp.add_tracer(Box::new(Recorder { seen: b.clone() }));
    interp
        .run_source("two.py", "def f():\n    return 1\nf()\n")
        .unwrap();
    assert_eq!(*a.borrow(), *b.borrow());
    // The module's call and return, f's call, line and return, module lines.
    assert_eq!(a.borrow().len(), 7);
    assert!(a.borrow().contains(&"call f 1 <module>".to_string()));
}

/// A tracer error surfaces in the program as a Python exception.
struct Failing;

impl Tracer for Failing {
    fn event(
        &mut self,
        _vm: &mut Vm,
        frame: FrameView,
        event: Event,
        _arg: &Value,
    ) -> PyResult<()> {
        if event == Event::Line && frame.depth > 0 {
            return Err(krait::PyErr::new(
                krait::value::ExcType::RuntimeError,
                "host says stop",
            ));
        }
        Ok(())
    }
}

#[test]
fn tracer_error_raises_in_the_program() {
    let mut interp = Interpreter::new();
    interp.add_tracer(Box::new(Failing));
    let err = interp
        .run_source("fail.py", "def f():\n    return 1\ntry:\n    f()\nexcept RuntimeError as e:\n    caught = str(e)\n")
        .err();
    assert_eq!(err, None);
}

/// CPython's `test_no_line_event_after_creating_generator`
/// (`test_sys_settrace.py`), which needs a C tracer: a native tracer sees
/// no line event between creating a generator and its first `call`. The
/// expected events are the CPython test's own, lines relative to `func`'s
/// first line.
#[test]
fn cpython_no_line_event_after_creating_generator() {
    struct Lines {
        seen: Rc<RefCell<Vec<(i64, &'static str)>>>,
    }
    impl Tracer for Lines {
        fn event(
            &mut self,
            vm: &mut Vm,
            frame: FrameView,
            event: Event,
            _: &Value,
        ) -> PyResult<()> {
            let name = frame.function_name(vm);
            if name == "func" || name == "gen" {
                // `func` starts at line 4 of the script below.
                self.seen
                    .borrow_mut()
                    .push((frame.line(vm) as i64 - 4, event.name()));
            }
            Ok(())
        }
    }
    let src = "def gen():\n    yield 1\n\ndef func():\n    for _ in (\n        gen()\n    ):\n        pass\n\nfunc()\n";
    let seen = Rc::new(RefCell::new(vec![]));
    let mut interp = Interpreter::new();
    interp.add_tracer(Box::new(Lines { seen: seen.clone() }));
    interp.run_source("gen.py", src).expect("script runs");
    let expected = [
        (0, "call"),
        (2, "line"),
        (1, "line"),
        (-3, "call"),
        (-2, "line"),
        (-2, "return"),
        (4, "line"),
        (1, "line"),
        (-2, "call"),
        (-2, "return"),
        (1, "return"),
    ];
    assert_eq!(*seen.borrow(), expected);
}

/// Counts what it is given, per event kind, taking only `events`.
struct Counter {
    events: krait::trace::EventMask,
    seen: Rc<RefCell<Vec<(Event, String, u32)>>>,
}

impl Tracer for Counter {
    fn event(&mut self, vm: &mut Vm, frame: FrameView, event: Event, _arg: &Value) -> PyResult<()> {
        self.seen
            .borrow_mut()
            .push((event, frame.function_name(vm), frame.line(vm)));
        Ok(())
    }
    fn events(&self) -> krait::trace::EventMask {
        self.events
    }
}

const LOOP: &str =
    "def f(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\nf(2)\nlen('x')\n";

#[test]
fn a_tracer_takes_only_the_events_it_asks_for() {
    use krait::trace::EventMask;
    let lines = Rc::new(RefCell::new(vec![]));
    let calls = Rc::new(RefCell::new(vec![]));
    let mut interp = Interpreter::new();
    interp.add_tracer(Box::new(Counter {
        events: EventMask::of(Event::Line),
        seen: lines.clone(),
    }));
    interp.add_tracer(Box::new(Counter {
        events: EventMask::of(Event::Call) | EventMask::of(Event::CCall),
        seen: calls.clone(),
    }));
    interp.run_source("loop.py", LOOP).unwrap();
    let lines: Vec<u32> = lines
        .borrow()
        .iter()
        .inspect(|(e, ..)| assert_eq!(*e, Event::Line))
        .map(|(_, _, l)| *l)
        .collect();
    // As sys.settrace reports them (a loop's line comes again at each turn).
    assert_eq!(lines, [1, 6, 2, 3, 4, 3, 4, 3, 5, 7]);
    let calls: Vec<(Event, String)> = calls
        .borrow()
        .iter()
        .map(|(e, f, _)| (*e, f.clone()))
        .collect();
    assert_eq!(
        calls,
        [
            (Event::Call, "<module>".to_string()),
            (Event::Call, "f".to_string()),
            // `len('x')` (range is a type: no c_call, as in CPython).
            (Event::CCall, "<module>".to_string()),
        ]
    );
}

#[test]
fn a_removed_tracer_sees_nothing_more() {
    use krait::trace::EventMask;
    let seen = Rc::new(RefCell::new(vec![]));
    let mut interp = Interpreter::new();
    let h = interp.add_tracer(Box::new(Counter {
        events: EventMask::ALL,
        seen: seen.clone(),
    }));
    interp.run("x = 1\n").unwrap();
    let n = seen.borrow().len();
    assert!(n > 0);
    assert!(interp.remove_tracer(h).is_some());
    assert!(interp.remove_tracer(h).is_none());
    interp.run_source("loop.py", LOOP).unwrap();
    assert_eq!(seen.borrow().len(), n);
}
