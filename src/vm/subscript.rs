//! Subscripts and slices: `obj[k]`, `obj[k] = v`, `del obj[k]`, indexes
//! as CPython's `__index__` gives them.

use std::rc::Rc;

use num_traits::Signed;

use crate::value::{Class, Descr, ExcType, PyErr, PyResult, Value};

use super::Vm;

impl Vm {
    /// `operator.index(v)` (CPython's PyNumber_Index): an int (a bool as
    /// its int), or the int an instance's `__index__` returns.
    pub fn index_int(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Instance(i) => match self.user_dunder(&i.class, "__index__") {
                Some(m) => match self.call_special(&m, v, [])? {
                    r @ (Value::Int(_) | Value::BigInt(_)) => Ok(r),
                    Value::Bool(b) => Ok(Value::Int(b as i64)),
                    r => Err(PyErr::type_error(format!(
                        "__index__ returned non-int (type {})",
                        r.type_name()
                    ))),
                },
                None => match i.payload() {
                    Some(p @ (Value::Int(_) | Value::BigInt(_))) => Ok(p.clone()),
                    _ => Err(Self::not_an_integer(v)),
                },
            },
            _ => Err(Self::not_an_integer(v)),
        }
    }

    /// Whether `operator.index(v)` can work (an int or `__index__`).
    pub fn has_index(&self, v: &Value) -> bool {
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => true,
            Value::Instance(i) => {
                i.class.lookup_user("__index__").is_some()
                    || matches!(i.payload(), Some(Value::Int(_) | Value::BigInt(_)))
            }
            _ => false,
        }
    }

    #[cold]
    pub(super) fn not_an_integer(v: &Value) -> PyErr {
        PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))
    }

    /// An index as i64 (CPython's PyNumber_AsSsize_t): an int too large
    /// raises `exc` naming `v`'s type.
    pub fn index_sized(&mut self, v: &Value, exc: ExcType) -> PyResult<i64> {
        match self.index_int(v)? {
            Value::Int(i) => Ok(i),
            _ => Err(PyErr::new(
                exc,
                format!("cannot fit '{}' into an index-sized integer", v.type_name()),
            )),
        }
    }

    /// An int index (bool included; `__index__` of instances).
    pub fn index_value(&mut self, v: &Value) -> PyResult<i64> {
        if let Value::Int(i) = v {
            return Ok(*i);
        }
        self.index_sized(v, ExcType::IndexError)
    }

    /// `container[key]`
    pub fn getitem(&mut self, c: &Value, k: &Value) -> PyResult<Value> {
        match c {
            Value::Deque(d) => crate::builtins::deque_getitem(self, d, k),
            Value::List(l) => {
                if let Value::Slice(s) = k {
                    let spec = self.slice_unpack(s)?;
                    let items = spec.take(&l.borrow());
                    return Ok(Value::list(items));
                }
                let i = self.seq_index(k, l.len(), "list")?;
                l.get_index(i)
                    .ok_or_else(|| PyErr::index_error("list index out of range"))
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = k {
                    let items = self.slice_unpack(s)?.take(t);
                    return Ok(Value::tuple(items));
                }
                let i = self.seq_index(k, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            Value::Str(s) => {
                if let Value::Slice(sl) = k {
                    let n = s.char_len();
                    let idx = self.slice_indices(sl, n)?;
                    if s.is_ascii() {
                        let b = s.as_str().as_bytes();
                        let out: String = idx.into_iter().map(|i| b[i] as char).collect();
                        return Ok(Value::string(out));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    return Ok(Value::string(idx.into_iter().map(|i| chars[i]).collect()));
                }
                let i = self.seq_index(k, s.char_len(), "string")?;
                Ok(Value::string(s.char_at(i).unwrap_or(' ').to_string()))
            }
            Value::Dict(d) => {
                let key = self.hash_key(k.clone())?;
                let v = self.dict_get(d, &key)?;
                match v {
                    Some(v) => Ok(v),
                    None => Err(PyErr::key_error(k.clone())),
                }
            }
            Value::Range(r) => self.range_getitem(r, k),
            Value::Instance(inst) => match self.user_dunder(&inst.class, "__getitem__") {
                Some(m) => self.call_special(&m, c, [k.clone()]),
                None if inst.payload().is_some() => self.payload_getitem(c, k),
                None => Err(PyErr::type_error(format!(
                    "'{}' object is not subscriptable",
                    c.type_name()
                ))),
            },
            Value::Descr(d) if matches!(&**d, crate::value::Descr::Re(o) if o.kind().0 == 1) => {
                crate::builtins::re_match_getitem(self, c, k)
            }
            Value::Class(cls) => self.class_getitem(cls, k),
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not subscriptable",
                c.type_name()
            ))),
        }
    }

    /// `cls[k]`: the class's `__class_getitem__` (`list[int]`, a user
    /// generic), as CPython's `PyObject_GetItem` calls it; `type[k]` is
    /// CPython's special case.
    #[cold]
    fn class_getitem(&mut self, cls: &Rc<Class>, k: &Value) -> PyResult<Value> {
        let args = vec![Value::Class(cls.clone()), k.clone()];
        if cls.kind == crate::value::TypeKind::Type && !cls.is_user {
            let alias = self.stdlib_attr("types", "GenericAlias")?;
            return self.call_value(&alias, args, vec![]);
        }
        match cls.lookup("__class_getitem__") {
            Some(Value::Descr(d)) if matches!(&*d, Descr::ClassMethod(_)) => {
                let Descr::ClassMethod(f) = &*d else {
                    unreachable!()
                };
                let f = f.clone();
                self.call_value(&f, args, vec![])
            }
            Some(Value::Builtin(b)) => self.call_value(&Value::Builtin(b), args, vec![]),
            Some(other) => self.call_value(&other, vec![k.clone()], vec![]),
            None => Err(PyErr::type_error(format!(
                "type '{}' is not subscriptable",
                cls.name.as_str()
            ))),
        }
    }

    pub(crate) fn seq_index(&mut self, k: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match k {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            // Beyond an index-sized integer, as CPython's `PyNumber_AsSsize_t`.
            Value::BigInt(_) => {
                return Err(PyErr::index_error(
                    "cannot fit 'int' into an index-sized integer",
                ))
            }
            Value::Instance(_) => self.index_value(k)?,
            _ => {
                let w = what.split(' ').next().unwrap_or(what);
                return Err(PyErr::type_error(if w == "string" {
                    format!("string indices must be integers, not '{}'", k.type_name())
                } else {
                    format!(
                        "{} indices must be integers or slices, not {}",
                        w,
                        k.type_name()
                    )
                }));
            }
        };
        let n = len as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(PyErr::index_error(format!("{} index out of range", what)));
        }
        Ok(j as usize)
    }

    /// The indices a slice selects from a sequence of `len` items.
    pub fn slice_indices(
        &mut self,
        s: &crate::value::SliceObj,
        len: usize,
    ) -> PyResult<Vec<usize>> {
        Ok(self.slice_unpack(s)?.indices(len))
    }

    /// `slice.indices(len)`: clamped (start, stop, step).
    pub fn slice_bounds(
        &mut self,
        s: &crate::value::SliceObj,
        len: usize,
    ) -> PyResult<(i64, i64, i64)> {
        Ok(self.slice_unpack(s)?.adjust(len))
    }

    /// A slice's bounds as given, before a length clamps them (CPython's
    /// `PySlice_Unpack`): user `__index__` methods run here, so a sequence's
    /// length is read after this.
    pub fn slice_unpack(&mut self, s: &crate::value::SliceObj) -> PyResult<SliceSpec> {
        let step = if s.step.is_none() {
            1
        } else {
            self.slice_int(&s.step)?
        };
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let start = match &s.start {
            Value::None => None,
            v => Some(self.slice_int(v)?),
        };
        let stop = match &s.stop {
            Value::None => None,
            v => Some(self.slice_int(v)?),
        };
        Ok(SliceSpec { start, stop, step })
    }

    pub(super) fn slice_int(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(b) => Ok(if b.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }),
            Value::Instance(_) => self.index_value(v),
            _ => Err(PyErr::type_error(
                "slice indices must be integers or None or have an __index__ method",
            )),
        }
    }

    /// `container[key] = v`
    pub fn setitem(&mut self, c: &Value, k: Value, v: Value) -> PyResult<()> {
        match c {
            Value::Deque(d) => crate::builtins::deque_setitem(self, d, &k, v),
            Value::List(l) => {
                if let Value::Slice(s) = &k {
                    // The slice's bounds are taken before the items.
                    let len = l.len();
                    let spec = self.slice_unpack(s)?;
                    let step = spec.adjust(len).2;
                    let items = match &v {
                        // A list nothing else holds (`a[:n] = b[n::-1]`):
                        // its items move, uncopied.
                        Value::List(src) if Rc::strong_count(src) == 1 => {
                            std::mem::take(&mut *src.borrow_mut())
                        }
                        _ => self.collect_fast(
                            &v,
                            if step == 1 {
                                "can only assign an iterable"
                            } else {
                                "must assign iterable to extended slice"
                            },
                        )?,
                    };
                    let len = l.len();
                    let (start, stop, step) = spec.adjust(len);
                    if step == 1 {
                        let (start, stop) = (start as usize, stop.max(start) as usize);
                        let mut lb = l.borrow_mut();
                        if stop - start == items.len() {
                            // As many items as replaced: in place.
                            for (slot, x) in lb[start..stop].iter_mut().zip(items) {
                                std::mem::replace(slot, x).drop_fast();
                            }
                        } else {
                            lb.splice(start..stop, items);
                        }
                        return Ok(());
                    }
                    let idx = spec.indices(len);
                    if idx.len() != items.len() {
                        return Err(PyErr::value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            items.len(),
                            idx.len()
                        )));
                    }
                    let mut lb = l.borrow_mut();
                    for (i, x) in idx.into_iter().zip(items) {
                        lb[i] = x;
                    }
                    return Ok(());
                }
                let len = l.len();
                let i = self.seq_index(&k, len, "list assignment")?;
                l.set(i as i64, v)
                    .map_err(|_| PyErr::index_error("list assignment index out of range"))
            }
            Value::Dict(d) => {
                let key = self.hash_key(k)?;
                self.dict_set(d, key, v)
            }
            Value::Instance(inst) => match self.user_dunder(&inst.class, "__setitem__") {
                Some(m) => {
                    self.call_special(&m, c, [k, v])?;
                    Ok(())
                }
                None => match inst.payload() {
                    Some(p) => {
                        let p = p.clone();
                        self.setitem(&p, k, v)
                    }
                    None => Err(PyErr::type_error(format!(
                        "'{}' object does not support item assignment",
                        c.type_name()
                    ))),
                },
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                c.type_name()
            ))),
        }
    }

    /// `c[k]` as the built-in type of `c`, an instance of a subclass of
    /// it, does it (`T.__getitem__`): a dict subclass's missing key goes to
    /// its `__missing__`, as CPython's dict_subscript does.
    pub(crate) fn payload_getitem(&mut self, c: &Value, k: &Value) -> PyResult<Value> {
        let Value::Instance(inst) = c else {
            return self.getitem(c, k);
        };
        let p = c.builtin_value().clone();
        if let Value::Dict(d) = &p {
            if let Some(miss) = self.user_dunder(&inst.class, "__missing__") {
                let key = self.hash_key(k.clone())?;
                return match self.dict_get(d, &key)? {
                    Some(v) => Ok(v),
                    None => self.call_special(&miss, c, [k.clone()]),
                };
            }
        }
        self.getitem(&p, k)
    }

    /// `del container[key]`
    pub fn delitem(&mut self, c: &Value, k: Value) -> PyResult<()> {
        match c {
            Value::Deque(d) => crate::builtins::deque_delitem(self, d, &k),
            Value::List(l) => {
                if let Value::Slice(s) = &k {
                    let len = l.len();
                    let mut idx = self.slice_indices(s, len)?;
                    idx.sort_unstable();
                    let mut lb = l.borrow_mut();
                    for i in idx.into_iter().rev() {
                        lb.remove(i);
                    }
                    return Ok(());
                }
                let len = l.len();
                let i = self.seq_index(&k, len, "list assignment")?;
                l.borrow_mut().remove(i);
                Ok(())
            }
            Value::Dict(d) => {
                let key = self.hash_key(k.clone())?;
                match self.dict_remove(d, &key)? {
                    Some(_) => Ok(()),
                    None => Err(PyErr::key_error(k)),
                }
            }
            Value::Instance(inst) => match self.user_dunder(&inst.class, "__delitem__") {
                Some(m) => {
                    self.call_special(&m, c, [k])?;
                    Ok(())
                }
                None => match inst.payload() {
                    Some(p) => {
                        let p = p.clone();
                        self.delitem(&p, k)
                    }
                    None => Err(PyErr::type_error(format!(
                        "'{}' object does not support item deletion",
                        c.type_name()
                    ))),
                },
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item deletion",
                c.type_name()
            ))),
        }
    }
}

/// A slice's bounds as given (`Vm::slice_unpack`): None where omitted.
pub struct SliceSpec {
    start: Option<i64>,
    stop: Option<i64>,
    step: i64,
}

impl SliceSpec {
    /// Clamped to a sequence of `len` items (CPython's
    /// `PySlice_AdjustIndices`): (start, stop, step).
    pub fn adjust(&self, len: usize) -> (i64, i64, i64) {
        let n = len as i64;
        let step = self.step;
        let (lo, hi) = if step > 0 { (0, n) } else { (-1, n - 1) };
        let clamp = |v: i64| -> i64 {
            if v < 0 {
                (v + n).max(lo)
            } else {
                v.min(hi)
            }
        };
        let start = match self.start {
            None if step > 0 => 0,
            None => n - 1,
            Some(v) => clamp(v),
        };
        let stop = match self.stop {
            None if step > 0 => n,
            None => -1,
            Some(v) => clamp(v),
        };
        (start, stop, step)
    }

    /// How many items a slice clamped to (start, stop, step) selects.
    fn count(start: i64, stop: i64, step: i64) -> usize {
        // (Written so that a step near i64::MIN or MAX cannot overflow.)
        (if step > 0 && stop > start {
            (stop - start - 1) as u64 / step.unsigned_abs() + 1
        } else if step < 0 && start > stop {
            (start - stop - 1) as u64 / step.unsigned_abs() + 1
        } else {
            0
        }) as usize
    }

    /// The positions this slice selects in a sequence of `len` items, in order.
    pub fn indices(&self, len: usize) -> Vec<usize> {
        let (start, stop, step) = self.adjust(len);
        let count = Self::count(start, stop, step);
        let mut out = Vec::with_capacity(count);
        let mut i = start;
        for _ in 0..count {
            out.push(i as usize);
            i = i.wrapping_add(step);
        }
        out
    }

    /// The items of `items` this slice selects, in order.
    pub fn take(&self, items: &[Value]) -> Vec<Value> {
        let (start, stop, step) = self.adjust(items.len());
        if step == 1 {
            return items[start as usize..stop.max(start) as usize].to_vec();
        }
        let count = Self::count(start, stop, step);
        if step == -1 && count > 0 {
            // A reversal (`a[k::-1]`): the run start+1-count..=start, backwards.
            let run = &items[start as usize + 1 - count..=start as usize];
            return run.iter().rev().cloned().collect();
        }
        let mut out = Vec::with_capacity(count);
        let mut i = start;
        for _ in 0..count {
            out.push(items[i as usize].clone());
            i = i.wrapping_add(step);
        }
        out
    }
}
