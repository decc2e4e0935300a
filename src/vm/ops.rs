//! What the operator files share (`arith.rs`, `compare.rs`, `subscript.rs`,
//! `repr.rs`), and the VM's smaller operations: dict merges, unpacking,
//! global loads, imports.

use std::rc::Rc;

use num_traits::Zero;

use crate::bytecode::CmpKind;
use crate::value::dict::{builtin_hash, key_eq};
use crate::value::int::to_big;
use crate::value::{DictKey, ExcType, PyErr, PyResult, Str, Value};

use super::Vm;

pub(super) fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::BigInt(b) => Some(crate::value::int::big_to_f64_nearest(b)),
        _ => None,
    }
}

/// `i <=> f` exactly, for an int `i` and a float `f` that is not a NaN.
pub(super) fn int_float_cmp(i: &Value, f: f64) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    if let Value::Int(n) = i {
        if n.unsigned_abs() < (1 << 53) {
            return (*n as f64).partial_cmp(&f).unwrap_or(Ordering::Equal);
        }
    } else if let Value::Bool(b) = i {
        return (*b as i64 as f64)
            .partial_cmp(&f)
            .unwrap_or(Ordering::Equal);
    }
    if f.is_infinite() {
        return if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        };
    }
    let n = to_big(i).unwrap_or_default();
    let fl = f.floor();
    let fb = num_traits::FromPrimitive::from_f64(fl).unwrap_or_default();
    match n.cmp(&fb) {
        Ordering::Equal if f != fl => Ordering::Less,
        o => o,
    }
}

pub(super) fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

impl Vm {
    /// `DictUpdate` / `DictMerge` into `target`.
    pub(crate) fn dict_merge(&mut self, target: &Value, m: &Value, strict: bool) -> PyResult<()> {
        let Value::Dict(t) = target else {
            return Ok(());
        };
        // A dict subclass that keeps dict's iteration merges as the dict it
        // is (CPython's dict_merge), whatever its `keys` or `__getitem__`.
        let payload;
        let m = match m {
            Value::Instance(i)
                if matches!(i.payload(), Some(Value::Dict(_)))
                    && i.class.lookup_user("__iter__").is_none() =>
            {
                payload = m.builtin_value().clone();
                &payload
            }
            _ => m,
        };
        let entries: Vec<(DictKey, Value)> = match m {
            Value::Dict(d) => {
                if Rc::ptr_eq(t, d) || d.borrow().is_empty() {
                    return Ok(());
                }
                if t.borrow_mut().start_merge(&d.borrow()) {
                    return Ok(());
                }
                d.borrow()
                    .entries()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            }
            _ => {
                let keys_name = self.intern("keys");
                let keys_fn = match self.getattr_str(m, &keys_name) {
                    Ok(f) => f,
                    Err(_) if strict => {
                        let f = self.merge_callee_str()?;
                        return Err(PyErr::type_error(format!(
                            "{} argument after ** must be a mapping, not {}",
                            f,
                            m.type_name()
                        )));
                    }
                    Err(_) => {
                        return Err(PyErr::type_error(format!(
                            "'{}' object is not a mapping",
                            m.type_name()
                        )))
                    }
                };
                let keys = self.call_value(&keys_fn, vec![], vec![])?;
                let keys = self.collect(&keys)?;
                let mut out = vec![];
                for k in keys {
                    let v = self.getitem(m, &k)?;
                    out.push((self.hash_key(k)?, v));
                }
                out
            }
        };
        for (k, v) in entries {
            if strict && self.dict_contains(t, &k)? {
                let name = self.str_of(&k.value)?;
                let f = self.merge_callee_str()?;
                return Err(PyErr::type_error(format!(
                    "{} got multiple values for keyword argument '{}'",
                    f, name
                )));
            }
            self.dict_set(t, k, v)?;
        }
        Ok(())
    }

    /// `UnpackSequence` / `UnpackEx`: pushes items so the first is on top.
    /// Lists and tuples are split directly; other iterables are consumed
    /// as CPython's unpack_iterable does (never further than needed).
    pub(crate) fn unpack(
        &mut self,
        seq: Value,
        before: usize,
        after: Option<usize>,
    ) -> PyResult<()> {
        let mut items = match &seq {
            Value::Tuple(t) => (**t).clone(),
            Value::List(l) => l.borrow().clone(),
            _ => self.unpack_iterable(&seq, before, after)?,
        };
        let Some(after) = after else {
            if items.len() != before {
                return Err(PyErr::value_error(if items.len() > before {
                    format!("too many values to unpack (expected {})", before)
                } else {
                    format!(
                        "not enough values to unpack (expected {}, got {})",
                        before,
                        items.len()
                    )
                }));
            }
            self.stack.extend(items.into_iter().rev());
            return Ok(());
        };
        if items.len() < before + after {
            return Err(PyErr::value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        for x in tail.into_iter().rev() {
            self.stack.push(x);
        }
        self.stack.push(Value::list(middle));
        for x in items.into_iter().rev() {
            self.stack.push(x);
        }
        Ok(())
    }

    /// The items `unpack` takes from an iterator: `before` of them, then one
    /// more to see it is exhausted (no star target) or all the rest, after
    /// its length hint, as `list(it)` (with a star target).
    #[cold]
    pub(super) fn unpack_iterable(
        &mut self,
        seq: &Value,
        before: usize,
        after: Option<usize>,
    ) -> PyResult<Vec<Value>> {
        let it = match self.get_iter(seq.clone()) {
            Ok(it) => it,
            Err(e) if self.err_is(&e, ExcType::TypeError) && !self.is_iterable(seq) => {
                return Err(PyErr::type_error(format!(
                    "cannot unpack non-iterable {} object",
                    seq.type_name()
                )))
            }
            Err(e) => return Err(e),
        };
        let mut items = Vec::with_capacity(before);
        while items.len() < before {
            match self.next_value(&it)? {
                Some(x) => items.push(x),
                // Too few: `unpack` reports it.
                None => return Ok(items),
            }
        }
        match after {
            None => {
                if let Some(x) = self.next_value(&it)? {
                    items.push(x);
                }
            }
            Some(_) => items.extend(self.collect_sized(&it)?),
        }
        Ok(items)
    }

    /// A global, then a built-in.
    pub(crate) fn load_global(&mut self, fi: usize, name: &Str) -> PyResult<Value> {
        let key = DictKey::name(name);
        if let Some(v) = self.frames[fi].globals.borrow().get(&key) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtins.borrow().get(&key) {
            return Ok(v.clone());
        }
        Err(self.name_error(format!("name '{}' is not defined", name.as_str()), name))
    }

    /// `import name` of a built-in module.
    pub(crate) fn frame_obj_line(&self, f: &Rc<super::FrameObj>) -> u32 {
        match f.live.get() {
            Some(i) if i < self.frames.len() => self.frame_line(i),
            _ => f.final_line.get(),
        }
    }

    /// Builds a dict key without running code (for built-in values only).
    pub fn key_of(v: Value) -> PyResult<DictKey> {
        let hash = builtin_hash(&v)?;
        Ok(DictKey { hash, value: v })
    }

    pub fn keys_equal(a: &Value, b: &Value) -> bool {
        key_eq(a, b)
    }

    /// `int` of a BigInt as f64 (for math functions).
    pub fn num_to_f64(v: &Value) -> Option<f64> {
        as_float(v)
    }

    pub fn is_zero_int(v: &Value) -> bool {
        to_big(v).map(|b| b.is_zero()).unwrap_or(false)
    }
}

pub(super) fn apply(op: CmpKind, o: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpKind::Lt => o == Less,
        CmpKind::Le => o != Greater,
        CmpKind::Eq => o == Equal,
        CmpKind::Ne => o != Equal,
        CmpKind::Gt => o == Greater,
        CmpKind::Ge => o != Less,
    }
}
