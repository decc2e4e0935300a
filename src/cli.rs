//! The `krait` command line: `krait script.py`, `krait -c CODE`,
//! `krait dis script.py`. The binary is `main` and a global allocator.

use std::process::ExitCode;

use crate::{Error, Interpreter};

const USAGE: &str = "usage: krait [option] ... [-c cmd | file | dis file] [arg] ...
Options:
  -c cmd     program passed in as string
  dis file   print the disassembly of file's bytecode
  --version  print the version and exit
  -h, --help print this help and exit
file       program read from script file
arg ...    arguments passed to program in sys.argv[1:]";

/// Runs the command line with the process's arguments, as the `krait`
/// binary does, and gives its exit status.
pub fn main() -> ExitCode {
    // Arguments need not be UTF-8 (`std::env::args` would panic).
    let args: Vec<std::ffi::OsString> = std::env::args_os().skip(1).collect();
    // A big stack: deep native re-entry and deep ASTs must not overflow it.
    let child = std::thread::Builder::new()
        .stack_size(2 << 30)
        .spawn(move || run(args))
        .expect("spawn interpreter thread");
    // A panic (a krait bug) exits 101, as a Rust program does, never 1 like a Python error.
    ExitCode::from(child.join().unwrap_or(101))
}

/// An argument as Python's `sys.argv` holds it (undecodable bytes are
/// escaped as lone surrogates U+DC80..U+DCFF, `surrogateescape`).
fn arg_text(a: &std::ffi::OsStr) -> String {
    crate::value::surrogate_escape(a.as_encoded_bytes()).unwrap_or_else(|cp| {
        eprintln!("krait: argument holds U+{cp:05X}, which krait reserves for lone surrogates");
        std::process::exit(1)
    })
}

fn run(os_args: Vec<std::ffi::OsString>) -> u8 {
    let args: Vec<String> = os_args.iter().map(|a| arg_text(a)).collect();
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
            let Some(code) = os_args.get(1) else {
                eprintln!("Argument expected for the -c option");
                return 2;
            };
            let Some(code) = code.to_str() else {
                // CPython decodes the command with surrogateescape, then fails to encode it.
                let bytes = code.as_encoded_bytes();
                let good = std::str::from_utf8(bytes)
                    .err()
                    .map_or(0, |e| e.valid_up_to());
                let pos = std::str::from_utf8(&bytes[..good]).map_or(0, |s| s.chars().count());
                eprintln!(
                    "Unable to decode the command from the command line:\nUnicodeEncodeError: \
                     'utf-8' codec can't encode character '\\udc{:02x}' in position {}: \
                     surrogates not allowed",
                    bytes[good], pos
                );
                return 1;
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
            let src = match read(&os_args[1]) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let src = match crate::syntax::decode_source(&src, path) {
                Ok(s) => s,
                Err(e) => {
                    eprint!("{}", e.report());
                    return 1;
                }
            };
            match crate::compile::compile_source(&src, path) {
                Ok(code) => {
                    print!("{}", crate::bytecode::dis::disassemble(&code));
                    0
                }
                Err(e) => {
                    eprint!("{}", e.report());
                    1
                }
            }
        }
        path => {
            let src = match read(&os_args[0]) {
                Ok(s) => s,
                Err(code) => return code,
            };
            // As CPython 3.9+: the script's code carries its absolute path
            // (co_filename, tracebacks); sys.argv[0] stays as given.
            let filename = std::path::absolute(path)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_else(|_| path.to_string());
            let src = match crate::syntax::decode_source(&src, &filename) {
                Ok(s) => s,
                Err(e) => {
                    eprint!("{}", e.report());
                    return 1;
                }
            };
            execute(&filename, &src, args.clone())
        }
    }
}

fn read(path: &std::ffi::OsStr) -> Result<Vec<u8>, u8> {
    std::fs::read(path).map_err(|e| {
        eprintln!(
            "krait: can't open file '{}': [Errno {}] {}",
            path.to_string_lossy(),
            e.raw_os_error().unwrap_or(2),
            match e.kind() {
                std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                _ => e.to_string(),
            }
        );
        2
    })
}

/// Whether CPython would give stdout the `strict` error handler rather than
/// `surrogateescape` (config_get_stdio_errors): strict unless UTF-8 mode,
/// `PYTHONIOENCODING=...:errors` says otherwise, or the LC_CTYPE locale the
/// environment selects is C, POSIX, C.UTF-8 (or does not exist: then it is C).
fn stdio_strict() -> bool {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    if let Some(io) = var("PYTHONIOENCODING") {
        if let Some((_, errors)) = io.split_once(':') {
            if !errors.is_empty() {
                return errors != "surrogateescape";
            }
        }
    }
    if var("PYTHONUTF8").as_deref() == Some("1") {
        return false;
    }
    #[cfg(unix)]
    {
        extern "C" {
            fn setlocale(category: i32, locale: *const std::ffi::c_char)
                -> *const std::ffi::c_char;
        }
        #[cfg(target_os = "linux")]
        const LC_CTYPE: i32 = 0;
        #[cfg(not(target_os = "linux"))]
        const LC_CTYPE: i32 = 2;
        // SAFETY: called before the interpreter starts any other thread's
        // work; the previous (C) locale is restored right after the query.
        let name = unsafe {
            let p = setlocale(LC_CTYPE, c"".as_ptr());
            let name = if p.is_null() {
                "C".to_string()
            } else {
                std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
            };
            setlocale(LC_CTYPE, c"C".as_ptr());
            name
        };
        !matches!(
            name.as_str(),
            "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8"
        )
    }
    #[cfg(not(unix))]
    false
}

/// Ctrl-C raises `KeyboardInterrupt` in the script (its `except` and
/// `finally` blocks run), as in CPython.
fn catch_sigint() {
    #[cfg(unix)]
    {
        extern "C" fn on_sigint(_: i32) {
            crate::vm::SIGINT_PENDING.store(true, std::sync::atomic::Ordering::Relaxed);
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
    // For testing the cycle collector: collect at almost every allocation.
    if std::env::var_os("KRAIT_GC_STRESS").is_some_and(|v| !v.is_empty()) {
        interp.entered(|_| crate::gc::set_threshold([1, 1, 1]));
    }
    interp.set_argv(argv);
    // As CPython: `import` looks first in the script's real directory (the
    // current one for `-c`), and the command line reads the user's files.
    let path0 = if filename.starts_with('<') {
        String::new()
    } else {
        let dir = std::path::Path::new(filename)
            .parent()
            .unwrap_or(std::path::Path::new("/"));
        std::fs::canonicalize(dir)
            .unwrap_or_else(|_| dir.to_path_buf())
            .to_string_lossy()
            .into_owned()
    };
    interp.set_sys_path(vec![path0]);
    interp.allow_file_imports(true);
    interp.allow_stdin(true);
    interp.allow_clock(true);
    interp.vm.stdout_strict = stdio_strict();
    // stderr's error handler is backslashreplace: lone surrogates as `\udXXX`.
    let text = |s: &str| crate::value::string::backslash_surrogates(s).into_owned();
    let result = interp.run_source(filename, src);
    // As CPython's shutdown: generators suspended in `try` blocks close.
    interp.reset();
    match result {
        Ok(()) => 0,
        Err(Error::Syntax(e)) => {
            eprint!("{}", text(&e.rendered));
            1
        }
        Err(Error::Exception(e)) => {
            eprint!("{}", text(&e.rendered));
            if e.type_name == "KeyboardInterrupt" {
                die_by_sigint();
            }
            1
        }
        Err(Error::Exit { code, message }) => {
            if let Some(m) = message {
                eprintln!("{}", text(&m));
            }
            code as u8
        }
        Err(other) => {
            eprintln!("{}", text(&other.to_string()));
            1
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
