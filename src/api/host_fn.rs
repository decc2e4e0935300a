//! Host functions: Rust closures a script calls as built-ins, their
//! arguments converted from the script's values (`FromValue`) and their
//! result back (`IntoValue`), and modules of them a script imports.

use std::collections::HashSet;
use std::sync::Mutex;

use super::convert::{FromValue, IntoValue};
use crate::value::{HostCallable, PyErr, PyResult, Value};
use crate::vm::Vm;

/// What a host function returns: a value, or a `Result` whose error is
/// raised in the script (`Raise::new(ExcType::ValueError, "...")`).
pub trait HostResult {
    #[doc(hidden)]
    fn into_result(self, vm: &mut Vm) -> PyResult<Value>;
}

impl<T: IntoValue> HostResult for T {
    fn into_result(self, vm: &mut Vm) -> PyResult<Value> {
        Ok(self.into_value(vm))
    }
}

impl<T: IntoValue> HostResult for Result<T, super::Raise> {
    fn into_result(self, vm: &mut Vm) -> PyResult<Value> {
        match self {
            Ok(v) => Ok(v.into_value(vm)),
            Err(r) => Err(r.0),
        }
    }
}

/// A Rust closure (or function) a script can call: up to eight arguments
/// of types that implement `FromValue`, a result that implements
/// `HostResult`. `Send`, so that the interpreter holding it can be.
pub trait HostFunction<Args, R>: Send + 'static {
    #[doc(hidden)]
    fn into_callable(self, name: &'static str) -> Box<HostCallable>;
}

/// CPython's words for a call with the wrong number of arguments to a
/// built-in taking exactly `n`: those of `METH_NOARGS`, `METH_O` and
/// Argument Clinic's positional check.
#[cold]
fn arity_error(name: &str, n: usize, given: usize) -> PyErr {
    PyErr::type_error(match n {
        0 => format!("{name}() takes no arguments ({given} given)"),
        1 => format!("{name}() takes exactly one argument ({given} given)"),
        _ => format!("{name} expected {n} arguments, got {given}"),
    })
}

/// Argument `i` (0-based) converted, or CPython's `NAME() argument N must
/// be ..., not ...`.
fn arg<T: FromValue>(name: &str, args: &[Value], i: usize) -> PyResult<T> {
    T::from_value(&args[i])
        .map_err(|e| super::convert::with_subject(e, &format!("{name}() argument {}", i + 1)))
}

macro_rules! host_functions {
    ($n:literal: $($t:ident $i:tt),*) => {
        impl<F, R, $($t),*> HostFunction<($($t,)*), R> for F
        where
            F: FnMut($($t),*) -> R + Send + 'static,
            R: HostResult,
            $($t: FromValue,)*
        {
            #[allow(unused_variables)]
            fn into_callable(mut self, name: &'static str) -> Box<HostCallable> {
                Box::new(move |vm: &mut Vm, args: &[Value]| {
                    if args.len() != $n {
                        return Err(arity_error(name, $n, args.len()));
                    }
                    self($(arg::<$t>(name, args, $i)?),*).into_result(vm)
                })
            }
        }
    };
}

host_functions!(0:);
host_functions!(1: A 0);
host_functions!(2: A 0, B 1);
host_functions!(3: A 0, B 1, C 2);
host_functions!(4: A 0, B 1, C 2, D 3);
host_functions!(5: A 0, B 1, C 2, D 3, E 4);
host_functions!(6: A 0, B 1, C 2, D 3, E 4, F5 5);
host_functions!(7: A 0, B 1, C 2, D 3, E 4, F5 5, G 6);
host_functions!(8: A 0, B 1, C 2, D 3, E 4, F5 5, G 6, H 7);

/// A name for the life of the process: built-ins name themselves with
/// `&'static str`. Each distinct name is kept once, however many
/// interpreters register it.
pub(crate) fn static_name(name: &str) -> &'static str {
    static NAMES: Mutex<Option<HashSet<&'static str>>> = Mutex::new(None);
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    let names = names.get_or_insert_with(HashSet::new);
    if let Some(n) = names.get(name) {
        return n;
    }
    let n: &'static str = Box::leak(name.to_string().into_boxed_str());
    names.insert(n);
    n
}

/// A module a host defines for scripts to import (`import NAME`): host
/// functions and values. Registered with `Interpreter::register_module`.
///
/// ```
/// use krait::{Interpreter, Module};
///
/// let mut m = Module::new("greeter");
/// m.function("greet", |who: String| format!("hello, {who}"));
/// m.value("VERSION", (1, 2));
/// let mut interp = Interpreter::new();
/// interp.register_module(m);
/// interp.run("import greeter\nmsg = greeter.greet('krait')\n").unwrap();
/// assert_eq!(interp.get_global::<String>("msg").unwrap(), "hello, krait");
/// assert_eq!(interp.eval::<(i64, i64)>("greeter.VERSION").unwrap(), (1, 2));
/// ```
pub struct Module {
    pub(crate) name: String,
    pub(crate) items: Vec<(String, ModuleItem)>,
}

pub(crate) enum ModuleItem {
    Function(&'static str, Box<HostCallable>),
    /// Made into a value when the module is registered, inside the
    /// interpreter (a module holds no value of its own, so it is `Send`).
    Value(Box<dyn FnOnce(&mut Vm) -> Value + Send>),
}

impl Module {
    /// An empty module that scripts import as `name`.
    pub fn new(name: &str) -> Module {
        Module {
            name: name.to_string(),
            items: Vec::new(),
        }
    }

    /// Adds a function, as `Interpreter::register_fn` makes one.
    pub fn function<Args, R>(&mut self, name: &str, f: impl HostFunction<Args, R>) -> &mut Self {
        let name = static_name(name);
        self.items.push((
            name.to_string(),
            ModuleItem::Function(name, f.into_callable(name)),
        ));
        self
    }

    /// Adds a value (a constant of the module).
    pub fn value(&mut self, name: &str, v: impl IntoValue + Send + 'static) -> &mut Self {
        self.items.push((
            name.to_string(),
            ModuleItem::Value(Box::new(move |vm| v.into_value(vm))),
        ));
        self
    }
}
