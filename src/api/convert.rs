//! Values across the boundary: Rust values a script receives
//! (`IntoValue`), script values a host reads as Rust ones (`FromValue`),
//! and argument lists for calls into a script (`IntoArgs`).
//!
//! A conversion copies: a `Vec` becomes a new list, a list read back a
//! new `Vec`. What cannot convert is a Python `TypeError` ("must be int,
//! not str", the words of CPython's argument parser) or `OverflowError`.

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasher;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::value::{Dict, ExcType, PyErr, PyResult, Value};
use crate::vm::Vm;

/// A Rust value a script can receive: `None`, `bool`, `int`, `float`,
/// `str`, `list`, `tuple` or `dict` by its Rust type.
pub trait IntoValue {
    #[doc(hidden)]
    fn into_value(self, vm: &mut Vm) -> Value;
}

/// A Rust value a script's value converts to. An `int` subclass converts
/// as its `int`, and so on for each built-in type.
pub trait FromValue: Sized {
    #[doc(hidden)]
    fn from_value(v: &Value) -> PyResult<Self>;
}

/// The arguments of a call into a script: `()`, a tuple of up to eight
/// values, or a `Vec`.
pub trait IntoArgs {
    #[doc(hidden)]
    fn into_args(self, vm: &mut Vm) -> Vec<Value>;
}

/// The built-in value behind `v`: an instance of a subclass of a built-in
/// type is converted as that type's value.
fn builtin(v: &Value) -> &Value {
    match v {
        Value::Instance(i) => i.payload().unwrap_or(v),
        _ => v,
    }
}

/// `must be EXPECTED, not TYPE`: what callers put after their subject
/// ("f() argument 1 ", "the result ").
#[cold]
fn mismatch(expected: &str, v: &Value) -> PyErr {
    PyErr::type_error(format!("must be {expected}, not {}", v.type_name()))
}

/// A conversion's error with its subject put before a `must be ...`
/// message: `the result must be int, not str`, `f() argument 1 must be ...`.
#[cold]
pub(crate) fn with_subject(e: PyErr, subject: &str) -> PyErr {
    match e {
        PyErr::New(t, Some(msg)) if msg.starts_with("must be ") => {
            PyErr::new(t, format!("{subject} {msg}"))
        }
        e => e,
    }
}

#[cold]
fn overflow(rust_type: &str) -> PyErr {
    PyErr::new(
        ExcType::OverflowError,
        format!("Python int too large to convert to {rust_type}"),
    )
}

impl IntoValue for () {
    fn into_value(self, _vm: &mut Vm) -> Value {
        Value::None
    }
}

/// Any value: a call or evaluation whose result the host ignores.
impl FromValue for () {
    fn from_value(_: &Value) -> PyResult<Self> {
        Ok(())
    }
}

impl IntoValue for bool {
    fn into_value(self, _vm: &mut Vm) -> Value {
        Value::Bool(self)
    }
}

impl FromValue for bool {
    fn from_value(v: &Value) -> PyResult<Self> {
        match builtin(v) {
            Value::Bool(b) => Ok(*b),
            _ => Err(mismatch("bool", v)),
        }
    }
}

/// An `int` (or `bool`, an `int` too) as an `i128`, `None` past it.
fn int_of(v: &Value) -> PyResult<Option<i128>> {
    match builtin(v) {
        Value::Int(i) => Ok(Some(*i as i128)),
        Value::Bool(b) => Ok(Some(*b as i128)),
        Value::BigInt(b) => Ok(b.to_i128()),
        _ => Err(mismatch("int", v)),
    }
}

macro_rules! int_conversions {
    ($($t:ty),*) => {$(
        impl IntoValue for $t {
            fn into_value(self, _vm: &mut Vm) -> Value {
                match i64::try_from(self) {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::from_bigint(BigInt::from(self)),
                }
            }
        }

        impl FromValue for $t {
            fn from_value(v: &Value) -> PyResult<Self> {
                int_of(v)?
                    .and_then(|i| <$t>::try_from(i).ok())
                    .ok_or_else(|| overflow(stringify!($t)))
            }
        }
    )*};
}

int_conversions!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, i128);

impl IntoValue for u128 {
    fn into_value(self, _vm: &mut Vm) -> Value {
        Value::from_bigint(BigInt::from(self))
    }
}

impl FromValue for u128 {
    fn from_value(v: &Value) -> PyResult<Self> {
        match builtin(v) {
            Value::BigInt(b) => b.to_u128().ok_or_else(|| overflow("u128")),
            _ => int_of(v)?
                .and_then(|i| u128::try_from(i).ok())
                .ok_or_else(|| overflow("u128")),
        }
    }
}

/// Ints of any size.
impl IntoValue for BigInt {
    fn into_value(self, _vm: &mut Vm) -> Value {
        Value::from_bigint(self)
    }
}

impl FromValue for BigInt {
    fn from_value(v: &Value) -> PyResult<Self> {
        match builtin(v) {
            Value::BigInt(b) => Ok((**b).clone()),
            Value::Int(i) => Ok(BigInt::from(*i)),
            Value::Bool(b) => Ok(BigInt::from(*b as i64)),
            _ => Err(mismatch("int", v)),
        }
    }
}

impl IntoValue for f64 {
    fn into_value(self, _vm: &mut Vm) -> Value {
        Value::Float(self)
    }
}

impl IntoValue for f32 {
    fn into_value(self, _vm: &mut Vm) -> Value {
        Value::Float(self as f64)
    }
}

/// A `float`, or an `int` as CPython's `PyFloat_AsDouble` takes it.
impl FromValue for f64 {
    fn from_value(v: &Value) -> PyResult<Self> {
        match builtin(v) {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => Ok(*i as f64),
            Value::Bool(b) => Ok(*b as i64 as f64),
            Value::BigInt(b) => b.to_f64().filter(|f| f.is_finite()).ok_or_else(|| {
                PyErr::new(ExcType::OverflowError, "int too large to convert to float")
            }),
            _ => Err(mismatch("real number", v)),
        }
    }
}

impl IntoValue for String {
    fn into_value(self, _vm: &mut Vm) -> Value {
        Value::str(&self)
    }
}

impl IntoValue for &str {
    fn into_value(self, _vm: &mut Vm) -> Value {
        Value::str(self)
    }
}

impl FromValue for String {
    fn from_value(v: &Value) -> PyResult<Self> {
        match builtin(v) {
            Value::Str(s) => Ok(s.as_str().to_string()),
            _ => Err(mismatch("str", v)),
        }
    }
}

/// `None` is `None`; anything else converts as `T`.
impl<T: IntoValue> IntoValue for Option<T> {
    fn into_value(self, vm: &mut Vm) -> Value {
        self.map_or(Value::None, |v| v.into_value(vm))
    }
}

impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: &Value) -> PyResult<Self> {
        match v {
            Value::None => Ok(None),
            _ => T::from_value(v).map(Some),
        }
    }
}

/// A list.
impl<T: IntoValue> IntoValue for Vec<T> {
    fn into_value(self, vm: &mut Vm) -> Value {
        Value::list(self.into_iter().map(|v| v.into_value(vm)).collect())
    }
}

/// A list or a tuple.
impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(v: &Value) -> PyResult<Self> {
        match builtin(v) {
            Value::List(l) => {
                // Copied first: converting an item runs no script code,
                // but the list must not be borrowed while errors are made.
                let items = l.borrow().clone();
                items.iter().map(T::from_value).collect()
            }
            Value::Tuple(t) => t.iter().map(T::from_value).collect(),
            _ => Err(mismatch("list or tuple", v)),
        }
    }
}

/// A dict with these keys, in the map's order.
impl<T: IntoValue, S: BuildHasher> IntoValue for HashMap<String, T, S> {
    fn into_value(self, vm: &mut Vm) -> Value {
        str_keyed_dict(vm, self)
    }
}

/// A dict with these keys, in key order.
impl<T: IntoValue> IntoValue for BTreeMap<String, T> {
    fn into_value(self, vm: &mut Vm) -> Value {
        str_keyed_dict(vm, self)
    }
}

fn str_keyed_dict<T: IntoValue>(
    vm: &mut Vm,
    entries: impl IntoIterator<Item = (String, T)>,
) -> Value {
    let mut d = Dict::new();
    for (k, v) in entries {
        d.set_str(&k, v.into_value(vm));
    }
    Value::dict(d)
}

/// A dict whose keys are all `str`.
impl<T: FromValue, S: BuildHasher + Default> FromValue for HashMap<String, T, S> {
    fn from_value(v: &Value) -> PyResult<Self> {
        str_keyed_entries(v)?.into_iter().collect()
    }
}

/// A dict whose keys are all `str`.
impl<T: FromValue> FromValue for BTreeMap<String, T> {
    fn from_value(v: &Value) -> PyResult<Self> {
        str_keyed_entries(v)?.into_iter().collect()
    }
}

fn str_keyed_entries<T: FromValue>(v: &Value) -> PyResult<Vec<PyResult<(String, T)>>> {
    let Value::Dict(d) = builtin(v) else {
        return Err(mismatch("dict", v));
    };
    let entries: Vec<(Value, Value)> = d
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(entries
        .iter()
        .map(|(k, v)| {
            let key = match builtin(k) {
                Value::Str(s) => s.as_str().to_string(),
                _ => {
                    return Err(PyErr::type_error(format!(
                        "keys must be str, not {}",
                        k.type_name()
                    )))
                }
            };
            Ok((key, T::from_value(v)?))
        })
        .collect())
}

macro_rules! tuple_conversions {
    ($n:literal: $($t:ident $i:tt),+) => {
        /// A tuple.
        impl<$($t: IntoValue),+> IntoValue for ($($t,)+) {
            fn into_value(self, vm: &mut Vm) -> Value {
                Value::tuple(vec![$(self.$i.into_value(vm)),+])
            }
        }

        /// A tuple (or list) of exactly this many items.
        impl<$($t: FromValue),+> FromValue for ($($t,)+) {
            fn from_value(v: &Value) -> PyResult<Self> {
                let items: Vec<Value> = match builtin(v) {
                    Value::Tuple(t) => t.to_vec(),
                    Value::List(l) => l.borrow().clone(),
                    _ => return Err(mismatch("tuple", v)),
                };
                if items.len() != $n {
                    return Err(PyErr::type_error(format!(
                        "must be a tuple of {} items, not {}",
                        $n,
                        items.len()
                    )));
                }
                Ok(($($t::from_value(&items[$i])?,)+))
            }
        }

        impl<$($t: IntoValue),+> IntoArgs for ($($t,)+) {
            fn into_args(self, vm: &mut Vm) -> Vec<Value> {
                vec![$(self.$i.into_value(vm)),+]
            }
        }
    };
}

tuple_conversions!(1: A 0);
tuple_conversions!(2: A 0, B 1);
tuple_conversions!(3: A 0, B 1, C 2);
tuple_conversions!(4: A 0, B 1, C 2, D 3);
tuple_conversions!(5: A 0, B 1, C 2, D 3, E 4);
tuple_conversions!(6: A 0, B 1, C 2, D 3, E 4, F 5);
tuple_conversions!(7: A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_conversions!(8: A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);

impl IntoArgs for () {
    fn into_args(self, _vm: &mut Vm) -> Vec<Value> {
        Vec::new()
    }
}

impl<T: IntoValue> IntoArgs for Vec<T> {
    fn into_args(self, vm: &mut Vm) -> Vec<Value> {
        self.into_iter().map(|v| v.into_value(vm)).collect()
    }
}
