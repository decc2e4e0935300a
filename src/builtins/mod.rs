//! Built-in functions, the built-in types' constructors and methods, and the
//! modules (`modules/`).

mod code_methods;
mod construct;
mod descr_types;
pub mod dict_methods;
mod evaluate;
mod frame_type;
mod function_type;
mod functions;
mod generator;
mod iter_types;
pub(crate) use functions::{container_len, len_of};
mod list_methods;
mod modules;
pub(crate) use modules::{
    call_getter, frozen_module, has_native_module, install_on_import as install_module,
    FrozenModule, MtState,
};
pub(crate) use modules::{re_hash, re_match_getitem, re_repr, re_same_pattern, ReCache, ReObj};
pub mod set_methods;
mod sort;
mod str_methods;
pub mod subclass;
pub mod typedef;

use std::rc::Rc;

use crate::value::{Builtin, Kwargs, NativeFn, PyErr, PyResult, Value};
use crate::vm::Vm;

pub use construct::construct_builtin;
pub(crate) use construct::number_long;
pub(crate) use functions::is_callable;
pub use modules::Clock;
pub(crate) use modules::{
    deque_binop, deque_compare, deque_construct, deque_contains, deque_delitem, deque_getitem,
    deque_iter, deque_iter_step, deque_repr, deque_setitem,
};
pub(crate) use modules::{itertools_next, itertools_repr, ItertoolsState};
pub(crate) use modules::{lru_cache_call, lru_cache_setattr, LruCache};

/// A native function value.
pub fn native(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        owner: None,
        func,
        bound_self: None,
        counting: Default::default(),
        def: None,
        host: None,
    }))
}

pub(crate) fn method(owner: &'static str, name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        owner: Some(owner),
        func,
        bound_self: None,
        counting: Default::default(),
        def: None,
        host: None,
    }))
}

/// The built-in types defined by a `TypeDef`, with their classes.
fn type_defs(vm: &Vm) -> [(&'static typedef::TypeDef, Rc<crate::value::Class>); 12] {
    [
        (&code_methods::TYPE, vm.types.code.clone()),
        (&generator::TYPE, vm.types.generator.clone()),
        (&str_methods::TYPE, vm.types.str_.clone()),
        (&list_methods::TYPE, vm.types.list.clone()),
        (&dict_methods::TYPE, vm.types.dict.clone()),
        (&set_methods::SET, vm.types.set.clone()),
        (&set_methods::FROZENSET, vm.types.frozenset.clone()),
        (&construct::TUPLE, vm.types.tuple.clone()),
        (&construct::RANGE, vm.types.range.clone()),
        (&construct::INT, vm.types.int.clone()),
        (&construct::FLOAT, vm.types.float.clone()),
        (&modules::LRU_CACHE, vm.types.lru_cache.clone()),
    ]
}

/// The definition of `v`'s built-in type, whose `attrs` `Vm::getattr_str`
/// reads (None for a type without data attributes). One match on the
/// variant: no class lookup on the way to `frame.f_lineno`.
#[inline]
pub(crate) fn typedef_of(v: &Value) -> Option<&'static typedef::TypeDef> {
    use crate::value::Descr;
    Some(match v {
        Value::Frame(_) => &frame_type::FRAME,
        Value::Code(_) => &code_methods::TYPE,
        Value::Function(_) => &function_type::FUNCTION,
        Value::BoundMethod(_) => &function_type::METHOD,
        Value::Builtin(_) => &function_type::BUILTIN,
        Value::Cell(_) => &function_type::CELL,
        Value::Traceback(_) => &frame_type::TRACEBACK,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => &construct::INT,
        Value::Float(_) => &construct::FLOAT,
        Value::Range(_) => &construct::RANGE,
        Value::Slice(_) => &construct::SLICE,
        Value::Tuple(_) => &construct::TUPLE,
        Value::Iter(it) if matches!(&*it.borrow(), crate::vm::iter::IterObj::Generator(_)) => {
            &generator::TYPE
        }
        Value::Descr(d) => match &**d {
            Descr::Property { .. } => &descr_types::PROPERTY,
            Descr::StaticMethod(_) => &descr_types::STATICMETHOD,
            Descr::ClassMethod(_) => &descr_types::CLASSMETHOD,
            Descr::Super { .. } => &descr_types::SUPER,
            Descr::Partial { .. } => &modules::PARTIAL,
            Descr::Re(o) => modules::RE_TYPES[o.kind().0],
            Descr::LruCache(_) => &modules::LRU_CACHE,
            Descr::Getter { .. } => return None,
        },
        _ => return None,
    })
}

/// Fills the VM's built-ins namespace, type methods and modules.
pub fn install(vm: &mut Vm) {
    for (def, cls) in type_defs(vm) {
        for m in def.methods {
            let n = vm.intern(m.name);
            let b = Builtin::from_def(m);
            cls.dict.borrow_mut().insert(n, Value::Builtin(Rc::new(b)));
        }
    }
    functions::install(vm);
    construct::install_type_methods(vm);
    construct::install_dunders(vm);
    subclass::install(vm);
    modules::install(vm);
}

/// `__iter__` and `__next__` of the iterator types.
pub fn install_iterator_methods(c: &std::rc::Rc<crate::value::Class>) {
    fn iter_self(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
        check_args("__iter__", args, 1, 1)?;
        Ok(args[0].clone())
    }
    fn next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
        check_args("__next__", args, 1, 1)?;
        match vm.iter_next(&args[0])? {
            Some(v) => Ok(v),
            None => Err(PyErr::bare(crate::value::ExcType::StopIteration)),
        }
    }
    let mut d = c.dict.borrow_mut();
    d.insert(
        crate::value::string::intern("__iter__"),
        native("__iter__", iter_self),
    );
    d.insert(
        crate::value::string::intern("__next__"),
        native("__next__", next),
    );
}

/// Whether a native reads its keyword arguments itself (refusing the ones it
/// does not know). Every other native takes none: the call refuses them
/// first (`keywords_refused`), as CPython's positional-only functions do.
pub fn reads_keywords(b: &Builtin) -> bool {
    b.def.is_some_and(|def| {
        matches!(
            def.params,
            typedef::Params::Own | typedef::Params::Python(_)
        )
    })
}

/// CPython's `NAME() takes no keyword arguments` for a native without a
/// definition (`FnDef` words its own).
#[cold]
pub fn keywords_refused(b: &Builtin) -> PyErr {
    let qualified = match b.owner {
        Some(owner) => format!("{owner}.{}", b.name),
        None => b.name.to_string(),
    };
    PyErr::type_error(format!("{qualified}() takes no keyword arguments"))
}

/// Checks a native function's argument count.
pub fn check_args(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min || n > max {
        if min == 1 && max == 1 {
            return Err(PyErr::type_error(format!(
                "{name}() takes exactly one argument ({n} given)"
            )));
        }
        if min == max {
            return Err(expected_args(name, min, n));
        }
        if n < min {
            return Err(PyErr::type_error(format!(
                "{} expected at least {} argument{}, got {}",
                name,
                min,
                if min == 1 { "" } else { "s" },
                n
            )));
        }
        return Err(PyErr::type_error(format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            if max == 1 { "" } else { "s" },
            n
        )));
    }
    Ok(())
}

/// CPython's `NAME expected N argument(s), got K`.
pub fn expected_args(name: &str, want: usize, got: usize) -> PyErr {
    PyErr::type_error(format!(
        "{} expected {} argument{}, got {}",
        name,
        want,
        if want == 1 { "" } else { "s" },
        got
    ))
}

/// Checks the positional count of an Argument Clinic function whose first
/// `min` of `names` are required.
pub fn clinic_args(name: &str, args: &[Value], names: &[&str], min: usize) -> PyResult<()> {
    let n = args.len();
    if n < min {
        return Err(PyErr::type_error(format!(
            "{}() missing required argument '{}' (pos {})",
            name,
            names[n],
            n + 1
        )));
    }
    if n > names.len() {
        return Err(PyErr::type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            name,
            names.len(),
            if names.len() == 1 { "" } else { "s" },
            n
        )));
    }
    Ok(())
}

/// A keyword argument by name.
pub fn kwarg(kw: &Kwargs, name: &str) -> Option<Value> {
    kw.iter()
        .find(|(k, _)| k.as_str() == name)
        .map(|(_, v)| v.clone())
}

/// Rejects keyword arguments other than `allowed`.
pub fn no_other_kwargs(fname: &str, kw: &Kwargs, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        if !allowed.contains(&k.as_str()) {
            return Err(PyErr::type_error(format!(
                "'{}' is an invalid keyword argument for {}()",
                k.as_str(),
                fname
            )));
        }
    }
    Ok(())
}
