//! The `krait` command line.

use std::process::ExitCode;

use krait::{Interpreter, RunError};

const USAGE: &str = "usage: krait [option] ... [-c cmd | file | dis file] [arg] ...
Options:
  -c cmd     program passed in as string
  dis file   print the disassembly of file's bytecode
  --version  print the version and exit
  -h, --help print this help and exit
file       program read from script file
arg ...    arguments passed to program in sys.argv[1:]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // A big stack: deep native re-entry and deep ASTs must not overflow it.
    let child = std::thread::Builder::new()
        .stack_size(2 << 30)
        .spawn(move || run(args))
        .expect("spawn interpreter thread");
    // A panic (a krait bug) exits 101, as a Rust program does, never 1 like a Python error.
    ExitCode::from(child.join().unwrap_or(101))
}

fn run(args: Vec<String>) -> u8 {
    let Some(first) = args.first() else {
        eprintln!("{}", USAGE);
        return 2;
    };
    match first.as_str() {
        "-h" | "--help" => {
            println!("{}", USAGE);
            0
        }
        "--version" | "-V" => {
            println!("krait {} (Python 3.11 subset)", env!("CARGO_PKG_VERSION"));
            0
        }
        "-c" => {
            let Some(code) = args.get(1) else {
                eprintln!("Argument expected for the -c option");
                return 2;
            };
            let mut argv = vec!["-c".to_string()];
            argv.extend(args[2..].iter().cloned());
            execute("<string>", code, argv)
        }
        "dis" => {
            let Some(path) = args.get(1) else {
                eprintln!("usage: krait dis FILE");
                return 2;
            };
            let src = match read(path) {
                Ok(s) => s,
                Err(code) => return code,
            };
            match krait::compile::compile_source(&src, path) {
                Ok(code) => {
                    print!("{}", krait::bytecode::dis::disassemble(&code));
                    0
                }
                Err(e) => {
                    eprint!("{}", e.report());
                    1
                }
            }
        }
        path => {
            let src = match read(path) {
                Ok(s) => s,
                Err(code) => return code,
            };
            // As CPython 3.9+: the script's code carries its absolute path
            // (co_filename, tracebacks); sys.argv[0] stays as given.
            let filename = std::path::absolute(path)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_else(|_| path.to_string());
            execute(&filename, &src, args.clone())
        }
    }
}

fn read(path: &str) -> Result<String, u8> {
    std::fs::read_to_string(path).map_err(|e| {
        eprintln!(
            "krait: can't open file '{}': [Errno {}] {}",
            path,
            e.raw_os_error().unwrap_or(2),
            match e.kind() {
                std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                _ => e.to_string(),
            }
        );
        2
    })
}

/// Ctrl-C raises `KeyboardInterrupt` in the script (its `except` and
/// `finally` blocks run), as in CPython.
fn catch_sigint() {
    #[cfg(unix)]
    {
        extern "C" fn on_sigint(_: i32) {
            krait::vm::SIGINT_PENDING.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        extern "C" {
            fn signal(signum: i32, handler: usize) -> usize;
        }
        const SIGINT: i32 = 2;
        // SAFETY: the handler only stores to an atomic (async-signal-safe).
        unsafe {
            signal(SIGINT, on_sigint as extern "C" fn(i32) as usize);
        }
    }
}

fn execute(filename: &str, src: &str, argv: Vec<String>) -> u8 {
    catch_sigint();
    let mut interp = Interpreter::new();
    interp.set_argv(argv);
    match interp.run_source(filename, src) {
        Ok(_) => 0,
        Err(RunError::Syntax(report)) => {
            eprint!("{}", report);
            1
        }
        Err(RunError::Exception {
            traceback,
            interrupt,
            ..
        }) => {
            eprint!("{}", traceback);
            if interrupt {
                die_by_sigint();
            }
            1
        }
        Err(RunError::Exit { code, message }) => {
            if let Some(m) = message {
                eprintln!("{}", m);
            }
            code as u8
        }
    }
}

/// Ends the process as CPython does after an uncaught `KeyboardInterrupt`:
/// SIGINT's default action restored, then SIGINT raised (the parent sees a
/// death by signal, not an exit status).
fn die_by_sigint() {
    #[cfg(unix)]
    {
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().flush();
        extern "C" {
            fn signal(signum: i32, handler: usize) -> usize;
            fn raise(sig: i32) -> i32;
        }
        const SIGINT: i32 = 2;
        const SIG_DFL: usize = 0;
        // SAFETY: plain libc calls; restoring the default action of SIGINT
        // and raising it terminates the process.
        unsafe {
            signal(SIGINT, SIG_DFL);
            raise(SIGINT);
        }
    }
}
