//! Methods of `dict`.

use std::cell::RefCell;
use std::rc::Rc;

use super::str_methods::posargs;
use super::typedef::{FnDef, Params, Params::*, TypeDef};
use crate::value::class::AttrMap;
use crate::value::{
    Builtin, Class, Dict, DictKey, Instance, Kwargs, NativeFn, PyErr, PyResult, PyStr, SetObj, Str,
    TypeKind, Value,
};
use crate::vm::iter::IterObj;
use crate::vm::keys::VmEq;
use crate::vm::Vm;

const fn m(name: &'static str, params: Params, func: NativeFn) -> FnDef {
    FnDef::method("dict", |v| matches!(v, Value::Dict(_)), name, params, func)
}

pub static TYPE: TypeDef = TypeDef {
    methods: &[
        m("get", Positional(1, 2), get),
        m("items", NoArgs, items),
        m("keys", NoArgs, keys),
        m("values", NoArgs, values),
        m("pop", Positional(1, 2), pop),
        m("popitem", NoArgs, popitem),
        m("setdefault", Positional(1, 2), setdefault),
        m("update", Own, update),
        m("copy", NoArgs, copy),
        m("clear", NoArgs, clear),
        // A class method: the receiver is the class, or a dict.
        FnDef {
            name: "fromkeys",
            owner: "dict",
            receives: Some(|_| true),
            params: Own,
            func: fromkeys,
        },
    ],
    attrs: &[],
    getattr: None,
};

type DictRef = Rc<RefCell<Dict>>;

/// The receiver, which `FnDef::check` made sure is a dict.
fn recv(args: &[Value]) -> &DictRef {
    match &args[0] {
        Value::Dict(d) => d,
        _ => unreachable!("dict method on another type"),
    }
}

fn get(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = recv(args).clone();
    let k = vm.hash_key(args[1].clone())?;
    let found = vm.dict_get(&d, &k)?;
    Ok(found.unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

// ---------------------------------------------------------------- views
//
// `keys()`, `values()` and `items()` return live views. The VM has no view
// value, so a view is an instance of a (cached) class `dict_keys` /
// `dict_values` / `dict_items` whose dunders are native functions here; the
// instance holds the dict in the attribute `_dict`.

#[derive(Clone, Copy, PartialEq)]
enum ViewKind {
    Keys,
    Values,
    Items,
}

impl ViewKind {
    /// The type's name: `OrderedDict`'s views are `odict_keys` and so on.
    fn name(self, ordered: bool) -> &'static str {
        match (self, ordered) {
            (ViewKind::Keys, false) => "dict_keys",
            (ViewKind::Values, false) => "dict_values",
            (ViewKind::Items, false) => "dict_items",
            (ViewKind::Keys, true) => "odict_keys",
            (ViewKind::Values, true) => "odict_values",
            (ViewKind::Items, true) => "odict_items",
        }
    }
}

fn pystr(s: &str) -> Str {
    Rc::new(PyStr::new(s))
}

/// The class of a dict view (made at the first, one set per VM:
/// `Vm::view_classes`).
fn view_class(vm: &Vm, kind: ViewKind, ordered: bool) -> Rc<Class> {
    let classes = vm.view_classes.get_or_init(|| {
        let make = |k: ViewKind, ordered: bool| {
            let mut dict = AttrMap::default();
            let mut methods: Vec<(&'static str, NativeFn)> = vec![
                ("__iter__", view_iter),
                ("__reversed__", view_reversed),
                ("__len__", view_len),
                ("__contains__", view_contains),
                ("__repr__", view_repr),
            ];
            if k != ViewKind::Values {
                methods.extend_from_slice(&[
                    ("__eq__", view_eq as NativeFn),
                    ("__and__", view_and),
                    ("__or__", view_or),
                    ("__sub__", view_sub),
                    ("__xor__", view_xor),
                    ("__rand__", view_rand),
                    ("__ror__", view_ror),
                    ("__rsub__", view_rsub),
                    ("__rxor__", view_rxor),
                    ("isdisjoint", view_isdisjoint),
                ]);
            }
            for (name, f) in methods {
                dict.insert(
                    pystr(name),
                    Value::Builtin(Rc::new(Builtin {
                        name,
                        owner: Some(k.name(ordered)),
                        func: f,
                        bound_self: None,
                        counting: Default::default(),
                        def: None,
                        host: None,
                    })),
                );
            }
            Class::native(
                "builtins",
                k.name(ordered),
                Some(vm.types.object.clone()),
                TypeKind::Object,
                true,
                dict,
            )
        };
        [
            make(ViewKind::Keys, false),
            make(ViewKind::Values, false),
            make(ViewKind::Items, false),
            make(ViewKind::Keys, true),
            make(ViewKind::Values, true),
            make(ViewKind::Items, true),
        ]
    });
    classes[kind as usize + 3 * ordered as usize].clone()
}

fn make_view(vm: &mut Vm, d: &DictRef, kind: ViewKind) -> Value {
    view_value(vm, d, kind, false)
}

/// `OrderedDict`'s `keys()`, `values()`, `items()` (0, 1, 2).
pub fn ordered_view(vm: &mut Vm, d: &DictRef, which: u8) -> Value {
    let kind = match which {
        0 => ViewKind::Keys,
        1 => ViewKind::Values,
        _ => ViewKind::Items,
    };
    view_value(vm, d, kind, true)
}

/// An `OrderedDict`'s iterator over keys (0), values (1) or items (2),
/// backwards when `rev`.
pub fn ordered_iter(d: &DictRef, kind: u8, rev: bool) -> Value {
    let b = d.borrow();
    let mut order = b.live_positions();
    if rev {
        order.reverse();
    }
    Value::Iter(crate::gc::alloc(RefCell::new(IterObj::ODict {
        dict: d.clone(),
        order,
        pos: 0,
        version: b.keys_version(),
        kind,
    })))
}

fn view_value(vm: &mut Vm, d: &DictRef, kind: ViewKind, ordered: bool) -> Value {
    // Views are instances whose class defines `__eq__` without a class
    // statement: `==` must ask it (`Vm::rich_compare_defined`).
    vm.rich_compare_defined = true;
    let inst = Instance::new(view_class(vm, kind, ordered));
    inst.set_attr(pystr("_dict"), Value::Dict(d.clone()));
    Value::Instance(crate::gc::alloc(inst))
}

/// The dict and kind of a view instance.
fn view_of(v: &Value) -> Option<(DictRef, ViewKind)> {
    let Value::Instance(inst) = v else {
        return None;
    };
    let kind = match inst.class.name.as_str() {
        "dict_keys" | "odict_keys" => ViewKind::Keys,
        "dict_values" | "odict_values" => ViewKind::Values,
        "dict_items" | "odict_items" => ViewKind::Items,
        _ => return None,
    };
    if !inst.class.module.as_str().eq("builtins") {
        return None;
    }
    match inst.get_attr("_dict") {
        Some(Value::Dict(d)) => Some((d, kind)),
        _ => None,
    }
}

fn view_recv(args: &[Value]) -> PyResult<(DictRef, ViewKind)> {
    args.first()
        .and_then(view_of)
        .ok_or_else(|| PyErr::type_error("descriptor requires a dict view"))
}

/// The view's items as values (keys, values or `(key, value)` tuples).
fn view_items(d: &DictRef, kind: ViewKind) -> Vec<Value> {
    let d = d.borrow();
    match kind {
        ViewKind::Keys => d.keys().cloned().collect(),
        ViewKind::Values => d.values().cloned().collect(),
        ViewKind::Items => d
            .iter()
            .map(|(k, v)| Value::tuple(vec![k.clone(), v.clone()]))
            .collect(),
    }
}

/// Whether a view (`view_recv` checked it) is an `OrderedDict`'s (`odict_keys`).
fn is_ordered_view(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if i.class.name.as_str().starts_with('o'))
}

/// `reversed(view)`: an `OrderedDict`'s walks its order backwards.
fn view_reversed(_vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (d, kind) = view_recv(args)?;
    if is_ordered_view(&args[0]) {
        return Ok(ordered_iter(&d, kind as u8, true));
    }
    Ok(dict_reverse_iter(&d, kind as u8))
}

/// `reversed(d)` (`kind` 0), `reversed(d.values())` (1), `reversed(d.items())` (2).
pub fn dict_reverse_iter(d: &DictRef, kind: u8) -> Value {
    let b = d.borrow();
    let mut positions = b.live_positions();
    positions.reverse();
    Value::Iter(crate::gc::alloc(RefCell::new(IterObj::DictReverse {
        dict: d.clone(),
        positions,
        index: 0,
        len: b.len(),
        kind,
    })))
}

fn view_iter(_vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (d, kind) = view_recv(args)?;
    if is_ordered_view(&args[0]) {
        return Ok(ordered_iter(&d, kind as u8, false));
    }
    let len = d.borrow().len();
    let it = match kind {
        ViewKind::Keys => IterObj::DictKeys {
            dict: d,
            index: 0,
            len,
            left: len,
        },
        ViewKind::Values => IterObj::DictValues {
            dict: d,
            index: 0,
            len,
            left: len,
        },
        ViewKind::Items => IterObj::DictItems {
            dict: d,
            index: 0,
            len,
            left: len,
        },
    };
    Ok(Value::Iter(crate::gc::alloc(RefCell::new(it))))
}

fn view_len(_vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (d, _) = view_recv(args)?;
    let n = d.borrow().len();
    Ok(Value::Int(n as i64))
}

fn view_contains(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (d, kind) = view_recv(args)?;
    let x = args.get(1).cloned().unwrap_or_default();
    Ok(Value::Bool(view_has(vm, &d, kind, &x)?))
}

fn view_has(vm: &mut Vm, d: &DictRef, kind: ViewKind, x: &Value) -> PyResult<bool> {
    match kind {
        ViewKind::Keys => {
            let k = vm.hash_key(x.clone())?;
            vm.dict_contains(d, &k)
        }
        ViewKind::Items => {
            let Value::Tuple(t) = x else {
                return Ok(false);
            };
            if t.len() != 2 {
                return Ok(false);
            }
            let k = vm.hash_key(t[0].clone())?;
            let found = vm.dict_get(d, &k)?;
            match found {
                Some(v) => Ok(v.is(&t[1]) || vm.eq(&v, &t[1])?),
                None => Ok(false),
            }
        }
        ViewKind::Values => {
            for v in view_items(d, kind) {
                if v.is(x) || vm.eq(&v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_repr(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (d, kind) = view_recv(args)?;
    let ordered = is_ordered_view(&args[0]);
    let mut parts = Vec::new();
    for v in view_items(&d, kind) {
        parts.push(vm.repr(&v)?);
    }
    Ok(Value::string(format!(
        "{}([{}])",
        kind.name(ordered),
        parts.join(", ")
    )))
}

/// The items of the other operand of a set-like view operation.
fn other_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match view_of(v) {
        Some((d, kind)) => Ok(view_items(&d, kind)),
        None => vm.collect(v),
    }
}

fn view_eq(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (d, kind) = view_recv(args)?;
    let other = args.get(1).cloned().unwrap_or_default();
    let is_setlike = matches!(other, Value::Set(_) | Value::FrozenSet(_))
        || matches!(view_of(&other), Some((_, k)) if k != ViewKind::Values);
    if !is_setlike {
        return Ok(Value::NotImplemented);
    }
    let theirs = other_items(vm, &other)?;
    if theirs.len() != d.borrow().len() {
        return Ok(Value::Bool(false));
    }
    for x in &theirs {
        if !view_has(vm, &d, kind, x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// The operands of `view OP other` (or, `reflected`, `other OP view`) as
/// CPython's dictviews_*: a set of the left operand's items, and the right's.
fn view_set(vm: &mut Vm, args: &[Value], reflected: bool) -> PyResult<(SetObj, Vec<DictKey>)> {
    view_recv(args)?;
    let other = args.get(1).cloned().unwrap_or_default();
    let (left, right) = match reflected {
        false => (&args[0], &other),
        true => (&other, &args[0]),
    };
    let mut mine = SetObj::new();
    for v in other_items(vm, left)? {
        let k = vm.hash_key(v)?;
        mine.insert_with(k, &mut VmEq(vm))?;
    }
    let mut theirs = Vec::new();
    for v in other_items(vm, right)? {
        theirs.push(vm.hash_key(v)?);
    }
    Ok((mine, theirs))
}

fn set_value(s: SetObj) -> Value {
    Value::set(s)
}

fn view_and_op(vm: &mut Vm, args: &[Value], reflected: bool) -> PyResult<Value> {
    // As _PyDictView_Intersect: a set at least as big as the view does
    // `other.intersection(view)`, keeping the view's keys.
    if let (Ok((d, kind)), Some(Value::Set(o))) = (view_recv(args), args.get(1)) {
        let other = o.borrow().clone();
        if d.borrow().len() <= other.len() {
            let mut r = SetObj::new();
            for v in view_items(&d, kind) {
                let k = vm.hash_key(v)?;
                if other.contains_with(&k, &mut VmEq(vm))? {
                    r.insert_with(k, &mut VmEq(vm))?;
                }
            }
            return Ok(set_value(r));
        }
    }
    let (mine, theirs) = view_set(vm, args, reflected)?;
    let mut r = SetObj::new();
    for k in theirs {
        if mine.contains_with(&k, &mut VmEq(vm))? {
            r.insert_with(k, &mut VmEq(vm))?;
        }
    }
    Ok(set_value(r))
}

fn view_or_op(vm: &mut Vm, args: &[Value], reflected: bool) -> PyResult<Value> {
    let (mut mine, theirs) = view_set(vm, args, reflected)?;
    for k in theirs {
        mine.insert_with(k, &mut VmEq(vm))?;
    }
    Ok(set_value(mine))
}

fn view_sub_op(vm: &mut Vm, args: &[Value], reflected: bool) -> PyResult<Value> {
    let (mut mine, theirs) = view_set(vm, args, reflected)?;
    for k in &theirs {
        mine.remove_with(k, &mut VmEq(vm))?;
    }
    mine.compact_after_removals();
    Ok(set_value(mine))
}

fn view_xor_op(vm: &mut Vm, args: &[Value], reflected: bool) -> PyResult<Value> {
    let (mut mine, theirs) = view_set(vm, args, reflected)?;
    let mut other = SetObj::new();
    for k in theirs {
        other.insert_with(k, &mut VmEq(vm))?;
    }
    mine.symmetric_difference_update_with(&other, &mut VmEq(vm))?;
    Ok(set_value(mine))
}

fn view_and(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    view_and_op(vm, args, false)
}

fn view_or(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    view_or_op(vm, args, false)
}

fn view_sub(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    view_sub_op(vm, args, false)
}

fn view_xor(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    view_xor_op(vm, args, false)
}

fn view_rand(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    view_and_op(vm, args, true)
}

fn view_ror(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    view_or_op(vm, args, true)
}

fn view_rsub(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    view_sub_op(vm, args, true)
}

fn view_rxor(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    view_xor_op(vm, args, true)
}

fn view_isdisjoint(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let (mine, theirs) = view_set(vm, args, false)?;
    for k in &theirs {
        if mine.contains_with(k, &mut VmEq(vm))? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn keys(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = recv(args);
    Ok(make_view(vm, d, ViewKind::Keys))
}

fn values(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = recv(args);
    Ok(make_view(vm, d, ViewKind::Values))
}

fn items(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = recv(args);
    Ok(make_view(vm, d, ViewKind::Items))
}

fn pop(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = recv(args).clone();
    // An empty dict answers without hashing the key (as CPython does).
    if d.borrow().is_empty() {
        return match args.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::key_error(args[1].clone())),
        };
    }
    let k = vm.hash_key(args[1].clone())?;
    let removed = vm.dict_remove(&d, &k)?;
    match removed {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::key_error(args[1].clone())),
        },
    }
}

fn popitem(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = recv(args);
    let last = d.borrow_mut().pop_last();
    match last {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(PyErr::key_error(Value::str(
            "popitem(): dictionary is empty",
        ))),
    }
}

fn setdefault(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = recv(args).clone();
    let k = vm.hash_key(args[1].clone())?;
    if let Some(v) = vm.dict_get(&d, &k)? {
        return Ok(v);
    }
    let default = args.get(2).cloned().unwrap_or(Value::None);
    d.borrow_mut().insert_new(k, default.clone());
    Ok(default)
}

/// What `dict(src)` and `d.update(src)` add (CPython's `dict_update_arg`):
/// a dict or mapping merged, else (key, value) pairs inserted one by one,
/// so an error midway leaves the pairs before it in place.
pub fn update_from(vm: &mut Vm, d: &Value, src: &Value) -> PyResult<()> {
    if let Value::Dict(_) = src {
        return vm.dict_merge(d, src, false);
    }
    if let Value::Instance(i) = src {
        if i.class.lookup("keys").is_some() {
            return vm.dict_merge(d, src, false);
        }
    }
    let Value::Dict(dd) = d else { return Ok(()) };
    for (n, item) in vm.collect(src)?.into_iter().enumerate() {
        let pair = vm.collect(&item).map_err(|_| {
            PyErr::type_error(format!(
                "cannot convert dictionary update sequence element #{} to a sequence",
                n
            ))
        })?;
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{} has length {}; 2 is required",
                n,
                pair.len()
            )));
        }
        let k = vm.hash_key(pair[0].clone())?;
        vm.dict_set(dd, k, pair[1].clone())?;
    }
    Ok(())
}

fn update(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let d = recv(args).clone();
    posargs("dict", "update", args, &Vec::new(), 0, 1)?;
    if let Some(other) = args.get(1) {
        update_from(vm, &args[0], other)?;
    }
    for (k, v) in kw {
        vm.dict_set(&d, DictKey::str(k.as_str()), v.clone())?;
    }
    Ok(Value::None)
}

fn copy(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = recv(args);
    let c = d.borrow().copy();
    Ok(Value::dict(c))
}

fn clear(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = recv(args);
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
    // A subclass's (`OrderedDict.fromkeys`): `cls()` filled by `d[k] = v`.
    let cls = match &args[0] {
        Value::Class(c) => Some(c.clone()),
        Value::Instance(i) => Some(i.class.clone()),
        _ => None,
    };
    if let Some(cls) = cls.filter(|c| c.is_user) {
        let new = vm.call_value(&Value::Class(cls), vec![], vec![])?;
        let it = vm.get_iter(args[1].clone())?;
        while let Some(k) = vm.next_value(&it)? {
            vm.setitem(&new, k, value.clone())?;
        }
        return Ok(new);
    }
    let mut d = Dict::new();
    // CPython sizes the result once for a dict or set of keys.
    let keys: Vec<Value> = match &args[1] {
        Value::Dict(src) => {
            let src = src.borrow();
            d.reserve(src.len(), src.has_str_keys());
            src.keys().cloned().collect()
        }
        other @ (Value::Set(_) | Value::FrozenSet(_)) => {
            let keys = vm.collect(other)?;
            d.reserve(keys.len(), false);
            keys
        }
        other => vm.collect(other)?,
    };
    let d = crate::gc::alloc(RefCell::new(d));
    for k in keys {
        let key = vm.hash_key(k)?;
        vm.dict_set(&d, key, value.clone())?;
    }
    Ok(Value::Dict(d))
}
