//! `krait::Error`: how a run, an `eval` or a call ended when it did not
//! end normally, as data a host can inspect and as CPython's rendering.

use std::fmt;

/// How a run, an evaluation or a call ended when it did not finish
/// normally. `Display` gives CPython's rendering (a traceback, or a syntax
/// error's report) without the final newline.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The source did not compile.
    Syntax(SyntaxError),
    /// An exception the script did not catch.
    Exception(Exception),
    /// `sys.exit(code)` (or `raise SystemExit`): the exit status CPython
    /// would end with, and the message it would print on stderr.
    Exit {
        /// The process's exit status: 0 for `sys.exit()`, the int given,
        /// or 1 for any other object.
        code: i32,
        /// What CPython prints on stderr (`sys.exit("message")`), if anything.
        message: Option<String>,
    },
    /// A limit of `Interpreter::set_limits` stopped the script (which
    /// could not catch it), or an `InterruptHandle` did.
    Limit(crate::vm::limits::LimitExceeded),
}

/// A source that did not compile: CPython's `SyntaxError` (or
/// `IndentationError`, `TabError`; `RecursionError` for nesting too deep
/// to compile) and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// `"SyntaxError"`, `"IndentationError"`, `"TabError"` or `"RecursionError"`.
    pub type_name: &'static str,
    /// CPython's message, e.g. `invalid syntax` or `expected ':'`.
    pub message: String,
    /// The file (or `<string>`) the source came from.
    pub filename: String,
    /// 1-based; 0 when the error has no place (a source encoding error).
    pub line: u32,
    /// 1-based column of the error (CPython's `offset`); 0 when none.
    pub column: u32,
    /// CPython's report: `  File "...", line N`, the line, a caret, the message.
    pub rendered: String,
}

/// An uncaught exception.
#[derive(Debug, Clone, PartialEq)]
pub struct Exception {
    /// The exception's class as CPython names it in a traceback's last
    /// line: `ZeroDivisionError`, `mymodule.MyError`.
    pub type_name: String,
    /// `str(exc)`.
    pub message: String,
    /// Where it was raised, outermost call first, as a traceback lists it.
    pub traceback: Vec<TracebackEntry>,
    /// The traceback's last line: `ZeroDivisionError: division by zero`
    /// (with the "Did you mean" CPython adds to some).
    pub summary: String,
    /// The whole traceback as CPython prints it, chained exceptions included.
    pub rendered: String,
}

/// One frame of a traceback.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TracebackEntry {
    /// The code's file (`co_filename`).
    pub filename: String,
    /// The line being run in it.
    pub line: u32,
    /// The function's name (`<module>` for a module's code).
    pub function: String,
}

impl Error {
    /// The exception's class name for an uncaught exception
    /// (`"SystemExit"` for an exit), the error's for a syntax error,
    /// `"LimitExceeded"` for a limit.
    pub fn type_name(&self) -> &str {
        match self {
            Error::Syntax(e) => e.type_name,
            Error::Exception(e) => &e.type_name,
            Error::Exit { .. } => "SystemExit",
            Error::Limit(_) => "LimitExceeded",
        }
    }

    /// Whether the script was stopped by `KeyboardInterrupt` (CPython then
    /// ends by SIGINT, after printing the traceback).
    pub fn is_keyboard_interrupt(&self) -> bool {
        matches!(self, Error::Exception(e) if e.type_name == "KeyboardInterrupt")
    }

    pub(crate) fn from_syntax(e: &crate::syntax::SyntaxError) -> Error {
        Error::Syntax(SyntaxError {
            type_name: e.kind.name(),
            message: e.msg.clone(),
            filename: e.filename.clone(),
            line: e.lineno,
            column: e.offset,
            rendered: e.report(),
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Syntax(e) => f.write_str(e.rendered.trim_end_matches('\n')),
            Error::Exception(e) => f.write_str(e.rendered.trim_end_matches('\n')),
            Error::Exit { code, message } => match message {
                Some(m) => f.write_str(m),
                None => write!(f, "SystemExit: {code}"),
            },
            Error::Limit(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Error {}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.rendered.trim_end_matches('\n'))
    }
}

impl fmt::Display for Exception {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.rendered.trim_end_matches('\n'))
    }
}

/// An exception a host function or a tracer raises in the script, where
/// it was called: a built-in exception type and its message.
///
/// ```
/// use krait::{ExcType, Interpreter, Raise};
///
/// let mut interp = Interpreter::new();
/// interp.register_fn("root", |x: f64| {
///     if x < 0.0 {
///         return Err(Raise::new(ExcType::ValueError, "negative"));
///     }
///     Ok(x.sqrt())
/// });
/// assert_eq!(interp.eval::<f64>("root(4.0)").unwrap(), 2.0);
/// let Err(krait::Error::Exception(e)) = interp.run("root(-1.0)") else { panic!() };
/// assert_eq!((e.type_name.as_str(), e.message.as_str()), ("ValueError", "negative"));
/// ```
#[derive(Debug, Clone)]
pub struct Raise(pub(crate) crate::value::PyErr);

impl Raise {
    /// `type_(message)`, e.g. `Raise::new(ExcType::ValueError, "negative")`.
    pub fn new(type_: crate::value::ExcType, message: impl Into<String>) -> Raise {
        Raise(crate::value::PyErr::new(type_, message))
    }
}
