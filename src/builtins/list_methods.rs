//! Methods of `list`.

use num_traits::Signed;

use super::str_methods::kwargs_by_name;
use super::typedef::{FnDef, Params, Params::*, TypeDef};
use crate::value::{Kwargs, List, NativeFn, PyErr, PyResult, Value};
use crate::vm::Vm;

const fn m(name: &'static str, params: Params, func: NativeFn) -> FnDef {
    FnDef::method("list", |v| matches!(v, Value::List(_)), name, params, func)
}

pub static TYPE: TypeDef = TypeDef {
    methods: &[
        m("append", One, append),
        m("extend", One, extend),
        m("insert", Positional(2, 2), insert),
        m("pop", Positional(0, 1), pop),
        m("remove", One, remove),
        m("index", Positional(1, 3), index),
        m("count", One, count),
        m("sort", Own, sort),
        m("reverse", NoArgs, reverse),
        m("copy", NoArgs, copy),
        m("clear", NoArgs, clear),
    ],
    attrs: &[],
    getattr: None,
};

/// The receiver, which `FnDef::check` made sure is a list.
fn recv(args: &[Value]) -> &List {
    match &args[0] {
        Value::List(l) => l,
        _ => unreachable!("list method on another type"),
    }
}

/// An index argument as isize (`__index__`; huge ints overflow as in CPython).
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    match v {
        Value::BigInt(_) => Err(PyErr::overflow(
            "Python int too large to convert to C ssize_t",
        )),
        _ => Ok(vm.index_value(v)? as isize),
    }
}

/// A start/stop bound of `list.index` (saturating).
fn bound_arg(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    match v {
        Value::Int(i) => Ok(*i as isize),
        Value::Bool(b) => Ok(*b as isize),
        Value::BigInt(b) => Ok(if b.is_negative() {
            isize::MIN
        } else {
            isize::MAX
        }),
        Value::Instance(_) => Ok(vm.index_value(v)? as isize),
        _ => Err(PyErr::type_error(
            "slice indices must be integers or have an __index__ method",
        )),
    }
}

fn append(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let l = recv(args);
    l.push(args[1].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let l = recv(args).clone();
    vm.list_extend(&l, &args[1])?;
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let l = recv(args).clone();
    let i = bound_arg(vm, &args[1]).map_err(|_| {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args[1].type_name()
        ))
    })?;
    let mut v = l.borrow_mut();
    let n = v.len() as isize;
    let at = if i < 0 {
        (i.saturating_add(n)).max(0)
    } else {
        i.min(n)
    };
    v.insert(at as usize, args[2].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let l = recv(args).clone();
    let i = match args.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let mut v = l.borrow_mut();
    if v.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let n = v.len() as isize;
    let at = if i < 0 { i + n } else { i };
    if at < 0 || at >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(v.remove(at as usize))
}

/// The `start` and `stop` arguments of `list.index(x, start, stop)` and
/// `tuple.index` (args[2], args[3]) for a sequence of `len` items, as
/// indexes (negative ones from the end, clamped at 0).
pub(super) fn index_range(vm: &mut Vm, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let n = len as isize;
    let norm = |i: isize| -> usize {
        if i < 0 {
            i.saturating_add(n).max(0) as usize
        } else {
            i as usize
        }
    };
    let start = match args.get(2) {
        Some(v) => norm(bound_arg(vm, v)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => norm(bound_arg(vm, v)?),
        None => usize::MAX,
    };
    Ok((start, stop))
}

/// Position of the first item equal to `x` in `l[start..stop]`.
fn find(vm: &mut Vm, l: &List, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        let item = {
            let v = l.borrow();
            if i >= stop.min(v.len()) {
                return Ok(None);
            }
            v[i].clone()
        };
        if item.is(x) || vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn remove(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let l = recv(args).clone();
    match find(vm, &l, &args[1], 0, usize::MAX)? {
        Some(i) => {
            let mut v = l.borrow_mut();
            if i < v.len() {
                v.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(PyErr::value_error("list.remove(x): x not in list")),
    }
}

fn index(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let l = recv(args).clone();
    let (start, stop) = index_range(vm, args, l.len())?;
    match find(vm, &l, &args[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(&args[1])?;
            Err(PyErr::value_error(format!("{} is not in list", r)))
        }
    }
}

fn count(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let l = recv(args).clone();
    let mut n = 0;
    let mut i = 0;
    loop {
        let item = match l.borrow().get(i) {
            Some(v) => v.clone(),
            None => break,
        };
        if item.is(&args[1]) || vm.eq(&item, &args[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn sort(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let l = recv(args).clone();
    // Argument clinic: the total count first, then positionals refused.
    let given = args.len() - 1 + kw.len();
    if given > 2 {
        return Err(PyErr::type_error(format!(
            "sort() takes at most 2 {}arguments ({} given)",
            if args.len() > 1 { "" } else { "keyword " },
            given
        )));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let a = kwargs_by_name("sort", &args[..1], kw, &["key", "reverse"])?;
    let reverse = super::sort::reverse_flag(vm, a[1].as_ref())?;
    // While sorting, the list looks empty (as in CPython).
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let r = super::sort::sort_values(vm, &mut items, a[0].as_ref(), reverse);
    let modified = !l.is_empty();
    *l.borrow_mut() = items;
    r?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn reverse(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let l = recv(args);
    l.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let l = recv(args);
    let v = l.borrow().clone();
    Ok(Value::list(v))
}

fn clear(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let l = recv(args);
    let old = std::mem::take(&mut *l.borrow_mut());
    drop(old);
    Ok(Value::None)
}
