//! A Rust host installs a native tracer, runs a script, and sees exactly the
//! events CPython 3.11's `sys.settrace` reports for it (recorded by
//! `scripts/record_host_trace.py` into `tests/host/script.events`).

use std::sync::{Arc, Mutex};

use krait::{Event, EventMask, ExcType, Interpreter, Raise, TraceEvent, Tracer};

/// Records `event name line caller-chain` like the recording script does.
struct Recorder {
    seen: Arc<Mutex<Vec<String>>>,
}

impl Tracer for Recorder {
    fn event(&mut self, ev: &mut TraceEvent<'_>) -> Result<(), Raise> {
        let (frame, event) = (ev.frame(), ev.kind());
        if !matches!(
            event,
            Event::Call | Event::Line | Event::Return | Event::Exception
        ) {
            return Ok(());
        }
        let mut chain = vec![];
        let mut back = frame.back();
        while let Some(f) = back {
            chain.push(f.function_name());
            back = f.back();
        }
        let chain = if chain.is_empty() {
            "-".to_string()
        } else {
            chain.join("/")
        };
        self.seen.lock().unwrap().push(format!(
            "{} {} {} {}",
            event.name(),
            frame.function_name(),
            frame.line(),
            chain
        ));
        Ok(())
    }
}

fn run_traced(src: &str) -> Vec<String> {
    let seen = Arc::new(Mutex::new(vec![]));
    let mut interp = Interpreter::new();
    interp.add_tracer(Box::new(Recorder { seen: seen.clone() }));
    interp.run_source("script.py", src).expect("script runs");
    let out = seen.lock().unwrap().clone();
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
    let a = Arc::new(Mutex::new(vec![]));
    let b = Arc::new(Mutex::new(vec![]));
    let mut interp = Interpreter::new();
    interp.add_tracer(Box::new(Recorder { seen: a.clone() }));
    interp.add_tracer(Box::new(Recorder { seen: b.clone() }));
    interp
        .run_source("two.py", "def f():\n    return 1\nf()\n")
        .unwrap();
    assert_eq!(*a.lock().unwrap(), *b.lock().unwrap());
    // The module's call and return, f's call, line and return, module lines.
    assert_eq!(a.lock().unwrap().len(), 7);
    assert!(a.lock().unwrap().contains(&"call f 1 <module>".to_string()));
}

/// A tracer error surfaces in the program as a Python exception.
struct Failing;

impl Tracer for Failing {
    fn event(&mut self, ev: &mut TraceEvent<'_>) -> Result<(), Raise> {
        let (frame, event) = (ev.frame(), ev.kind());
        if event == Event::Line && frame.depth() > 0 {
            return Err(Raise::new(ExcType::RuntimeError, "host says stop"));
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
        seen: Arc<Mutex<Vec<(i64, &'static str)>>>,
    }
    impl Tracer for Lines {
        fn event(&mut self, ev: &mut TraceEvent<'_>) -> Result<(), Raise> {
            let (frame, event) = (ev.frame(), ev.kind());
            let name = frame.function_name().to_string();
            if name == "func" || name == "gen" {
                // `func` starts at line 4 of the script below.
                self.seen
                    .lock()
                    .unwrap()
                    .push((frame.line() as i64 - 4, event.name()));
            }
            Ok(())
        }
    }
    let src = "def gen():\n    yield 1\n\ndef func():\n    for _ in (\n        gen()\n    ):\n        pass\n\nfunc()\n";
    let seen = Arc::new(Mutex::new(vec![]));
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
    assert_eq!(*seen.lock().unwrap(), expected);
}

/// Counts what it is given, per event kind, taking only `events`.
struct Counter {
    events: EventMask,
    seen: Arc<Mutex<Vec<(Event, String, u32)>>>,
}

impl Tracer for Counter {
    fn event(&mut self, ev: &mut TraceEvent<'_>) -> Result<(), Raise> {
        let (frame, event) = (ev.frame(), ev.kind());
        self.seen
            .lock()
            .unwrap()
            .push((event, frame.function_name().to_string(), frame.line()));
        Ok(())
    }
    fn events(&self) -> EventMask {
        self.events
    }
}

const LOOP: &str =
    "def f(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\nf(2)\nlen('x')\n";

#[test]
fn a_tracer_takes_only_the_events_it_asks_for() {
    let lines = Arc::new(Mutex::new(vec![]));
    let calls = Arc::new(Mutex::new(vec![]));
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
        .lock()
        .unwrap()
        .iter()
        .inspect(|(e, ..)| assert_eq!(*e, Event::Line))
        .map(|(_, _, l)| *l)
        .collect();
    // As sys.settrace reports them (a loop's line comes again at each turn).
    assert_eq!(lines, [1, 6, 2, 3, 4, 3, 4, 3, 5, 7]);
    let calls: Vec<(Event, String)> = calls
        .lock()
        .unwrap()
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
    let seen = Arc::new(Mutex::new(vec![]));
    let mut interp = Interpreter::new();
    let h = interp.add_tracer(Box::new(Counter {
        events: EventMask::ALL,
        seen: seen.clone(),
    }));
    interp.run("x = 1\n").unwrap();
    let n = seen.lock().unwrap().len();
    assert!(n > 0);
    assert!(interp.remove_tracer(h).is_some());
    assert!(interp.remove_tracer(h).is_none());
    interp.run_source("loop.py", LOOP).unwrap();
    assert_eq!(seen.lock().unwrap().len(), n);
}

/// A coverage tracer that disables each line where it first sees it (as
/// `sys.monitoring.DISABLE`): it hears of each line once, however often
/// the loop runs it.
struct FirstSight {
    seen: Arc<Mutex<Vec<u32>>>,
}

impl Tracer for FirstSight {
    fn event(&mut self, ev: &mut TraceEvent<'_>) -> Result<(), Raise> {
        self.seen.lock().unwrap().push(ev.frame().line());
        ev.disable();
        Ok(())
    }
    fn events(&self) -> EventMask {
        EventMask::of(Event::Line)
    }
}

#[test]
fn a_disabled_location_is_not_reported_again() {
    let seen = Arc::new(Mutex::new(vec![]));
    let mut interp = Interpreter::new();
    interp.add_tracer(Box::new(FirstSight { seen: seen.clone() }));
    interp.run_source("loop.py", LOOP).unwrap();
    assert_eq!(*seen.lock().unwrap(), [1, 6, 2, 3, 4, 5, 7]);
    // Another run of the same code objects' lines: nothing new. (The
    // module's code is new each run: its lines are reported again.)
    interp.run("f(50)\n").unwrap();
    assert_eq!(seen.lock().unwrap().len(), 8);
    // A second tracer is not affected by the first one's disabling.
    let all = Arc::new(Mutex::new(vec![]));
    interp.add_tracer(Box::new(Counter {
        events: EventMask::of(Event::Line),
        seen: all.clone(),
    }));
    interp.run("f(2)\n").unwrap();
    assert_eq!(all.lock().unwrap().len(), 1 + 7);
    assert_eq!(seen.lock().unwrap().len(), 9);
}

/// What a tracer reads of an event: the return value, the exception, the
/// frame's locals and names.
struct Reader {
    log: Arc<Mutex<Vec<String>>>,
}

impl Tracer for Reader {
    fn event(&mut self, ev: &mut TraceEvent<'_>) -> Result<(), Raise> {
        let name = ev.frame().qualname().to_string();
        if name != "Box.get" {
            return Ok(());
        }
        let entry = match ev.kind() {
            Event::Call => format!(
                "call {} first line {} from {}",
                name,
                ev.frame().first_line(),
                ev.frame().back().map_or("-", |f| f.function_name())
            ),
            Event::Line => format!(
                "line {} k={:?} locals={:?}",
                ev.frame().line(),
                ev.local::<i64>("k").map(|r| r.ok()),
                ev.locals_repr()
            ),
            Event::Return => format!(
                "return {:?} {}",
                ev.arg::<Option<String>>().unwrap(),
                ev.arg_repr()
            ),
            Event::Exception => format!("exception {:?}", ev.exception()),
            _ => return Ok(()),
        };
        self.log.lock().unwrap().push(entry);
        Ok(())
    }
}

#[test]
fn a_tracer_reads_values_converted() {
    let src = "class Box:\n    def __init__(self):\n        self.d = {1: 'one'}\n    def __repr__(self):\n        return 'Box()'\n    def get(self, k):\n        return self.d[k]\n\nb = Box()\nb.get(1)\ntry:\n    b.get(2)\nexcept KeyError:\n    pass\n";
    let log = Arc::new(Mutex::new(vec![]));
    let mut interp = Interpreter::new();
    interp.add_tracer(Box::new(Reader { log: log.clone() }));
    interp.run_source("box.py", src).unwrap();
    let log = log.lock().unwrap();
    let want = [
        "call Box.get first line 6 from <module>",
        r#"line 7 k=Some(Some(1)) locals=[("self", "Box()"), ("k", "1")]"#,
        r#"return Some("one") 'one'"#,
        "call Box.get first line 6 from <module>",
        r#"line 7 k=Some(Some(2)) locals=[("self", "Box()"), ("k", "2")]"#,
        r#"exception Some(("KeyError", "2"))"#,
        "return None None",
    ];
    assert_eq!(*log, want);
}
