//! krait: a fast bytecode VM for a strict subset of Python 3.11, with
//! `sys.settrace`-style tracing built into its dispatch loop.

pub mod syntax;
