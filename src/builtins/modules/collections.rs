//! `_collections`, the native half of `collections` (the other half,
//! `Counter`, `namedtuple` and `ChainMap`, is Python: `py/collections/`),
//! as CPython splits it: `deque`, `defaultdict` and `OrderedDict` are C
//! types there, so a profiler sees `c_call` for their methods.
//!
//! `deque` is a value of its own (`Value::Deque`, a ring buffer); its
//! subclasses carry one as their payload, as `class L(list)` does a list.
//! `defaultdict` and `OrderedDict` are dict subclasses made here the way a
//! class statement makes one (an instance carries a dict payload), whose
//! methods are natives: so `class D(defaultdict)` works as any subclass.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use crate::builtins::typedef::{FnDef, ModuleDef, Params, Params::*};
use crate::bytecode::{BinOpKind, CmpKind};
use crate::value::class::AttrMap;
use crate::value::{
    Builtin, Class, DequeObj, Descr, Dict, ExcType, Kwargs, PyErr, PyResult, PyStr, TypeKind, Value,
};
use crate::vm::iter::IterObj;
use crate::vm::Vm;

static MODULE: ModuleDef = ModuleDef {
    name: "_collections",
    functions: &[FnDef::function(
        "_collections",
        "_count_elements",
        Positional(2, 2),
        count_elements,
    )],
};

/// `_count_elements(mapping, iterable)`, the loop of `Counter.update`: a
/// C function in CPython, which hashes each element once when the mapping
/// keeps dict's `get` and `__setitem__` (a Counter), else calls them.
fn count_elements(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (mapping, src) = (&args[0], &args[1]);
    // dict's own methods are natives; a subclass's overrides are not.
    let native = |c: &Class, n: &str| matches!(c.lookup(n), Some(Value::Builtin(_)));
    let plain = match (mapping.builtin_value(), mapping) {
        (Value::Dict(d), Value::Instance(i)) => {
            (native(&i.class, "get") && native(&i.class, "__setitem__")).then(|| d.clone())
        }
        (Value::Dict(d), _) => Some(d.clone()),
        _ => None,
    };
    let it = vm.get_iter(src.clone())?;
    while let Some(elem) = vm.next_value(&it)? {
        match &plain {
            Some(d) => {
                let key = vm.hash_key(elem)?;
                let new = match vm.dict_get(d, &key)? {
                    Some(old) => vm.binary_op(old, Value::Int(1), 0)?,
                    None => Value::Int(1),
                };
                vm.dict_set(d, key, new)?;
            }
            None => {
                let get = vm.getattr(mapping, "get")?;
                let old = vm.call_value(&get, vec![elem.clone(), Value::Int(0)], vec![])?;
                let new = vm.binary_op(old, Value::Int(1), 0)?;
                vm.setitem(mapping, elem, new)?;
            }
        }
    }
    Ok(Value::None)
}

// ---------------------------------------------------------------- deque

fn is_deque(v: &Value) -> bool {
    matches!(v.builtin_value(), Value::Deque(_))
}

const fn dm(name: &'static str, params: Params, func: crate::value::NativeFn) -> FnDef {
    FnDef::method("deque", is_deque, name, params, func)
}

static DEQUE: &[FnDef] = &[
    dm("__init__", Own, deque_init),
    dm("append", One, append),
    dm("appendleft", One, appendleft),
    dm("pop", NoArgs, pop),
    dm("popleft", NoArgs, popleft),
    dm("extend", One, extend),
    dm("extendleft", One, extendleft),
    dm("rotate", Own, rotate),
    dm("clear", NoArgs, clear),
    dm("count", One, count),
    dm("index", Tuple(1, 3), index),
    dm("insert", Own, insert),
    dm("remove", One, remove),
    dm("reverse", NoArgs, reverse),
    dm("copy", NoArgs, copy),
    dm("__copy__", NoArgs, copy),
    dm("__reversed__", NoArgs, reversed),
];

static MAXLEN: FnDef = dm("maxlen", NoArgs, maxlen);

/// The deque a method was called on (`FnDef::check` made sure of it).
fn dq(v: &Value) -> Rc<DequeObj> {
    match v.builtin_value() {
        Value::Deque(d) => d.clone(),
        _ => unreachable!("deque method on another type"),
    }
}

/// A `Py_ssize_t` argument (`rotate(n)`, `insert(i, x)`, `maxlen`):
/// CPython's `PyLong_AsSsize_t` message past its range.
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.index_int(v)? {
        Value::Int(i) => Ok(i),
        _ => Err(PyErr::new(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// `deque(iterable=(), maxlen=None)`.
pub fn construct(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = Value::Deque(crate::gc::alloc(DequeObj::new(VecDeque::new(), None)));
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(d.clone());
    all.extend(args.iter().cloned());
    deque_init(vm, &all, kw)?;
    Ok(d)
}

fn deque_init(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = dq(&args[0]);
    let given = args.len() - 1 + kw.len();
    if given > 2 {
        return Err(PyErr::type_error(format!(
            "deque() takes at most 2 arguments ({given} given)"
        )));
    }
    let mut iterable = args.get(1).cloned();
    let mut maxlen = args.get(2).cloned();
    for (k, v) in kw {
        let slot = match k.as_str() {
            "iterable" => &mut iterable,
            "maxlen" => &mut maxlen,
            other => {
                return Err(PyErr::type_error(format!(
                    "'{other}' is an invalid keyword argument for deque()"
                )))
            }
        };
        if slot.is_some() {
            return Err(PyErr::type_error(format!(
                "argument for deque() given by name ('{}') and position",
                k.as_str()
            )));
        }
        *slot = Some(v.clone());
    }
    let maxlen = match maxlen {
        None | Some(Value::None) => None,
        Some(v) => {
            let n = match v.builtin_value() {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => ssize_arg(vm, &v)?,
                _ => return Err(PyErr::type_error("an integer is required")),
            };
            if n < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
    };
    if !d.is_empty() {
        d.bump();
        let old = std::mem::take(&mut *d.items.borrow_mut());
        drop(old);
    }
    d.maxlen.set(maxlen);
    if let Some(it) = iterable {
        extend_side(vm, &d, &it, false)?;
    }
    Ok(Value::None)
}

fn push(d: &DequeObj, v: Value, left: bool) {
    // What falls off the other end goes after the borrow ends.
    drop(d.push(v, left));
}

fn append(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    push(&dq(&args[0]), args[1].clone(), false);
    Ok(Value::None)
}

fn appendleft(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    push(&dq(&args[0]), args[1].clone(), true);
    Ok(Value::None)
}

fn pop_side(args: &[Value], left: bool) -> PyResult<Value> {
    let d = dq(&args[0]);
    let v = {
        let mut items = d.items.borrow_mut();
        if left {
            items.pop_front()
        } else {
            items.pop_back()
        }
    };
    match v {
        Some(v) => {
            d.bump();
            Ok(v)
        }
        None => Err(PyErr::index_error("pop from an empty deque")),
    }
}

fn pop(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pop_side(args, false)
}

fn popleft(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pop_side(args, true)
}

/// `extend`/`extendleft`: the deque itself is copied first.
fn extend_side(vm: &mut Vm, d: &Rc<DequeObj>, src: &Value, left: bool) -> PyResult<()> {
    if let Value::Deque(s) = src.builtin_value() {
        if Rc::ptr_eq(s, d) {
            let items: Vec<Value> = d.items.borrow().iter().cloned().collect();
            for v in items {
                push(d, v, left);
            }
            return Ok(());
        }
    }
    let it = vm.get_iter(src.clone())?;
    while let Some(v) = vm.next_value(&it)? {
        push(d, v, left);
    }
    Ok(())
}

fn extend(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    extend_side(vm, &dq(&args[0]), &args[1], false)?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    extend_side(vm, &dq(&args[0]), &args[1], true)?;
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error(
            "deque.rotate() takes no keyword arguments",
        ));
    }
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "deque.rotate expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let d = dq(&args[0]);
    let n = match args.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => 1,
    };
    let mut items = d.items.borrow_mut();
    let len = items.len();
    if len > 1 {
        d.bump();
        let k = n.rem_euclid(len as i64) as usize;
        items.rotate_right(k);
    }
    Ok(Value::None)
}

fn clear(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = dq(&args[0]);
    d.bump();
    let old = std::mem::take(&mut *d.items.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// The item at `i`, or None past the end; Err when the deque changed
/// since `state` (a comparison called back may change it).
fn item_at(d: &DequeObj, i: usize, state: u64, exc: ExcType) -> PyResult<Option<Value>> {
    if d.state.get() != state {
        return Err(PyErr::new(exc, MUTATED));
    }
    Ok(d.items.borrow().get(i).cloned())
}

const MUTATED: &str = "deque mutated during iteration";

fn count(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = dq(&args[0]);
    let (state, len) = (d.state.get(), d.len());
    let mut n = 0;
    for i in 0..len {
        let Some(x) = item_at(&d, i, state, ExcType::RuntimeError)? else {
            break;
        };
        if x.is(&args[1]) || vm.eq(&x, &args[1])? {
            n += 1;
        }
    }
    if d.state.get() != state {
        return Err(PyErr::new(ExcType::RuntimeError, MUTATED));
    }
    Ok(Value::Int(n))
}

/// The first position of `x` in `d[start..stop]`; a change of the deque
/// meanwhile raises `exc` (`remove`'s is an IndexError).
fn find(
    vm: &mut Vm,
    d: &DequeObj,
    x: &Value,
    start: usize,
    stop: usize,
    exc: ExcType,
) -> PyResult<Option<usize>> {
    let state = d.state.get();
    let stop = stop.min(d.len());
    for i in start..stop {
        let Some(y) = item_at(d, i, state, exc)? else {
            break;
        };
        if y.is(x) || vm.eq(&y, x)? {
            if d.state.get() != state {
                return Err(PyErr::new(exc, MUTATED));
            }
            return Ok(Some(i));
        }
    }
    if d.state.get() != state {
        return Err(PyErr::new(exc, MUTATED));
    }
    Ok(None)
}

fn not_in_deque(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    let r = vm.repr(x)?;
    Err(PyErr::value_error(format!("{r} is not in deque")))
}

fn index(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = dq(&args[0]);
    let (start, stop) = super::super::list_methods::index_range(vm, args, d.len())?;
    match find(vm, &d, &args[1], start, stop, ExcType::RuntimeError)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => not_in_deque(vm, &args[1]),
    }
}

fn insert(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("insert() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(PyErr::type_error(format!(
            "insert() takes exactly 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    let d = dq(&args[0]);
    let i = ssize_arg(vm, &args[1])?;
    let len = d.len();
    if d.maxlen.get() == Some(len) {
        return Err(PyErr::index_error("deque already at its maximum size"));
    }
    let n = len as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    d.bump();
    d.items.borrow_mut().insert(at, args[2].clone());
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = dq(&args[0]);
    match find(vm, &d, &args[1], 0, usize::MAX, ExcType::IndexError)? {
        Some(i) => {
            d.bump();
            let old = d.items.borrow_mut().remove(i);
            drop(old);
            Ok(Value::None)
        }
        None => not_in_deque(vm, &args[1]),
    }
}

fn reverse(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = dq(&args[0]);
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(Value::None)
}

/// A new plain deque with `d`'s items and bound.
fn plain_copy(d: &DequeObj) -> Rc<DequeObj> {
    crate::gc::alloc(DequeObj::new(d.items.borrow().clone(), d.maxlen.get()))
}

fn copy(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = dq(&args[0]);
    match &args[0] {
        Value::Deque(_) => Ok(Value::Deque(plain_copy(&d))),
        // A subclass's copy is `type(d)(d, maxlen)`, as CPython makes it.
        other => {
            let cls = Value::Class(vm.types.type_of(other));
            let mut a = vec![other.clone()];
            if let Some(m) = d.maxlen.get() {
                a.push(Value::Int(m as i64));
            }
            vm.call_value(&cls, a, vec![])
        }
    }
}

fn reversed(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(iter(&dq(&args[0]), true))
}

fn maxlen(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(match dq(&args[0]).maxlen.get() {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}

/// `iter(d)` (`reversed(d)` when `rev`).
pub fn iter(d: &Rc<DequeObj>, rev: bool) -> Value {
    Value::Iter(crate::gc::alloc(RefCell::new(IterObj::Deque {
        deque: d.clone(),
        index: 0,
        left: d.len(),
        state: d.state.get(),
        rev,
    })))
}

/// One step of a deque iterator.
pub fn iter_step(
    d: &DequeObj,
    index: &mut usize,
    left: &mut usize,
    state: u64,
    rev: bool,
) -> PyResult<Option<Value>> {
    if d.state.get() != state {
        *left = 0;
        return Err(PyErr::new(ExcType::RuntimeError, MUTATED));
    }
    if *left == 0 {
        return Ok(None);
    }
    let items = d.items.borrow();
    let i = if rev {
        items.len().checked_sub(*index + 1)
    } else {
        Some(*index)
    };
    let v = i.and_then(|i| items.get(i)).cloned();
    *index += 1;
    *left -= 1;
    Ok(v)
}

/// A deque index: an int (or `__index__`), else CPython's message.
fn seq_index(vm: &mut Vm, d: &DequeObj, k: &Value) -> PyResult<usize> {
    let i = match k {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) | Value::Instance(_) if vm.has_index(k) => {
            vm.index_sized(k, ExcType::IndexError)?
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "sequence index must be integer, not '{}'",
                k.type_name()
            )))
        }
    };
    let n = d.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(PyErr::index_error("deque index out of range"));
    }
    Ok(j as usize)
}

pub fn getitem(vm: &mut Vm, d: &Rc<DequeObj>, k: &Value) -> PyResult<Value> {
    let i = seq_index(vm, d, k)?;
    d.items
        .borrow()
        .get(i)
        .cloned()
        .ok_or_else(|| PyErr::index_error("deque index out of range"))
}

pub fn setitem(vm: &mut Vm, d: &Rc<DequeObj>, k: &Value, v: Value) -> PyResult<()> {
    let i = seq_index(vm, d, k)?;
    let old = d
        .items
        .borrow_mut()
        .get_mut(i)
        .map(|x| std::mem::replace(x, v));
    drop(old);
    Ok(())
}

pub fn delitem(vm: &mut Vm, d: &Rc<DequeObj>, k: &Value) -> PyResult<()> {
    let i = seq_index(vm, d, k)?;
    d.bump();
    let old = d.items.borrow_mut().remove(i);
    drop(old);
    Ok(())
}

/// `x in d`.
pub fn contains(vm: &mut Vm, d: &Rc<DequeObj>, x: &Value) -> PyResult<bool> {
    Ok(find(vm, d, x, 0, usize::MAX, ExcType::RuntimeError)?.is_some())
}

/// The items, for comparisons and reprs.
pub fn items(d: &DequeObj) -> Vec<Value> {
    d.items.borrow().iter().cloned().collect()
}

/// `deque([1, 2])`, `deque([1], maxlen=3)`; a subclass's by its name.
pub fn repr(vm: &mut Vm, v: &Value, d: &Rc<DequeObj>) -> PyResult<String> {
    let name = vm.types.type_of(v).name.clone();
    let inner = vm.repr_container(Rc::as_ptr(d) as *const u8 as usize, "[...]", |vm| {
        let mut parts = vec![];
        for x in items(d) {
            parts.push(vm.repr(&x)?);
        }
        Ok(format!("[{}]", parts.join(", ")))
    })?;
    if inner == "[...]" {
        return Ok(inner);
    }
    Ok(match d.maxlen.get() {
        Some(m) => format!("{}({inner}, maxlen={m})", name.as_str()),
        None => format!("{}({inner})", name.as_str()),
    })
}

/// A copy of deque `v` for an operator's result: a subclass's is
/// `type(v)(v, maxlen)`, as CPython's `deque_copy` makes it.
fn copy_for_op(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Deque(d) => Ok(Value::Deque(plain_copy(d))),
        other => copy(vm, std::slice::from_ref(other), &Kwargs::new()),
    }
}

/// `+`, `*`, `+=`, `*=` with a deque operand, or an instance of a deque
/// subclass (None: not these).
pub fn binop(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: BinOpKind,
    inplace: bool,
) -> PyResult<Option<Value>> {
    let is_count = |v: &Value| matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_));
    let (pa, pb) = (a.builtin_value(), b.builtin_value());
    match (pa, pb, op) {
        (Value::Deque(x), _, BinOpKind::Add) if inplace => {
            extend_side(vm, x, b, false)?;
            Ok(Some(a.clone()))
        }
        (Value::Deque(_), Value::Deque(_), BinOpKind::Add) => {
            let new = copy_for_op(vm, a)?;
            extend_side(vm, &dq(&new), b, false)?;
            Ok(Some(new))
        }
        (Value::Deque(_), n, BinOpKind::Mul) | (n, Value::Deque(_), BinOpKind::Mul)
            if is_count(n) =>
        {
            let k = match vm.index_sized(n, ExcType::OverflowError)? {
                k if k <= 0 => 0,
                k => k as usize,
            };
            let (me, _) = if is_count(pb) { (a, b) } else { (b, a) };
            let result = match inplace && is_count(pb) {
                true => me.clone(),
                false => copy_for_op(vm, me)?,
            };
            let target = dq(&result);
            if k == 1 {
                return Ok(Some(result));
            }
            let src = items(&target);
            target.bump();
            let old = std::mem::take(&mut *target.items.borrow_mut());
            drop(old);
            if !src.is_empty() {
                let total = src
                    .len()
                    .checked_mul(k)
                    .filter(|t| *t <= isize::MAX as usize);
                let Some(total) = total else {
                    return Err(PyErr::new(ExcType::MemoryError, ""));
                };
                vm.check_items(total.min(target.maxlen.get().unwrap_or(usize::MAX)))?;
                // Past maxlen only the last items stay: run no further.
                let keep = target.maxlen.get().unwrap_or(usize::MAX);
                let mut pushed = 0usize;
                'outer: for _ in 0..k {
                    for v in &src {
                        push(&target, v.clone(), false);
                        pushed += 1;
                        if pushed >= keep && pushed.is_multiple_of(src.len()) {
                            break 'outer;
                        }
                    }
                }
            }
            Ok(Some(result))
        }
        _ => Ok(None),
    }
}

// ------------------------------------------------- defaultdict, OrderedDict

/// Whether `v` is an instance of the collections class `name` (or of a
/// subclass of it).
fn derives(v: &Value, name: &str) -> bool {
    let Value::Instance(i) = v else {
        return false;
    };
    let mut cur = Some(&i.class);
    while let Some(c) = cur {
        if c.name.as_str() == name && c.module.as_str() == "collections" && c.is_user {
            return true;
        }
        cur = c.base.as_ref();
    }
    false
}

fn is_dd(v: &Value) -> bool {
    derives(v, "defaultdict")
}

fn is_od(v: &Value) -> bool {
    derives(v, "OrderedDict")
}

static DEFAULTDICT: &[FnDef] = &[
    FnDef::method("defaultdict", is_dd, "__init__", Own, dd_init),
    FnDef::method("defaultdict", is_dd, "__missing__", One, dd_missing),
    FnDef::method("defaultdict", is_dd, "__repr__", NoArgs, dd_repr),
    FnDef::method("defaultdict", is_dd, "copy", NoArgs, dd_copy),
    FnDef::method("defaultdict", is_dd, "__copy__", NoArgs, dd_copy),
    FnDef::method("defaultdict", |_| true, "__or__", One, dd_or),
    FnDef::method("defaultdict", |_| true, "__ror__", One, dd_ror),
];

static ORDEREDDICT: &[FnDef] = &[
    FnDef::method("OrderedDict", is_od, "__init__", Own, od_init),
    FnDef::method("OrderedDict", is_od, "__repr__", NoArgs, od_repr),
    FnDef::method("OrderedDict", is_od, "__eq__", One, od_eq),
    FnDef::method("OrderedDict", is_od, "__ne__", One, od_ne),
    FnDef::method("OrderedDict", is_od, "move_to_end", Own, move_to_end),
    FnDef::method("OrderedDict", is_od, "popitem", Own, od_popitem),
    FnDef::method("OrderedDict", is_od, "copy", NoArgs, od_copy),
    FnDef::method("OrderedDict", is_od, "pop", Own, od_pop),
    FnDef::method("OrderedDict", is_od, "__copy__", NoArgs, od_copy),
    FnDef::method("OrderedDict", is_od, "keys", NoArgs, od_keys),
    FnDef::method("OrderedDict", is_od, "values", NoArgs, od_values),
    FnDef::method("OrderedDict", is_od, "items", NoArgs, od_items),
    FnDef::method("OrderedDict", is_od, "__reversed__", NoArgs, od_reversed),
    FnDef::method("OrderedDict", is_od, "__iter__", NoArgs, od_iter),
    FnDef::method("OrderedDict", |_| true, "__or__", One, od_or),
    FnDef::method("OrderedDict", |_| true, "__ror__", One, od_ror),
];

type DictRef = Rc<RefCell<Dict>>;

/// The dict an instance of a dict subclass is.
fn payload_dict(v: &Value) -> PyResult<DictRef> {
    match v.builtin_value() {
        Value::Dict(d) => Ok(d.clone()),
        _ => Err(PyErr::type_error("descriptor requires a 'dict' object")),
    }
}

fn dd_init(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let factory = match args.get(1) {
        Some(f) if f.is_none() || crate::builtins::is_callable(f) => f.clone(),
        Some(_) => return Err(PyErr::type_error("first argument must be callable or None")),
        None => Value::None,
    };
    let Value::Instance(inst) = &args[0] else {
        unreachable!("checked receiver")
    };
    inst.set_attr(vm.intern("default_factory"), factory);
    let rest = args.get(2..).unwrap_or(&[]);
    dict_init(vm, &args[0], rest, kw, "dict")
}

/// `dict.__init__(self, *rest, **kw)` on a dict subclass's payload.
fn dict_init(vm: &mut Vm, me: &Value, rest: &[Value], kw: &Kwargs, who: &str) -> PyResult<Value> {
    if rest.len() > 1 {
        return Err(PyErr::type_error(match who {
            "dict" => format!("dict expected at most 1 argument, got {}", rest.len()),
            _ => format!("expected at most 1 arguments, got {}", rest.len()),
        }));
    }
    let d = Value::Dict(payload_dict(me)?);
    if let Some(src) = rest.first() {
        crate::builtins::dict_methods::update_from(vm, &d, src)?;
    }
    if let Value::Dict(dd) = &d {
        for (k, v) in kw {
            let key = vm.hash_key(Value::Str(k.clone()))?;
            vm.dict_set(dd, key, v.clone())?;
        }
    }
    Ok(Value::None)
}

fn factory_of(v: &Value) -> Value {
    match v {
        Value::Instance(i) => i.get_attr("default_factory").unwrap_or(Value::None),
        _ => Value::None,
    }
}

fn dd_missing(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let f = factory_of(&args[0]);
    if f.is_none() {
        return Err(PyErr::key_error(args[1].clone()));
    }
    let v = vm.call_value(&f, vec![], vec![])?;
    vm.setitem(&args[0], args[1].clone(), v.clone())?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = &args[0];
    let f = factory_of(me);
    let id = me.ptr().unwrap_or(0);
    let fr = match f.is_none() {
        true => "None".to_string(),
        false => vm.repr_container(id, "...", |vm| vm.repr(&f))?,
    };
    let d = Value::Dict(payload_dict(me)?);
    let dr = vm.repr(&d)?;
    let name = vm.types.type_of(me).name.clone();
    Ok(Value::string(format!("{}({fr}, {dr})", name.as_str())))
}

/// `type(me)(factory, me)`: a copy as CPython's `defaultdict.copy` makes it.
fn dd_copy(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let cls = Value::Class(vm.types.type_of(&args[0]));
    vm.call_value(&cls, vec![factory_of(&args[0]), args[0].clone()], vec![])
}

/// `a | b` where `me` is the defaultdict operand: a copy of it (with `a`'s
/// items first) updated with the other.
fn dd_or_impl(vm: &mut Vm, me: &Value, a: &Value, b: &Value) -> PyResult<Value> {
    if !matches!(a.builtin_value(), Value::Dict(_)) || !matches!(b.builtin_value(), Value::Dict(_))
    {
        return Ok(Value::NotImplemented);
    }
    let cls = Value::Class(vm.types.type_of(me));
    let new = vm.call_value(&cls, vec![factory_of(me), a.clone()], vec![])?;
    let nd = Value::Dict(payload_dict(&new)?);
    crate::builtins::dict_methods::update_from(vm, &nd, b)?;
    Ok(new)
}

fn dd_or(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if !is_dd(&args[0]) {
        return Ok(Value::NotImplemented);
    }
    dd_or_impl(vm, &args[0], &args[0], &args[1])
}

fn dd_ror(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if !is_dd(&args[0]) {
        return Ok(Value::NotImplemented);
    }
    dd_or_impl(vm, &args[0], &args[1], &args[0])
}

fn od_init(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    dict_init(vm, &args[0], &args[1..], kw, "OrderedDict")
}

fn od_repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = &args[0];
    let name = vm.types.type_of(me).name.clone();
    let d = payload_dict(me)?;
    if d.borrow().is_empty() {
        return Ok(Value::string(format!("{}()", name.as_str())));
    }
    let id = me.ptr().unwrap_or(0);
    // CPython looks each value up by its key (a subclass's through its
    // items(), two lookups): a key's user `__hash__` runs as often.
    let lookups = if exact_od(vm, me) { 1 } else { 2 };
    let r = vm.repr_container(id, "...", |vm| {
        let pairs: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        // The pairs are all made, then their list's repr.
        for (k, _) in &pairs {
            if matches!(k, Value::Instance(_)) {
                for _ in 0..lookups {
                    vm.hash_value(k)?;
                }
            }
        }
        let mut parts = vec![];
        for (k, v) in pairs {
            parts.push(format!("({}, {})", vm.repr(&k)?, vm.repr(&v)?));
        }
        Ok(format!("{}([{}])", name.as_str(), parts.join(", ")))
    })?;
    Ok(Value::string(r))
}

/// `==` of OrderedDicts: as dicts, and for two OrderedDicts in the same order.
fn od_equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let (Value::Dict(x), Value::Dict(y)) = (a.builtin_value(), b.builtin_value()) else {
        return Ok(None);
    };
    let (x, y) = (x.clone(), y.clone());
    if !vm.eq(&Value::Dict(x.clone()), &Value::Dict(y.clone()))? {
        return Ok(Some(false));
    }
    if !is_od(b) {
        return Ok(Some(true));
    }
    let kx: Vec<Value> = x.borrow().keys().cloned().collect();
    let ky: Vec<Value> = y.borrow().keys().cloned().collect();
    for (p, q) in kx.iter().zip(ky.iter()) {
        if !(p.is(q) || vm.eq(p, q)?) {
            return Ok(Some(false));
        }
    }
    Ok(Some(true))
}

fn od_eq(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(match od_equal(vm, &args[0], &args[1])? {
        Some(b) => Value::Bool(b),
        None => Value::NotImplemented,
    })
}

fn od_ne(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(match od_equal(vm, &args[0], &args[1])? {
        Some(b) => Value::Bool(!b),
        None => Value::NotImplemented,
    })
}

/// `last=True` of `move_to_end`/`popitem`: positional or by keyword.
fn last_arg(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    first: usize,
    required: Option<&str>,
) -> PyResult<(Option<Value>, bool)> {
    let max = first + 1;
    let n = args.len() - 1;
    if n + kw.len() > max {
        return Err(PyErr::type_error(format!(
            "{name}() takes at most {max} argument{} ({} given)",
            if max == 1 { "" } else { "s" },
            n + kw.len()
        )));
    }
    let mut key = if first == 1 {
        args.get(1).cloned()
    } else {
        None
    };
    let mut last = args.get(1 + first).cloned();
    for (k, v) in kw {
        match k.as_str() {
            "key" if first == 1 && key.is_none() => key = Some(v.clone()),
            "last" if last.is_none() => last = Some(v.clone()),
            "key" | "last" => {
                return Err(PyErr::type_error(format!(
                    "argument for {name}() given by name ('{}') and position ({})",
                    k.as_str(),
                    if k.as_str() == "key" { 1 } else { first + 1 }
                )))
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "{name}() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    if let (Some(r), None) = (required, &key) {
        return Err(PyErr::type_error(format!(
            "{name}() missing required argument '{r}' (pos 1)"
        )));
    }
    let last = match last {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    Ok((key, last))
}

fn move_to_end(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (key, last) = last_arg(vm, "move_to_end", args, kw, 1, Some("key"))?;
    let key = key.unwrap_or_default();
    let d = payload_dict(&args[0])?;
    let k = vm.hash_key(key.clone())?;
    let Some(v) = vm.dict_remove(&d, &k)? else {
        return Err(PyErr::key_error(key));
    };
    if last {
        d.borrow_mut().insert_new(k, v);
    } else {
        let old = d.borrow_mut().take();
        let mut new = Dict::new();
        new.insert_new(k, v);
        for (ok, ov) in old.entries() {
            new.insert_new(ok.clone(), ov.clone());
        }
        *d.borrow_mut() = new;
        drop(old);
    }
    Ok(Value::None)
}

fn od_popitem(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (_, last) = last_arg(vm, "popitem", args, kw, 0, None)?;
    let d = payload_dict(&args[0])?;
    let entry = {
        let b = d.borrow();
        let e = match last {
            true => b.entries().last(),
            false => b.entries().next(),
        };
        e.map(|(k, v)| (k.clone(), v.clone()))
    };
    let Some((k, v)) = entry else {
        return Err(PyErr::key_error(Value::str("dictionary is empty")));
    };
    let key = k.value.clone();
    let old = d.borrow_mut().remove(&k);
    drop(old);
    Ok(Value::tuple(vec![key, v]))
}

/// Whether `v`'s class is `OrderedDict` itself, not a subclass.
fn exact_od(vm: &Vm, v: &Value) -> bool {
    let c = vm.types.type_of(v);
    c.name.as_str() == "OrderedDict" && c.base.as_ref().is_some_and(|b| !b.is_user)
}

/// The keys in order (what CPython's `_odict_FOREACH` walks).
fn od_keys_now(d: &DictRef) -> Vec<Value> {
    d.borrow().keys().cloned().collect()
}

/// `type(od)()` filled key by key, as CPython's `odict_copy`: for an
/// OrderedDict itself each key's value is looked up (a hash), for a
/// subclass got and set through its `[]`.
fn od_copy(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = &args[0];
    let cls = Value::Class(vm.types.type_of(me));
    let new = vm.call_value(&cls, vec![], vec![])?;
    let d = payload_dict(me)?;
    let exact = exact_od(vm, me);
    for k in od_keys_now(&d) {
        if exact {
            let key = vm.hash_key(k.clone())?;
            let Some(v) = vm.dict_get(&d, &key)? else {
                return Err(PyErr::key_error(k));
            };
            let nd = payload_dict(&new)?;
            vm.dict_set(&nd, key, v)?;
        } else {
            let v = vm.getitem(me, &k)?;
            vm.setitem(&new, k, v)?;
        }
    }
    Ok(new)
}

/// `pop(key[, default])`: CPython finds the key's node, clears it, then
/// pops the key from the dict (three lookups, one hash; a subclass's
/// value is got and deleted through its `[]`).
fn od_pop(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let n = args.len() - 1 + kw.len();
    if n > 2 {
        return Err(PyErr::type_error(format!(
            "pop() takes at most 2 arguments ({n} given)"
        )));
    }
    let mut key = args.get(1).cloned();
    let mut default = args.get(2).cloned();
    for (k, v) in kw {
        match k.as_str() {
            "key" if key.is_none() => key = Some(v.clone()),
            "default" if default.is_none() => default = Some(v.clone()),
            "key" | "default" => {
                return Err(PyErr::type_error(format!(
                    "argument for pop() given by name ('{}') and position ({})",
                    k.as_str(),
                    if k.as_str() == "key" { 1 } else { 2 }
                )))
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "pop() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let Some(key) = key else {
        return Err(PyErr::type_error(
            "pop() missing required argument 'key' (pos 1)",
        ));
    };
    let me = &args[0];
    let d = payload_dict(me)?;
    let k = vm.hash_key(key.clone())?;
    if vm.dict_get(&d, &k)?.is_some() && vm.dict_contains(&d, &k)? {
        if !exact_od(vm, me) {
            let v = vm.getitem(me, &key)?;
            vm.delitem(me, key)?;
            return Ok(v);
        }
        if let Some(v) = vm.dict_remove(&d, &k)? {
            return Ok(v);
        }
    }
    default.ok_or_else(|| PyErr::key_error(key))
}

fn od_keys(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = payload_dict(&args[0])?;
    Ok(crate::builtins::dict_methods::ordered_view(vm, &d, 0))
}

fn od_values(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = payload_dict(&args[0])?;
    Ok(crate::builtins::dict_methods::ordered_view(vm, &d, 1))
}

fn od_items(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = payload_dict(&args[0])?;
    Ok(crate::builtins::dict_methods::ordered_view(vm, &d, 2))
}

fn od_reversed(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = payload_dict(&args[0])?;
    Ok(crate::builtins::dict_methods::ordered_iter(&d, 0, true))
}

fn od_iter(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = payload_dict(&args[0])?;
    Ok(crate::builtins::dict_methods::ordered_iter(&d, 0, false))
}

fn od_or_impl(vm: &mut Vm, me: &Value, a: &Value, b: &Value) -> PyResult<Value> {
    if !matches!(a.builtin_value(), Value::Dict(_)) || !matches!(b.builtin_value(), Value::Dict(_))
    {
        return Ok(Value::NotImplemented);
    }
    let cls = Value::Class(vm.types.type_of(me));
    let new = vm.call_value(&cls, vec![a.clone()], vec![])?;
    let nd = Value::Dict(payload_dict(&new)?);
    crate::builtins::dict_methods::update_from(vm, &nd, b)?;
    Ok(new)
}

fn od_or(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if !is_od(&args[0]) {
        return Ok(Value::NotImplemented);
    }
    od_or_impl(vm, &args[0], &args[0], &args[1])
}

fn od_ror(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if !is_od(&args[0]) {
        return Ok(Value::NotImplemented);
    }
    od_or_impl(vm, &args[0], &args[1], &args[0])
}

// ---------------------------------------------------------------- install

fn pystr(s: &str) -> Rc<PyStr> {
    Rc::new(PyStr::new(s))
}

/// A dict subclass defined natively, as a class statement in module
/// `collections` would make it.
fn dict_subclass(vm: &mut Vm, name: &str, methods: &'static [FnDef]) -> Rc<Class> {
    let mut dict = AttrMap::default();
    for m in methods {
        // (No `note_attr_hook`: their `__eq__` never meets the loop's
        // identity fast path, which takes only plain instances, and the
        // module is made for every program.)
        let v = Value::Builtin(Rc::new(Builtin::from_def(m)));
        dict.insert(vm.intern(m.name), v);
    }
    crate::gc::alloc(Class {
        name: pystr(name),
        qualname: pystr(name),
        module: pystr("collections"),
        base: Some(vm.types.dict.clone()),
        kind: TypeKind::Dict,
        is_user: true,
        dict: RefCell::new(dict),
        slot_hint: Default::default(),
    })
}

pub(super) fn install(vm: &mut Vm) {
    let deque = vm.types.deque.clone();
    {
        let mut d = deque.dict.borrow_mut();
        for m in DEQUE {
            d.insert(
                vm.intern(m.name),
                Value::Builtin(Rc::new(Builtin::from_def(m))),
            );
        }
        let getter = Value::Builtin(Rc::new(Builtin::from_def(&MAXLEN)));
        d.insert(
            vm.intern("maxlen"),
            Value::Descr(crate::gc::alloc(Descr::Property {
                fget: getter,
                fset: Value::None,
                fdel: Value::None,
                doc: Value::None,
                name: RefCell::new(Some(pystr("maxlen"))),
            })),
        );
        d.insert(vm.intern("__hash__"), Value::None);
    }
    // The iterators' types, named as CPython's (`_collections._deque_iterator`).
    for name in ["_deque_iterator", "_deque_reverse_iterator"] {
        let c = Class::native(
            "_collections",
            name,
            Some(vm.types.object.clone()),
            TypeKind::Iterator,
            false,
            AttrMap::default(),
        );
        crate::builtins::install_iterator_methods(&c);
        let tp_name = match name {
            "_deque_iterator" => "_collections._deque_iterator",
            _ => "_collections._deque_reverse_iterator",
        };
        vm.types.register_iterator_type(tp_name, c);
    }
    let dd = dict_subclass(vm, "defaultdict", DEFAULTDICT);
    // A defaultdict has no `__dict__` (an OrderedDict has): as a class
    // whose `__slots__` hold only its `default_factory`, which its
    // subclasses' instances do not inherit.
    let slots = Value::tuple(vec![Value::str("default_factory")]);
    vm.note_attr_hook("__slots__", &slots);
    dd.dict.borrow_mut().insert(vm.intern("__slots__"), slots);
    let od = dict_subclass(vm, "OrderedDict", ORDEREDDICT);
    super::module(
        vm,
        &MODULE,
        vec![
            ("deque", Value::Class(deque)),
            ("defaultdict", Value::Class(dd)),
            ("OrderedDict", Value::Class(od)),
        ],
    );
}

/// Compares two deques (None: not two deques).
pub fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpKind) -> PyResult<Option<bool>> {
    let (Value::Deque(x), Value::Deque(y)) = (a, b) else {
        return Ok(None);
    };
    if matches!(op, CmpKind::Eq | CmpKind::Ne) && x.len() != y.len() {
        return Ok(Some(op == CmpKind::Ne));
    }
    let (x, y) = (items(x), items(y));
    vm.seq_compare(&x, &y, op).map(Some)
}
