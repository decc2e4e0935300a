//! krait: a fast bytecode VM for a strict subset of Python 3.11, with
//! `sys.settrace`-style tracing built into its dispatch loop.
//!
//! The embedding facade is [`Interpreter`]; native tracers implement
//! [`Tracer`]. The `krait` command line is [`cli::main`].
//!
//! # Running code and exchanging values
//!
//! An interpreter keeps its `__main__` namespace from one run to the next.
//! Rust values go in and come out by their types ([`IntoValue`],
//! [`FromValue`]): `bool`, integers (up to `i128`/`u128`, and [`BigInt`]),
//! `f64`, `String`/`&str`, `Vec<T>`, `HashMap<String, T>`, tuples and
//! `Option<T>`.
//!
//! ```
//! use krait::Interpreter;
//!
//! let mut interp = Interpreter::new();
//! interp.set_global("prices", vec![3.5, 1.25]);
//! interp.run("def total(tax):\n    return sum(prices) * (1 + tax)\n").unwrap();
//! assert_eq!(interp.call::<f64>("total", (0.2,)).unwrap(), 5.7);
//! assert_eq!(interp.eval::<usize>("len(prices)").unwrap(), 2);
//! let names: Vec<String> = interp.eval("sorted(['b', 'a'])").unwrap();
//! assert_eq!(names, ["a", "b"]);
//! ```
//!
//! # Errors as data
//!
//! A run that does not finish normally gives an [`Error`]: a syntax error
//! with its line and column, an uncaught exception with its type, message
//! and traceback frames, or `sys.exit`'s status. `Display` shows it as
//! CPython would print it.
//!
//! ```
//! use krait::{Error, Interpreter};
//!
//! let mut interp = Interpreter::new();
//! let err = interp.run_source("calc.py", "def f(x):\n    return 1 / x\nf(0)\n").unwrap_err();
//! let Error::Exception(e) = &err else { panic!("{err}") };
//! assert_eq!(e.type_name, "ZeroDivisionError");
//! assert_eq!(e.message, "division by zero");
//! assert_eq!((e.traceback[1].function.as_str(), e.traceback[1].line), ("f", 2));
//! assert!(err.to_string().ends_with("ZeroDivisionError: division by zero"));
//!
//! let Err(Error::Syntax(s)) = interp.run("x = (1,\n") else { panic!() };
//! assert_eq!((s.line, s.column), (1, 5));
//! ```

#![warn(missing_docs)]

mod alloc;
mod api;
mod builtins;
mod bytecode;
pub mod cli;
mod compile;
mod gc;
mod syntax;
mod trace;
mod value;
mod vm;

pub use alloc::SmallAlloc;
pub use api::{
    ClassBuilder, Error, Exception, FromValue, HostFunction, HostMethod, HostResult, Interpreter,
    IntoArgs, IntoValue, Module, Raise, SyntaxError, TracebackEntry, UserData,
};
/// Python ints of any size, as `IntoValue` and `FromValue` take them.
pub use num_bigint::BigInt;
pub use trace::{Event, EventMask, FrameInfo, TraceEvent, Tracer, TracerHandle};
pub use value::ExcType;
pub use vm::limits::{InterruptHandle, LimitExceeded, LimitKind, Limits};
