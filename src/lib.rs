//! krait: a fast bytecode VM for a strict subset of Python 3.11, with
//! `sys.settrace`-style tracing built into its dispatch loop.
//!
//! The embedding facade is [`Interpreter`]; native tracers implement
//! [`trace::Tracer`].

pub mod alloc;
pub mod api;
pub mod builtins;
pub mod bytecode;
pub mod compile;
pub mod gc;
pub mod syntax;
pub mod trace;
pub mod value;
pub mod vm;

pub use api::{Interpreter, RunError};
pub use value::{PyErr, PyResult, Value};
pub use vm::limits::{InterruptHandle, LimitExceeded, LimitKind, Limits};
pub use vm::Vm;
