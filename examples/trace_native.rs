//! Runs a script under a native no-op tracer that receives every `call`,
//! `line`, `return` and `exception` event (as a debugger built on
//! `krait::Tracer` would), or with `--lines`, only `line` events (as a
//! coverage tool), and counts them: what watching a program from Rust
//! costs, without any krait-level trace function.
//!
//!     cargo run --release --example trace_native -- [--lines] SCRIPT [ARGS...]
//!
//! The script's output is as under `krait SCRIPT ARGS...`; the event counts
//! go to stderr at exit. `scripts/bench.sh --callgrind` counts this binary
//! with `BENCH_MODE=native` (and `BENCH_MODE=native-lines`).

use std::process::ExitCode;

use krait::{Error, Event, EventMask, Interpreter, Raise, TraceEvent, Tracer};

/// Counts per kind: call, line, return, exception; printed when the
/// interpreter drops the tracer.
struct NoOp {
    counts: [u64; 4],
    events: EventMask,
}

impl Tracer for NoOp {
    fn event(&mut self, ev: &mut TraceEvent<'_>) -> Result<(), Raise> {
        let i = match ev.kind() {
            Event::Call => 0,
            Event::Line => 1,
            Event::Return => 2,
            Event::Exception => 3,
            _ => return Ok(()),
        };
        self.counts[i] += 1;
        Ok(())
    }
    fn events(&self) -> EventMask {
        self.events
    }
}

impl Drop for NoOp {
    fn drop(&mut self) {
        let c = self.counts;
        eprintln!(
            "trace_native: {} events (call {}, line {}, return {}, exception {})",
            c.iter().sum::<u64>(),
            c[0],
            c[1],
            c[2],
            c[3]
        );
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

fn run(mut args: Vec<String>) -> u8 {
    let events = if args[0] == "--lines" {
        args.remove(0);
        EventMask::of(Event::Line)
    } else {
        EventMask::ALL
    };
    let Some(path) = args.first().cloned() else {
        eprintln!("usage: trace_native [--lines] SCRIPT [ARGS...]");
        return 2;
    };
    let mut interp = Interpreter::new();
    interp.set_argv(args);
    interp.add_tracer(Box::new(NoOp {
        counts: [0; 4],
        events,
    }));
    match interp.run_file(&path) {
        Ok(()) => 0,
        Err(Error::Exit { code, message }) => {
            if let Some(m) = message {
                eprintln!("{}", m);
            }
            code as u8
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}
