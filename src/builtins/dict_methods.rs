//! Methods of `dict`.

use std::cell::RefCell;
use std::rc::Rc;

use super::str_methods::{noargs, posargs};
use crate::value::{Dict, DictKey, Kwargs, NativeFn, PyErr, PyResult, Value};
use crate::vm::Vm;

pub const METHODS: &[(&str, NativeFn)] = &[
    ("get", get),
    ("items", items),
    ("keys", keys),
    ("values", values),
    ("pop", pop),
    ("popitem", popitem),
    ("setdefault", setdefault),
    ("update", update),
    ("copy", copy),
    ("clear", clear),
    ("fromkeys", fromkeys),
];

type DictRef = Rc<RefCell<Dict>>;

fn recv<'a>(args: &'a [Value], name: &str) -> PyResult<&'a DictRef> {
    match args.first() {
        Some(Value::Dict(d)) => Ok(d),
        Some(v) => Err(PyErr::type_error(format!(
            "descriptor '{}' for 'dict' objects doesn't apply to a '{}' object",
            name,
            v.type_name()
        ))),
        None => Err(PyErr::type_error(format!(
            "unbound method dict.{}() needs an argument",
            name
        ))),
    }
}

fn get(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(args, "get")?.clone();
    posargs("dict", "get", args, kw, 1, 2)?;
    let k = vm.hash_key(args[1].clone())?;
    let found = d.borrow().get(&k).cloned();
    Ok(found.unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

// `keys()`, `values()` and `items()` return list snapshots: there is no
// view type in the VM yet (iteration, `len`, `in` and `sorted` behave the
// same; `repr` and live updates differ).
fn keys(_vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(args, "keys")?;
    noargs("dict", "keys", args, kw)?;
    let v: Vec<Value> = d.borrow().keys().cloned().collect();
    Ok(Value::list(v))
}

fn values(_vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(args, "values")?;
    noargs("dict", "values", args, kw)?;
    let v: Vec<Value> = d.borrow().values().cloned().collect();
    Ok(Value::list(v))
}

fn items(_vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(args, "items")?;
    noargs("dict", "items", args, kw)?;
    let v: Vec<Value> = d
        .borrow()
        .iter()
        .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
        .collect();
    Ok(Value::list(v))
}

fn pop(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(args, "pop")?.clone();
    posargs("dict", "pop", args, kw, 1, 2)?;
    let k = vm.hash_key(args[1].clone())?;
    let removed = d.borrow_mut().remove(&k);
    match removed {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::key_error(args[1].clone())),
        },
    }
}

fn popitem(_vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(args, "popitem")?;
    noargs("dict", "popitem", args, kw)?;
    let last = d.borrow_mut().pop_last();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(PyErr::key_error(Value::str(
            "popitem(): dictionary is empty",
        ))),
    }
}

fn setdefault(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(args, "setdefault")?.clone();
    posargs("dict", "setdefault", args, kw, 1, 2)?;
    let k = vm.hash_key(args[1].clone())?;
    if let Some(v) = d.borrow().get(&k) {
        return Ok(v.clone());
    }
    let default = args.get(2).cloned().unwrap_or(Value::None);
    d.borrow_mut().insert(k, default.clone());
    Ok(default)
}

/// The (key, value) pairs `dict.update(other)` and `dict(other)` add, in order.
pub fn update_pairs(vm: &mut Vm, other: &Value) -> PyResult<Vec<(DictKey, Value)>> {
    if let Value::Dict(o) = other {
        return Ok(o
            .borrow()
            .entries()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect());
    }
    // A mapping: anything with a `keys()` method.
    if let Value::Instance(_) = other {
        if let Ok(keys_fn) = vm.getattr(other, "keys") {
            let ks = vm.call_value(&keys_fn, vec![], vec![])?;
            let mut out = Vec::new();
            for k in vm.collect(&ks)? {
                let v = vm.getitem(other, &k)?;
                out.push((vm.hash_key(k)?, v));
            }
            return Ok(out);
        }
    }
    let mut out = Vec::new();
    for (i, item) in vm.collect(other)?.into_iter().enumerate() {
        let pair = match &item {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            Value::Str(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Range(_)
            | Value::Iter(_)
            | Value::Instance(_) => vm.collect(&item).map_err(|_| {
                PyErr::type_error(format!(
                    "cannot convert dictionary update sequence element #{} to a sequence",
                    i
                ))
            })?,
            _ => {
                return Err(PyErr::type_error(format!(
                    "cannot convert dictionary update sequence element #{} to a sequence",
                    i
                )))
            }
        };
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                i,
                pair.len()
            )));
        }
        let mut it = pair.into_iter();
        let k = it.next().unwrap_or_default();
        let v = it.next().unwrap_or_default();
        out.push((vm.hash_key(k)?, v));
    }
    Ok(out)
}

fn update(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(args, "update")?.clone();
    posargs("dict", "update", args, &Vec::new(), 0, 1)?;
    if let Some(other) = args.get(1) {
        let pairs = update_pairs(vm, other)?;
        let mut dm = d.borrow_mut();
        for (k, v) in pairs {
            dm.insert(k, v);
        }
    }
    for (k, v) in kw {
        d.borrow_mut().insert(DictKey::str(k.as_str()), v.clone());
    }
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(args, "copy")?;
    noargs("dict", "copy", args, kw)?;
    let c = d.borrow().clone();
    Ok(Value::dict(c))
}

fn clear(_vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(args, "clear")?;
    noargs("dict", "clear", args, kw)?;
    let old = std::mem::take(&mut *d.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)`: `args[0]` is the dict class (or a
/// dict, when called on an instance).
fn fromkeys(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error(
            "fromkeys expected at least 1 argument, got 0",
        ));
    }
    posargs("dict", "fromkeys", args, kw, 1, 2)?;
    let value = args.get(2).cloned().unwrap_or(Value::None);
    let keys: Vec<Value> = match &args[1] {
        Value::Dict(d) => d.borrow().keys().cloned().collect(),
        other => vm.collect(other)?,
    };
    let mut d = Dict::new();
    for k in keys {
        let key = vm.hash_key(k)?;
        d.insert(key, value.clone());
    }
    Ok(Value::dict(d))
}
