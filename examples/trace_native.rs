//! Runs a script under a native no-op tracer that receives every `call`,
//! `line`, `return` and `exception` event (as a debugger built on
//! `krait::Tracer` would), or with `--lines`, only `line` events (as a
//! coverage tool), and counts them: what watching a program from Rust
//! costs, without any krait-level trace function.
//!
//!     cargo run --release --example trace_native -- [--lines] SCRIPT [ARGS...]
//!
//! The script runs as under `krait SCRIPT ARGS...` (its files, stdin and
//! clock allowed); the event counts go to stderr at exit.
//! `scripts/bench.sh --callgrind` counts this binary with
//! `BENCH_MODE=native`.
//!
//! With `--record-lines`, a line-only tracer records the line events of
//! the script's own frames between the script's calls of `_krait_start()`
//! and `_krait_stop()` (host functions), and prints them after the run as
//! `~ line NAME LINE`: the differential fuzzer's `hostlines` mode compares
//! that with what a `sys.settrace` tracer records under CPython
//! (`scripts/fuzz_trace.py`). With `--disable-odd` after it, the tracer
//! disables each odd line of a code object at its first event there
//! (`TraceEvent::disable`), as the fuzzer's CPython side skips them.

use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use krait::{Error, Event, EventMask, Interpreter, Raise, TraceEvent, Tracer};

// As the krait binary's (src/main.rs): the same allocator on both sides
// of a comparison with `krait SCRIPT`.
#[global_allocator]
static ALLOC: krait::SmallAlloc = krait::SmallAlloc;

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

/// `--record-lines`: the line events of frames of `file` while `on`.
struct Recorder {
    file: String,
    on: Arc<AtomicBool>,
    lines: Arc<Mutex<Vec<(String, u32)>>>,
    /// `--disable-odd`: an odd line is disabled where it is first seen.
    disable_odd: bool,
}

impl Tracer for Recorder {
    fn event(&mut self, ev: &mut TraceEvent<'_>) -> Result<(), Raise> {
        let f = ev.frame();
        if self.on.load(Ordering::Relaxed) && f.filename() == self.file {
            let entry = (f.function_name().to_string(), f.line());
            let odd = entry.1 % 2 == 1;
            self.lines.lock().unwrap().push(entry);
            if self.disable_odd && odd {
                ev.disable();
            }
        }
        Ok(())
    }
    fn events(&self) -> EventMask {
        EventMask::of(Event::Line)
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
    let mode = match args.first().map(String::as_str) {
        Some(m @ ("--lines" | "--record-lines")) => {
            let m = m.to_string();
            args.remove(0);
            m
        }
        _ => String::new(),
    };
    let disable_odd =
        mode == "--record-lines" && args.first().is_some_and(|a| a == "--disable-odd");
    if disable_odd {
        args.remove(0);
    }
    let Some(path) = args.first().cloned() else {
        eprintln!(
            "usage: trace_native [--lines | --record-lines [--disable-odd]] SCRIPT [ARGS...]"
        );
        return 2;
    };
    let mut interp = Interpreter::new();
    interp.set_argv(args);
    // As the CLI: the script's directory first on sys.path, its files,
    // stdin and the clock allowed.
    let file = std::path::absolute(&path).unwrap_or_else(|_| path.clone().into());
    let dir = file.parent().map(|d| d.to_string_lossy().into_owned());
    interp.set_sys_path(dir.into_iter().collect());
    interp.allow_file_imports(true);
    interp.allow_stdin(true);
    interp.allow_clock(true);
    let lines = Arc::new(Mutex::new(Vec::new()));
    let on = Arc::new(AtomicBool::new(false));
    if mode == "--record-lines" {
        let (start, stop) = (on.clone(), on.clone());
        interp.register_fn("_krait_start", move || start.store(true, Ordering::Relaxed));
        interp.register_fn("_krait_stop", move || stop.store(false, Ordering::Relaxed));
        interp.add_tracer(Box::new(Recorder {
            file: file.to_string_lossy().into_owned(),
            on: on.clone(),
            lines: lines.clone(),
            disable_odd,
        }));
    } else {
        let events = if mode == "--lines" {
            EventMask::of(Event::Line)
        } else {
            EventMask::ALL
        };
        interp.add_tracer(Box::new(NoOp {
            counts: [0; 4],
            events,
        }));
    }
    let status = match interp.run_file(&path) {
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
    };
    // As CPython's shutdown: what the script left is released, after the
    // fuzzer's CPython harness printed its events (its `atexit` handler).
    on.store(false, Ordering::Relaxed);
    interp.reset();
    for (name, line) in lines.lock().unwrap().iter() {
        println!("~ line {name} {line}");
    }
    status
}
