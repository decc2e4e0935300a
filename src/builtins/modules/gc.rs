//! The `gc` module: the cycle collector's switches (`src/gc`).

use crate::builtins::no_other_kwargs;
use crate::builtins::typedef::{FnDef, ModuleDef, Params::*};
use crate::value::{ExcType, Kwargs, PyErr, PyResult, Value};
use crate::vm::Vm;

pub(super) static MODULE: ModuleDef = ModuleDef {
    name: "gc",
    functions: &[
        FnDef::function("gc", "collect", Own, collect),
        FnDef::function("gc", "enable", NoArgs, enable),
        FnDef::function("gc", "disable", NoArgs, disable),
        FnDef::function("gc", "isenabled", NoArgs, isenabled),
        FnDef::function("gc", "get_threshold", NoArgs, get_threshold),
        FnDef::function("gc", "set_threshold", Own, set_threshold),
    ],
};

/// A C `int` argument; `parse_tuple`: converted as `PyArg_ParseTuple`'s
/// "i" does (its own overflow messages), not as Argument Clinic's.
fn c_int(vm: &mut Vm, v: &Value, parse_tuple: bool) -> PyResult<i64> {
    let n = match v {
        Value::BigInt(_) if parse_tuple => {
            return Err(PyErr::overflow("Python int too large to convert to C long"))
        }
        Value::BigInt(_) => i64::MAX,
        Value::Int(_) | Value::Bool(_) | Value::Instance(_) => vm.index_value(v)?,
        _ => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                v.type_name()
            )))
        }
    };
    if n > i32::MAX as i64 || n < i32::MIN as i64 {
        return Err(PyErr::overflow(match (parse_tuple, n > 0) {
            (false, _) => "Python int too large to convert to C int",
            (true, true) => "signed integer is greater than maximum",
            (true, false) => "signed integer is less than minimum",
        }));
    }
    Ok(n)
}

/// `gc.collect(generation=2)`: the number of unreachable objects found.
fn collect(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_other_kwargs("collect", kw, &["generation"])?;
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "collect() takes at most 1 argument ({} given)",
            args.len()
        )));
    }
    let gen = match (
        args.first().cloned(),
        crate::builtins::kwarg(kw, "generation"),
    ) {
        (Some(_), Some(_)) => {
            return Err(PyErr::type_error(
                "argument for collect() given by name ('generation') and position (1)",
            ))
        }
        (Some(g), None) | (None, Some(g)) => c_int(vm, &g, false)?,
        (None, None) => 2,
    };
    if !(0..=2).contains(&gen) {
        return Err(PyErr::new(ExcType::ValueError, "invalid generation"));
    }
    // The type cache's strong references are not the program's.
    vm.forget_class_lookups();
    Ok(Value::Int(crate::gc::collect(gen as usize) as i64))
}

fn enable(_: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    crate::gc::set_enabled(true);
    Ok(Value::None)
}

fn disable(_: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    crate::gc::set_enabled(false);
    Ok(Value::None)
}

fn isenabled(_: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(crate::gc::is_enabled()))
}

fn get_threshold(_: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    let t = crate::gc::threshold();
    Ok(Value::tuple(t.iter().map(|&n| Value::Int(n)).collect()))
}

/// `gc.set_threshold(threshold0[, threshold1[, threshold2]])`
fn set_threshold(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error(
            "set_threshold() takes no keyword arguments",
        ));
    }
    if args.is_empty() || args.len() > 3 {
        let (which, n) = if args.is_empty() {
            ("least 1 argument", 0)
        } else {
            ("most 3 arguments", args.len())
        };
        return Err(PyErr::type_error(format!(
            "set_threshold() takes at {which} ({n} given)"
        )));
    }
    let mut t = crate::gc::threshold();
    for (i, a) in args.iter().enumerate() {
        t[i] = c_int(vm, a, true)?;
    }
    crate::gc::set_threshold(t);
    Ok(Value::None)
}
