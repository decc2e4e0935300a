//! The built-in functions (`print`, `len`, `sorted`, ...).

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use super::typedef::{FnDef, ModuleDef, Params, Params::*};
use super::{kwarg, no_other_kwargs};
use crate::bytecode::CmpKind;
use crate::value::int::{float_divmod, normalize, to_big};
use crate::value::{Descr, ExcType, Kwargs, NativeFn, PyErr, PyResult, Value};
use crate::vm::iter::IterObj;
use crate::vm::sink::Sink;
use crate::vm::Vm;

const fn f(name: &'static str, params: Params, func: NativeFn) -> FnDef {
    FnDef::function("", name, params, func)
}

/// The built-in functions; `print`, `min`, `max`, `sum`, `sorted`, `pow`,
/// `round`, `exit` and `quit` read their (keyword) arguments themselves.
static BUILTINS: ModuleDef = ModuleDef {
    name: "builtins",
    functions: &[
        f("print", Own, print),
        f("len", One, len),
        f("repr", One, repr),
        f("ascii", One, ascii),
        f("abs", One, abs),
        f("min", Own, min),
        f("max", Own, max),
        f("sum", Own, sum),
        f("any", One, any),
        f("all", One, all),
        f("sorted", Own, sorted),
        f("iter", Positional(1, 2), iter),
        f("next", Positional(1, 2), next),
        f("isinstance", Positional(2, 2), isinstance),
        f("issubclass", Positional(2, 2), issubclass),
        f("hasattr", Positional(2, 2), hasattr),
        f("getattr", Positional(2, 3), getattr),
        f("setattr", Positional(3, 3), setattr),
        f("delattr", Positional(2, 2), delattr),
        f("callable", One, callable),
        f("id", One, id),
        f("hash", One, hash),
        f("divmod", Positional(2, 2), divmod),
        f("pow", Own, pow),
        f("round", Own, round),
        f("chr", One, chr),
        f("ord", One, ord),
        f("hex", One, hex),
        f("oct", One, oct),
        f("bin", One, bin),
        f("format", Positional(1, 2), format),
        f("input", Positional(0, 1), input),
        f("vars", Positional(0, 1), vars),
        f("globals", NoArgs, globals),
        f("locals", NoArgs, locals),
        f("dir", Positional(0, 1), dir),
        f("eval", Positional(1, 3), super::evaluate::eval),
        f("exec", Positional(1, 3), super::evaluate::exec),
        f("compile", Own, super::evaluate::compile),
        f("breakpoint", Own, breakpoint),
        f("exit", Own, site_exit),
        f("quit", Own, site_exit),
    ],
};

pub fn install(vm: &mut Vm) {
    for f in BUILTINS.functions {
        let b = Value::Builtin(Rc::new(crate::value::Builtin::from_def(f)));
        vm.builtins.borrow_mut().set_str(f.name, b);
    }
    vm.builtins
        .borrow_mut()
        .set_str("__build_class__", crate::vm::call::build_class_builtin());
    let types = [
        ("object", vm.types.object.clone()),
        ("type", vm.types.type_.clone()),
        ("int", vm.types.int.clone()),
        ("float", vm.types.float.clone()),
        ("str", vm.types.str_.clone()),
        ("bool", vm.types.bool_.clone()),
        ("list", vm.types.list.clone()),
        ("tuple", vm.types.tuple.clone()),
        ("dict", vm.types.dict.clone()),
        ("set", vm.types.set.clone()),
        ("frozenset", vm.types.frozenset.clone()),
        ("range", vm.types.range.clone()),
        ("slice", vm.types.slice.clone()),
        ("property", vm.types.property.clone()),
        ("staticmethod", vm.types.staticmethod.clone()),
        ("classmethod", vm.types.classmethod.clone()),
        ("super", vm.types.super_.clone()),
        ("map", vm.types.map.clone()),
        ("filter", vm.types.filter.clone()),
        ("zip", vm.types.zip.clone()),
        ("reversed", vm.types.reversed.clone()),
        ("enumerate", vm.types.enumerate.clone()),
    ];
    for (name, c) in types {
        vm.builtins.borrow_mut().set_str(name, Value::Class(c));
    }
    for (name, c) in vm.types.exception_classes() {
        vm.builtins.borrow_mut().set_str(name, Value::Class(c));
    }
    vm.builtins.borrow_mut().set_str("None", Value::None);
    vm.builtins
        .borrow_mut()
        .set_str("Ellipsis", Value::Ellipsis);
    vm.builtins
        .borrow_mut()
        .set_str("NotImplemented", Value::NotImplemented);
    vm.builtins
        .borrow_mut()
        .set_str("__name__", Value::str("builtins"));
}

fn print(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_other_kwargs("print", kw, &["sep", "end", "file", "flush"])?;
    let sep = match kwarg(kw, "sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(o) => {
            return Err(PyErr::type_error(format!(
                "sep must be None or a string, not {}",
                o.type_name()
            )))
        }
    };
    let end = match kwarg(kw, "end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(o) => {
            return Err(PyErr::type_error(format!(
                "end must be None or a string, not {}",
                o.type_name()
            )))
        }
    };
    let flush = match kwarg(kw, "flush") {
        Some(f) => vm.truthy(&f)?,
        None => false,
    };
    let file = match kwarg(kw, "file") {
        None | Some(Value::None) => match vm.sys_attr("stdout") {
            Some(Value::None) => return Ok(Value::None),
            Some(f) => f,
            None => return Err(PyErr::new(ExcType::RuntimeError, "lost sys.stdout")),
        },
        Some(f) => f,
    };
    let real = match &file {
        Value::Module(m) if m.name.as_str() == "sys.stdout" => Some(false),
        Value::Module(m) if m.name.as_str() == "sys.stderr" => Some(true),
        _ => None,
    };
    let Some(to_stderr) = real else {
        // A file-like object: one `write` call per piece, as CPython makes them.
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                write_to(vm, &file, Value::string(sep.clone()))?;
            }
            let write = vm.getattr(&file, "write")?;
            let s = vm.str_of(a)?;
            vm.call_value(&write, vec![Value::string(s)], vec![])?;
        }
        write_to(vm, &file, Value::string(end))?;
        if flush {
            let f = vm.getattr(&file, "flush")?;
            vm.call_value(&f, vec![], vec![])?;
        }
        return Ok(Value::None);
    };
    // Each piece is written once converted, as CPython does: a `__str__`
    // that prints or raises sees the items before it already written.
    let write = |vm: &mut Vm, s: &str| {
        if to_stderr {
            vm.write_stderr_str(s);
            Ok(())
        } else {
            vm.write_stdout_str(s)
        }
    };
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            write(vm, &sep)?;
        }
        let s = vm.str_of(a)?;
        write(vm, &s)?;
    }
    write(vm, &end)?;
    if flush && !to_stderr {
        vm.flush();
    }
    Ok(Value::None)
}

/// `file.write(s)`
fn write_to(vm: &mut Vm, file: &Value, s: Value) -> PyResult<()> {
    let write = vm.getattr(file, "write")?;
    vm.call_value(&write, vec![s], vec![])?;
    Ok(())
}

/// The length of a str, list, tuple, dict, set or frozenset (no krait
/// code runs); None for anything else.
#[inline]
pub fn container_len(v: &Value) -> Option<usize> {
    Some(match v {
        Value::Str(s) => s.char_len(),
        Value::List(l) => l.len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.borrow().len(),
        Value::Set(s) => s.borrow().len(),
        Value::FrozenSet(s) => s.len(),
        Value::Deque(d) => d.len(),
        _ => return None,
    })
}

pub fn len_of(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    if let Some(n) = container_len(v) {
        return Ok(n);
    }
    Ok(match v {
        Value::Range(r)
            if r.big
                .as_ref()
                .is_some_and(|b| b.len > BigInt::from(i64::MAX)) =>
        {
            return Err(PyErr::overflow(
                "Python int too large to convert to C ssize_t",
            ))
        }
        Value::Range(r) => r.len() as usize,
        Value::Instance(i) => match i.class.lookup_user("__len__") {
            Some(m) => {
                // As CPython's slot_sq_length: the result through __index__.
                let r = vm.call_special(&m, v, vec![])?;
                let n = vm.index_int(&r)?;
                if to_big(&n).is_some_and(|b| b.is_negative()) {
                    return Err(PyErr::value_error("__len__() should return >= 0"));
                }
                match n {
                    Value::Int(n) => n as usize,
                    _ => {
                        return Err(PyErr::overflow(
                            "cannot fit 'int' into an index-sized integer",
                        ))
                    }
                }
            }
            None => match i.payload() {
                Some(p) => return len_of(vm, &p.clone()),
                None => {
                    return Err(PyErr::type_error(format!(
                        "object of type '{}' has no len()",
                        v.type_name()
                    )))
                }
            },
        },
        _ => {
            return Err(PyErr::type_error(format!(
                "object of type '{}' has no len()",
                v.type_name()
            )))
        }
    })
}

fn len(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(len_of(vm, &args[0])? as i64))
}

fn repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::string(vm.repr(&args[0])?))
}

fn ascii(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::string(vm.ascii(&args[0])?))
}

pub(super) fn abs(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(match &args[0] {
        Value::Int(i) => match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => normalize(BigInt::from(*i).abs()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => normalize(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        Value::Instance(i) => match i.class.lookup_user("__abs__") {
            Some(m) => vm.call_special(&m, &args[0], vec![])?,
            None => {
                return Err(PyErr::type_error(format!(
                    "bad operand type for abs(): '{}'",
                    args[0].type_name()
                )))
            }
        },
        o => {
            return Err(PyErr::type_error(format!(
                "bad operand type for abs(): '{}'",
                o.type_name()
            )))
        }
    })
}

fn min_max(
    vm: &mut Vm,
    args: &[Value],
    kw: &Kwargs,
    name: &str,
    want_less: bool,
) -> PyResult<Value> {
    no_other_kwargs(name, kw, &["key", "default"])?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    if args.is_empty() {
        return Err(PyErr::type_error(format!(
            "{} expected at least 1 argument, got 0",
            name
        )));
    }
    let default = kwarg(kw, "default");
    if args.len() > 1 && default.is_some() {
        return Err(PyErr::type_error(format!(
            "Cannot specify a default for {}() with multiple positional arguments",
            name
        )));
    }
    // As CPython: items taken one at a time, each compared as
    // `item < best` (min) or `item > best` (max).
    let it = if args.len() == 1 {
        vm.get_iter(args[0].clone())?
    } else {
        vm.get_iter(Value::tuple(args.to_vec()))?
    };
    let op = if want_less { CmpKind::Lt } else { CmpKind::Gt };
    let mut best: Option<(Value, Value)> = None;
    let mut pending = None;
    if let (None, Some(g)) = (&key, crate::vm::sink::generator_of(&it)) {
        // Ints are compared by the generator itself (`vm/sink.rs`) until
        // an item is not an int.
        let mut sink = Sink::BestInt {
            best: None,
            max: !want_less,
        };
        pending = vm.resume_into(&g, &mut sink)?;
        if let Sink::BestInt { best: Some(b), .. } = sink {
            best = Some((Value::Int(b), Value::Int(b)));
        }
    }
    while let Some(item) = match pending.take() {
        Some(item) => Some(item),
        None => vm.next_value(&it)?,
    } {
        let k = match &key {
            Some(kf) => vm.call_value(kf, vec![item.clone()], vec![])?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((_, best_k)) => {
                let r = vm.compare(&k, best_k, op)?;
                vm.truthy(&r)?
            }
        };
        if better {
            best = Some((item, k));
        }
    }
    match (best, default) {
        (Some((b, _)), _) => Ok(b),
        (None, Some(d)) => Ok(d),
        (None, None) => Err(PyErr::value_error(format!(
            "{}() arg is an empty sequence",
            name
        ))),
    }
}

fn min(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    min_max(vm, args, kw, "min", true)
}

fn max(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    min_max(vm, args, kw, "max", false)
}

fn sum(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error(
            "sum() takes at least 1 positional argument (0 given)",
        ));
    }
    super::clinic_args("sum", args, &["iterable", "start"], 1)?;
    let mut acc = match (args.get(1), kwarg(kw, "start")) {
        (Some(s), _) => s.clone(),
        (None, Some(s)) => s,
        _ => Value::Int(0),
    };
    // As CPython: the iterable first, then the start's type.
    let it = vm.get_iter(args[0].clone())?;
    if let Value::Str(_) = acc {
        return Err(PyErr::type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    if let (Value::Int(a), Some(g)) = (&acc, crate::vm::sink::generator_of(&it)) {
        // Ints are added by the generator itself (`vm/sink.rs`) until an
        // item is not an int or the total leaves i64.
        let mut sink = Sink::SumInt(*a);
        let first_other = vm.resume_into(&g, &mut sink)?;
        if let Sink::SumInt(t) = sink {
            acc = Value::Int(t);
        }
        match first_other {
            None => return Ok(acc),
            Some(x) => acc = vm.binary_op(acc, x, 0)?,
        }
    }
    while let Some(x) = vm.next_value(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
            _ => vm.binary_op(acc, x, 0)?,
        };
    }
    Ok(acc)
}

/// `any()`/`all()` of a generator: the items whose truth is plain and not
/// `stop_on` are passed over by the generator itself (`vm/sink.rs`); the
/// first other one comes back (None: the generator ended first).
fn first_truth_stop(vm: &mut Vm, it: &Value, stop_on: bool) -> PyResult<Option<Option<Value>>> {
    match crate::vm::sink::generator_of(it) {
        Some(g) => Ok(Some(vm.resume_into(&g, &mut Sink::Truth { stop_on })?)),
        None => Ok(None),
    }
}

fn any(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let it = vm.get_iter(args[0].clone())?;
    match first_truth_stop(vm, &it, true)? {
        Some(None) => return Ok(Value::Bool(false)),
        Some(Some(x)) if vm.truthy(&x)? => return Ok(Value::Bool(true)),
        _ => {}
    }
    while let Some(x) = vm.next_value(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let it = vm.get_iter(args[0].clone())?;
    match first_truth_stop(vm, &it, false)? {
        Some(None) => return Ok(Value::Bool(true)),
        Some(Some(x)) if !vm.truthy(&x)? => return Ok(Value::Bool(false)),
        _ => {}
    }
    while let Some(x) = vm.next_value(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn sorted(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            args.len()
        )));
    }
    no_other_kwargs("sort", kw, &["key", "reverse"])?;
    let mut items = vm.collect_sized(&args[0])?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = super::sort::reverse_flag(vm, kwarg(kw, "reverse").as_ref())?;
    super::sort::sort_values(vm, &mut items, key.as_ref(), reverse)?;
    Ok(Value::list(items))
}

fn iter(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if args.len() == 2 {
        return Ok(Value::Iter(crate::gc::alloc(RefCell::new(
            IterObj::Callable {
                func: args[0].clone(),
                sentinel: args[1].clone(),
            },
        ))));
    }
    vm.get_iter(args[0].clone())
}

fn next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if let (Some(g), None) = (crate::vm::sink::generator_of(&args[0]), args.get(1)) {
        // What the generator returns goes with its StopIteration.
        let step = vm.resume_gen_with(&g, crate::vm::iter::GenInput::Next, false)?;
        return super::generator::step_result(step);
    }
    // A StopIteration raised by the iterator itself goes on as it is.
    match vm.iter_next(&args[0]) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::bare(ExcType::StopIteration)),
        },
        Err(e) if args.len() > 1 && vm.err_is(&e, ExcType::StopIteration) => Ok(args[1].clone()),
        Err(e) => Err(e),
    }
}

fn class_check(
    cls: &Value,
    fname: &str,
    test: &mut dyn FnMut(&Rc<crate::value::Class>) -> bool,
) -> PyResult<bool> {
    match cls {
        Value::Class(c) => Ok(test(c)),
        Value::Tuple(t) => {
            for c in t.iter() {
                if class_check(c, fname, test)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Instance(i) if is_types_class(&i.class, "UnionType") => {
            // `int | str`: its types, as a tuple of them.
            let args = i.get_attr("__args__").unwrap_or(Value::None);
            class_check(&args, fname, test)
        }
        Value::Instance(i) if is_types_class(&i.class, "GenericAlias") => Err(PyErr::type_error(
            format!("{fname}() argument 2 cannot be a parameterized generic"),
        )),
        _ => Err(PyErr::type_error(format!(
            "{}() arg 2 must be a type, a tuple of types, or a union",
            fname
        ))),
    }
}

/// Whether `c` is `types.NAME` (written in Python, `py/types.py`).
fn is_types_class(c: &crate::value::Class, name: &str) -> bool {
    c.is_user && c.name.as_str() == name && c.module.as_str() == "types"
}

fn isinstance(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let t = vm.types.type_of(&args[0]);
    let r = class_check(&args[1], "isinstance", &mut |c| t.is_subclass(c))?;
    Ok(Value::Bool(r))
}

fn issubclass(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Value::Class(sub) = &args[0] else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    let sub = sub.clone();
    let r = class_check(&args[1], "issubclass", &mut |c| sub.is_subclass(c))?;
    Ok(Value::Bool(r))
}

fn attr_name(v: &Value) -> PyResult<crate::value::Str> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        o => Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            o.type_name()
        ))),
    }
}

fn hasattr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = attr_name(&args[1])?;
    match vm.getattr_str(&args[0], &n) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.err_is(&e, ExcType::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn getattr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = attr_name(&args[1])?;
    match vm.getattr_str(&args[0], &n) {
        Ok(v) => Ok(v),
        Err(e) if args.len() == 3 && vm.err_is(&e, ExcType::AttributeError) => Ok(args[2].clone()),
        Err(e) => Err(vm.attr_error_context(e, &args[0], &n)),
    }
}

fn setattr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = attr_name(&args[1])?;
    vm.setattr(&args[0], &n, args[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = attr_name(&args[1])?;
    vm.delattr(&args[0], &n)?;
    Ok(Value::None)
}

fn callable(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(is_callable(&args[0])))
}

/// `callable(v)`.
pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::BoundMethod(_) | Value::Builtin(_) | Value::Class(_) => true,
        Value::Descr(d) => matches!(
            **d,
            Descr::Partial { .. }
                | Descr::Getter { .. }
                | Descr::StaticMethod(_)
                | Descr::LruCache(_)
        ),
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    }
}

fn id(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let v = &args[0];
    Ok(Value::Int(match v.ptr() {
        Some(p) => p as i64,
        None => match v {
            Value::Int(i) => 0x1000 + i.wrapping_mul(32),
            Value::Bool(b) => 0x100 + *b as i64,
            _ => 0x10,
        },
    }))
}

fn hash(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(vm.hash_value(&args[0])?))
}

fn divmod(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (a, b) = (&args[0], &args[1]);
    if let (Some(x), Some(y)) = (to_big(a), to_big(b)) {
        if y.is_zero() {
            return Err(PyErr::zero_division("integer division or modulo by zero"));
        }
        let (q, r) = num_integer::Integer::div_mod_floor(&x, &y);
        return Ok(Value::tuple(vec![normalize(q), normalize(r)]));
    }
    let num = |v: &Value| -> Option<PyResult<f64>> {
        match v {
            Value::Float(f) => Some(Ok(*f)),
            Value::Int(i) => Some(Ok(*i as f64)),
            Value::Bool(b) => Some(Ok(*b as i64 as f64)),
            Value::BigInt(n) => Some(crate::value::int::big_to_f64(n)),
            _ => None,
        }
    };
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        let (x, y) = (x?, y?);
        if y == 0.0 {
            return Err(PyErr::zero_division("float divmod()"));
        }
        let (q, r) = float_divmod(x, y);
        return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
    }
    // User classes: a's __divmod__, then b's __rdivmod__.
    for (obj, other, name) in [(a, b, "__divmod__"), (b, a, "__rdivmod__")] {
        if let Value::Instance(i) = obj {
            if let Some(m) = i.class.lookup_user(name) {
                let r = vm.call_value(&m, vec![obj.clone(), other.clone()], vec![])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        a.type_name(),
        b.type_name()
    )))
}

/// Three-argument pow() beyond ints: a user `__pow__(b, m)` of the base,
/// else CPython's errors (floats take no modulus).
#[cold]
fn pow3_other(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    if let Value::Instance(i) = &args[0] {
        if let Some(m) = i.class.lookup_user("__pow__") {
            let r = vm.call_value(&m, args.to_vec(), vec![])?;
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
    }
    let is_num = |v: &Value| {
        matches!(
            v,
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
        )
    };
    if args.iter().all(is_num) {
        return Err(PyErr::type_error(
            "pow() 3rd argument not allowed unless all arguments are integers",
        ));
    }
    Err(PyErr::type_error(format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        args[0].type_name(),
        args[1].type_name(),
        args[2].type_name()
    )))
}

fn pow(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    super::clinic_args("pow", args, &["base", "exp", "mod"], 2)?;
    if args.len() == 3 && !args[2].is_none() {
        let (Some(b), Some(e), Some(m)) = (to_big(&args[0]), to_big(&args[1]), to_big(&args[2]))
        else {
            return pow3_other(vm, args);
        };
        if m.is_zero() {
            return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
        }
        let (b, e) = if e.is_negative() {
            // The inverse of b modulo |m|, as CPython computes it.
            let am = m.abs();
            let g = num_integer::Integer::extended_gcd(&b.mod_floor(&am), &am);
            if !g.gcd.is_one() {
                return Err(PyErr::value_error(
                    "base is not invertible for the given modulus",
                ));
            }
            (g.x.mod_floor(&am), -e)
        } else {
            (b, e)
        };
        let r = b.modpow(&e, &m);
        let r = if !r.is_zero() && (r.is_negative() != m.is_negative()) {
            r + &m
        } else {
            r
        };
        return Ok(normalize(r));
    }
    vm.binary_op(
        args[0].clone(),
        args[1].clone(),
        crate::bytecode::BinOpKind::Pow as u32,
    )
}

fn round(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_other_kwargs("round", kw, &["number", "ndigits"])?;
    let mut all = args.to_vec();
    for name in ["number", "ndigits"] {
        if let Some(v) = kwarg(kw, name) {
            all.push(v);
        }
    }
    super::clinic_args("round", &all, &["number", "ndigits"], 1)?;
    let nd = all.get(1).cloned().filter(|v| !v.is_none());
    match &all[0] {
        Value::Float(f) => match nd {
            None => crate::value::int::float_to_int(f.round_ties_even()),
            Some(n) => {
                let n = vm.index_value(&n)?;
                Ok(Value::Float(round_float(*f, n)))
            }
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => match nd {
            None => Ok(normalize(to_big(&args[0]).unwrap())),
            Some(n) => {
                let n = vm.index_value(&n)?;
                let x = to_big(&args[0]).unwrap();
                if n >= 0 {
                    return Ok(normalize(x));
                }
                let p = num_traits::pow(BigInt::from(10), (-n) as usize);
                let (q, r) = num_integer::Integer::div_mod_floor(&x, &p);
                let twice = &r * 2;
                let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) {
                    q + 1
                } else {
                    q
                };
                Ok(normalize(q * p))
            }
        },
        Value::Instance(i) => match i.class.lookup_user("__round__") {
            Some(m) => {
                let mut a = vec![args[0].clone()];
                a.extend(nd);
                vm.call_value(&m, a, vec![])
            }
            None => match i.payload() {
                // A subclass of int or float: the type's `__round__`.
                Some(p @ (Value::Int(_) | Value::BigInt(_) | Value::Float(_))) => {
                    let mut a = vec![p.clone()];
                    a.extend(args[1..].iter().cloned());
                    round(vm, &a, kw)
                }
                _ => Err(PyErr::type_error(format!(
                    "type {} doesn't define __round__ method",
                    args[0].type_name()
                ))),
            },
        },
        o => Err(PyErr::type_error(format!(
            "type {} doesn't define __round__ method",
            o.type_name()
        ))),
    }
}

/// Rounds to `n` decimal places, correctly (via the decimal string).
fn round_float(f: f64, n: i64) -> f64 {
    if !f.is_finite() || n > 300 {
        return f;
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, f);
        s.parse().unwrap_or(f)
    } else {
        let p = 10f64.powi((-n) as i32);
        let r = (f / p).round_ties_even() * p;
        if r == 0.0 {
            0.0f64.copysign(f)
        } else {
            r
        }
    }
}

use crate::value::string::unrepresentable;

fn chr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = match vm.index_int(&args[0])? {
        Value::Int(n) if i32::try_from(n).is_ok() => n,
        _ => return Err(PyErr::overflow("Python int too large to convert to C int")),
    };
    match u32::try_from(n)
        .ok()
        .and_then(crate::value::string::char_for_code)
    {
        Some(c) if crate::value::string::is_surrogate(c) && !(0xD800..0xE000).contains(&n) => Err(
            PyErr::new(ExcType::NotImplementedError, unrepresentable(n as u32)),
        ),
        Some(c) => Ok(Value::string(c.to_string())),
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    match &args[0] {
        Value::Str(s) => {
            if s.char_len() != 1 {
                return Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                )));
            }
            let c = s.as_str().chars().next().unwrap_or_default();
            Ok(Value::Int(crate::value::string::code_of(c) as i64))
        }
        o => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            o.type_name()
        ))),
    }
}

fn radix(vm: &mut Vm, v: &Value, base: u32, prefix: &str) -> PyResult<Value> {
    let n = to_big(&vm.index_int(v)?).unwrap_or_default();
    let digits = n.abs().to_str_radix(base);
    Ok(Value::string(format!(
        "{}{}{}",
        if n.is_negative() { "-" } else { "" },
        prefix,
        digits
    )))
}

fn hex(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    radix(vm, &args[0], 16, "0x")
}

fn oct(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    radix(vm, &args[0], 8, "0o")
}

fn bin(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    radix(vm, &args[0], 2, "0b")
}

fn format(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let spec = match args.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(o) => {
            return Err(PyErr::type_error(format!(
                "format() argument 2 must be str, not {}",
                o.type_name()
            )))
        }
        None => String::new(),
    };
    Ok(Value::string(vm.format_value(&args[0], &spec)?))
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook` with them.
fn breakpoint(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let Some(hook) = vm.sys_attr("breakpointhook") else {
        return Err(PyErr::new(ExcType::RuntimeError, "lost sys.breakpointhook"));
    };
    vm.call_value(&hook, args.to_vec(), kw.clone())
}

fn input(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if let Some(p) = args.first() {
        let s = vm.str_of(p)?;
        vm.write_stdout_str(&s)?;
    }
    match vm.read_stdin_line()? {
        None => Err(PyErr::new(ExcType::EOFError, "EOF when reading a line")),
        Some(mut line) => {
            if line.ends_with('\n') {
                line.pop();
            }
            Ok(Value::string(line))
        }
    }
}

fn vars(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    match args.first() {
        Some(v) => vm
            .getattr(v, "__dict__")
            .map_err(|_| PyErr::type_error("vars() argument must have __dict__ attribute")),
        None => locals(vm, args, &vec![]),
    }
}

fn globals(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Dict(vm.frames.last().unwrap().globals.clone()))
}

fn locals(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = vm.frames.len() - 1;
    Ok(Value::Dict(vm.frame_locals_dict(d)))
}

fn dir(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let mut names: Vec<String> = match args.first() {
        None => {
            let d = vm.frames.len() - 1;
            vm.frame_locals_vec(d).into_iter().map(|(k, _)| k).collect()
        }
        Some(obj @ Value::Instance(i)) => {
            if let Some(m) = i.class.lookup_user("__dir__") {
                // CPython: list(type(obj).__dir__(obj)), sorted.
                let r = vm.call_special(&m, obj, vec![])?;
                let mut items = vm.collect(&r)?;
                super::sort::sort_values(vm, &mut items, None, false)?;
                return Ok(Value::list(items));
            }
            let mut n: Vec<String> = i
                .attr_names()
                .iter()
                .filter_map(|k| k.as_str().map(str::to_string))
                .collect();
            for c in i.class.mro() {
                n.extend(c.dict.borrow().keys().map(|k| k.as_str().to_string()));
            }
            n
        }
        Some(Value::Class(c)) => {
            let mut n = vec![];
            for c in c.mro() {
                n.extend(c.dict.borrow().keys().map(|k| k.as_str().to_string()));
            }
            n
        }
        Some(Value::Module(m)) => m
            .dict
            .borrow()
            .keys()
            .filter_map(|k| k.as_str().map(|s| s.to_string()))
            .collect(),
        Some(v) => vm
            .types
            .type_of(v)
            .dict
            .borrow()
            .keys()
            .map(|k| k.as_str().to_string())
            .collect(),
    };
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

/// `exit(code)` / `quit(code)`: the site module's Quitter, raising SystemExit.
fn site_exit(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "Quitter.__call__() takes from 1 to 2 positional arguments but {} were given",
            args.len() + 1
        )));
    }
    Err(PyErr::Args(ExcType::SystemExit, args.to_vec()))
}
