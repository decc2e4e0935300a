//! The `operator` module: its functions are C in CPython (`_operator`),
//! each running krait's own operator machinery, so user dunders run;
//! `itemgetter`, `attrgetter` and `methodcaller` are types whose
//! instances (`Descr::Getter`) are called by `call_getter`.

use super::module;
use crate::builtins::typedef::{FnDef, ModuleDef, Params, Params::*};
use crate::bytecode::{BinOpKind, CmpKind};
use crate::value::{Descr, ExcType, GetterKind, Kwargs, NativeFn, PyErr, PyResult, Value};
use crate::vm::Vm;

const fn f(name: &'static str, params: Params, func: NativeFn) -> FnDef {
    FnDef::function("_operator", name, params, func)
}

/// `a op b` and the in-place `a op= b`, one native each.
macro_rules! binary {
    ($($f:ident, $fi:ident: $op:ident;)*) => {$(
        fn $f(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
            vm.binary_op(args[0].clone(), args[1].clone(), BinOpKind::$op as u32)
        }
        fn $fi(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
            let arg = BinOpKind::$op as u32 + BinOpKind::COUNT;
            vm.binary_op(args[0].clone(), args[1].clone(), arg)
        }
    )*};
}

binary! {
    op_add, op_iadd: Add;
    op_sub, op_isub: Sub;
    op_mul, op_imul: Mul;
    op_matmul, op_imatmul: MatMul;
    op_truediv, op_itruediv: TrueDiv;
    op_floordiv, op_ifloordiv: FloorDiv;
    op_mod, op_imod: Mod;
    op_pow, op_ipow: Pow;
    op_lshift, op_ilshift: LShift;
    op_rshift, op_irshift: RShift;
    op_and, op_iand: And;
    op_or, op_ior: Or;
    op_xor, op_ixor: Xor;
}

/// `a cmp b`, the comparison's own result (not made a bool).
macro_rules! compare {
    ($($f:ident: $op:ident;)*) => {$(
        fn $f(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
            vm.compare(&args[0], &args[1], CmpKind::$op)
        }
    )*};
}

compare! {
    op_lt: Lt;
    op_le: Le;
    op_eq: Eq;
    op_ne: Ne;
    op_gt: Gt;
    op_ge: Ge;
}

const BIN: Params = Positional(2, 2);

static MODULE: ModuleDef = ModuleDef {
    name: "operator",
    functions: &[
        f("add", BIN, op_add),
        f("sub", BIN, op_sub),
        f("mul", BIN, op_mul),
        f("matmul", BIN, op_matmul),
        f("truediv", BIN, op_truediv),
        f("floordiv", BIN, op_floordiv),
        f("mod", BIN, op_mod),
        f("pow", BIN, op_pow),
        f("lshift", BIN, op_lshift),
        f("rshift", BIN, op_rshift),
        f("and_", BIN, op_and),
        f("or_", BIN, op_or),
        f("xor", BIN, op_xor),
        f("iadd", BIN, op_iadd),
        f("isub", BIN, op_isub),
        f("imul", BIN, op_imul),
        f("imatmul", BIN, op_imatmul),
        f("itruediv", BIN, op_itruediv),
        f("ifloordiv", BIN, op_ifloordiv),
        f("imod", BIN, op_imod),
        f("ipow", BIN, op_ipow),
        f("ilshift", BIN, op_ilshift),
        f("irshift", BIN, op_irshift),
        f("iand", BIN, op_iand),
        f("ior", BIN, op_ior),
        f("ixor", BIN, op_ixor),
        f("lt", BIN, op_lt),
        f("le", BIN, op_le),
        f("eq", BIN, op_eq),
        f("ne", BIN, op_ne),
        f("gt", BIN, op_gt),
        f("ge", BIN, op_ge),
        f("neg", One, op_neg),
        f("pos", One, op_pos),
        f("abs", One, crate::builtins::functions::abs),
        f("invert", One, op_invert),
        f("inv", One, op_invert),
        f("not_", One, op_not),
        f("truth", One, op_truth),
        f("index", One, op_index),
        f("is_", BIN, op_is),
        f("is_not", BIN, op_is_not),
        f("getitem", BIN, op_getitem),
        f("setitem", Positional(3, 3), op_setitem),
        f("delitem", BIN, op_delitem),
        f("contains", BIN, op_contains),
        f("concat", BIN, op_concat),
        f("iconcat", BIN, op_iconcat),
        f("countOf", BIN, op_count_of),
        f("indexOf", BIN, op_index_of),
    ],
};

pub(super) fn install(vm: &mut Vm) {
    let [item, attr, method] = vm.types.getters.clone().map(Value::Class);
    module(
        vm,
        &MODULE,
        vec![
            ("itemgetter", item),
            ("attrgetter", attr),
            ("methodcaller", method),
        ],
    );
}

fn op_neg(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    vm.unary_neg(args[0].clone())
}

fn op_pos(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    vm.unary_pos(args[0].clone())
}

fn op_invert(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    vm.unary_invert(args[0].clone())
}

fn op_not(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(!vm.truthy(&args[0])?))
}

fn op_truth(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(vm.truthy(&args[0])?))
}

fn op_index(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    vm.index_int(&args[0])
}

fn op_is(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(args[0].is(&args[1])))
}

fn op_is_not(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(!args[0].is(&args[1])))
}

fn op_getitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    vm.getitem(&args[0], &args[1])
}

fn op_setitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    vm.setitem(&args[0], args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn op_delitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    vm.delitem(&args[0], args[1].clone())?;
    Ok(Value::None)
}

fn op_contains(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(vm.contains(&args[0], &args[1])?))
}

/// `PySequence_Concat`: `a + b` for a sequence `a` (one with
/// `__getitem__`), else `'int' object can't be concatenated`.
fn concat(vm: &mut Vm, args: &[Value], inplace: bool) -> PyResult<Value> {
    let a = &args[0];
    let sequence = match a {
        Value::Str(_) | Value::List(_) | Value::Tuple(_) => true,
        Value::Instance(i) => i.class.lookup_user("__getitem__").is_some(),
        _ => false,
    };
    if !sequence {
        return Err(PyErr::type_error(format!(
            "'{}' object can't be concatenated",
            a.type_name()
        )));
    }
    let op = BinOpKind::Add as u32 + inplace as u32 * BinOpKind::COUNT;
    vm.binary_op(a.clone(), args[1].clone(), op)
}

fn op_concat(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    concat(vm, args, false)
}

fn op_iconcat(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    concat(vm, args, true)
}

/// Iterates `seq` comparing each item with `x` (identity first, as
/// `PyObject_RichCompareBool`): the index of the first match when
/// `first_only` (None if none), else the count of matches.
fn search(vm: &mut Vm, seq: &Value, x: &Value, first_only: bool) -> PyResult<Option<usize>> {
    let it = match vm.get_iter(seq.clone()) {
        Err(e) if vm.err_is(&e, ExcType::TypeError) => {
            return Err(PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                seq.type_name()
            )))
        }
        r => r?,
    };
    let (mut i, mut count) = (0usize, 0usize);
    while let Some(item) = vm.next_value(&it)? {
        if item.is(x) || vm.eq(&item, x)? {
            if first_only {
                return Ok(Some(i));
            }
            count += 1;
        }
        i += 1;
    }
    Ok((!first_only).then_some(count))
}

fn op_count_of(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = search(vm, &args[0], &args[1], false)?.unwrap_or(0);
    Ok(Value::Int(n as i64))
}

fn op_index_of(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    match search(vm, &args[0], &args[1], true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(PyErr::value_error("sequence.index(x): x not in sequence")),
    }
}

/// The short name of a getter type, for messages.
fn short_name(kind: GetterKind) -> &'static str {
    &kind.type_name()["operator.".len()..]
}

/// `itemgetter(*items)`, `attrgetter(*names)`, `methodcaller(name, ...)`.
pub(in crate::builtins) fn make_getter(
    kind: GetterKind,
    args: &[Value],
    kw: &Kwargs,
) -> PyResult<Value> {
    let name = short_name(kind);
    if kind != GetterKind::Method && !kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    match kind {
        GetterKind::Method if args.is_empty() => {
            return Err(PyErr::type_error(
                "methodcaller needs at least one argument, the method name",
            ))
        }
        GetterKind::Method if !matches!(args[0], Value::Str(_)) => {
            return Err(PyErr::type_error("method name must be a string"))
        }
        _ if args.is_empty() => {
            return Err(PyErr::type_error(format!(
                "{name} expected 1 argument, got 0"
            )))
        }
        GetterKind::Attr if args.iter().any(|a| !matches!(a, Value::Str(_))) => {
            return Err(PyErr::type_error("attribute name must be a string"))
        }
        _ => {}
    }
    Ok(Value::Descr(crate::gc::alloc(Descr::Getter {
        kind,
        items: args.to_vec(),
        kwargs: kw.clone(),
    })))
}

/// Calls an `itemgetter`/`attrgetter`/`methodcaller` with `args`.
pub(crate) fn call_getter(
    vm: &mut Vm,
    kind: GetterKind,
    items: &[Value],
    given: &Kwargs,
    args: &[Value],
    kw: &Kwargs,
) -> PyResult<Value> {
    let name = short_name(kind);
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    let [obj] = args else {
        return Err(crate::builtins::expected_args(name, 1, args.len()));
    };
    match kind {
        GetterKind::Item => match items {
            [k] => vm.getitem(obj, k),
            _ => {
                let mut out = Vec::with_capacity(items.len());
                for k in items {
                    out.push(vm.getitem(obj, k)?);
                }
                Ok(Value::tuple(out))
            }
        },
        GetterKind::Attr => match items {
            [n] => dotted_attr(vm, obj, n),
            _ => {
                let mut out = Vec::with_capacity(items.len());
                for n in items {
                    out.push(dotted_attr(vm, obj, n)?);
                }
                Ok(Value::tuple(out))
            }
        },
        GetterKind::Method => {
            let Value::Str(name) = &items[0] else {
                unreachable!("methodcaller's name is a str")
            };
            let m = vm.getattr_str(obj, name)?;
            vm.call_value(&m, items[1..].to_vec(), given.clone())
        }
    }
}

/// `attrgetter('a.b')(obj)`: `obj.a.b`.
fn dotted_attr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Value> {
    let Value::Str(name) = name else {
        unreachable!("attrgetter's names are strs")
    };
    if !name.as_str().contains('.') {
        return vm.getattr_str(obj, name);
    }
    let mut v = obj.clone();
    for part in name.as_str().split('.') {
        v = vm.getattr(&v, part)?;
    }
    Ok(v)
}
