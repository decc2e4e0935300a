//! Truth, comparisons and `in`: built-in values first, then the dunder
//! methods of user classes, as CPython's rich comparison does.

use std::cell::RefCell;
use std::rc::Rc;

use num_traits::Signed;

use crate::bytecode::CmpKind;
use crate::value::int::to_big;
use crate::value::{Dict, DictKey, PyErr, PyResult, Value};

use super::ops::{apply, as_float, int_float_cmp, is_int};
use super::Vm;

impl Vm {
    /// `bool(v)`
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        match v.fast_truth() {
            Some(t) => Ok(t),
            None => self.truthy_slow(v),
        }
    }

    /// `bool(v)` of an instance: `__bool__`, else `len()`, else true.
    #[inline(never)]
    pub(super) fn truthy_slow(&mut self, v: &Value) -> PyResult<bool> {
        if let Value::Instance(i) = v {
            if let Some(m) = self.user_dunder(&i.class, "__bool__") {
                let r = self.call_special(&m, v, [])?;
                return match r {
                    Value::Bool(b) => Ok(b),
                    _ => Err(PyErr::type_error(format!(
                        "__bool__ should return bool, returned {}",
                        r.type_name()
                    ))),
                };
            }
            if self.user_dunder(&i.class, "__len__").is_some() {
                // CPython's slot_nb_bool falls back to len(), with its checks.
                return Ok(crate::builtins::len_of(self, v)? != 0);
            }
            if let Some(p) = i.payload() {
                let p = p.clone();
                return self.truthy(&p);
            }
        }
        Ok(true)
    }

    /// `a cmp b` as a value (rich comparison with reflection).
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpKind) -> PyResult<Value> {
        self.nested(" in comparison", |vm| vm.compare_inner(a, b, op))
    }

    pub(super) fn compare_inner(&mut self, a: &Value, b: &Value, op: CmpKind) -> PyResult<Value> {
        if let Some(r) = self.builtin_compare(a, b, op)? {
            return Ok(Value::Bool(r));
        }
        // User dunders: the reflected one first when b's class is a subclass of a's.
        let a_inst = matches!(a, Value::Instance(_));
        let b_inst = matches!(b, Value::Instance(_));
        let b_first = b_inst && a_inst && {
            let (ca, cb) = (self.types.type_of(a), self.types.type_of(b));
            !Rc::ptr_eq(&ca, &cb) && cb.is_subclass(&ca)
        };
        let order: [(bool, &Value, &Value, CmpKind); 2] = if b_first {
            [(b_inst, b, a, op.swapped()), (a_inst, a, b, op)]
        } else {
            [(a_inst, a, b, op), (b_inst, b, a, op.swapped())]
        };
        for (is_inst, x, y, o) in order {
            if !is_inst {
                continue;
            }
            if let Value::Instance(i) = x {
                if let Some(m) = self.user_dunder(&i.class, o.dunder()) {
                    let r = self.call_special(&m, x, [y.clone()])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                } else if o == CmpKind::Ne {
                    if let Some(m) = self.user_dunder(&i.class, "__eq__") {
                        let r = self.call_special(&m, x, [y.clone()])?;
                        if !matches!(r, Value::NotImplemented) {
                            let t = self.truthy(&r)?;
                            return Ok(Value::Bool(!t));
                        }
                    }
                }
            }
        }
        // Instances of subclasses of built-in types: the type's comparison.
        let (pa, pb) = (a.builtin_value(), b.builtin_value());
        if !pa.is(a) || !pb.is(b) {
            if let Some(r) = self.builtin_compare(pa, pb, op)? {
                return Ok(Value::Bool(r));
            }
        }
        match op {
            CmpKind::Eq => Ok(Value::Bool(a.is(b))),
            CmpKind::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                a.type_name(),
                b.type_name()
            ))),
        }
    }

    /// Comparisons among built-in values; None when dunders must decide.
    pub(super) fn builtin_compare(
        &mut self,
        a: &Value,
        b: &Value,
        op: CmpKind,
    ) -> PyResult<Option<bool>> {
        use std::cmp::Ordering;
        let ord: Option<Ordering> = match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
            _ if is_int(a) && is_int(b) => Some(to_big(a).unwrap().cmp(&to_big(b).unwrap())),
            (Value::Float(_), _) | (_, Value::Float(_))
                if as_float(a).is_some() && as_float(b).is_some() =>
            {
                let (x, y) = (as_float(a).unwrap(), as_float(b).unwrap());
                if x.is_nan() || y.is_nan() {
                    return Ok(Some(op == CmpKind::Ne));
                }
                // Exact comparison of an int with a float.
                if !(matches!(a, Value::Float(_)) && matches!(b, Value::Float(_))) {
                    let (i, f, flip) = if matches!(a, Value::Float(_)) {
                        (b, x, true)
                    } else {
                        (a, y, false)
                    };
                    let o = int_float_cmp(i, f);
                    let o = if flip { o.reverse() } else { o };
                    return Ok(Some(apply(op, o)));
                }
                x.partial_cmp(&y)
            }
            (Value::Str(x), Value::Str(y)) => Some(x.cmp_code_points(y)),
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (x, y) = (x.clone(), y.clone());
                return self.seq_compare(&x, &y, op).map(Some);
            }
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                return self.seq_compare(&x, &y, op).map(Some);
            }
            (Value::None, Value::None) if matches!(op, CmpKind::Eq | CmpKind::Ne) => {
                Some(Ordering::Equal)
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                // As set_richcompare: sizes first, then one subset test
                // (whose lookups may run a user __eq__).
                let (x, y) = (Self::set_items(a), Self::set_items(b));
                let (nx, ny) = (x.len(), y.len());
                let eq = &mut crate::vm::keys::VmEq(self);
                return Ok(Some(match op {
                    CmpKind::Eq => nx == ny && x.is_subset_with(&y, eq)?,
                    CmpKind::Ne => !(nx == ny && x.is_subset_with(&y, eq)?),
                    CmpKind::Le => x.is_subset_with(&y, eq)?,
                    CmpKind::Lt => nx < ny && x.is_subset_with(&y, eq)?,
                    CmpKind::Ge => y.is_subset_with(&x, eq)?,
                    CmpKind::Gt => nx > ny && y.is_subset_with(&x, eq)?,
                }));
            }
            (Value::Dict(x), Value::Dict(y)) if matches!(op, CmpKind::Eq | CmpKind::Ne) => {
                let eq = self.dict_eq(&x.clone(), &y.clone())?;
                return Ok(Some(eq == (op == CmpKind::Eq)));
            }
            (Value::Deque(_), Value::Deque(_)) => {
                return crate::builtins::deque_compare(self, a, b, op);
            }
            (Value::Range(x), Value::Range(y)) if matches!(op, CmpKind::Eq | CmpKind::Ne) => {
                return Ok(Some(x.same_as(y) == (op == CmpKind::Eq)));
            }
            (Value::Instance(_), _) | (_, Value::Instance(_)) => return Ok(None),
            (Value::Descr(x), Value::Descr(y)) if matches!(op, CmpKind::Eq | CmpKind::Ne) => {
                match (&**x, &**y) {
                    (crate::value::Descr::Re(x), crate::value::Descr::Re(y)) => {
                        match crate::builtins::re_same_pattern(x, y) {
                            Some(same) => return Ok(Some(same == (op == CmpKind::Eq))),
                            None => return Ok(Some(a.is(b) == (op == CmpKind::Eq))),
                        }
                    }
                    _ => return Ok(Some(a.is(b) == (op == CmpKind::Eq))),
                }
            }
            (Value::BoundMethod(_) | Value::Builtin(_), _)
                if matches!(op, CmpKind::Eq | CmpKind::Ne) =>
            {
                return Ok(Some(
                    crate::value::func::same_method(a, b) == (op == CmpKind::Eq),
                ));
            }
            _ => {
                return Ok(match op {
                    CmpKind::Eq => Some(a.is(b)),
                    CmpKind::Ne => Some(!a.is(b)),
                    _ => None,
                })
            }
        };
        Ok(Some(match ord {
            Some(o) => apply(op, o),
            None => op == CmpKind::Ne,
        }))
    }

    pub(super) fn dict_eq(
        &mut self,
        x: &Rc<RefCell<Dict>>,
        y: &Rc<RefCell<Dict>>,
    ) -> PyResult<bool> {
        if x.borrow().len() != y.borrow().len() {
            return Ok(false);
        }
        let items: Vec<(DictKey, Value)> = x
            .borrow()
            .entries()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in items {
            let other = self.dict_get(y, &k)?;
            match other {
                Some(w) => {
                    // PyObject_RichCompareBool: identical values are equal.
                    if !v.is(&w) && !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    pub(crate) fn seq_compare(&mut self, x: &[Value], y: &[Value], op: CmpKind) -> PyResult<bool> {
        for (p, q) in x.iter().zip(y.iter()) {
            if p.is(q) {
                continue;
            }
            if !self.eq(p, q)? {
                return match op {
                    CmpKind::Eq => Ok(false),
                    CmpKind::Ne => Ok(true),
                    _ => {
                        let r = self.compare(p, q, op)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        Ok(apply(op, x.len().cmp(&y.len())))
    }

    /// `a == b`
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x == y),
            (Value::Str(x), Value::Str(y)) => Ok(x.as_str() == y.as_str()),
            _ => {
                let r = self.compare(a, b, CmpKind::Eq)?;
                self.truthy(&r)
            }
        }
    }

    /// `a < b`
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Str(x), Value::Str(y)) => Ok(x.cmp_code_points(y).is_lt()),
            _ => {
                let r = self.compare(a, b, CmpKind::Lt)?;
                self.truthy(&r)
            }
        }
    }

    /// `item in container`
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item.builtin_value() {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => Err(PyErr::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    item.type_name()
                ))),
            },
            Value::List(l) => {
                // By index against the live length, as CPython: an `__eq__`
                // that grows or shrinks the list changes what is visited.
                let mut i = 0;
                loop {
                    let x = {
                        let items = l.borrow();
                        // Ints and strs against ints and strs: no dunder can
                        // run, so one borrow scans a run of them.
                        loop {
                            let Some(x) = items.get(i) else {
                                return Ok(false);
                            };
                            match (x, item) {
                                (Value::Int(a), Value::Int(b)) if a == b => return Ok(true),
                                (Value::Str(a), Value::Str(b)) if **a == **b => return Ok(true),
                                (Value::Int(_) | Value::Str(_), Value::Int(_) | Value::Str(_)) => {
                                    i += 1
                                }
                                _ => break x.clone(),
                            }
                        }
                    };
                    if x.is(item) || self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    if x.is(item) || self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Dict(d) => {
                let k = self.hash_key(item.clone())?;
                self.dict_contains(d, &k)
            }
            Value::Deque(d) => crate::builtins::deque_contains(self, d, item),
            Value::Set(_) | Value::FrozenSet(_) => {
                let k = crate::builtins::set_methods::lookup_key(self, item)?;
                self.set_contains(container, &k)
            }
            Value::Range(r) => Ok(match item {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => r.position(item).is_some(),
                Value::Float(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => {
                    r.position(&Value::Int(*f as i64)).is_some()
                }
                _ => false,
            }),
            Value::Instance(inst) => {
                if let Some(m) = self.user_dunder(&inst.class, "__contains__") {
                    let r = self.call_special(&m, container, [item.clone()])?;
                    return self.truthy(&r);
                }
                if let Some(p) = inst.payload() {
                    let p = p.clone();
                    return self.contains(&p, item);
                }
                self.contains_by_iter(container, item)
            }
            Value::Iter(_) => self.contains_by_iter(container, item),
            _ => Err(PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                container.type_name()
            ))),
        }
    }

    pub(super) fn contains_by_iter(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = self.get_iter(container.clone())?;
        while let Some(x) = self.next_value(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}
