//! The embedding facade: what a Rust host uses to run krait code.

use std::cell::RefCell;
use std::rc::Rc;

use crate::trace::Tracer;
use crate::value::{Dict, ExcType, NativeFn, PyErr, Value};
use crate::vm::limits::{InterruptHandle, LimitExceeded, Limits};
use crate::vm::Vm;

/// How a run ended when it did not finish normally.
#[derive(Debug, Clone, PartialEq)]
pub enum RunError {
    /// The source did not compile: CPython's report (`  File ..., SyntaxError: ...`).
    Syntax(String),
    /// An uncaught exception: the full traceback text and its last line;
    /// `interrupt` when it is a `KeyboardInterrupt` (CPython then ends by
    /// SIGINT, after printing the traceback).
    Exception {
        traceback: String,
        summary: String,
        interrupt: bool,
    },
    /// `sys.exit(code)` (or `SystemExit`): the exit status and any message to print.
    Exit { code: i32, message: Option<String> },
    /// A limit of [`Interpreter::set_limits`] stopped the script (which
    /// could not catch it), or [`InterruptHandle::interrupt`] did.
    Limit(LimitExceeded),
}

/// A krait interpreter: one VM with its globals.
pub struct Interpreter {
    pub vm: Vm,
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}

impl Interpreter {
    pub fn new() -> Interpreter {
        Interpreter { vm: Vm::new() }
    }

    /// Installs a native tracer; it receives every event from now on.
    pub fn add_tracer(&mut self, t: Box<dyn Tracer>) {
        self.vm.trace.tracers.push(t);
        self.vm.trace_changed();
    }

    /// Makes a native function callable from krait code as a built-in.
    pub fn register_fn(&mut self, name: &'static str, f: NativeFn) {
        self.vm
            .builtins
            .borrow_mut()
            .set_str(name, crate::builtins::native(name, f));
    }

    /// Lets `import` read the program's own modules from the directories
    /// of `sys.path` (off by default: an embedded script reads no files).
    pub fn allow_file_imports(&mut self, allow: bool) {
        self.vm.file_imports = allow;
    }

    /// Sets `sys.path`: the directories `import` searches, in order, when
    /// file imports are allowed.
    pub fn set_sys_path(&mut self, dirs: Vec<String>) {
        self.vm.set_sys_path(dirs);
    }

    /// Sets `sys.argv`.
    pub fn set_argv(&mut self, argv: Vec<String>) {
        self.vm.set_argv(argv);
    }

    /// Sets the limits of the runs to come: steps, time, memory,
    /// recursion and object sizes (see [`Limits`]). A run that reaches
    /// one ends with [`RunError::Limit`]; the script cannot catch it.
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

    /// Compiles and runs `source` as the `__main__` module.
    pub fn run_source(&mut self, filename: &str, source: &str) -> Result<Value, RunError> {
        self.vm.begin_limited_run();
        let r = self.run_main(filename, source);
        // A limit reached (also while cleaning up) is the run's outcome.
        match self.vm.end_limited_run() {
            Some(limit) => Err(RunError::Limit(limit)),
            None => r,
        }
    }

    fn run_main(&mut self, filename: &str, source: &str) -> Result<Value, RunError> {
        // Newlines as the tokenizer sees them, so traceback lines match.
        let source = &*crate::syntax::prepare_source(source, filename)
            .map_err(|e| RunError::Syntax(e.report()))?;
        let code = crate::compile::compile_source(source, filename)
            .map_err(|e| RunError::Syntax(e.report()))?;
        self.vm
            .sources
            .insert(filename.to_string(), Rc::from(source));
        let globals = self.vm.new_globals("__main__");
        // A script's __file__ (not for `-c` code, named like "<string>").
        if !filename.starts_with('<') {
            let mut g = globals.borrow_mut();
            g.set_str("__file__", Value::str(filename));
            g.set_str("__cached__", Value::None);
        }
        self.vm.enter_main_module(&globals);
        let r = self.vm.run_module(code, globals.clone());
        let r = match r {
            Ok(v) => Ok(v),
            // A tripped limit, which `run_source` reports: no krait code
            // runs to describe the error.
            Err(_) if self.vm.limit_tripped() => Ok(Value::None),
            Err(e) => Err(self.describe(e, &globals)),
        };
        // As CPython's shutdown: generators suspended in `try` blocks close.
        self.vm.release_module_globals(&globals);
        self.vm.flush();
        // The type cache holds classes (and what it found in them) strongly:
        // the run's classes must not outlive it through the cache.
        self.vm.forget_class_lookups();
        r
    }

    fn describe(&mut self, e: PyErr, globals: &Rc<RefCell<Dict>>) -> RunError {
        let exc = self.vm.materialize(e);
        if self
            .vm
            .err_is(&PyErr::Obj(exc.clone()), ExcType::SystemExit)
        {
            // `e.code`: the only argument, all of them, or what the program set.
            let code = self.vm.getattr(&exc, "code").unwrap_or(Value::None);
            return match code {
                // Too big for a C long: CPython's conversion fails to -1.
                Value::BigInt(_) => RunError::Exit {
                    code: -1,
                    message: None,
                },
                Value::None => RunError::Exit {
                    code: 0,
                    message: None,
                },
                Value::Int(i) => RunError::Exit {
                    code: i as i32,
                    message: None,
                },
                Value::Bool(b) => RunError::Exit {
                    code: b as i32,
                    message: None,
                },
                other => {
                    let msg = self.vm.to_str(&other).unwrap_or_default();
                    RunError::Exit {
                        code: 1,
                        message: Some(msg),
                    }
                }
            };
        }
        let interrupt = self
            .vm
            .err_is(&PyErr::Obj(exc.clone()), ExcType::KeyboardInterrupt);
        let (traceback, summary) = self.vm.format_traceback(&exc, Some(globals));
        RunError::Exception {
            traceback,
            summary,
            interrupt,
        }
    }
}
