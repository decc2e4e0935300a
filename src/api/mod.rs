//! The embedding facade: what a Rust host uses to run krait code.

mod convert;
mod error;
mod host_fn;
mod user_data;

use std::cell::RefCell;
use std::mem::ManuallyDrop;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::rc::Rc;

pub use convert::{FromValue, IntoArgs, IntoValue};
pub use error::{Error, Exception, Raise, SyntaxError, TracebackEntry};
pub use host_fn::{HostFunction, HostResult, Module};
pub use user_data::{ClassBuilder, HostMethod, UserData};

use crate::trace::{Tracer, TracerHandle};
use crate::value::{Dict, ExcType, PyErr, PyResult, Value};
use crate::vm::isolate::Isolate;
use crate::vm::limits::{InterruptHandle, Limits};
use crate::vm::Vm;

/// A krait interpreter: one VM and its `__main__` namespace, which
/// persists from one `run_source`, `run`, `eval` or `call` to the next
/// (what a REPL and most hosts need) until `reset`.
///
/// Interpreters share nothing: each has its own objects, interned strings,
/// cycle collector and caches, so several may live in one thread or
/// process, and a host function of one may run another. An
/// `Interpreter` is `Send`: it may move to another thread between calls
/// (and be dropped there), though the values inside it are
/// reference-counted without atomics.
///
/// ```
/// let mut interp = krait::Interpreter::new();
/// interp.run("def f(x):\n    return [x] * 2\n").unwrap();
/// let mut interp = std::thread::spawn(move || {
///     assert_eq!(interp.call::<Vec<i64>>("f", (4,)).unwrap(), [4, 4]);
///     interp
/// })
/// .join()
/// .unwrap();
/// assert_eq!(interp.eval::<i64>("len(f(1))").unwrap(), 2);
/// ```
pub struct Interpreter {
    /// Dropped by hand, inside the interpreter (`Drop`).
    pub(crate) vm: ManuallyDrop<Vm>,
    /// The `__main__` module's globals, made on first use.
    main: Option<Rc<RefCell<Dict>>>,
    /// Its share of the thread-locals while no call runs inside it (while
    /// one does: the share it replaced, see `entered`).
    isolate: Isolate,
}

// SAFETY: `Rc` is `!Send` because two threads could touch one count at
// once. An interpreter's `Rc`s are all its own: every object it makes is
// made inside a call into it (`entered`: `new`, the runs, conversions of
// the host's values in and out, registrations, `Drop`), where the
// thread-locals that code reaches without a `Vm` (collector registry,
// interned strs, shape trees: `vm::isolate`) are this interpreter's own,
// and they are swapped back into its `isolate` field before the call
// returns, panics included. So while no call runs inside it, which
// moving it requires (`&mut self` for every call), nothing outside it, no
// thread-local or global, holds an `Rc` it holds, and moving it moves
// every count along; the thread it moves to touches them only after the
// move. What else it holds is `Send`: host closures and sinks
// (`HostCallable`, `TextSink`, `LineSource`, `Clock::Host` are `+ Send`),
// native tracers (`Tracer: Send`), and the limits' shared state (`Arc`s of
// atomics; the timer thread is joined at the end of each run). The host
// never holds an `Rc` of the interpreter's: values cross by conversion
// (`FromValue`, `IntoValue` make Rust values and `Value`s are not
// public), tracers see borrowed views, and a `Module`'s values are made
// when it is registered, inside the interpreter.
unsafe impl Send for Interpreter {}

impl Drop for Interpreter {
    /// Everything the interpreter made goes, inside it: its VM, then the
    /// cycles its objects formed.
    fn drop(&mut self) {
        if !Isolate::available() {
            // The thread is exiting and its thread-locals are gone: what
            // the interpreter holds is leaked, never dropped in another
            // interpreter's share.
            std::mem::forget(self.main.take());
            std::mem::forget(std::mem::replace(&mut self.isolate, Isolate::new()));
            return;
        }
        self.entered(|interp| {
            interp.main = None;
            // SAFETY: `vm` is not used again: this is the interpreter's drop.
            unsafe { ManuallyDrop::drop(&mut interp.vm) };
            crate::vm::isolate::release_current();
        });
    }
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}

impl Interpreter {
    /// A fresh interpreter: an empty `__main__`, no limits, no host
    /// functions, and (the sandbox) no files, stdin or clock.
    pub fn new() -> Interpreter {
        let mut isolate = Isolate::new();
        isolate.swap_current();
        let vm = catch_unwind(Vm::new);
        isolate.swap_current();
        Interpreter {
            vm: ManuallyDrop::new(vm.unwrap_or_else(|p| resume_unwind(p))),
            main: None,
            isolate,
        }
    }

    /// Runs `f` inside the interpreter: with its share of the thread-locals
    /// current (`vm::isolate`), and the share it replaced back when `f`
    /// returns or panics. Every public method that makes, touches or drops
    /// the interpreter's values goes through here, once (`f` must not touch
    /// `self.isolate`, which holds the other share meanwhile).
    pub(crate) fn entered<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
        self.isolate.swap_current();
        let r = catch_unwind(AssertUnwindSafe(|| f(self)));
        self.isolate.swap_current();
        r.unwrap_or_else(|p| resume_unwind(p))
    }

    /// Installs a native tracer: from now on it receives the events it
    /// takes (`Tracer::events`), after `sys.settrace`'s and
    /// `sys.setprofile`'s functions and the tracers installed before it.
    pub fn add_tracer(&mut self, t: Box<dyn Tracer>) -> TracerHandle {
        self.entered(|interp| {
            let h = interp.vm.trace.add(t);
            interp.vm.trace_changed();
            h
        })
    }

    /// Uninstalls a tracer `add_tracer` installed, and gives it back.
    pub fn remove_tracer(&mut self, handle: TracerHandle) -> Option<Box<dyn Tracer>> {
        self.entered(|interp| {
            let t = interp.vm.trace.remove(handle)?;
            interp.vm.trace_changed();
            Some(t)
        })
    }

    /// Makes a Rust closure callable from scripts as a built-in function
    /// `name`. Its arguments are converted from the script's values by
    /// their types (`FromValue`), and its result back (`IntoValue`); a
    /// call with the wrong number or types of arguments raises CPython's
    /// `TypeError`, and a closure returning `Err(PyErr)` raises that.
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    ///
    /// let log = Arc::new(Mutex::new(Vec::new()));
    /// let mut interp = krait::Interpreter::new();
    /// let sink = log.clone();
    /// interp.register_fn("record", move |event: String, n: i64| {
    ///     sink.lock().unwrap().push(format!("{event}={n}"));
    ///     n * 2
    /// });
    /// assert_eq!(interp.eval::<i64>("record('hits', 21)").unwrap(), 42);
    /// assert_eq!(*log.lock().unwrap(), ["hits=21"]);
    /// let err = interp.eval::<i64>("record('x')").unwrap_err();
    /// assert!(err.to_string().ends_with("TypeError: record expected 2 arguments, got 1"));
    /// ```
    pub fn register_fn<Args, R>(&mut self, name: &str, f: impl HostFunction<Args, R>) {
        let name = host_fn::static_name(name);
        let f = f.into_callable(name);
        self.entered(|interp| {
            let v = host_function_value(name, None, f);
            interp.vm.builtins.borrow_mut().set_str(name, v);
        })
    }

    /// Names host type `T`'s class in the scripts' built-ins (as
    /// `T::NAME`), so that they can make objects of it (if it has a
    /// constructor), subclass it, and test `isinstance`. Values of `T`
    /// cross into scripts whether it is registered or not.
    pub fn register_type<T: UserData>(&mut self) {
        self.entered(|interp| {
            let cls = user_data::host_class::<T>(&mut interp.vm);
            let name = host_fn::static_name(T::NAME);
            interp
                .vm
                .builtins
                .borrow_mut()
                .set_str(name, Value::Class(cls));
        })
    }

    /// Makes `module` importable by scripts (`import NAME`, `from NAME
    /// import f`), as a built-in module: it needs no file imports.
    pub fn register_module(&mut self, module: Module) {
        self.entered(|interp| interp.register_module_inside(module))
    }

    fn register_module_inside(&mut self, module: Module) {
        let mut d = Dict::new();
        d.set_str("__name__", Value::str(&module.name));
        d.set_str("__doc__", Value::None);
        for (key, item) in module.items {
            let v = match item {
                host_fn::ModuleItem::Function(name, f) => host_function_value(name, None, f),
                host_fn::ModuleItem::Value(make) => make(&mut self.vm),
            };
            d.set_str(&key, v);
        }
        let name = self.vm.intern(host_fn::static_name(&module.name));
        let m = Value::Module(crate::gc::alloc(crate::value::ModuleObj::new(
            name,
            crate::gc::alloc(RefCell::new(d)),
        )));
        self.vm.modules.insert(module.name, m);
    }

    /// Sends what the script writes to stdout (`print`,
    /// `sys.stdout.write`) to `sink` instead of the process's stdout, in
    /// whole lines: each piece ends with a newline, but the last of a run
    /// if the script left a line open.
    ///
    /// ```
    /// use std::sync::{Arc, Mutex};
    ///
    /// let out = Arc::new(Mutex::new(String::new()));
    /// let mut interp = krait::Interpreter::new();
    /// let sink = out.clone();
    /// interp.on_print(move |text| sink.lock().unwrap().push_str(text));
    /// interp.run("import sys\nprint('a', 1)\nsys.stdout.write('b')\n").unwrap();
    /// assert_eq!(*out.lock().unwrap(), "a 1\nb");
    /// ```
    pub fn on_print(&mut self, sink: impl FnMut(&str) + Send + 'static) {
        self.entered(|interp| {
            interp.vm.flush();
            interp.vm.streams.out = crate::vm::streams::Output::Host(String::new(), Box::new(sink));
        })
    }

    /// Sends what the script writes to stderr (`sys.stderr.write`, `print(...,
    /// file=sys.stderr)`, the reports of errors nothing can catch) to `sink`
    /// instead of the process's stderr.
    pub fn on_stderr(&mut self, sink: impl FnMut(&str) + Send + 'static) {
        self.vm.streams.err = crate::vm::streams::Output::Host(String::new(), Box::new(sink));
    }

    /// Gives `input()` and `sys.stdin` their lines: `source` returns the
    /// next one (with its newline), or None at the end, where `input()`
    /// raises `EOFError`. Without a source an embedded script reads no
    /// stdin: it is at its end at once.
    ///
    /// ```
    /// let mut lines = vec!["Ada\n".to_string()].into_iter();
    /// let mut interp = krait::Interpreter::new();
    /// interp.set_input(move || lines.next());
    /// interp.run("name = input('name? ')").unwrap();
    /// assert_eq!(interp.get_global::<String>("name").unwrap(), "Ada");
    /// let err = interp.run("input()").unwrap_err();
    /// assert!(err.to_string().ends_with("EOFError: EOF when reading a line"));
    /// ```
    pub fn set_input(&mut self, source: impl FnMut() -> Option<String> + Send + 'static) {
        self.vm.streams.input = crate::vm::streams::Input::Host(Box::new(source));
    }

    /// Lets the script read the process's stdin (`input()`, `sys.stdin`),
    /// as the CLI does; off by default.
    pub fn allow_stdin(&mut self, allow: bool) {
        use crate::vm::streams::Input;
        self.vm.streams.input = if allow { Input::Stdin } else { Input::Closed };
    }

    /// Lets the `time` module read the real clocks (`time.time()`,
    /// `perf_counter`, `monotonic`), as the CLI does. Off by default: an
    /// embedded script that reads the time gets a `PermissionError`
    /// saying so, unless the host allows this or gives a clock of its own
    /// (`set_clock`).
    pub fn allow_clock(&mut self, allow: bool) {
        use crate::builtins::Clock;
        self.vm.clock = if allow {
            Clock::Real(std::time::Instant::now())
        } else {
            Clock::Denied
        };
    }

    /// Gives the `time` module the host's clock: `now` returns seconds,
    /// since the Unix epoch for `time.time()` (the same reading serves
    /// `perf_counter` and `monotonic`, whose start is arbitrary).
    ///
    /// ```
    /// let mut interp = krait::Interpreter::new();
    /// let mut t = 100.0;
    /// interp.set_clock(move || { t += 0.5; t });
    /// interp.run("import time\nstart = time.perf_counter()\nlap = time.perf_counter() - start\n").unwrap();
    /// assert_eq!(interp.get_global::<f64>("lap").unwrap(), 0.5);
    /// ```
    pub fn set_clock(&mut self, now: impl FnMut() -> f64 + Send + 'static) {
        self.vm.clock = crate::builtins::Clock::Host(Box::new(now));
    }

    /// Lets `import` read the program's own modules from the directories
    /// of `sys.path` (off by default: an embedded script reads no files).
    pub fn allow_file_imports(&mut self, allow: bool) {
        self.vm.file_imports = allow;
    }

    /// Sets `sys.path`: the directories `import` searches, in order, when
    /// file imports are allowed.
    pub fn set_sys_path(&mut self, dirs: Vec<String>) {
        self.entered(|interp| interp.vm.set_sys_path(dirs))
    }

    /// Sets `sys.argv`.
    pub fn set_argv(&mut self, argv: Vec<String>) {
        self.entered(|interp| interp.vm.set_argv(argv))
    }

    /// Compiles and runs `source` in the `__main__` module's namespace,
    /// as CPython runs a script: `filename` is its `co_filename` (and, for
    /// a name not in angle brackets like `<string>`, its `__file__` and
    /// the file tracebacks quote lines from).
    pub fn run_source(&mut self, filename: &str, source: &str) -> Result<(), Error> {
        self.entered(|interp| interp.limited(|interp| interp.run_main(filename, source)))
    }

    fn run_main(&mut self, filename: &str, source: &str) -> Result<(), Error> {
        // Newlines as the tokenizer sees them, so traceback lines match.
        let source = &*crate::syntax::prepare_source(source, filename)
            .map_err(|e| Error::from_syntax(&e))?;
        let code =
            crate::compile::compile_source(source, filename).map_err(|e| Error::from_syntax(&e))?;
        self.vm.adopt_code(&code);
        let globals = self.main_globals();
        // A script's __file__ and source (not for `-c` code, named like
        // "<string>": CPython quotes no line of it).
        if !filename.starts_with('<') {
            self.vm
                .sources
                .insert(filename.to_string(), Rc::from(source));
            let mut g = globals.borrow_mut();
            g.set_str("__file__", Value::str(filename));
            g.set_str("__cached__", Value::None);
        }
        let r = self.vm.run_module(code, globals.clone());
        self.finish(r).map(drop)
    }

    /// Reads the file at `path` (the host's action: the script itself
    /// reads no files unless allowed), decodes it as CPython decodes a
    /// script (UTF-8, or its coding declaration) and runs it with
    /// `run_source`, named by its absolute path as CPython names a script.
    /// A file that cannot be read is an `OSError`.
    pub fn run_file(&mut self, path: impl AsRef<std::path::Path>) -> Result<(), Error> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| {
            let err = PyErr::new(
                ExcType::OSError,
                format!(
                    "[Errno {}] {}: '{}'",
                    e.raw_os_error().unwrap_or(0),
                    e,
                    path.display()
                ),
            );
            self.entered(|interp| interp.describe(err))
        })?;
        let filename = std::path::absolute(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .to_string_lossy()
            .into_owned();
        let source =
            crate::syntax::decode_source(&bytes, &filename).map_err(|e| Error::from_syntax(&e))?;
        self.run_source(&filename, &source)
    }

    /// `run_source` of code with no file: `<string>`, as `exec` names it.
    pub fn run(&mut self, source: &str) -> Result<(), Error> {
        self.run_source("<string>", source)
    }

    /// Evaluates one expression in the `__main__` namespace, as `eval`
    /// does, and converts its value.
    ///
    /// ```
    /// let mut interp = krait::Interpreter::new();
    /// interp.run("x = 20").unwrap();
    /// assert_eq!(interp.eval::<i64>("x * 2 + 2").unwrap(), 42);
    /// ```
    pub fn eval<T: FromValue>(&mut self, expression: &str) -> Result<T, Error> {
        self.entered(|interp| interp.limited(|interp| interp.eval_main(expression)))
    }

    fn eval_main<T: FromValue>(&mut self, expression: &str) -> Result<T, Error> {
        let code = crate::compile::compile_eval(expression, "<string>")
            .map_err(|e| Error::from_syntax(&e))?;
        self.vm.adopt_code(&code);
        let globals = self.main_globals();
        let r = self.vm.run_code(code, globals.clone(), globals);
        let v = self.finish(r)?;
        self.convert(&v, "the result")
    }

    /// Sets a global of the `__main__` namespace.
    pub fn set_global(&mut self, name: &str, value: impl IntoValue) {
        self.entered(|interp| {
            let v = value.into_value(&mut interp.vm);
            interp.main_globals().borrow_mut().set_str(name, v);
        })
    }

    /// A global of the `__main__` namespace (or else the built-in of that
    /// name), converted; a `NameError` when there is none.
    pub fn get_global<T: FromValue>(&mut self, name: &str) -> Result<T, Error> {
        self.entered(|interp| {
            let v = interp.lookup_global(name)?;
            interp.convert(&v, &format!("global '{name}'"))
        })
    }

    /// Calls the script's function (or any callable) named `name` in the
    /// `__main__` namespace, or the built-in of that name, with `args`, and
    /// converts its result.
    ///
    /// ```
    /// let mut interp = krait::Interpreter::new();
    /// interp.run("def add(a, b):\n    return a + b\n").unwrap();
    /// assert_eq!(interp.call::<String>("add", ("con", "cat")).unwrap(), "concat");
    /// ```
    pub fn call<T: FromValue>(&mut self, name: &str, args: impl IntoArgs) -> Result<T, Error> {
        self.entered(|interp| {
            let f = interp.lookup_global(name)?;
            let args = args.into_args(&mut interp.vm);
            interp.limited(|interp| {
                let r = interp.vm.call_value(&f, args, Default::default());
                let v = interp.finish(r)?;
                interp.convert(&v, &format!("the result of {name}()"))
            })
        })
    }

    /// Sets the limits of the runs to come: steps, time, memory,
    /// recursion and object sizes (see [`Limits`]). A run, `eval` or call
    /// that reaches one ends with [`Error::Limit`]; the script cannot
    /// catch it.
    pub fn set_limits(&mut self, limits: Limits) {
        self.vm.set_limits(limits);
    }

    /// The limits set by [`Interpreter::set_limits`].
    pub fn limits(&self) -> &Limits {
        self.vm.limits()
    }

    /// A handle another thread can use to stop the script this
    /// interpreter runs ([`InterruptHandle`] is `Send + Sync`).
    pub fn interrupt_handle(&mut self) -> InterruptHandle {
        self.vm.interrupt_handle()
    }

    /// Runs `f` (krait code) under the limits: a limit reached, also while
    /// cleaning up, is the outcome.
    fn limited<T>(&mut self, f: impl FnOnce(&mut Self) -> Result<T, Error>) -> Result<T, Error> {
        self.vm.begin_limited_run();
        let r = f(self);
        match self.vm.end_limited_run() {
            Some(limit) => Err(Error::Limit(limit)),
            None => r,
        }
    }

    /// Runs a full collection of reference cycles now (as `gc.collect()`
    /// does) and gives the number of objects it freed. Cycles are also
    /// collected automatically as a script allocates.
    pub fn collect_garbage(&mut self) -> usize {
        self.entered(|_| crate::gc::collect(2))
    }

    /// Starts over with a fresh `__main__` namespace. The old one's
    /// objects are released as CPython releases a module's at exit:
    /// generators suspended inside `try` blocks close (their `finally`
    /// blocks run).
    pub fn reset(&mut self) {
        if self.main.is_none() {
            return;
        }
        self.entered(|interp| {
            let Some(globals) = interp.main.take() else {
                return;
            };
            // (Under the limits; a limit reached there stops only that.)
            let _ = interp.limited(|interp| {
                interp.vm.release_module_globals(&globals);
                interp.vm.flush();
                Ok(())
            });
        })
    }

    /// The `__main__` globals, made and registered as `sys.modules['__main__']`
    /// on first use.
    fn main_globals(&mut self) -> Rc<RefCell<Dict>> {
        if let Some(g) = &self.main {
            return g.clone();
        }
        let globals = self.vm.new_globals("__main__");
        self.vm.enter_main_module(&globals);
        self.main = Some(globals.clone());
        globals
    }

    fn lookup_global(&mut self, name: &str) -> Result<Value, Error> {
        let globals = self.main_globals();
        // As a name in the script: its global, else the built-in.
        let found = globals.borrow().get_str(name).cloned();
        let found = found.or_else(|| self.vm.builtins.borrow().get_str(name).cloned());
        match found {
            Some(v) => Ok(v),
            None => {
                let e = PyErr::new(ExcType::NameError, format!("name '{name}' is not defined"));
                Err(self.describe(e))
            }
        }
    }

    /// After krait code ran: output flushed, the run's classes let go of
    /// by the type cache (which holds them strongly), and an error
    /// described.
    fn finish(&mut self, r: Result<Value, PyErr>) -> Result<Value, Error> {
        let r = match r {
            Ok(v) => Ok(v),
            // A tripped limit, which `limited` reports: no krait code runs
            // to describe the error.
            Err(_) if self.vm.limit_tripped() => Ok(Value::None),
            Err(e) => Err(self.describe(e)),
        };
        self.vm.flush();
        self.vm.forget_class_lookups();
        r
    }

    /// `T` from a script's value; `what` names it in the `TypeError`.
    fn convert<T: FromValue>(&mut self, v: &Value, what: &str) -> Result<T, Error> {
        T::from_value(v).map_err(|e| {
            let e = convert::with_subject(e, what);
            self.describe(e)
        })
    }

    fn describe(&mut self, e: PyErr) -> Error {
        let exc = self.vm.materialize(e);
        if self
            .vm
            .err_is(&PyErr::Obj(exc.clone()), ExcType::SystemExit)
        {
            // `e.code`: the only argument, all of them, or what the program set.
            let code = self.vm.getattr(&exc, "code").unwrap_or(Value::None);
            return match code {
                // Too big for a C long: CPython's conversion fails to -1.
                Value::BigInt(_) => Error::Exit {
                    code: -1,
                    message: None,
                },
                Value::None => Error::Exit {
                    code: 0,
                    message: None,
                },
                Value::Int(i) => Error::Exit {
                    code: i as i32,
                    message: None,
                },
                Value::Bool(b) => Error::Exit {
                    code: b as i32,
                    message: None,
                },
                other => {
                    let msg = self.vm.str_of(&other).unwrap_or_default();
                    Error::Exit {
                        code: 1,
                        message: Some(msg),
                    }
                }
            };
        }
        let globals = self.main_globals();
        let text = self.vm.format_traceback(&exc, Some(&globals));
        let traceback = match &exc {
            Value::Instance(i) => i.traceback().map(|t| t.entries()),
            _ => None,
        }
        .unwrap_or_default()
        .into_iter()
        .map(|(code, line)| TracebackEntry {
            filename: code.filename.as_str().to_string(),
            line,
            function: code.name.as_str().to_string(),
        })
        .collect();
        Error::Exception(Exception {
            type_name: text.type_name,
            message: text.message,
            traceback,
            summary: text.summary,
            rendered: text.text,
        })
    }
}

/// A host's function as a built-in function value (`owner`: the host
/// type whose method it is).
pub(crate) fn host_function_value(
    name: &'static str,
    owner: Option<&'static str>,
    f: Box<crate::value::HostCallable>,
) -> Value {
    /// Never called: `Builtin::call` calls the host's closure instead.
    fn unreachable_native(_: &mut Vm, _: &[Value], _: &crate::value::Kwargs) -> PyResult<Value> {
        Err(PyErr::new(
            ExcType::SystemError,
            "host function without its closure",
        ))
    }
    Value::Builtin(Rc::new(crate::value::Builtin {
        name,
        owner,
        func: unreachable_native,
        bound_self: None,
        counting: Default::default(),
        def: None,
        host: Some(Rc::new(crate::value::HostFn::new(f))),
    }))
}
