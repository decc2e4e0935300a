//! The types of callables and what they close over: `function`, `method`
//! (a function bound to an object), `builtin_function_or_method`, and
//! `cell`. Their data attributes; calls are `vm/call.rs`'s, and a function's
//! writable attributes are assigned in `Vm::setattr`.

use std::rc::Rc;

use super::typedef::{AttrDef, TypeDef};
use crate::value::{BoundMethod, Builtin, Dict, Function, PyResult, Value};
use crate::vm::Vm;

pub static FUNCTION: TypeDef = TypeDef {
    methods: &[],
    attrs: &[
        AttrDef::new("__name__", |_, v| {
            Ok(Value::Str(func(v).name.borrow().clone()))
        }),
        AttrDef::new("__qualname__", |_, v| {
            Ok(Value::Str(func(v).qualname.borrow().clone()))
        }),
        AttrDef::new("__code__", |_, v| Ok(Value::Code(func(v).code.clone()))),
        AttrDef::new("__defaults__", defaults),
        AttrDef::new("__globals__", |_, v| {
            Ok(Value::Dict(func(v).globals.clone()))
        }),
        AttrDef::new("__annotations__", annotations),
        AttrDef::new("__kwdefaults__", kwdefaults),
        AttrDef::new("__closure__", closure),
        AttrDef::new("__doc__", |_, v| Ok(func(v).doc.borrow().clone())),
        AttrDef::new("__module__", |_, v| Ok(func(v).module.borrow().clone())),
        AttrDef::new("__dict__", dict),
    ],
    getattr: Some(function_dict_attr),
};

/// The function an attribute is read from.
fn func(v: &Value) -> &Rc<Function> {
    match v {
        Value::Function(f) => f,
        _ => unreachable!("function attribute of another value"),
    }
}

fn defaults(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = func(v);
    Ok(match f.defaults.is_empty() {
        true => Value::None,
        false => Value::tuple(f.defaults.clone()),
    })
}

/// Made empty on first read, as CPython's `func_get_annotations`.
fn annotations(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let mut a = func(v).annotations.borrow_mut();
    if a.is_none() {
        *a = Value::dict(Dict::new());
    }
    Ok(a.clone())
}

fn kwdefaults(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = func(v);
    if f.kwdefaults.is_empty() {
        return Ok(Value::None);
    }
    let mut d = Dict::new();
    for (k, v) in &f.kwdefaults {
        d.set_str(k.as_str(), v.clone());
    }
    Ok(Value::dict(d))
}

fn closure(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = func(v);
    Ok(match f.closure.is_empty() {
        true => Value::None,
        false => Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect()),
    })
}

/// The function's `__dict__` itself: changes made through it are the
/// function's attributes.
fn dict(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Dict(func(v).dict()))
}

/// An attribute a program set on the function (`f.calls = 0`).
fn function_dict_attr(_vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(match &*func(v).dict.borrow() {
        Some(d) => d.borrow().get_str(name).cloned(),
        None => None,
    })
}

pub static METHOD: TypeDef = TypeDef {
    methods: &[],
    attrs: &[
        AttrDef::new("__self__", |_, v| Ok(method(v).self_.clone())),
        AttrDef::new("__func__", |_, v| Ok(method(v).func.clone())),
    ],
    getattr: Some(method_func_attr),
};

/// The bound method an attribute is read from.
fn method(v: &Value) -> &Rc<BoundMethod> {
    match v {
        Value::BoundMethod(m) => m,
        _ => unreachable!("method attribute of another value"),
    }
}

/// A method's other attributes are its function's (`__name__`, `__doc__`,
/// what the program set on the function), as CPython's `method_getattro`
/// after the method type's own: a missing one is the function's error.
fn method_func_attr(vm: &mut Vm, v: &Value, name: &str) -> PyResult<Option<Value>> {
    // The method type's own (`__call__`, `__get__`) come from its class,
    // after this.
    if vm.types.method.lookup(name).is_some() {
        return Ok(None);
    }
    let f = method(v).func.clone();
    vm.getattr(&f, name).map(Some)
}

pub static BUILTIN: TypeDef = TypeDef {
    methods: &[],
    attrs: &[
        AttrDef::new("__name__", |_, v| Ok(Value::str(builtin(v).name))),
        AttrDef::new("__qualname__", |_, v| {
            let b = builtin(v);
            Ok(match b.owner {
                Some(o) => Value::string(format!("{}.{}", o, b.name)),
                None => Value::str(b.name),
            })
        }),
        AttrDef::new("__self__", |_, v| {
            Ok(builtin(v).bound_self.clone().unwrap_or(Value::None))
        }),
        AttrDef::new("__module__", |_, _| Ok(Value::str("builtins"))),
    ],
    getattr: None,
};

/// The built-in function an attribute is read from.
fn builtin(v: &Value) -> &Rc<Builtin> {
    match v {
        Value::Builtin(b) => b,
        _ => unreachable!("builtin attribute of another value"),
    }
}

pub static CELL: TypeDef = TypeDef {
    methods: &[],
    attrs: &[AttrDef::new("cell_contents", |_, v| match v {
        Value::Cell(c) => Ok(c.borrow().clone()),
        _ => unreachable!("cell attribute of another value"),
    })],
    getattr: None,
};
