//! The descriptor types a class body uses: `property`, `staticmethod`,
//! `classmethod`, and `super`. Their data attributes; how they bind is
//! `vm/attrs.rs`'s, and property's `getter`/`setter`/`deleter` are
//! installed with the other types' methods (`construct::install_type_methods`).

use super::typedef::{AttrDef, TypeDef};
use crate::value::{Descr, PyResult, Value};
use crate::vm::Vm;

/// The descriptor an attribute is read from.
fn descr(v: &Value) -> &Descr {
    match v {
        Value::Descr(d) => d,
        _ => unreachable!("descriptor attribute of another value"),
    }
}

pub static PROPERTY: TypeDef = TypeDef {
    methods: &[],
    attrs: &[
        AttrDef::new("fget", |_, v| Ok(property(v).0.clone())),
        AttrDef::new("fset", |_, v| Ok(property(v).1.clone())),
        AttrDef::new("__doc__", |_, v| Ok(property(v).2.clone())),
    ],
    getattr: None,
};

/// A property's getter, setter and doc.
fn property(v: &Value) -> (&Value, &Value, &Value) {
    match descr(v) {
        Descr::Property {
            fget, fset, doc, ..
        } => (fget, fset, doc),
        _ => unreachable!("property attribute of another descriptor"),
    }
}

pub static STATICMETHOD: TypeDef = TypeDef {
    methods: &[],
    attrs: &[AttrDef::new("__func__", wrapped_func)],
    getattr: None,
};

pub static CLASSMETHOD: TypeDef = TypeDef {
    methods: &[],
    attrs: &[AttrDef::new("__func__", wrapped_func)],
    getattr: None,
};

/// The function a static or class method wraps.
fn wrapped_func(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match descr(v) {
        Descr::StaticMethod(f) | Descr::ClassMethod(f) => Ok(f.clone()),
        _ => unreachable!("__func__ of another descriptor"),
    }
}

/// `super()`: every attribute is looked up along the MRO of the object it
/// was made for, after the class it names.
pub static SUPER: TypeDef = TypeDef {
    methods: &[],
    attrs: &[],
    getattr: Some(|vm, v, name| match descr(v) {
        Descr::Super { start_after, obj } => vm
            .super_getattr(start_after.clone(), obj.clone(), name)
            .map(Some),
        _ => unreachable!("super attribute of another descriptor"),
    }),
};
