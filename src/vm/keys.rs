//! Hashing and dict/set lookups as CPython does them: `hash()` runs a user
//! `__hash__` (also for the items of a tuple), and a lookup compares a key
//! with each stored key of the same hash by identity, then `==` (which may
//! run a user `__eq__`, whose exceptions propagate). A lookup whose
//! comparison changed the table starts again, as `lookdict`/`set_lookkey` do.
//!
//! The fast path (str, int and other built-in keys) never leaves
//! `Dict::probe`/`SetObj::probe`; the VM is asked only when a stored key
//! and the key looked up may run krait code when compared.

use std::cell::RefCell;
use std::rc::Rc;

use super::Vm;
use crate::value::dict::{builtin_hash, Probe};
use crate::value::set::{KeyEq, SetProbe};
use crate::value::{hash, Dict, DictKey, PyErr, PyResult, SetObj, Value};

/// The VM's `==` for the set algorithms (`SetObj::*_with`).
pub struct VmEq<'a>(pub &'a mut Vm);

impl KeyEq for VmEq<'_> {
    fn eq(&mut self, stored: &Value, key: &Value) -> PyResult<bool> {
        self.0.eq(stored, key)
    }
}

impl Vm {
    /// A dict key for `v` (runs a user `__hash__`).
    #[inline]
    pub fn hash_key(&mut self, v: Value) -> PyResult<DictKey> {
        let hash = match &v {
            Value::Str(s) => s.hash() as i64,
            Value::Int(i) => hash::hash_i64(*i),
            _ => self.hash_value(&v)?,
        };
        Ok(DictKey { hash, value: v })
    }

    /// `hash(v)`
    pub fn hash_value(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Instance(i) => match i.class.lookup_user("__hash__") {
                Some(m) => self.user_hash(v, &m),
                // A subclass of a built-in type hashes as its value, or
                // not at all (a list's).
                None => match i.payload() {
                    Some(Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Deque(_)) => Err(
                        PyErr::type_error(format!("unhashable type: '{}'", v.type_name())),
                    ),
                    Some(p) => {
                        let p = p.clone();
                        self.hash_value(&p)
                    }
                    None => builtin_hash(v),
                },
            },
            // As tuplehash: the items' hashes (user ones too), combined.
            Value::Tuple(items) => self.with_stack(|vm| {
                let mut hs = Vec::with_capacity(items.len());
                for it in items.iter() {
                    hs.push(vm.hash_value(it)?);
                }
                Ok(hash::hash_tuple(&hs))
            }),
            _ => builtin_hash(v),
        }
    }

    /// Calls a user `__hash__` (`None`: unhashable), as CPython's `slot_tp_hash`.
    fn user_hash(&mut self, v: &Value, m: &Value) -> PyResult<i64> {
        if m.is_none() {
            return Err(PyErr::type_error(format!(
                "unhashable type: '{}'",
                v.type_name()
            )));
        }
        let h = self.call_special(m, v, vec![])?;
        Ok(match h {
            // -1 is reserved (for errors).
            Value::Int(-1) => -2,
            Value::Int(i) => i,
            Value::Bool(b) => b as i64,
            // Too big for a machine word: the int's own hash.
            Value::BigInt(b) => hash::hash_bigint(&b),
            _ => {
                return Err(PyErr::type_error(
                    "__hash__ method should return an integer",
                ))
            }
        })
    }

    /// Where `key` is in `d`: (index slot, entry), running a user `__eq__`
    /// where one applies.
    #[inline]
    pub fn dict_lookup(
        &mut self,
        d: &Rc<RefCell<Dict>>,
        key: &DictKey,
    ) -> PyResult<Option<(usize, usize)>> {
        let p = d.borrow().probe(key);
        match p {
            Probe::Found { slot, ix } => Ok(Some((slot, ix))),
            Probe::Absent => Ok(None),
            Probe::Compare { ix, resume } => self.dict_lookup_slow(d, key, ix, resume),
        }
    }

    #[cold]
    #[inline(never)]
    fn dict_lookup_slow(
        &mut self,
        d: &Rc<RefCell<Dict>>,
        key: &DictKey,
        mut ix: usize,
        mut resume: crate::value::dict::Cursor,
    ) -> PyResult<Option<(usize, usize)>> {
        loop {
            let (stored, layout) = {
                let b = d.borrow();
                (b.key_at(ix).cloned(), b.layout())
            };
            let equal = match &stored {
                Some(s) => self.eq(s, &key.value)?,
                None => false,
            };
            let b = d.borrow();
            let unchanged = b.layout() == layout
                && matches!((b.key_at(ix), &stored), (Some(k), Some(s)) if k.is(s));
            let p = if !unchanged {
                b.probe(key)
            } else if equal {
                return Ok(b.slot_of(key.hash, ix).map(|slot| (slot, ix)));
            } else {
                b.probe_from(key, resume)
            };
            match p {
                Probe::Found { slot, ix } => return Ok(Some((slot, ix))),
                Probe::Absent => return Ok(None),
                Probe::Compare { ix: i, resume: r } => {
                    ix = i;
                    resume = r;
                }
            }
        }
    }

    /// `d[key]` without the KeyError: the value, if present.
    #[inline]
    pub fn dict_get(&mut self, d: &Rc<RefCell<Dict>>, key: &DictKey) -> PyResult<Option<Value>> {
        Ok(match self.dict_lookup(d, key)? {
            Some((_, ix)) => d.borrow().value_at(ix).cloned(),
            None => None,
        })
    }

    #[inline]
    pub fn dict_contains(&mut self, d: &Rc<RefCell<Dict>>, key: &DictKey) -> PyResult<bool> {
        Ok(self.dict_lookup(d, key)?.is_some())
    }

    /// `d[key] = v` (an equal key already there stays, with the new value).
    /// Not inlined: the dispatch loop stays small.
    #[inline(never)]
    pub fn dict_set(&mut self, d: &Rc<RefCell<Dict>>, key: DictKey, v: Value) -> PyResult<()> {
        match self.dict_lookup(d, &key)? {
            Some((_, ix)) => d.borrow_mut().replace_value(ix, v),
            None => d.borrow_mut().insert_new(key, v),
        }
        Ok(())
    }

    /// Removes `key` from `d`, giving its value (None: absent).
    pub fn dict_remove(&mut self, d: &Rc<RefCell<Dict>>, key: &DictKey) -> PyResult<Option<Value>> {
        Ok(match self.dict_lookup(d, key)? {
            Some((slot, ix)) => d.borrow_mut().remove_at(slot, ix),
            None => None,
        })
    }

    /// The slot of `key` in a set that krait code may change meanwhile.
    pub fn set_lookup(
        &mut self,
        s: &Rc<RefCell<SetObj>>,
        key: &DictKey,
    ) -> PyResult<Option<usize>> {
        let mut p = s.borrow().probe(key);
        loop {
            match p {
                SetProbe::Found(j) => return Ok(Some(j)),
                SetProbe::Absent => return Ok(None),
                SetProbe::Compare { slot, resume } => {
                    let (stored, layout) = {
                        let b = s.borrow();
                        (b.key_in_slot(slot).cloned(), b.layout())
                    };
                    let equal = match &stored {
                        Some(k) => self.eq(k, &key.value)?,
                        None => false,
                    };
                    let b = s.borrow();
                    let unchanged = b.layout() == layout
                        && matches!((b.key_in_slot(slot), &stored), (Some(k), Some(st)) if k.is(st));
                    if !unchanged {
                        p = b.probe(key);
                    } else if equal {
                        return Ok(Some(slot));
                    } else {
                        p = b.probe_from(key, resume);
                    }
                }
            }
        }
    }

    /// `key in s` for a set or frozenset value.
    pub fn set_contains(&mut self, s: &Value, key: &DictKey) -> PyResult<bool> {
        match s {
            Value::Set(s) => Ok(self.set_lookup(s, key)?.is_some()),
            Value::FrozenSet(f) => f.contains_with(key, &mut VmEq(self)),
            _ => Ok(false),
        }
    }

    /// `s.add(key)`
    #[inline(never)]
    pub fn set_add(&mut self, s: &Rc<RefCell<SetObj>>, key: DictKey) -> PyResult<()> {
        if self.set_lookup(s, &key)?.is_none() {
            s.borrow_mut().insert_absent(key);
        }
        Ok(())
    }

    /// `s.discard(key)`: whether it was there.
    pub fn set_discard(&mut self, s: &Rc<RefCell<SetObj>>, key: &DictKey) -> PyResult<bool> {
        match self.set_lookup(s, key)? {
            Some(j) => {
                s.borrow_mut().remove_slot(j);
                Ok(true)
            }
            None => Ok(false),
        }
    }
}
