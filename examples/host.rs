//! A Rust host embedding krait, as `cargo run --example host` shows it:
//! values both ways, state kept between runs, calls into the script, host
//! functions, a host module and a host type, the script's output and
//! input, the clock, errors as data, native tracers that take line events
//! only (one disabling what it saw), limits on an untrusted script, and an
//! interpreter moved to another thread.
//!
//! Each step prints what it did; the program ends with status 0 when every
//! step behaved as it says.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use krait::{
    ClassBuilder, Error, Event, EventMask, ExcType, Interpreter, LimitKind, Limits, Module, Raise,
    TraceEvent, Tracer, UserData,
};

/// A host type: scripts make and use `Wallet`s; the host reads them back.
#[derive(Clone, Debug)]
struct Wallet {
    cents: i64,
}

impl UserData for Wallet {
    const NAME: &'static str = "Wallet";
    fn build(class: &mut ClassBuilder<Self>) {
        class
            .constructor(|cents: i64| Wallet { cents })
            .method("pay", |w: &mut Wallet, cents: i64| {
                if cents > w.cents {
                    return Err(Raise::new(ExcType::ValueError, "not enough money"));
                }
                w.cents -= cents;
                Ok(w.cents)
            })
            .getter("cents", |w: &Wallet| w.cents);
    }
}

/// Line coverage that hears of each line once: it disables what it saw.
struct SeenOnce(Arc<Mutex<Vec<u32>>>);

impl Tracer for SeenOnce {
    fn event(&mut self, ev: &mut TraceEvent<'_>) -> Result<(), Raise> {
        self.0.lock().unwrap().push(ev.frame().line());
        ev.disable();
        Ok(())
    }
    fn events(&self) -> EventMask {
        EventMask::of(Event::Line)
    }
}

/// The lines a script runs, as a coverage tool collects them.
struct Coverage(Arc<Mutex<Vec<u32>>>);

impl Tracer for Coverage {
    fn event(&mut self, ev: &mut TraceEvent<'_>) -> Result<(), Raise> {
        self.0.lock().unwrap().push(ev.frame().line());
        Ok(())
    }
    fn events(&self) -> EventMask {
        EventMask::of(Event::Line)
    }
}

fn main() -> Result<(), Error> {
    let mut interp = Interpreter::new();

    // The script's output goes to the host, line by line.
    let printed = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = printed.clone();
    interp.on_print(move |text| sink.lock().unwrap().push(text.to_string()));

    // Values in, a function defined, state kept between runs.
    interp.set_global("prices", vec![3.5, 1.25, 10.0]);
    let mut rates = HashMap::new();
    rates.insert("standard".to_string(), 0.2);
    interp.set_global("rates", rates);
    interp.run(
        "def total(kind):\n    return round(sum(prices) * (1 + rates[kind]), 2)\n\nprint('ready')\n",
    )?;
    let t: f64 = interp.call("total", ("standard",))?;
    println!("call: total('standard') = {t}");
    assert_eq!(t, 17.7);
    let n: usize = interp.eval("len(prices)")?;
    println!("eval: len(prices) = {n}");

    // Host functions: closures with typed arguments, and a module of them.
    let audit = Arc::new(Mutex::new(Vec::<String>::new()));
    let log = audit.clone();
    interp.register_fn("audit", move |what: String, amount: f64| {
        log.lock().unwrap().push(format!("{what}: {amount}"));
    });
    let mut tax = Module::new("tax");
    tax.function("vat", |amount: f64| amount * 0.2)
        .function("checked", |amount: f64| {
            if amount < 0.0 {
                Err(Raise::new(ExcType::ValueError, "negative amount"))
            } else {
                Ok(amount)
            }
        })
        .value("COUNTRY", "NL");
    interp.register_module(tax);
    interp.run(
        "import tax\naudit('vat', tax.vat(100))\ntry:\n    tax.checked(-1)\nexcept ValueError as e:\n    print('refused:', e)\n",
    )?;
    println!("host functions: {:?}", audit.lock().unwrap());

    // Input from the host; the clock only if the host gives one.
    let mut answers = vec!["42\n".to_string()].into_iter();
    interp.set_input(move || answers.next());
    interp.run("answer = int(input('number? '))\n")?;
    println!("input: answer = {}", interp.get_global::<i64>("answer")?);
    match interp.run("import time\ntime.time()\n") {
        Err(Error::Exception(e)) => println!("clock: {}", e.summary),
        other => panic!("the clock should be refused: {other:?}"),
    }
    interp.set_clock(|| 1_700_000_000.0);
    println!("clock: host time {}", interp.eval::<f64>("time.time()")?);

    // Errors as data: type, message, traceback frames.
    let src =
        "def check(x):\n    if x > 3:\n        raise ValueError(f'too big: {x}')\n\ncheck(5)\n";
    match interp.run_source("check.py", src) {
        Err(Error::Exception(e)) => {
            println!("error: {} ({}), raised in:", e.type_name, e.message);
            for f in &e.traceback {
                println!("  {}:{} in {}", f.filename, f.line, f.function);
            }
        }
        other => panic!("expected a ValueError: {other:?}"),
    }
    match interp.run("x = (1,\n") {
        Err(Error::Syntax(s)) => println!("syntax error: {} at {}:{}", s.message, s.line, s.column),
        other => panic!("expected a syntax error: {other:?}"),
    }

    // A tracer that takes line events only, removed again.
    let lines = Arc::new(Mutex::new(Vec::new()));
    let coverage = interp.add_tracer(Box::new(Coverage(lines.clone())));
    interp.run_source("loop.py", "s = 0\nfor i in range(3):\n    s += i\n")?;
    interp.remove_tracer(coverage);
    println!("coverage: lines run {:?}", lines.lock().unwrap());
    assert_eq!(*lines.lock().unwrap(), [1, 2, 3, 2, 3, 2, 3, 2]);

    // The same with disabling: each line once, however often it runs.
    let seen = Arc::new(Mutex::new(Vec::new()));
    let once = interp.add_tracer(Box::new(SeenOnce(seen.clone())));
    interp.run_source("loop.py", "s = 0\nfor i in range(3):\n    s += i\n")?;
    interp.remove_tracer(once);
    println!("coverage, disabling: lines run {:?}", seen.lock().unwrap());
    assert_eq!(*seen.lock().unwrap(), [1, 2, 3]);

    // A host type.
    interp.register_type::<Wallet>();
    interp.set_global("mine", Wallet { cents: 500 });
    interp.run("left = mine.pay(120)\ntheirs = Wallet(50)\ntry:\n    theirs.pay(80)\nexcept ValueError as e:\n    print('refused:', e)\n")?;
    let mine: Wallet = interp.get_global("mine")?;
    println!(
        "host type: mine = {mine:?}, theirs has {}",
        interp.eval::<i64>("theirs.cents")?
    );
    assert_eq!(mine.cents, 380);

    // A fresh namespace on request.
    interp.reset();
    assert!(interp.eval::<i64>("answer").is_err());
    println!("reset: 'answer' is gone");

    println!("script printed: {:?}", printed.lock().unwrap());

    // An untrusted script under limits: stopped whatever it catches.
    let mut sandbox = Interpreter::new();
    sandbox.set_limits(Limits {
        max_steps: Some(1_000_000),
        max_memory: Some(64 << 20),
        ..Limits::default()
    });
    for (what, src) in [
        (
            "endless loop",
            "while True:\n    try:\n        pass\n    except BaseException:\n        pass\n",
        ),
        ("huge list", "x = [0] * 10**9\n"),
    ] {
        match sandbox.run(src) {
            Err(Error::Limit(e)) => println!("limits: {what}: {e}"),
            other => panic!("{what} should be stopped: {other:?}"),
        }
    }
    let stopped = sandbox.run("while True:\n    pass\n");
    assert!(matches!(stopped, Err(Error::Limit(ref e)) if e.kind == LimitKind::Steps));

    // An interpreter moves to another thread between runs.
    let worker =
        std::thread::spawn(move || interp.run("done = 'on another thread'\n").map(|_| interp));
    let mut interp = worker.join().expect("the thread ran")?;
    println!("threads: {}", interp.get_global::<String>("done")?);
    Ok(())
}
