//! A Rust host embedding krait, as `cargo run --example host` shows it:
//! values both ways, state kept between runs, calls into the script, host
//! functions and a host module, the script's output and input, the
//! clock, errors as data, and a native tracer that takes line events only.
//!
//! Each step prints what it did; the program ends with status 0 when every
//! step behaved as it says.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use krait::{Error, Event, EventMask, ExcType, Interpreter, Module, Raise, TraceEvent, Tracer};

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

    // A fresh namespace on request.
    interp.reset();
    assert!(interp.eval::<i64>("answer").is_err());
    println!("reset: 'answer' is gone");

    println!("script printed: {:?}", printed.lock().unwrap());
    Ok(())
}
