//! Calling a built-in type: `int("5")`, `list(x)`, `property(f)`, `super()`.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Num;

use super::typedef::{AttrDef, FnDef, Params::*, TypeDef};
use super::{check_args, kwarg, method, native};
use crate::value::int::{normalize, to_big};
use crate::value::{
    Class, Descr, Dict, ExcType, Kwargs, PyErr, PyResult, RangeObj, SetObj, SliceObj, TypeKind,
    Value,
};
use crate::vm::Vm;

pub fn construct_builtin(
    vm: &mut Vm,
    cls: &Rc<Class>,
    args: &[Value],
    kw: &Kwargs,
) -> PyResult<Value> {
    let name = cls.name.as_str();
    if !kw.is_empty()
        && matches!(
            cls.kind,
            TypeKind::Range
                | TypeKind::List
                | TypeKind::Tuple
                | TypeKind::Set
                | TypeKind::FrozenSet
                | TypeKind::Float
                | TypeKind::Bool
                | TypeKind::Slice
        )
    {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(match cls.kind {
        TypeKind::Object if Rc::ptr_eq(cls, &vm.types.simple_namespace) => {
            if !args.is_empty() {
                return Err(PyErr::type_error("no positional arguments expected"));
            }
            let mut d = crate::value::Dict::new();
            for (k, v) in kw {
                d.set_str(k.as_str(), v.clone());
            }
            let ns = crate::value::Instance::new(cls.clone());
            ns.set_dict(crate::gc::alloc(std::cell::RefCell::new(d)));
            Value::Instance(crate::gc::alloc(ns))
        }
        TypeKind::Object => {
            if !args.is_empty() || !kw.is_empty() {
                return Err(PyErr::type_error("object() takes no arguments"));
            }
            Value::Instance(crate::gc::alloc(crate::value::Instance::new(cls.clone())))
        }
        TypeKind::Type => match args.len() {
            1 if kw.is_empty() => Value::Class(vm.types.type_of(&args[0])),
            3 => type_new(vm, args, kw)?,
            _ => return Err(PyErr::type_error("type() takes 1 or 3 arguments")),
        },
        TypeKind::Int => int_new(vm, args, kw)?,
        TypeKind::Bool => {
            check_args("bool", args, 0, 1)?;
            Value::Bool(match args.first() {
                Some(v) => vm.truthy(v)?,
                None => false,
            })
        }
        TypeKind::Float => {
            check_args("float", args, 0, 1)?;
            match args.first() {
                None => Value::Float(0.0),
                Some(v) => Value::Float(to_float(vm, v)?),
            }
        }
        TypeKind::Str => {
            if args.len() > 3 {
                return Err(PyErr::type_error(format!(
                    "str() takes at most 3 arguments ({} given)",
                    args.len()
                )));
            }
            if args.len() > 1 {
                return Err(str_decode_error(args));
            }
            match args.first() {
                None => Value::str(""),
                Some(v) => vm.str_value(v)?,
            }
        }
        TypeKind::Deque => super::deque_construct(vm, args, kw)?,
        TypeKind::List => {
            check_args("list", args, 0, 1)?;
            match args.first() {
                None => Value::list(vec![]),
                Some(v) => Value::list(vm.collect_sized(v)?),
            }
        }
        TypeKind::Tuple => {
            check_args("tuple", args, 0, 1)?;
            match args.first() {
                None => Value::tuple(vec![]),
                Some(Value::Tuple(t)) => Value::Tuple(t.clone()),
                Some(v) => Value::tuple(vm.collect_sized(v)?),
            }
        }
        TypeKind::Dict => {
            check_args("dict", args, 0, 1)?;
            let d = Value::dict(Dict::new());
            if let Some(src) = args.first() {
                super::dict_methods::update_from(vm, &d, src)?;
            }
            if let Value::Dict(dd) = &d {
                for (k, v) in kw {
                    vm.dict_set(
                        dd,
                        crate::value::DictKey::new(Value::Str(k.clone()))?,
                        v.clone(),
                    )?;
                }
            }
            d
        }
        TypeKind::Set | TypeKind::FrozenSet => {
            check_args(name, args, 0, 1)?;
            if let (TypeKind::FrozenSet, Some(f @ Value::FrozenSet(_))) = (cls.kind, args.first()) {
                return Ok(f.clone());
            }
            let s = match args.first() {
                Some(src) => super::set_methods::set_from_iterable(vm, src)?,
                None => SetObj::new(),
            };
            if cls.kind == TypeKind::Set {
                Value::set(s)
            } else {
                Value::frozenset(s)
            }
        }
        TypeKind::Range => {
            if let Some(r) = RangeObj::from_int_args(args) {
                return Ok(Value::Range(Rc::new(r)));
            }
            if args.is_empty() {
                return Err(PyErr::type_error(
                    "range expected at least 1 argument, got 0",
                ));
            }
            check_args("range", args, 1, 3)?;
            let mut n = vec![];
            for a in args {
                n.push(vm.index_int(a)?);
            }
            let ints: Vec<i64> = n
                .iter()
                .filter_map(|v| match v {
                    Value::Int(i) => Some(*i),
                    _ => None,
                })
                .collect();
            if ints.len() == n.len() {
                let (start, stop, step) = match ints.as_slice() {
                    [stop] => (0, *stop, 1),
                    [start, stop] => (*start, *stop, 1),
                    _ => (ints[0], ints[1], ints[2]),
                };
                if step == 0 {
                    return Err(PyErr::value_error("range() arg 3 must not be zero"));
                }
                return Ok(Value::Range(Rc::new(RangeObj::small(start, stop, step))));
            }
            let big = |v: &Value| to_big(v).unwrap_or_default();
            let (start, stop, step) = match n.as_slice() {
                [stop] => (BigInt::from(0), big(stop), BigInt::from(1)),
                [start, stop] => (big(start), big(stop), BigInt::from(1)),
                _ => (big(&n[0]), big(&n[1]), big(&n[2])),
            };
            if step == BigInt::from(0) {
                return Err(PyErr::value_error("range() arg 3 must not be zero"));
            }
            Value::Range(Rc::new(RangeObj::from_big(start, stop, step)))
        }
        TypeKind::Slice => {
            check_args("slice", args, 1, 3)?;
            let (start, stop, step) = match args.len() {
                1 => (Value::None, args[0].clone(), Value::None),
                2 => (args[0].clone(), args[1].clone(), Value::None),
                _ => (args[0].clone(), args[1].clone(), args[2].clone()),
            };
            Value::Slice(Rc::new(SliceObj { start, stop, step }))
        }
        TypeKind::Property => {
            let get = |i: usize, n: &str| {
                args.get(i)
                    .cloned()
                    .or_else(|| kwarg(kw, n))
                    .unwrap_or(Value::None)
            };
            let fget = get(0, "fget");
            let mut doc = get(3, "doc");
            if doc.is_none() {
                if let Value::Function(f) = &fget {
                    doc = f.doc.borrow().clone();
                }
            }
            Value::Descr(crate::gc::alloc(Descr::Property {
                fget,
                fset: get(1, "fset"),
                fdel: get(2, "fdel"),
                doc,
                name: RefCell::new(None),
            }))
        }
        TypeKind::StaticMethod => {
            if args.len() != 1 {
                return Err(super::expected_args("staticmethod", 1, args.len()));
            }
            Value::Descr(crate::gc::alloc(Descr::StaticMethod(args[0].clone())))
        }
        TypeKind::ClassMethod => {
            check_args("classmethod", args, 1, 1)?;
            Value::Descr(crate::gc::alloc(Descr::ClassMethod(args[0].clone())))
        }
        TypeKind::Super => super_new(vm, args)?,
        TypeKind::Partial => super::modules::partial(vm, args, kw)?,
        TypeKind::Getter(k) => super::modules::make_getter(k, args, kw)?,
        k => {
            if let Some(r) = super::iter_types::construct(vm, k, args, kw) {
                return r;
            }
            return Err(PyErr::type_error(format!(
                "cannot create '{}' instances",
                name
            )));
        }
    })
}

pub fn to_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => crate::value::int::big_to_f64(b),
        Value::Str(s) => parse_float(s.as_str()).ok_or_else(|| {
            PyErr::value_error(format!(
                "could not convert string to float: {}",
                crate::value::repr::str_repr(s.as_str())
            ))
        }),
        Value::Instance(i) => match crate::value::format::PctHost::instance_float(vm, v)? {
            Some(f) => Ok(f),
            // A subclass of a built-in type: its value's float.
            None if i.payload().is_some() => to_float(vm, &v.builtin_value().clone()),
            None => Err(PyErr::type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                v.type_name()
            ))),
        },
        _ => Err(PyErr::type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            v.type_name()
        ))),
    }
}

fn parse_float(s: &str) -> Option<f64> {
    let s = &*crate::value::unicode::decimal_and_space_to_ascii(s);
    let t = s.trim().replace('_', "");
    let lower = t.to_ascii_lowercase();
    match lower.trim_start_matches(['+', '-']) {
        "inf" | "infinity" => {
            return Some(if lower.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        "nan" => return Some(crate::value::hash::fresh_nan(lower.starts_with('-'))),
        _ => {}
    }
    if t.is_empty() || s.trim().starts_with('_') || s.trim().ends_with('_') || s.contains("__") {
        return None;
    }
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
    {
        return None;
    }
    t.parse::<f64>().ok()
}

fn int_new(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let base = args.get(1).cloned().or_else(|| kwarg(kw, "base"));
    let Some(v) = args.first() else {
        if base.is_some() {
            return Err(PyErr::type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(b) = base {
        let b = vm.index_value(&b)?;
        if (b != 0 && b < 2) || b > 36 {
            return Err(PyErr::value_error(
                "int() base must be >= 2 and <= 36, or 0",
            ));
        }
        let Value::Str(s) = v else {
            return Err(PyErr::type_error(
                "int() can't convert non-string with explicit base",
            ));
        };
        return parse_int(s.as_str(), b as u32);
    }
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => crate::value::int::float_to_int(*f),
        Value::Str(s) => parse_int(s.as_str(), 10),
        Value::Instance(_) => number_long(vm, v),
        _ => Err(PyErr::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            v.type_name()
        ))),
    }
}

/// `int(v)` of an instance: CPython's PyNumber_Long tries `__int__`,
/// `__index__`, then `__trunc__`, checking each result is an int.
pub fn number_long(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Instance(i) => {
            if let Some(f) = i.class.lookup_user("__int__") {
                return match vm.call_special(&f, v, vec![])? {
                    r @ (Value::Int(_) | Value::BigInt(_)) => Ok(r),
                    Value::Bool(b) => Ok(Value::Int(b as i64)),
                    r => Err(PyErr::type_error(format!(
                        "__int__ returned non-int (type {})",
                        r.type_name()
                    ))),
                };
            }
            if i.class.lookup_user("__index__").is_some() {
                return vm.index_int(v);
            }
            if let Some(f) = i.class.lookup_user("__trunc__") {
                return match vm.call_special(&f, v, vec![])? {
                    r @ (Value::Int(_) | Value::BigInt(_)) => Ok(r),
                    Value::Bool(b) => Ok(Value::Int(b as i64)),
                    r @ Value::Instance(_) if vm.has_index(&r) => vm.index_int(&r),
                    r => Err(PyErr::type_error(format!(
                        "__trunc__ returned non-Integral (type {})",
                        r.type_name()
                    ))),
                };
            }
            if let Some(p) = i.payload() {
                // A subclass of a built-in type: its value's int.
                return int_new(vm, std::slice::from_ref(&p.clone()), &Kwargs::new());
            }
            Err(PyErr::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                v.type_name()
            )))
        }
        _ => Err(PyErr::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            v.type_name()
        ))),
    }
}

fn parse_int(s: &str, base: u32) -> PyResult<Value> {
    let bad = || {
        PyErr::value_error(format!(
            "invalid literal for int() with base {}: {}",
            base,
            crate::value::repr::str_repr(s)
        ))
    };
    let ascii = crate::value::unicode::decimal_and_space_to_ascii(s);
    let t = ascii.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let mut base = base;
    let mut body = body.to_string();
    let lower = body.to_ascii_lowercase();
    for (p, b) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if lower.starts_with(p) && (base == b || base == 0) {
            base = b;
            body = body[2..].to_string();
            body = body.trim_start_matches('_').to_string();
        }
    }
    if base == 0 {
        if body.len() > 1 && body.starts_with('0') && body.chars().any(|c| c != '0' && c != '_') {
            return Err(bad());
        }
        base = 10;
    }
    if !(2..=36).contains(&base) {
        return Err(PyErr::value_error(
            "int() base must be >= 2 and <= 36, or 0",
        ));
    }
    if body.is_empty()
        || body.starts_with('_')
        || body.ends_with('_')
        || body.contains("__")
        || !body.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return Err(bad());
    }
    let digits: String = body.chars().filter(|c| *c != '_').collect();
    if base == 10 && digits.len() > crate::value::int::MAX_STR_DIGITS {
        return Err(PyErr::value_error(format!(
            "Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; \
             use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        )));
    }
    let n = BigInt::from_str_radix(&digits, base).map_err(|_| bad())?;
    Ok(normalize(if neg { -n } else { n }))
}

/// `str(obj, encoding[, errors])`: krait has no bytes to decode.
#[cold]
fn str_decode_error(args: &[Value]) -> PyErr {
    for (i, name) in [(1, "encoding"), (2, "errors")] {
        if let Some(v) = args.get(i).filter(|v| !matches!(v, Value::Str(_))) {
            return PyErr::type_error(format!(
                "str() argument '{}' must be str, not {}",
                name,
                v.type_name()
            ));
        }
    }
    match &args[0] {
        Value::Str(_) => PyErr::type_error("decoding str is not supported"),
        v => PyErr::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            v.type_name()
        )),
    }
}

/// `super()` with zero args (from the calling frame) or two.
fn super_new(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    check_args("super()", args, 0, 2)?;
    let (cls, obj) = if !args.is_empty() {
        let Value::Class(c) = &args[0] else {
            return Err(PyErr::type_error(format!(
                "super() argument 1 must be a type, not {}",
                args[0].type_name()
            )));
        };
        let Some(obj) = args.get(1) else {
            return Err(PyErr::type_error(
                "krait does not support unbound super objects (super() with one argument)",
            ));
        };
        // CPython's supercheck: obj is a subclass or an instance of cls.
        let ok = match obj {
            Value::Class(o) => o.is_subclass(c) || vm.types.type_of(obj).is_subclass(c),
            _ => vm.types.type_of(obj).is_subclass(c),
        };
        if !ok {
            return Err(PyErr::type_error(
                "super(type, obj): obj must be an instance or subtype of type",
            ));
        }
        (c.clone(), obj.clone())
    } else {
        let f = vm
            .frames
            .last()
            .ok_or_else(|| PyErr::new(ExcType::RuntimeError, "super(): no current frame"))?;
        let code = f.code.clone();
        if code.argcount == 0 {
            return Err(PyErr::new(ExcType::RuntimeError, "super(): no arguments"));
        }
        let pos = code.freevars.iter().position(|v| v.as_str() == "__class__");
        let Some(p) = pos else {
            return Err(PyErr::new(
                ExcType::RuntimeError,
                "super(): __class__ cell not found",
            ));
        };
        let slot = code.varnames.len() + code.cellvars.len() + p;
        let cls = match &vm.stack[f.base + slot] {
            Value::Cell(c) => match &*c.borrow() {
                Value::Class(k) => k.clone(),
                _ => {
                    return Err(PyErr::new(
                        ExcType::RuntimeError,
                        "super(): empty __class__ cell",
                    ))
                }
            },
            _ => {
                return Err(PyErr::new(
                    ExcType::RuntimeError,
                    "super(): __class__ cell not found",
                ))
            }
        };
        let first = match &vm.stack[f.base] {
            Value::Cell(c) => c.borrow().clone(),
            Value::Null => {
                // The first argument may live in a cell.
                match code.cell2arg.iter().position(|a| *a == Some(0)) {
                    Some(ci) => match &vm.stack[f.base + code.varnames.len() + ci] {
                        Value::Cell(c) => c.borrow().clone(),
                        _ => Value::None,
                    },
                    None => Value::None,
                }
            }
            v => v.clone(),
        };
        (cls, first)
    };
    Ok(Value::Descr(crate::gc::alloc(Descr::Super {
        start_after: cls,
        obj,
    })))
}

/// Methods of built-in types that are not in the per-type method tables.
pub fn install_type_methods(vm: &mut Vm) {
    let base_exc = vm.types.exc(ExcType::BaseException);
    let n = vm.intern("__init__");
    base_exc
        .dict
        .borrow_mut()
        .insert(n, method("BaseException", "__init__", exc_init));
    let n = vm.intern("with_traceback");
    base_exc.dict.borrow_mut().insert(
        n,
        method("BaseException", "with_traceback", exc_with_traceback),
    );
    // What the VM sets when it raises them (for the traceback's suggestions);
    // None on instances made by the program.
    for (t, names) in [
        (ExcType::NameError, &["name"][..]),
        (ExcType::AttributeError, &["name", "obj"][..]),
    ] {
        let cls = vm.types.exc(t);
        for name in names {
            let n = vm.intern(name);
            cls.dict.borrow_mut().insert(n, Value::None);
        }
    }
    let obj = vm.types.object.clone();
    let n = vm.intern("__init__");
    obj.dict.borrow_mut().insert(
        n,
        Value::Builtin(Rc::new(crate::value::Builtin::from_def(&OBJECT_INIT))),
    );
    // `object.__new__` is a static method, `__init_subclass__` a class method.
    let n = vm.intern("__new__");
    let new = Value::Builtin(Rc::new(crate::value::Builtin::from_def(&OBJECT_NEW)));
    obj.dict
        .borrow_mut()
        .insert(n, Value::Descr(crate::gc::alloc(Descr::StaticMethod(new))));
    let n = vm.intern("__init_subclass__");
    let init_subclass = Value::Builtin(Rc::new(crate::value::Builtin::from_def(
        &OBJECT_INIT_SUBCLASS,
    )));
    obj.dict.borrow_mut().insert(
        n,
        Value::Descr(crate::gc::alloc(Descr::ClassMethod(init_subclass))),
    );
    let prop = vm.types.property.clone();
    for (name, f) in [
        ("setter", prop_setter as crate::value::NativeFn),
        ("getter", prop_getter),
        ("deleter", prop_deleter),
    ] {
        let n = vm.intern(name);
        prop.dict
            .borrow_mut()
            .insert(n, method("property", name, f));
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

pub static INT: TypeDef = TypeDef {
    methods: &[
        FnDef::method("int", is_int, "bit_length", NoArgs, int_bit_length),
        FnDef::method("int", is_int, "bit_count", NoArgs, int_bit_count),
        FnDef::method("int", is_int, "as_integer_ratio", NoArgs, int_ratio),
        FnDef::method("int", is_int, "conjugate", NoArgs, int_conjugate),
    ],
    attrs: &[
        AttrDef::new("real", int_real),
        AttrDef::new("imag", |_, _| Ok(Value::Int(0))),
        AttrDef::new("numerator", int_real),
        AttrDef::new("denominator", |_, _| Ok(Value::Int(1))),
    ],
    getattr: None,
};

/// `real` and `numerator`: the int itself (a bool's as an int).
fn int_real(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match v {
        Value::Bool(b) => Value::Int(*b as i64),
        _ => v.clone(),
    })
}

fn is_float(v: &Value) -> bool {
    matches!(v, Value::Float(_))
}

pub static FLOAT: TypeDef = TypeDef {
    methods: &[
        FnDef::method("float", is_float, "is_integer", NoArgs, float_is_integer),
        FnDef::method("float", is_float, "as_integer_ratio", NoArgs, float_ratio),
    ],
    attrs: &[
        AttrDef::new("real", |_, v| Ok(v.clone())),
        AttrDef::new("imag", |_, _| Ok(Value::Float(0.0))),
    ],
    getattr: None,
};

fn is_range(v: &Value) -> bool {
    matches!(v, Value::Range(_))
}

pub static RANGE: TypeDef = TypeDef {
    methods: &[
        FnDef::method("range", is_range, "index", One, range_index),
        FnDef::method("range", is_range, "count", One, range_count),
    ],
    attrs: &[
        AttrDef::new("start", |_, v| Ok(range_of(v).start_value())),
        AttrDef::new("stop", |_, v| Ok(range_of(v).stop_value())),
        AttrDef::new("step", |_, v| Ok(range_of(v).step_value())),
    ],
    getattr: None,
};

/// The range an attribute is read from.
fn range_of(v: &Value) -> &crate::value::RangeObj {
    match v {
        Value::Range(r) => r,
        _ => unreachable!("range attribute of another value"),
    }
}

/// `slice`: its three fields.
pub static SLICE: TypeDef = TypeDef {
    methods: &[],
    attrs: &[
        AttrDef::new("start", |_, v| Ok(slice_of(v).start.clone())),
        AttrDef::new("stop", |_, v| Ok(slice_of(v).stop.clone())),
        AttrDef::new("step", |_, v| Ok(slice_of(v).step.clone())),
    ],
    getattr: None,
};

/// The slice an attribute is read from.
fn slice_of(v: &Value) -> &crate::value::SliceObj {
    match v {
        Value::Slice(s) => s,
        _ => unreachable!("slice attribute of another value"),
    }
}

fn is_tuple(v: &Value) -> bool {
    matches!(v, Value::Tuple(_))
}

pub static TUPLE: TypeDef = TypeDef {
    methods: &[
        FnDef::method("tuple", is_tuple, "index", Positional(1, 3), tuple_index),
        FnDef::method("tuple", is_tuple, "count", One, tuple_count),
    ],
    attrs: &[],
    getattr: None,
};

fn exc_init(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if let Some(Value::Instance(i)) = args.first() {
        i.set_attr(vm.intern("args"), Value::tuple(args[1..].to_vec()));
    }
    Ok(Value::None)
}

fn exc_with_traceback(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

/// `object.__init__`, which words its own errors for keywords too.
static OBJECT_INIT: super::typedef::FnDef = super::typedef::FnDef::method(
    "object",
    any_receiver,
    "__init__",
    super::typedef::Params::Own,
    object_init,
);

fn any_receiver(_: &Value) -> bool {
    true
}

/// `object.__new__(cls, ...)`.
static OBJECT_NEW: FnDef = FnDef::method("object", any_receiver, "__new__", Own, object_new);

/// `object.__init_subclass__()`, a class method: it takes nothing more.
static OBJECT_INIT_SUBCLASS: FnDef = FnDef::method(
    "object",
    any_receiver,
    "__init_subclass__",
    Own,
    object_init_subclass,
);

/// Named after the class it is bound to, as CPython words it.
fn object_init_subclass(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let owner = match args.first() {
        Some(Value::Class(c)) => c.qualname.as_str().to_string(),
        _ => "object".to_string(),
    };
    if !kwargs.is_empty() {
        return Err(PyErr::type_error(format!(
            "{owner}.__init_subclass__() takes no keyword arguments"
        )));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{owner}.__init_subclass__() takes no arguments ({} given)",
            args.len() - 1
        )));
    }
    Ok(Value::None)
}

/// `object.__new__(cls, ...)`: a new instance of a user class (or a plain
/// object), with CPython's checks: the arguments beyond `cls` were meant
/// for a `__new__` or an `__init__` of the class's own.
fn object_new(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(first) = args.first() else {
        return Err(PyErr::type_error("object.__new__(): not enough arguments"));
    };
    let Value::Class(cls) = first else {
        return Err(PyErr::type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            first.type_name()
        )));
    };
    let mut builtin_base = Some(cls);
    while let Some(c) = builtin_base.filter(|c| c.is_user) {
        builtin_base = c.base.as_ref();
    }
    if builtin_base.is_some_and(|b| b.kind != TypeKind::Object) {
        // CPython names the first class up from `cls` with no `__new__` of
        // its own.
        let mut safe = cls;
        while let Some(b) = safe.base.as_ref().filter(|_| {
            safe.is_user
                && safe
                    .dict
                    .borrow()
                    .contains_key(&crate::value::class::NameRef("__new__"))
        }) {
            safe = b;
        }
        return Err(PyErr::type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            cls.name.as_str(),
            safe.name.as_str()
        )));
    }
    if args.len() > 1 || !kwargs.is_empty() {
        if cls.lookup_user("__new__").is_some() {
            return Err(PyErr::type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if cls.lookup_user("__init__").is_none() {
            return Err(PyErr::type_error(format!(
                "{}() takes no arguments",
                cls.name.as_str()
            )));
        }
    }
    Ok(Value::Instance(crate::gc::alloc(
        crate::value::Instance::new(cls.clone()),
    )))
}

/// `object.__init__(self, ...)`: arguments beyond `self` are an error, as
/// CPython's `object_init` words it: the class has an `__init__` of its own
/// (they were meant for it), or it takes none at all.
fn object_init(_vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    if args.len() <= 1 && kwargs.is_empty() {
        return Ok(Value::None);
    }
    let Some(Value::Instance(inst)) = args.first() else {
        return Ok(Value::None);
    };
    let mut builtin_base = Some(&inst.class);
    while let Some(c) = builtin_base.filter(|c| c.is_user) {
        builtin_base = c.base.as_ref();
    }
    let own_init = inst.class.lookup_user("__init__").is_some()
        || builtin_base.is_some_and(|b| b.name.as_str() != "object");
    let whose = if own_init {
        "object"
    } else {
        inst.class.name.as_str()
    };
    Err(PyErr::type_error(format!(
        "{whose}.__init__() takes exactly one argument (the instance to initialize)"
    )))
}

fn prop_with(args: &[Value], which: usize) -> PyResult<Value> {
    let (Some(Value::Descr(d)), Some(f)) = (args.first(), args.get(1)) else {
        return Err(PyErr::type_error("property method needs a function"));
    };
    let Descr::Property {
        fget,
        fset,
        fdel,
        doc,
        name,
    } = &**d
    else {
        return Err(PyErr::type_error("not a property"));
    };
    let (mut g, mut s, mut dl) = (fget.clone(), fset.clone(), fdel.clone());
    match which {
        0 => g = f.clone(),
        1 => s = f.clone(),
        _ => dl = f.clone(),
    }
    Ok(Value::Descr(crate::gc::alloc(Descr::Property {
        fget: g,
        fset: s,
        fdel: dl,
        doc: doc.clone(),
        name: RefCell::new(name.borrow().clone()),
    })))
}

fn prop_getter(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    prop_with(args, 0)
}
fn prop_setter(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    prop_with(args, 1)
}
fn prop_deleter(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    prop_with(args, 2)
}

fn int_bit_length(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = to_big(&args[0]).unwrap_or_default();
    Ok(Value::Int(n.bits() as i64))
}

fn int_bit_count(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = to_big(&args[0]).unwrap_or_default();
    Ok(Value::Int(
        n.magnitude()
            .iter_u64_digits()
            .map(|d| d.count_ones() as i64)
            .sum(),
    ))
}

fn int_ratio(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = to_big(&args[0]).unwrap_or_default();
    Ok(Value::tuple(vec![normalize(n), Value::Int(1)]))
}

fn int_conjugate(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(normalize(to_big(&args[0]).unwrap_or_default()))
}

fn float_is_integer(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    match &args[0] {
        Value::Float(f) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => Ok(Value::Bool(false)),
    }
}

fn float_ratio(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Value::Float(f) = args[0] else {
        return Err(PyErr::type_error("expected float"));
    };
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert Infinity to integer ratio"));
    }
    let mut num = f;
    let mut den = BigInt::from(1);
    while num.fract() != 0.0 {
        num *= 2.0;
        den *= 2;
    }
    let n = crate::value::int::float_to_big(num);
    let g = num_integer::Integer::gcd(&n, &den);
    let (n, d) = if g > BigInt::from(1) {
        (n / &g, den / &g)
    } else {
        (n, den)
    };
    Ok(Value::tuple(vec![normalize(n), normalize(d)]))
}

fn tuple_index(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Value::Tuple(t) = &args[0] else {
        unreachable!("tuple method on another type")
    };
    let (start, stop) = super::list_methods::index_range(vm, args, t.len())?;
    let x = &args[1];
    for (i, y) in t.iter().enumerate().take(stop).skip(start) {
        if y.is(x) || vm.eq(y, x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn range_index(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (Value::Range(r), x) = (&args[0], &args[1]) else {
        unreachable!("range method on another type")
    };
    if matches!(x, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
        return match r.position(x) {
            Some(i) => Ok(normalize(i)),
            None => Err(PyErr::value_error(format!(
                "{} is not in range",
                vm.repr(x)?
            ))),
        };
    }
    let it = vm.get_iter(args[0].clone())?;
    let mut i: i64 = 0;
    while let Some(y) = vm.next_value(&it)? {
        if y.is(x) || vm.eq(&y, x)? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

fn range_count(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (Value::Range(r), x) = (&args[0], &args[1]) else {
        unreachable!("range method on another type")
    };
    if matches!(x, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
        return Ok(Value::Int(r.position(x).is_some() as i64));
    }
    let it = vm.get_iter(args[0].clone())?;
    let mut n = 0;
    while let Some(y) = vm.next_value(&it)? {
        if y.is(x) || vm.eq(&y, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_count(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Value::Tuple(t) = &args[0] else {
        unreachable!("tuple method on another type")
    };
    let mut n = 0;
    for y in t.iter() {
        if y.is(&args[1]) || vm.eq(y, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// Dunder methods of built-in types, for code that calls them by name
/// (`lst.__setitem__(0, x)`, `super().__repr__()`).
pub fn install_dunders(vm: &mut Vm) {
    let containers = [
        vm.types.list.clone(),
        vm.types.dict.clone(),
        vm.types.tuple.clone(),
        vm.types.str_.clone(),
        vm.types.set.clone(),
        vm.types.range.clone(),
        vm.types.deque.clone(),
    ];
    let table: [(&'static str, crate::value::NativeFn); 6] = [
        ("__getitem__", d_getitem),
        ("__setitem__", d_setitem),
        ("__delitem__", d_delitem),
        ("__len__", d_len),
        ("__contains__", d_contains),
        ("__iter__", d_iter),
    ];
    for c in containers {
        for (name, f) in table {
            let n = vm.intern(name);
            c.dict.borrow_mut().entry(n).or_insert(native(name, f));
        }
    }
    // `list[int]`: the types CPython gives `__class_getitem__`.
    for c in [
        vm.types.list.clone(),
        vm.types.dict.clone(),
        vm.types.tuple.clone(),
        vm.types.set.clone(),
        vm.types.frozenset.clone(),
        vm.types.enumerate.clone(),
        vm.types.deque.clone(),
    ] {
        let n = vm.intern("__class_getitem__");
        let f = native("__class_getitem__", d_class_getitem);
        c.dict.borrow_mut().insert(n, f);
    }
    // The mutable containers are unhashable: `list.__hash__ is None`.
    for c in [
        vm.types.list.clone(),
        vm.types.dict.clone(),
        vm.types.set.clone(),
    ] {
        let n = vm.intern("__hash__");
        c.dict.borrow_mut().insert(n, Value::None);
    }
    let obj = vm.types.object.clone();
    let table: [(&'static str, crate::value::NativeFn); 8] = [
        ("__repr__", d_repr),
        ("__str__", d_str),
        ("__eq__", d_eq),
        ("__ne__", d_ne),
        ("__hash__", d_hash),
        ("__getattribute__", d_getattribute),
        ("__setattr__", d_setattr),
        ("__delattr__", d_delattr),
    ];
    for (name, f) in table {
        let n = vm.intern(name);
        obj.dict.borrow_mut().insert(n, native(name, f));
    }
}

/// `list.__class_getitem__(cls, item)`: a `types.GenericAlias` (written
/// in Python, `py/types.py`).
fn d_class_getitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__class_getitem__", args, 2, 2)?;
    let alias = vm.stdlib_attr("types", "GenericAlias")?;
    vm.call_value(&alias, args.to_vec(), vec![])
}

// The container dunders work on the built-in value an instance of a
// subclass is (`super().__getitem__(k)` in `class D(dict)`): on the
// instance itself they would find the subclass's override again.
fn d_getitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__getitem__", args, 2, 2)?;
    vm.payload_getitem(&args[0], &args[1])
}
fn d_setitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__setitem__", args, 3, 3)?;
    vm.setitem(args[0].builtin_value(), args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}
fn d_delitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__delitem__", args, 2, 2)?;
    vm.delitem(args[0].builtin_value(), args[1].clone())?;
    Ok(Value::None)
}
fn d_len(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__len__", args, 1, 1)?;
    Ok(Value::Int(
        super::functions::len_of(vm, args[0].builtin_value())? as i64,
    ))
}
fn d_contains(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__contains__", args, 2, 2)?;
    Ok(Value::Bool(vm.contains(args[0].builtin_value(), &args[1])?))
}
fn d_iter(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__iter__", args, 1, 1)?;
    vm.get_iter(args[0].builtin_value().clone())
}
/// `object.__repr__`: the default `<module.Class object at 0x...>`.
fn d_repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__repr__", args, 1, 1)?;
    // (An instance of a subclass of a built-in type: the type's `__repr__`,
    // which `super().__repr__()` means there.)
    match args[0].builtin_value() {
        Value::Instance(i) if !i.class.is_exception() => Ok(Value::string(format!(
            "<{}.{} object at 0x{:x}>",
            i.class.module.as_str(),
            i.class.qualname.as_str(),
            args[0].ptr().unwrap_or(0)
        ))),
        v => Ok(Value::string(vm.repr(v)?)),
    }
}
fn d_str(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__str__", args, 1, 1)?;
    match args[0].builtin_value() {
        Value::Instance(i) if !i.class.is_exception() => d_repr(vm, args, &vec![]),
        v => Ok(Value::string(vm.str_of(v)?)),
    }
}
fn d_eq(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__eq__", args, 2, 2)?;
    if let Value::Instance(i) = &args[0] {
        if let Some(p) = i.payload() {
            let p = p.clone();
            return vm.compare(&p, args[1].builtin_value(), crate::bytecode::CmpKind::Eq);
        }
    }
    Ok(if args[0].is(&args[1]) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}
/// The name argument of `object.__getattribute__` and friends.
fn attr_name_arg(v: &Value) -> PyResult<crate::value::Str> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        o => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            o.type_name()
        ))),
    }
}
/// `object.__getattribute__(obj, name)`: the lookup without the user's hooks.
fn d_getattribute(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__getattribute__", args, 2, 2)?;
    let name = attr_name_arg(&args[1])?;
    match &args[0] {
        Value::Instance(i) => vm.generic_getattr(&args[0], i, &name),
        other => vm.getattr_str(other, &name),
    }
}
/// `object.__setattr__(obj, name, value)`
fn d_setattr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__setattr__", args, 3, 3)?;
    let name = attr_name_arg(&args[1])?;
    match &args[0] {
        Value::Instance(i) => vm.generic_setattr(&args[0], i, &name, args[2].clone())?,
        other => vm.setattr(other, &name, args[2].clone())?,
    }
    Ok(Value::None)
}
/// `object.__delattr__(obj, name)`
fn d_delattr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__delattr__", args, 2, 2)?;
    let name = attr_name_arg(&args[1])?;
    match &args[0] {
        Value::Instance(i) => vm.generic_delattr(&args[0], i, &name)?,
        other => vm.delattr(other, &name)?,
    }
    Ok(Value::None)
}
fn d_ne(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__ne__", args, 2, 2)?;
    if let Value::Instance(i) = &args[0] {
        if let Some(p) = i.payload() {
            let p = p.clone();
            return vm.compare(&p, args[1].builtin_value(), crate::bytecode::CmpKind::Ne);
        }
    }
    Ok(if args[0].is(&args[1]) {
        Value::Bool(false)
    } else {
        Value::NotImplemented
    })
}
fn d_hash(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("__hash__", args, 1, 1)?;
    Ok(Value::Int(crate::value::dict::builtin_hash(
        args[0].builtin_value(),
    )?))
}

/// `type(name, bases, dict)`: a class made as a `class` statement makes it.
fn type_new(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let Value::Str(name) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            args[0].type_name()
        )));
    };
    let Value::Tuple(bases) = &args[1] else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            args[1].type_name()
        )));
    };
    let Value::Dict(ns) = &args[2] else {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            args[2].type_name()
        )));
    };
    let base = match bases.as_slice() {
        [] => vm.types.object.clone(),
        [Value::Class(c)] => {
            crate::vm::call::check_base(c)?;
            c.clone()
        }
        [other] => {
            return Err(PyErr::type_error(format!(
                "bases must be types, not {}",
                other.type_name()
            )))
        }
        _ => {
            return Err(PyErr::type_error(
                "krait does not support multiple inheritance",
            ))
        }
    };
    let mut dict = crate::value::class::AttrMap::default();
    for (k, v) in ns.borrow().iter() {
        match k {
            Value::Str(s) => {
                dict.insert(s.clone(), v.clone());
            }
            _ => {
                return Err(PyErr::type_error(
                    "krait supports only str keys in a class dict",
                ))
            }
        }
    }
    let module = match dict.get(&crate::value::class::NameRef("__module__")) {
        Some(Value::Str(m)) => m.clone(),
        _ => {
            let m = vm
                .frames
                .last()
                .and_then(|f| f.globals.borrow().get_str("__name__").cloned());
            match m {
                Some(Value::Str(m)) => {
                    dict.insert(vm.intern("__module__"), Value::Str(m.clone()));
                    m
                }
                _ => vm.intern("__main__"),
            }
        }
    };
    let qualname = match dict.get(&crate::value::class::NameRef("__qualname__")) {
        Some(Value::Str(q)) => q.clone(),
        _ => name.clone(),
    };
    let cls = vm.new_user_class(name.clone(), qualname, module, base, dict);
    vm.class_created(&cls, kw.clone())?;
    Ok(Value::Class(cls))
}
