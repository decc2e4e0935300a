//! `bisect`: CPython's C functions (`_bisect`), comparing in its order
//! (`x < a[mid]` to the right, `a[mid] < x` to the left; `key` applied to
//! the items, not to `x`, in the bisections), inserting with `list.insert`
//! or the sequence's own `insert` method.

use super::module;
use crate::builtins::typedef::{FnDef, ModuleDef, Params::*};
use crate::value::{Kwargs, NativeFn, PyErr, PyResult, Value};
use crate::vm::Vm;

const fn f(name: &'static str, func: NativeFn) -> FnDef {
    FnDef::function("bisect", name, Own, func)
}

static MODULE: ModuleDef = ModuleDef {
    name: "bisect",
    functions: &[
        f("bisect_right", bisect_right),
        f("bisect_left", bisect_left),
        f("insort_right", insort_right),
        f("insort_left", insort_left),
    ],
};

/// `bisect` and `insort` are `bisect_right` and `insort_right` themselves.
pub(super) fn install(vm: &mut Vm) {
    let m = module(vm, &MODULE, vec![]);
    let Value::Module(m) = m else { return };
    let mut d = m.dict.borrow_mut();
    for (alias, name) in [("bisect", "bisect_right"), ("insort", "insort_right")] {
        if let Some(f) = d.get_str(name).cloned() {
            d.set_str(alias, f);
        }
    }
}

/// `(a, x, lo=0, hi=None, *, key=None)` as Argument Clinic parses them.
struct Args {
    a: Value,
    x: Value,
    lo: Value,
    hi: Value,
    key: Value,
}

fn parse(fname: &str, args: &[Value], kw: &Kwargs) -> PyResult<Args> {
    const NAMES: [&str; 5] = ["a", "x", "lo", "hi", "key"];
    if args.len() > 4 {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most 4 positional arguments ({} given)",
            args.len()
        )));
    }
    let mut slots: [Option<Value>; 5] = Default::default();
    for (i, v) in args.iter().enumerate() {
        slots[i] = Some(v.clone());
    }
    for (k, v) in kw {
        let Some(i) = NAMES.iter().position(|n| *n == k.as_str()) else {
            return Err(PyErr::type_error(format!(
                "{fname}() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        };
        if slots[i].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for {fname}() given by name ('{}') and position ({})",
                k.as_str(),
                i + 1
            )));
        }
        slots[i] = Some(v.clone());
    }
    for (i, name) in NAMES.iter().take(2).enumerate() {
        if slots[i].is_none() {
            return Err(PyErr::type_error(format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            )));
        }
    }
    let [a, x, lo, hi, key] = slots;
    Ok(Args {
        a: a.unwrap_or_default(),
        x: x.unwrap_or_default(),
        lo: lo.unwrap_or(Value::Int(0)),
        hi: hi.unwrap_or(Value::None),
        key: key.unwrap_or(Value::None),
    })
}

/// The insertion point of `x` in `a[lo:hi]`, right of equal items or left.
fn search(vm: &mut Vm, p: &Args, x: &Value, right: bool) -> PyResult<i64> {
    let mut lo = vm.index_value(&p.lo)?;
    if lo < 0 {
        return Err(PyErr::value_error("lo must be non-negative"));
    }
    let mut hi = match &p.hi {
        Value::None => crate::builtins::len_of(vm, &p.a)? as i64,
        h => vm.index_value(h)?,
    };
    while lo < hi {
        // CPython's unsigned midpoint: no overflow.
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut item = vm.getitem(&p.a, &Value::Int(mid))?;
        if !p.key.is_none() {
            item = vm.call_value(&p.key, vec![item], vec![])?;
        }
        let go_left = if right {
            vm.lt(x, &item)?
        } else {
            !vm.lt(&item, x)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_right(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let p = parse("bisect_right", args, kw)?;
    Ok(Value::Int(search(vm, &p, &p.x, true)?))
}

fn bisect_left(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let p = parse("bisect_left", args, kw)?;
    Ok(Value::Int(search(vm, &p, &p.x, false)?))
}

fn insort(vm: &mut Vm, fname: &str, args: &[Value], kw: &Kwargs, right: bool) -> PyResult<Value> {
    let p = parse(fname, args, kw)?;
    let x = match &p.key {
        Value::None => p.x.clone(),
        key => vm.call_value(key, vec![p.x.clone()], vec![])?,
    };
    let index = search(vm, &p, &x, right)?;
    if let Value::List(l) = &p.a {
        // As list.insert clamps it.
        let i = index.clamp(0, l.len() as i64) as usize;
        l.borrow_mut().insert(i, p.x.clone());
    } else {
        let insert = vm.getattr(&p.a, "insert")?;
        vm.call_value(&insert, vec![Value::Int(index), p.x.clone()], vec![])?;
    }
    Ok(Value::None)
}

fn insort_right(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    insort(vm, "insort_right", args, kw, true)
}

fn insort_left(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    insort(vm, "insort_left", args, kw, false)
}
