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
//!
//! # Host functions, modules and types
//!
//! Rust closures become built-in functions with typed arguments
//! ([`Interpreter::register_fn`]); a [`Module`] of them is imported like a
//! built-in module; a [`UserData`] type is a class whose objects hold a
//! Rust value. Misuse raises CPython's `TypeError`s; a closure's
//! `Err(Raise)` raises in the script.
//!
//! ```
//! use krait::{ClassBuilder, ExcType, Interpreter, Module, Raise, UserData};
//! use std::sync::{Arc, Mutex};
//!
//! #[derive(Clone)]
//! struct Cart(Vec<f64>);
//! impl UserData for Cart {
//!     const NAME: &'static str = "Cart";
//!     fn build(c: &mut ClassBuilder<Self>) {
//!         c.constructor(|| Cart(vec![]))
//!             .method("add", |cart: &mut Cart, price: f64| cart.0.push(price))
//!             .getter("total", |cart: &Cart| cart.0.iter().sum::<f64>());
//!     }
//! }
//!
//! let log = Arc::new(Mutex::new(Vec::new()));
//! let sink = log.clone();
//! let mut interp = Interpreter::new();
//! interp.register_fn("log", move |msg: String| sink.lock().unwrap().push(msg));
//! let mut tax = Module::new("tax");
//! tax.function("vat", |x: f64| {
//!     if x < 0.0 {
//!         return Err(Raise::new(ExcType::ValueError, "negative"));
//!     }
//!     Ok(x * 0.2)
//! });
//! interp.register_module(tax);
//! interp.register_type::<Cart>();
//! interp
//!     .run("import tax\nc = Cart()\nc.add(10.0)\nc.add(tax.vat(10.0))\nlog(f'total {c.total}')\n")
//!     .unwrap();
//! assert_eq!(*log.lock().unwrap(), ["total 12.0"]);
//! assert_eq!(interp.get_global::<Cart>("c").unwrap().0, [10.0, 2.0]);
//! assert!(interp.run("tax.vat('x')").is_err()); // TypeError: vat() argument 1 must be float, not str
//! ```
//!
//! # Untrusted scripts: limits and the sandbox
//!
//! An embedded script reads no files, stdin, environment or clock unless
//! the host allows it, and imports only built-in and host modules. Its
//! output goes where the host says ([`Interpreter::on_print`]). [`Limits`]
//! bound its steps, time, memory, depth and object sizes; the script
//! cannot catch a limit, and an [`InterruptHandle`] stops it from another
//! thread.
//!
//! ```
//! use krait::{Error, Interpreter, LimitKind, Limits};
//! use std::sync::{Arc, Mutex};
//!
//! let out = Arc::new(Mutex::new(String::new()));
//! let sink = out.clone();
//! let mut interp = Interpreter::new();
//! interp.on_print(move |text| sink.lock().unwrap().push_str(text));
//! interp.set_limits(Limits { max_steps: Some(10_000), ..Limits::default() });
//! let r = interp.run("print('start')\ntry:\n    while True: pass\nexcept BaseException:\n    print('caught')\n");
//! let Err(Error::Limit(e)) = r else { panic!("{r:?}") };
//! assert_eq!(e.kind, LimitKind::Steps);
//! assert_eq!(*out.lock().unwrap(), "start\n");
//! let Err(Error::Exception(e)) = interp.run("open('/etc/passwd')") else { panic!() };
//! assert_eq!(e.type_name, "NameError"); // no `open` at all
//! ```
//!
//! # Tracers
//!
//! A [`Tracer`] receives the events it takes ([`EventMask`]), each with a
//! read-only view of its frame; it may [`disable`](TraceEvent::disable) a
//! location, after which that event there is not delivered to it again.
//!
//! ```
//! use krait::{Event, EventMask, Interpreter, Raise, TraceEvent, Tracer};
//! use std::collections::BTreeSet;
//! use std::sync::{Arc, Mutex};
//!
//! /// Line coverage: each line is reported once, then disabled.
//! struct Coverage(Arc<Mutex<BTreeSet<u32>>>);
//! impl Tracer for Coverage {
//!     fn event(&mut self, ev: &mut TraceEvent<'_>) -> Result<(), Raise> {
//!         self.0.lock().unwrap().insert(ev.frame().line());
//!         ev.disable();
//!         Ok(())
//!     }
//!     fn events(&self) -> EventMask {
//!         EventMask::of(Event::Line)
//!     }
//! }
//!
//! let lines = Arc::new(Mutex::new(BTreeSet::new()));
//! let mut interp = Interpreter::new();
//! let handle = interp.add_tracer(Box::new(Coverage(lines.clone())));
//! interp.run("def f(x):\n    if x:\n        return 1\n    return 2\nfor i in range(100):\n    f(1)\n").unwrap();
//! assert_eq!(*lines.lock().unwrap(), BTreeSet::from([1, 2, 3, 5, 6]));
//! interp.remove_tracer(handle);
//! ```
//!
//! # Many interpreters
//!
//! Interpreters share nothing: several live side by side, and an
//! interpreter may move to another thread between calls (`Send`).
//!
//! ```
//! use krait::Interpreter;
//!
//! let mut a = Interpreter::new();
//! let mut b = Interpreter::new();
//! a.run("class P:\n    x = 1\np = P()\n").unwrap();
//! b.run("class P:\n    x = 2\np = P()\n").unwrap();
//! let a = std::thread::spawn(move || {
//!     a.run("p.y = p.x + 10\n").unwrap();
//!     a
//! })
//! .join()
//! .unwrap();
//! let mut a = a;
//! assert_eq!(a.eval::<i64>("p.y").unwrap(), 11);
//! assert_eq!(b.eval::<i64>("p.x").unwrap(), 2);
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
