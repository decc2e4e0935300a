//! Subclasses of built-in types (`class L(list)`, `class S(str)`): an
//! instance is an `Instance` (attributes, the user's methods) carrying a
//! payload, the built-in value it is (`Instance::payload`). The type's
//! methods and operators work on the payload (`Value::builtin_value`);
//! here are the `__new__` and `__init__` of the subclassable types, which
//! make it: `__new__` gives an immutable type's instance its value (or a
//! mutable type's an empty one), `__init__` fills a mutable one, as
//! CPython's `tp_new` and `tp_init` of those types do.

use std::rc::Rc;

use super::typedef::{FnDef, Params::*};
use crate::value::{Builtin, Class, Descr, Instance, Kwargs, PyErr, PyResult, TypeKind, Value};
use crate::vm::Vm;

fn any_receiver(_: &Value) -> bool {
    true
}

macro_rules! new_and_init {
    ($($owner:literal: $new:ident = $new_fn:ident $(, $init:ident = $init_fn:ident)?;)*) => {
        $(
            static $new: FnDef = FnDef::method($owner, any_receiver, "__new__", Own, $new_fn);
            fn $new_fn(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
                builtin_new($owner, vm, args, kwargs)
            }
            $(
                static $init: FnDef = FnDef::method($owner, any_receiver, "__init__", Own, $init_fn);
                fn $init_fn(vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
                    builtin_init($owner, vm, args, kwargs)
                }
            )?
        )*
    };
}

new_and_init! {
    "int": INT_NEW = int_new;
    "float": FLOAT_NEW = float_new;
    "str": STR_NEW = str_new;
    "tuple": TUPLE_NEW = tuple_new;
    "list": LIST_NEW = list_new, LIST_INIT = list_init;
    "dict": DICT_NEW = dict_new, DICT_INIT = dict_init;
    "set": SET_NEW = set_new, SET_INIT = set_init;
}

/// Puts `__new__` (a static method) and, for the mutable types,
/// `__init__` in the subclassable types' dicts: what `super().__new__(cls,
/// v)` and `super().__init__(items)` find.
pub fn install(vm: &mut Vm) {
    let types = [
        (vm.types.int.clone(), &INT_NEW, None),
        (vm.types.float.clone(), &FLOAT_NEW, None),
        (vm.types.str_.clone(), &STR_NEW, None),
        (vm.types.tuple.clone(), &TUPLE_NEW, None),
        (vm.types.list.clone(), &LIST_NEW, Some(&LIST_INIT)),
        (vm.types.dict.clone(), &DICT_NEW, Some(&DICT_INIT)),
        (vm.types.set.clone(), &SET_NEW, Some(&SET_INIT)),
    ];
    for (cls, new, init) in types {
        let n = vm.intern("__new__");
        let f = Value::Builtin(Rc::new(Builtin::from_def(new)));
        cls.dict
            .borrow_mut()
            .insert(n, Value::Descr(crate::gc::alloc(Descr::StaticMethod(f))));
        if let Some(init) = init {
            let n = vm.intern("__init__");
            cls.dict
                .borrow_mut()
                .insert(n, Value::Builtin(Rc::new(Builtin::from_def(init))));
        }
    }
}

/// The built-in type a user class derives from (None: `object`'s subclass).
pub fn builtin_base(c: &Rc<Class>) -> Option<&Rc<Class>> {
    let mut cur = Some(c);
    while let Some(k) = cur.filter(|k| k.is_user) {
        cur = k.base.as_ref();
    }
    cur.filter(|b| b.kind.subclassable())
}

/// `T.__new__(cls, *args)`: `cls` is `T` (a plain `T(*args)`) or a user
/// subclass of it (an instance whose payload is `T(*args)`, or an empty
/// `T` for the mutable types, which `__init__` fills).
fn builtin_new(owner: &str, vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(first) = args.first() else {
        return Err(PyErr::type_error(format!(
            "{owner}.__new__(): not enough arguments"
        )));
    };
    let Value::Class(cls) = first else {
        return Err(PyErr::type_error(format!(
            "{owner}.__new__(X): X is not a type object ({})",
            first.type_name()
        )));
    };
    let base = match builtin_base(cls) {
        Some(b) if b.name.as_str() == owner => b.clone(),
        _ if !cls.is_user && cls.name.as_str() == owner => cls.clone(),
        _ => {
            return Err(PyErr::type_error(format!(
                "{owner}.__new__({}): {} is not a subtype of {owner}",
                cls.name.as_str(),
                cls.name.as_str()
            )))
        }
    };
    make_instance(vm, cls, &base, &args[1..], kwargs)
}

/// An instance of `cls`, whose built-in type is `base`, made from `args`
/// as `base.__new__` makes it (a plain value when `cls` is `base`).
pub fn make_instance(
    vm: &mut Vm,
    cls: &Rc<Class>,
    base: &Rc<Class>,
    args: &[Value],
    kwargs: &Kwargs,
) -> PyResult<Value> {
    let payload = if base.kind.mutable_payload() && cls.is_user {
        super::construct_builtin(vm, base, &[], &Kwargs::new())?
    } else {
        super::construct_builtin(vm, base, args, kwargs)?
    };
    if !cls.is_user {
        return Ok(payload);
    }
    Ok(Value::Instance(crate::gc::alloc(Instance::with_payload(
        cls.clone(),
        payload,
    ))))
}

/// `list.__init__(self, iterable)`, `dict.__init__(self, ...)`,
/// `set.__init__(self, iterable)`: the list and set are replaced by the
/// items, the dict updated with them, as CPython's `tp_init`s do.
fn builtin_init(owner: &str, vm: &mut Vm, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
    let Some(target) = args.first().map(|v| v.builtin_value().clone()) else {
        return Err(PyErr::type_error(format!(
            "descriptor '__init__' of '{owner}' object needs an argument"
        )));
    };
    let kind = match (&target, owner) {
        (Value::List(_), "list") => TypeKind::List,
        (Value::Dict(_), "dict") => TypeKind::Dict,
        (Value::Set(_), "set") => TypeKind::Set,
        _ => {
            return Err(PyErr::type_error(format!(
                "descriptor '__init__' requires a '{owner}' object but received a '{}'",
                args[0].type_name()
            )))
        }
    };
    let cls = match kind {
        TypeKind::List => vm.types.list.clone(),
        TypeKind::Dict => vm.types.dict.clone(),
        _ => vm.types.set.clone(),
    };
    let made = super::construct_builtin(vm, &cls, &args[1..], kwargs)?;
    match (&target, made) {
        (Value::List(l), Value::List(m)) => {
            let items = std::mem::take(&mut *m.borrow_mut());
            // The old items go after the borrow ends (dropping may run code).
            let old = std::mem::replace(&mut *l.borrow_mut(), items);
            drop(old);
        }
        (Value::Set(s), Value::Set(m)) => {
            let items = std::mem::take(&mut *m.borrow_mut());
            let old = std::mem::replace(&mut *s.borrow_mut(), items);
            drop(old);
        }
        (Value::Dict(_), made @ Value::Dict(_)) => {
            super::dict_methods::update_from(vm, &target, &made)?;
        }
        _ => unreachable!("constructed the receiver's own type"),
    }
    Ok(Value::None)
}
