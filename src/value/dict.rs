//! `dict`: insertion-ordered, keyed by hashable values with Python equality
//! (`1`, `1.0` and `True` are the same key).

use std::collections::HashMap;

use num_bigint::BigInt;
use rustc_hash::FxBuildHasher;

use super::hash;
use super::{ExcType, PyErr, PyResult, Value};

/// A hashable value with its hash computed once.
#[derive(Clone)]
pub struct DictKey {
    pub hash: i64,
    pub value: Value,
}

impl std::hash::Hash for DictKey {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash)
    }
}

impl PartialEq for DictKey {
    #[inline]
    fn eq(&self, other: &DictKey) -> bool {
        if self.hash != other.hash {
            return false;
        }
        // Interned names: the same object (globals, attributes).
        if let (Value::Str(x), Value::Str(y)) = (&self.value, &other.value) {
            if std::rc::Rc::ptr_eq(x, y) {
                return true;
            }
        }
        key_eq(&self.value, &other.value)
    }
}
impl Eq for DictKey {}

impl DictKey {
    /// The key for a value of a built-in hashable type. Instances hash by
    /// identity here; the VM handles a user `__hash__` before calling this.
    pub fn new(value: Value) -> PyResult<DictKey> {
        let hash = builtin_hash(&value)?;
        Ok(DictKey { hash, value })
    }
    /// The key for a name already held as a `str` (its hash is cached).
    pub fn name(s: &super::Str) -> DictKey {
        DictKey {
            hash: s.hash() as i64,
            value: Value::Str(s.clone()),
        }
    }

    pub fn str(s: &str) -> DictKey {
        let v = super::string::intern(s);
        DictKey {
            hash: v.hash() as i64,
            value: Value::Str(v),
        }
    }
}

/// `hash(v)` for values whose hash needs no krait code.
pub fn builtin_hash(v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::None => 0x5f3759df,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => hash::hash_i64(*i),
        Value::BigInt(b) => hash::hash_bigint(b),
        Value::Float(f) => hash::hash_f64(*f),
        Value::Str(s) => s.hash() as i64,
        Value::Tuple(items) => crate::vm::with_native_stack(|| {
            let mut hs = Vec::with_capacity(items.len());
            for it in items.iter() {
                hs.push(builtin_hash(it)?);
            }
            Ok(hash::hash_tuple(&hs))
        })?,
        Value::FrozenSet(s) => s.frozen_hash(),
        Value::List(_) | Value::Dict(_) | Value::Set(_) => {
            return Err(PyErr::new(
                ExcType::TypeError,
                format!("unhashable type: '{}'", v.builtin_type_name()),
            ))
        }
        Value::Slice(_) => return Err(PyErr::type_error("unhashable type: 'slice'")),
        // Methods hash as they compare: by the object's identity and the function.
        Value::BoundMethod(m) => identity_hash(&m.self_) ^ builtin_hash(&m.func)?,
        Value::Builtin(b) => match &b.bound_self {
            Some(s) => identity_hash(s) ^ super::hash::hash_str(b.name) as i64,
            None => identity_hash(v),
        },
        other => match other.ptr() {
            Some(p) => (p >> 4) as i64,
            None => 0,
        },
    })
}

/// The hash of an object's identity (`object.__hash__`).
fn identity_hash(v: &Value) -> i64 {
    match v.ptr() {
        Some(p) => (p >> 4) as i64,
        None => match v {
            Value::Int(i) => hash::hash_i64(*i),
            Value::Bool(b) => *b as i64,
            _ => 0,
        },
    }
}

/// Equality of keys without running krait code.
pub fn key_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => std::rc::Rc::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Tuple(x), Value::Tuple(y)) => crate::vm::with_native_stack(|| {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| key_eq(p, q))
        }),
        (Value::FrozenSet(x), Value::FrozenSet(y)) => x.same_items(y),
        (Value::BoundMethod(_) | Value::Builtin(_), _) => super::func::same_method(a, b),
        _ => match (num_of(a), num_of(b)) {
            (Some(x), Some(y)) => x == y,
            (None, None) => a.is(b),
            _ => false,
        },
    }
}

/// A number as an exact comparable form, for cross-type key equality.
#[derive(PartialEq)]
enum Num {
    Int(BigInt),
    Float(f64),
}

fn num_of(v: &Value) -> Option<Num> {
    Some(match v {
        Value::Bool(b) => Num::Int(BigInt::from(*b as i64)),
        Value::Int(i) => Num::Int(BigInt::from(*i)),
        Value::BigInt(b) => Num::Int((**b).clone()),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.is_finite() {
                Num::Int(super::int::float_to_big(*f))
            } else {
                Num::Float(*f)
            }
        }
        _ => return None,
    })
}

/// The dict itself: entries in insertion order (deleted ones leave a hole,
/// so deletion is O(1) like CPython's compact dict) and an index by key.
#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Option<(DictKey, Value)>>,
    index: HashMap<DictKey, usize, FxBuildHasher>,
    /// Changes whenever the contents do (unique across dicts): lets
    /// `LoadGlobal` keep what it found until the globals change.
    version: u64,
}

thread_local! {
    static NEXT_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

fn next_version() -> u64 {
    NEXT_VERSION.with(|v| {
        let n = v.get();
        v.set(n + 1);
        n
    })
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }
    pub fn len(&self) -> usize {
        self.index.len()
    }
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
    pub fn get(&self, key: &DictKey) -> Option<&Value> {
        let i = *self.index.get(key)?;
        self.entries[i].as_ref().map(|(_, v)| v)
    }
    /// Lookup by string (names, attribute dicts).
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        self.get(&DictKey::str(key))
    }
    /// The contents' version (0: never changed since made empty).
    #[inline]
    pub fn version(&self) -> u64 {
        self.version
    }

    pub fn insert(&mut self, key: DictKey, value: Value) {
        self.version = next_version();
        // A dict keeps the first key object it saw and only replaces the value.
        if let Some(&i) = self.index.get(&key) {
            if let Some((_, v)) = &mut self.entries[i] {
                *v = value;
            }
            return;
        }
        self.index.insert(key.clone(), self.entries.len());
        self.entries.push(Some((key, value)));
    }
    pub fn set_str(&mut self, key: &str, value: Value) {
        self.insert(DictKey::str(key), value)
    }
    pub fn remove(&mut self, key: &DictKey) -> Option<Value> {
        self.version = next_version();
        let i = self.index.remove(key)?;
        let (_, v) = self.entries[i].take()?;
        self.compact_if_sparse();
        Some(v)
    }
    /// Squeezes the holes out once they outnumber the entries.
    fn compact_if_sparse(&mut self) {
        if self.entries.len() > 16 && self.index.len() * 2 < self.entries.len() {
            self.entries.retain(|e| e.is_some());
            for (i, e) in self.entries.iter().enumerate() {
                if let Some((k, _)) = e {
                    if let Some(slot) = self.index.get_mut(k) {
                        *slot = i;
                    }
                }
            }
        }
    }
    pub fn contains(&self, key: &DictKey) -> bool {
        self.index.contains_key(key)
    }
    pub fn clear(&mut self) {
        self.version = next_version();
        self.entries.clear();
        self.index.clear();
    }
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.entries().map(|(k, _)| &k.value)
    }
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.entries().map(|(_, v)| v)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries().map(|(k, v)| (&k.value, v))
    }
    pub fn entries(&self) -> impl Iterator<Item = (&DictKey, &Value)> {
        self.entries.iter().flatten().map(|(k, v)| (k, v))
    }
    /// The first live entry at position `pos` or later, with its position
    /// (iterators keep positions, which stay valid while the size does).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, &Value, &Value)> {
        self.entries
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, e)| e.as_ref().map(|(k, v)| (i, &k.value, v)))
    }
    /// The `i`-th live entry in insertion order.
    pub fn get_index(&self, i: usize) -> Option<(&Value, &Value)> {
        self.iter().nth(i)
    }
    /// Removes and returns the last inserted item (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        self.version = next_version();
        while let Some(last) = self.entries.pop() {
            if let Some((k, v)) = last {
                self.index.remove(&k);
                return Some((k.value, v));
            }
        }
        None
    }
}
