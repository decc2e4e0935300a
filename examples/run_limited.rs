//! Runs a script under every limit of `krait::Limits` at once, set too
//! generous to be reached (as a host that sandboxes scripts would set them,
//! with krait's allocator counting memory and an interrupt handle taken):
//! what the limits cost when on.
//!
//!     cargo run --release --example run_limited -- SCRIPT [ARGS...]
//!
//! `KRAIT_NO_LIMITS=1` runs it with none, for the comparison in the same
//! binary. The script's output is as under `krait SCRIPT ARGS...`; a limit
//! reached is reported on stderr. `scripts/bench.sh --callgrind` counts
//! this binary with `BENCH_MODE=limits`.

use std::process::ExitCode;
use std::time::Duration;

use krait::{Error, Interpreter, Limits};

#[global_allocator]
static ALLOC: krait::SmallAlloc = krait::SmallAlloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: run_limited SCRIPT [ARGS...]");
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
    let src = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("run_limited: can't open file '{}': {}", path, e);
            return 2;
        }
    };
    let mut interp = Interpreter::new();
    interp.set_argv(args.clone());
    // As the krait binary: the real clock and stdin.
    interp.allow_clock(true);
    interp.allow_stdin(true);
    if std::env::var_os("KRAIT_NO_LIMITS").is_none() {
        interp.set_limits(Limits {
            max_steps: Some(1 << 40),
            timeout: Some(Duration::from_secs(3600)),
            max_memory: Some(4 << 30),
            max_depth: Some(100_000),
            max_str_bytes: Some(1 << 30),
            max_items: Some(1 << 28),
            max_int_bits: Some(1 << 32),
        });
        // A host that can stop the script from another thread holds one.
        let _handle = interp.interrupt_handle();
    }
    let r = interp.run_source(path, &src);
    interp.reset();
    match r {
        Ok(()) => 0,
        Err(Error::Exit { code, message }) => {
            if let Some(m) = message {
                eprintln!("{}", m);
            }
            code as u8
        }
        Err(Error::Limit(e)) => {
            eprintln!("run_limited: {}", e);
            1
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}
