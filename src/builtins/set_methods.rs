//! Methods of `set` (and, for the non-mutating ones, `frozenset`), and the
//! set operators. Each follows CPython's choice of which table to walk and
//! which to probe, so results iterate in CPython's order.

use std::cell::RefCell;
use std::rc::Rc;

use super::typedef::{FnDef, Params, Params::*, TypeDef};
use crate::value::dict::is_plain_key;
use crate::value::{Dict, DictKey, Kwargs, NativeFn, PyErr, PyResult, SetObj, Value};
use crate::vm::iter::IterObj;
use crate::vm::keys::VmEq;
use crate::vm::sink::Sink;
use crate::vm::Vm;

const fn set_method(name: &'static str, params: Params, func: NativeFn) -> FnDef {
    FnDef::method("set", |v| matches!(v, Value::Set(_)), name, params, func)
}

const fn frozenset_method(name: &'static str, params: Params, func: NativeFn) -> FnDef {
    FnDef::method(
        "frozenset",
        |v| matches!(v, Value::FrozenSet(_)),
        name,
        params,
        func,
    )
}

pub static SET: TypeDef = TypeDef {
    methods: &[
        set_method("add", One, add),
        set_method("discard", One, discard),
        set_method("remove", One, remove),
        set_method("pop", NoArgs, pop),
        set_method("union", Varargs, union),
        set_method("intersection", Varargs, intersection),
        set_method("difference", Varargs, difference),
        set_method("symmetric_difference", One, symmetric_difference),
        set_method("update", Varargs, update),
        set_method("intersection_update", Varargs, intersection_update),
        set_method("difference_update", Varargs, difference_update),
        set_method(
            "symmetric_difference_update",
            One,
            symmetric_difference_update,
        ),
        set_method("issubset", One, issubset),
        set_method("issuperset", One, issuperset),
        set_method("isdisjoint", One, isdisjoint),
        set_method("copy", NoArgs, copy),
        set_method("clear", NoArgs, clear),
    ],
    attrs: &[],
    getattr: None,
};

/// The methods of `set` that do not change it.
pub static FROZENSET: TypeDef = TypeDef {
    methods: &[
        frozenset_method("union", Varargs, union),
        frozenset_method("intersection", Varargs, intersection),
        frozenset_method("difference", Varargs, difference),
        frozenset_method("symmetric_difference", One, symmetric_difference),
        frozenset_method("issubset", One, issubset),
        frozenset_method("issuperset", One, issuperset),
        frozenset_method("isdisjoint", One, isdisjoint),
        frozenset_method("copy", NoArgs, copy),
    ],
    attrs: &[],
    getattr: None,
};

/// The receiver (a set or a frozenset: `FnDef::check` made sure).
fn recv(args: &[Value]) -> &Value {
    &args[0]
}

/// The receiver of a method only `set` has.
fn recv_set(args: &[Value]) -> &Rc<RefCell<SetObj>> {
    match &args[0] {
        Value::Set(s) => s,
        _ => unreachable!("set method on another type"),
    }
}

/// A snapshot of a set or frozenset value.
fn snapshot(v: &Value) -> Option<Rc<SetObj>> {
    match v {
        Value::Set(s) => Some(Rc::new(s.borrow().clone())),
        Value::FrozenSet(s) => Some(s.clone()),
        _ => None,
    }
}

fn same(a: &Value, b: &Value) -> bool {
    matches!(
        (a, b),
        (Value::Set(_), Value::Set(_)) | (Value::FrozenSet(_), Value::FrozenSet(_))
    ) && a.is(b)
}

/// Wraps a result in the receiver's type.
fn wrap(like: &Value, s: SetObj) -> Value {
    match like {
        Value::FrozenSet(_) => Value::frozenset(s),
        _ => Value::set(s),
    }
}

/// The other operand of a set method, with its keys hashed up front (no
/// krait code runs while a set is borrowed).
enum Other {
    Set(Rc<SetObj>),
    Dict(Dict),
    Seq(Vec<DictKey>),
}

impl Other {
    fn keys(&self) -> Vec<DictKey> {
        match self {
            Other::Set(s) => s.keys().cloned().collect(),
            Other::Dict(d) => d.entries().map(|(k, _)| k.clone()).collect(),
            Other::Seq(v) => v.clone(),
        }
    }
}

fn other_of(vm: &mut Vm, v: &Value) -> PyResult<Other> {
    Ok(match v {
        Value::Set(_) | Value::FrozenSet(_) => Other::Set(snapshot(v).unwrap_or_default()),
        Value::Dict(d) => Other::Dict(d.borrow().clone()),
        _ => {
            let items = vm.collect(v)?;
            let mut keys = Vec::with_capacity(items.len());
            for it in items {
                keys.push(vm.hash_key(it)?);
            }
            Other::Seq(keys)
        }
    })
}

/// A key for lookups (`remove`, `discard`, `in`): an unhashable set is
/// looked up as the equal frozenset, as CPython does.
pub fn lookup_key(vm: &mut Vm, v: &Value) -> PyResult<DictKey> {
    if let Value::Set(s) = v {
        let f = Value::FrozenSet(Rc::new(s.borrow().clone()));
        return DictKey::new(f);
    }
    vm.hash_key(v.clone())
}

/// Runs `f` on the set `s` (whose lookups may call a user `__eq__` through
/// `eq`): in place when neither side has keys that run krait code when
/// compared, else on a copy put back afterwards, so krait code never finds
/// the set borrowed.
fn on_set(
    vm: &mut Vm,
    s: &Rc<RefCell<SetObj>>,
    other_user_keys: bool,
    f: impl FnOnce(&mut SetObj, &mut VmEq) -> PyResult<()>,
) -> PyResult<()> {
    if !other_user_keys && !s.borrow().has_user_keys() {
        return f(&mut s.borrow_mut(), &mut VmEq(vm));
    }
    let mut copy = s.borrow().clone();
    let r = f(&mut copy, &mut VmEq(vm));
    *s.borrow_mut() = copy;
    r
}

impl Other {
    /// Whether comparing its keys may run krait code.
    fn has_user_keys(&self) -> bool {
        match self {
            Other::Set(s) => s.has_user_keys(),
            Other::Dict(d) => !d.keys().all(is_plain_key),
            Other::Seq(v) => !v.iter().all(|k| is_plain_key(&k.value)),
        }
    }
}

/// `set_update_internal`: adds everything in `other` to `s`.
fn update_with(s: &mut SetObj, other: &Other, eq: &mut VmEq) -> PyResult<()> {
    match other {
        Other::Set(o) => s.merge_with(o, eq)?,
        Other::Dict(d) => {
            s.reserve_for(d.len());
            for (k, _) in d.entries() {
                s.insert_with(k.clone(), eq)?;
            }
        }
        Other::Seq(keys) => {
            for k in keys {
                s.insert_with(k.clone(), eq)?;
            }
        }
    }
    Ok(())
}

/// `target |= other` for any iterable `other` (`set_update_internal`): what
/// `SET_UPDATE` and `set.update` do. A set literal of three or more
/// constants is, in CPython, `SET_UPDATE` of a frozenset constant built by
/// adding the items in order; pass that frozenset here to get its order.
pub fn set_update(vm: &mut Vm, target: &Value, other: &Value) -> PyResult<()> {
    let Value::Set(s) = target else {
        return Ok(());
    };
    if same(target, other) {
        return Ok(());
    }
    let other = other_of(vm, other)?;
    on_set(vm, s, other.has_user_keys(), |s, eq| {
        update_with(s, &other, eq)
    })
}

/// A new set from any iterable, built as `set(iterable)` builds it.
pub fn set_from_iterable(vm: &mut Vm, v: &Value) -> PyResult<SetObj> {
    if let Some(g) = crate::vm::sink::generator_of(v) {
        return set_from_generator(vm, &g);
    }
    let other = other_of(vm, v)?;
    let mut s = SetObj::new();
    update_with(&mut s, &other, &mut VmEq(vm))?;
    Ok(s)
}

/// `set(genexpr)`: each item is added as it comes (CPython's
/// `set_update_internal` on an iterator), the plain ones by the generator
/// itself (`vm/sink.rs`).
fn set_from_generator(vm: &mut Vm, g: &Rc<RefCell<IterObj>>) -> PyResult<SetObj> {
    let mut sink = Sink::Set(SetObj::new());
    while let Some(v) = vm.resume_into(g, &mut sink)? {
        let key = vm.hash_key(v)?;
        if let Sink::Set(s) = &mut sink {
            s.insert_with(key, &mut VmEq(vm))?;
        }
    }
    match sink {
        Sink::Set(s) => Ok(s),
        _ => unreachable!("a Set sink stays one"),
    }
}

/// `set_intersection(so, other)` for a non-identical other.
fn intersect(so: &SetObj, other: &Other, eq: &mut VmEq) -> PyResult<SetObj> {
    match other {
        Other::Set(o) => so.intersection_with(o, eq),
        _ => {
            let mut result = SetObj::new();
            for k in other.keys() {
                if so.contains_with(&k, eq)? {
                    result.insert_with(k, eq)?;
                }
            }
            Ok(result)
        }
    }
}

/// `set_difference_update_internal(so, other)` for a non-identical other.
fn difference_update_with(so: &mut SetObj, other: &Other, eq: &mut VmEq) -> PyResult<()> {
    match other {
        Other::Set(o) => so.difference_update_with(o, eq),
        _ => {
            for k in other.keys() {
                so.remove_with(&k, eq)?;
            }
            so.compact_after_removals();
            Ok(())
        }
    }
}

/// `set_difference(so, other)` for a non-identical other.
fn difference_with(so: &SetObj, other: &Other, eq: &mut VmEq) -> PyResult<SetObj> {
    match other {
        Other::Set(o) => so.difference_with(o, eq),
        Other::Dict(d) => {
            if (so.len() >> 2) > d.len() {
                let mut r = so.py_copy();
                difference_update_with(&mut r, other, eq)?;
                Ok(r)
            } else {
                let mut r = SetObj::new();
                for k in so.keys() {
                    if !d.contains_with(k, eq)? {
                        r.insert_with(k.clone(), eq)?;
                    }
                }
                Ok(r)
            }
        }
        Other::Seq(_) => {
            let mut r = so.py_copy();
            difference_update_with(&mut r, other, eq)?;
            Ok(r)
        }
    }
}

/// `set_symmetric_difference_update(so, other)` for a non-identical other.
fn symmetric_update_with(so: &mut SetObj, other: &Other, eq: &mut VmEq) -> PyResult<()> {
    let walk: Rc<SetObj> = match other {
        Other::Set(o) => o.clone(),
        Other::Dict(d) => {
            for (k, _) in d.entries() {
                if !so.remove_with(k, eq)? {
                    so.insert_with(k.clone(), eq)?;
                }
            }
            return Ok(());
        }
        Other::Seq(_) => {
            let mut t = SetObj::new();
            update_with(&mut t, other, eq)?;
            Rc::new(t)
        }
    };
    so.symmetric_difference_update_with(&walk, eq)
}

fn set_of(v: &Value) -> Rc<SetObj> {
    snapshot(v).unwrap_or_default()
}

// ---------------------------------------------------------------- mutators

fn add(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = recv_set(args).clone();
    let k = vm.hash_key(args[1].clone())?;
    vm.set_add(&s, k)?;
    Ok(Value::None)
}

fn discard(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = recv_set(args).clone();
    let k = lookup_key(vm, &args[1])?;
    vm.set_discard(&s, &k)?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = recv_set(args).clone();
    let k = lookup_key(vm, &args[1])?;
    if vm.set_discard(&s, &k)? {
        Ok(Value::None)
    } else {
        Err(PyErr::key_error(args[1].clone()))
    }
}

fn pop(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = recv_set(args);
    let v = s.borrow_mut().pop();
    v.ok_or_else(|| PyErr::key_error(Value::str("pop from an empty set")))
}

fn clear(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = recv_set(args);
    let old = std::mem::take(&mut *s.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn update(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = recv_set(args).clone();
    for o in &args[1..] {
        if same(&args[0], o) {
            continue;
        }
        let other = other_of(vm, o)?;
        on_set(vm, &s, other.has_user_keys(), |s, eq| {
            update_with(s, &other, eq)
        })?;
    }
    Ok(Value::None)
}

fn intersection_update(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = recv_set(args).clone();
    let r = intersection_multi(vm, &args[0], &args[1..])?;
    *s.borrow_mut() = r;
    Ok(Value::None)
}

fn difference_update(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = recv_set(args).clone();
    for o in &args[1..] {
        if same(&args[0], o) {
            s.borrow_mut().clear();
            continue;
        }
        let other = other_of(vm, o)?;
        on_set(vm, &s, other.has_user_keys(), |s, eq| {
            difference_update_with(s, &other, eq)
        })?;
    }
    Ok(Value::None)
}

fn symmetric_difference_update(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = recv_set(args).clone();
    if same(&args[0], &args[1]) {
        s.borrow_mut().clear();
        return Ok(Value::None);
    }
    let other = other_of(vm, &args[1])?;
    on_set(vm, &s, other.has_user_keys(), |s, eq| {
        symmetric_update_with(s, &other, eq)
    })?;
    Ok(Value::None)
}

// ---------------------------------------------------------------- new sets

fn copy(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = recv(args);
    if let Value::FrozenSet(_) = me {
        return Ok(me.clone());
    }
    Ok(wrap(me, set_of(me).py_copy()))
}

fn union(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = recv(args);
    let mut r = set_of(me).py_copy();
    for o in &args[1..] {
        if same(me, o) {
            continue;
        }
        let other = other_of(vm, o)?;
        update_with(&mut r, &other, &mut VmEq(vm))?;
    }
    Ok(wrap(me, r))
}

fn intersection_multi(vm: &mut Vm, me: &Value, others: &[Value]) -> PyResult<SetObj> {
    let mut r = set_of(me).py_copy();
    if others.is_empty() {
        return Ok(r);
    }
    let mut first = true;
    for o in others {
        if first && same(me, o) {
            // `s.intersection(s)` is a copy.
            first = false;
            continue;
        }
        let other = other_of(vm, o)?;
        r = if first {
            intersect(&set_of(me), &other, &mut VmEq(vm))?
        } else {
            intersect(&r, &other, &mut VmEq(vm))?
        };
        first = false;
    }
    Ok(r)
}

fn intersection(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = recv(args);
    let r = intersection_multi(vm, me, &args[1..])?;
    Ok(wrap(me, r))
}

fn difference(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = recv(args);
    let base = set_of(me);
    let Some(first) = args.get(1) else {
        return Ok(wrap(me, base.py_copy()));
    };
    let mut r = if same(me, first) {
        SetObj::new()
    } else {
        let other = other_of(vm, first)?;
        difference_with(&base, &other, &mut VmEq(vm))?
    };
    for o in &args[2..] {
        if same(me, o) {
            // Items of the receiver itself: all go.
            let all = Other::Set(base.clone());
            difference_update_with(&mut r, &all, &mut VmEq(vm))?;
            continue;
        }
        let other = other_of(vm, o)?;
        difference_update_with(&mut r, &other, &mut VmEq(vm))?;
    }
    Ok(wrap(me, r))
}

fn symmetric_difference(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = recv(args);
    let other = other_of(vm, &args[1])?;
    let mut r = SetObj::new();
    let eq = &mut VmEq(vm);
    update_with(&mut r, &other, eq)?;
    r.symmetric_difference_update_with(&set_of(me), eq)?;
    Ok(wrap(me, r))
}

// ---------------------------------------------------------------- predicates

fn issubset(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = recv(args);
    let other = match snapshot(&args[1]) {
        Some(o) => o,
        None => Rc::new(set_from_iterable(vm, &args[1])?),
    };
    Ok(Value::Bool(
        set_of(me).is_subset_with(&other, &mut VmEq(vm))?,
    ))
}

fn issuperset(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = recv(args);
    let mine = set_of(me);
    let eq = &mut VmEq(vm);
    let r = match other_of(eq.0, &args[1])? {
        Other::Set(o) => o.is_subset_with(&mine, eq)?,
        other => {
            let mut all = true;
            for k in other.keys() {
                if !mine.contains_with(&k, eq)? {
                    all = false;
                    break;
                }
            }
            all
        }
    };
    Ok(Value::Bool(r))
}

fn isdisjoint(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let me = recv(args);
    let mine = set_of(me);
    let eq = &mut VmEq(vm);
    let r = match other_of(eq.0, &args[1])? {
        Other::Set(o) => mine.is_disjoint_with(&o, eq)?,
        other => {
            let mut none = true;
            for k in other.keys() {
                if mine.contains_with(&k, eq)? {
                    none = false;
                    break;
                }
            }
            none
        }
    };
    Ok(Value::Bool(r))
}

// ---------------------------------------------------------------- operators

/// `a | b`, `a & b`, `a - b`, `a ^ b` (and the in-place forms on a `set`)
/// for two sets/frozensets, as CPython computes them. `op` is one of
/// `'|' '&' '-' '^'`; `None` when an operand is not a set.
pub fn set_binop(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: char,
    inplace: bool,
) -> PyResult<Option<Value>> {
    if !matches!(a, Value::Set(_) | Value::FrozenSet(_)) {
        return Ok(None);
    }
    let Some(y) = snapshot(b) else {
        return Ok(None);
    };
    let identical = same(a, b);
    if inplace {
        if let Value::Set(s) = a {
            on_set(vm, s, y.has_user_keys(), |me, eq| {
                match op {
                    '|' if !identical => me.merge_with(&y, eq)?,
                    '&' => {
                        *me = if identical {
                            me.py_copy()
                        } else {
                            me.intersection_with(&y, eq)?
                        }
                    }
                    '-' | '^' if identical => me.clear(),
                    '-' => me.difference_update_with(&y, eq)?,
                    '^' => me.symmetric_difference_update_with(&y, eq)?,
                    _ => {}
                }
                Ok(())
            })?;
            return Ok(Some(a.clone()));
        }
    }
    let Some(x) = snapshot(a) else {
        return Ok(None);
    };
    let eq = &mut VmEq(vm);
    let r = match op {
        '|' => x.union_with(&y, eq)?,
        '&' => {
            if identical {
                x.py_copy()
            } else {
                x.intersection_with(&y, eq)?
            }
        }
        '-' => {
            if identical {
                SetObj::new()
            } else {
                x.difference_with(&y, eq)?
            }
        }
        '^' => x.symmetric_difference_with(&y, eq)?,
        _ => return Ok(None),
    };
    Ok(Some(wrap(a, r)))
}
