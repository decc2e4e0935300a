//! Runs a script under a native no-op tracer that receives every `call`,
//! `line`, `return` and `exception` event (as a debugger or coverage tool
//! built on `krait::trace::Tracer` would) and counts them: what watching a
//! program from Rust costs, without any krait-level trace function.
//!
//!     cargo run --release --example trace_native -- SCRIPT [ARGS...]
//!
//! The script's output is as under `krait SCRIPT ARGS...`; the event counts
//! go to stderr at exit. `scripts/bench.sh --callgrind` counts this binary
//! with `BENCH_MODE=native`.

use std::cell::Cell;
use std::process::ExitCode;
use std::rc::Rc;

use krait::trace::{Event, FrameView, Tracer};
use krait::{Interpreter, PyResult, RunError, Value, Vm};

/// Counts per kind: call, line, return, exception.
#[derive(Default)]
struct Counts([Cell<u64>; 4]);

struct NoOp(Rc<Counts>);

impl Tracer for NoOp {
    fn event(
        &mut self,
        _vm: &mut Vm,
        _frame: FrameView,
        event: Event,
        _arg: &Value,
    ) -> PyResult<()> {
        let i = match event {
            Event::Call => 0,
            Event::Line => 1,
            Event::Return => 2,
            Event::Exception => 3,
            _ => return Ok(()),
        };
        let c = &self.0 .0[i];
        c.set(c.get() + 1);
        Ok(())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: trace_native SCRIPT [ARGS...]");
        return ExitCode::from(2);
    }
    // As the krait binary: a big stack for deep native re-entry.
    let child = std::thread::Builder::new()
        .stack_size(2 << 30)
        .spawn(move || run(args))
        .expect("spawn interpreter thread");
    ExitCode::from(child.join().unwrap_or(101))
}

fn run(args: Vec<String>) -> u8 {
    let path = &args[0];
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("trace_native: can't open file '{}': {}", path, e);
            return 2;
        }
    };
    let filename = std::path::absolute(path)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| path.clone());
    let src = match krait::syntax::decode_source(&bytes, &filename) {
        Ok(s) => s,
        Err(e) => {
            eprint!("{}", e.report());
            return 1;
        }
    };
    let counts = Rc::new(Counts::default());
    let mut interp = Interpreter::new();
    interp.set_argv(args.clone());
    interp.add_tracer(Box::new(NoOp(counts.clone())));
    let status = match interp.run_source(&filename, &src) {
        Ok(_) => 0,
        Err(RunError::Syntax(report)) => {
            eprint!("{}", report);
            1
        }
        Err(RunError::Exception { traceback, .. }) => {
            eprint!("{}", traceback);
            1
        }
        Err(RunError::Exit { code, message }) => {
            if let Some(m) = message {
                eprintln!("{}", m);
            }
            code as u8
        }
        Err(RunError::Limit(e)) => {
            eprintln!("{}", e);
            1
        }
    };
    let c: Vec<u64> = counts.0.iter().map(|c| c.get()).collect();
    eprintln!(
        "trace_native: {} events (call {}, line {}, return {}, exception {})",
        c.iter().sum::<u64>(),
        c[0],
        c[1],
        c[2],
        c[3]
    );
    status
}
