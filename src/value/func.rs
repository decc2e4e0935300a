//! Callables: krait functions, bound methods, native built-ins.

use std::cell::RefCell;
use std::rc::Rc;

use super::{Dict, PyResult, Str, Value};
use crate::bytecode::Code;
use crate::vm::Vm;

/// Keyword arguments passed to a native function, in call order.
pub type Kwargs = Vec<(Str, Value)>;

/// A native function. `args` includes the bound object first for methods.
pub type NativeFn = fn(&mut Vm, &[Value], &Kwargs) -> PyResult<Value>;

/// What a host's function does when called (`Interpreter::register_fn`):
/// its arguments converted, the closure run, its result converted. `Send`,
/// so that the interpreter holding it can be.
pub type HostCallable = dyn FnMut(&mut Vm, &[Value]) -> PyResult<Value> + Send;

/// A host's closure, called as a built-in function.
pub struct HostFn(RefCell<Box<HostCallable>>);

impl HostFn {
    pub fn new(f: Box<HostCallable>) -> HostFn {
        HostFn(RefCell::new(f))
    }

    #[cold]
    #[inline(never)]
    fn call(&self, vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
        // Only a host function that runs krait code could be re-entered.
        let Ok(mut f) = self.0.try_borrow_mut() else {
            return Err(super::PyErr::new(
                super::ExcType::RuntimeError,
                format!("host function {name}() called while it runs"),
            ));
        };
        f(vm, args)
    }
}

pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<RefCell<Dict>>,
    /// Defaults of the last positional parameters.
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters, by name.
    pub kwdefaults: Vec<(Str, Value)>,
    /// Cells captured from enclosing scopes, in `code.freevars` order.
    pub closure: Vec<Rc<RefCell<Value>>>,
    pub name: RefCell<Str>,
    pub qualname: RefCell<Str>,
    /// `__doc__` and `__module__`: plain fields (CPython's `func_doc` and
    /// `func_module`), set at creation without building a map.
    pub doc: RefCell<Value>,
    pub module: RefCell<Value>,
    /// `__annotations__` (None: none yet; made empty when first read).
    pub annotations: RefCell<Value>,
    /// `__dict__` (`__wrapped__` and friends): made when the program first
    /// sets an attribute or reads it, then the same dict.
    pub dict: RefCell<Option<Rc<RefCell<super::Dict>>>>,
}

impl Function {
    /// `__dict__`, made empty if the function had none.
    pub fn dict(&self) -> Rc<RefCell<super::Dict>> {
        let mut d = self.dict.borrow_mut();
        if d.is_none() {
            if let Value::Dict(new) = Value::dict(super::Dict::new()) {
                *d = Some(new);
            }
        }
        d.clone().unwrap_or_default()
    }
}

pub struct BoundMethod {
    pub func: Value,
    pub self_: Value,
}

pub struct Builtin {
    pub name: &'static str,
    /// For methods of built-in types: the type's name, for `str.upper`'s qualname.
    pub owner: Option<&'static str>,
    pub func: NativeFn,
    /// Set when the method was looked up on an object (`"a".upper`).
    pub bound_self: Option<Value>,
    /// How a call counts against the recursion limit and whether it has
    /// a fast path, once worked out from the name (`vm::call`'s
    /// `classify`; 0: not yet).
    pub counting: std::cell::Cell<u8>,
    /// A built-in type's method: the call checks its receiver and
    /// arguments first (`FnDef::check`).
    pub def: Option<&'static crate::builtins::typedef::FnDef>,
    /// A host's function: called instead of `func`.
    pub host: Option<Rc<HostFn>>,
}

impl Builtin {
    /// The built-in for definition `def`: a type's method (named with its
    /// owner) or a module's function.
    pub fn from_def(def: &'static crate::builtins::typedef::FnDef) -> Builtin {
        Builtin {
            name: def.name,
            owner: def.receives.map(|_| def.owner),
            func: def.func,
            bound_self: None,
            counting: Default::default(),
            def: Some(def),
            host: None,
        }
    }

    /// The same built-in bound to `obj` (`"a".upper`).
    pub fn bound_to(&self, obj: Value) -> Builtin {
        Builtin {
            name: self.name,
            owner: self.owner,
            func: self.func,
            bound_self: Some(obj),
            counting: Default::default(),
            def: self.def,
            host: self.host.clone(),
        }
    }

    /// Runs the built-in on `args` (its bound object first, if any).
    #[inline(always)]
    pub fn call(&self, vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
        match &self.host {
            None => (self.func)(vm, args, kwargs),
            Some(h) => h.call(vm, self.name, args),
        }
    }
}

/// Method equality as CPython 3.8+: the same function bound to the same
/// object (`a.f == a.f`, `[].append != [].append`).
pub fn same_method(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::BoundMethod(x), Value::BoundMethod(y)) => {
            x.self_.is(&y.self_) && x.func.is(&y.func)
        }
        (Value::Builtin(x), Value::Builtin(y)) => {
            x.name == y.name
                && x.owner == y.owner
                && match (&x.bound_self, &y.bound_self) {
                    (Some(p), Some(q)) => p.is(q),
                    (None, None) => true,
                    _ => false,
                }
        }
        _ => a.is(b),
    }
}
