//! The script's standard streams: where `print`, `sys.stdout.write` and
//! `sys.stderr.write` go, and where `input()` and `sys.stdin` read. The
//! process's own streams, or a host's sinks and source
//! (`Interpreter::on_print`, `on_stderr`, `set_input`).

use std::io::Write;

use super::Vm;
use crate::value::{ExcType, PyErr, PyResult};

/// A host's receiver of output text (`Interpreter::on_print`).
pub type TextSink = Box<dyn FnMut(&str) + Send>;
/// A host's source of input lines (`Interpreter::set_input`): the next
/// line, with its newline, or None at the end.
pub type LineSource = Box<dyn FnMut() -> Option<String> + Send>;

/// Where one output stream goes.
pub enum Output {
    /// The process's stdout, block-buffered (line-buffered on a terminal,
    /// as CPython's `sys.stdout`).
    Stdout(std::io::BufWriter<std::io::Stdout>, bool),
    /// The process's stderr, unbuffered.
    Stderr,
    /// A host's sink, given whole lines: text waits here until a newline
    /// or a flush (the end of each run, and before any stderr output).
    Host(String, TextSink),
}

impl Output {
    pub fn stdout() -> Output {
        let out = std::io::stdout();
        let terminal = std::io::IsTerminal::is_terminal(&out);
        Output::Stdout(std::io::BufWriter::with_capacity(1 << 16, out), terminal)
    }

    fn write(&mut self, bytes: &[u8]) {
        match self {
            Output::Stdout(out, terminal) => {
                let _ = out.write_all(bytes);
                if *terminal && bytes.contains(&b'\n') {
                    let _ = out.flush();
                }
            }
            Output::Stderr => {
                let _ = std::io::stderr().write_all(bytes);
            }
            Output::Host(pending, sink) => {
                pending.push_str(&String::from_utf8_lossy(bytes));
                if let Some(end) = pending.rfind('\n') {
                    let rest = pending.split_off(end + 1);
                    sink(pending);
                    *pending = rest;
                }
            }
        }
    }

    fn flush(&mut self) {
        match self {
            Output::Stdout(out, _) => {
                let _ = out.flush();
            }
            Output::Stderr => {}
            Output::Host(pending, sink) => {
                if !pending.is_empty() {
                    sink(pending);
                    pending.clear();
                }
            }
        }
    }
}

/// Where `input()` and `sys.stdin` read.
pub enum Input {
    /// Nothing: reading finds the end at once (an embedded script reads
    /// no stdin unless the host gives it a source).
    Closed,
    /// The process's stdin (the CLI's).
    Stdin,
    Host(LineSource),
}

/// The three streams of a VM.
pub struct Streams {
    pub out: Output,
    pub err: Output,
    pub input: Input,
}

impl Default for Streams {
    fn default() -> Self {
        Streams {
            out: Output::stdout(),
            err: Output::Stderr,
            input: Input::Closed,
        }
    }
}

impl Vm {
    /// Writes to the script's stdout.
    pub fn write_stdout(&mut self, bytes: &[u8]) {
        self.streams.out.write(bytes);
    }

    pub fn flush(&mut self) {
        self.streams.out.flush();
    }

    /// Writes text to stdout as `sys.stdout.write` encodes it (UTF-8, lone
    /// surrogates per `stdout_strict`): nothing is written when it raises.
    #[inline]
    pub fn write_stdout_str(&mut self, s: &str) -> PyResult<()> {
        if !crate::value::string::may_hold_surrogates(s) {
            self.write_stdout(s.as_bytes());
            return Ok(());
        }
        self.write_stdout_encoded(s)
    }

    #[cold]
    fn write_stdout_encoded(&mut self, s: &str) -> PyResult<()> {
        match crate::value::string::encode_utf8(s, !self.stdout_strict) {
            Ok(bytes) => {
                self.write_stdout(&bytes);
                Ok(())
            }
            Err(msg) => Err(PyErr::new(ExcType::UnicodeEncodeError, msg)),
        }
    }

    /// Writes text to the script's stderr (`backslashreplace`, as
    /// CPython's), after what stdout holds.
    pub fn write_stderr_str(&mut self, s: &str) {
        self.flush();
        let s = crate::value::string::backslash_surrogates(s);
        self.streams.err.write(s.as_bytes());
        self.streams.err.flush();
    }

    /// One line of the script's stdin as text (its newline kept and, as
    /// in CPython reading a pipe, a `\r` before it too; undecodable bytes
    /// as lone surrogates, `surrogateescape`), or None at the end.
    /// `input()` reads through this too.
    pub(crate) fn read_stdin_line(&mut self) -> PyResult<Option<String>> {
        self.flush();
        match &mut self.streams.input {
            Input::Closed => Ok(None),
            Input::Host(source) => Ok(source()),
            Input::Stdin => {
                let mut bytes = Vec::new();
                match std::io::BufRead::read_until(&mut std::io::stdin().lock(), b'\n', &mut bytes)
                {
                    Ok(0) | Err(_) => Ok(None),
                    Ok(_) => crate::value::string::surrogate_escape(&bytes)
                        .map(Some)
                        .map_err(|cp| {
                            PyErr::new(
                                ExcType::NotImplementedError,
                                crate::value::string::unrepresentable(cp),
                            )
                        }),
                }
            }
        }
    }
}
