//! Operators, comparisons, subscripts, truth, hashing and str/repr: the
//! built-in fast paths, then the dunder methods of user classes.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::bytecode::{BinOpKind, CmpKind};
use crate::value::dict::{builtin_hash, key_eq};
use crate::value::int::{float_op, int_op, normalize, to_big};
use crate::value::repr::str_repr;
use crate::value::{Descr, Dict, DictKey, ExcType, ListObj, PyErr, PyResult, SetObj, Str, Value};

use super::Vm;

fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::BigInt(b) => b.to_f64(),
        _ => None,
    }
}

/// `i <=> f` exactly, for an int `i` and a float `f` that is not a NaN.
fn int_float_cmp(i: &Value, f: f64) -> std::cmp::Ordering {
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

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
}

impl Vm {
    /// `a op b` (in-place forms included) for any operands.
    pub fn binary_op(&mut self, a: Value, b: Value, arg: u32) -> PyResult<Value> {
        let (op, inplace) = BinOpKind::from_arg(arg);
        if let Some(v) = self.builtin_binop(&a, &b, op, inplace)? {
            b.drop_fast();
            a.drop_fast();
            return Ok(v);
        }
        let (name, rname, iname) = op.dunders();
        if inplace {
            if let Value::Instance(i) = &a {
                if let Some(m) = self.user_dunder(&i.class, iname) {
                    let r = self.call_special(&m, &a, [b.clone()])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
        }
        if let Value::Instance(i) = &a {
            if let Some(m) = self.user_dunder(&i.class, name) {
                let r = self.call_special(&m, &a, [b.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Value::Instance(i) = &b {
            if let Some(m) = self.user_dunder(&i.class, rname) {
                let r = self.call_special(&m, &b, [a.clone()])?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        let sym = if inplace {
            format!("{}=", op.symbol())
        } else if op == BinOpKind::Pow {
            "** or pow()".to_string()
        } else {
            op.symbol().to_string()
        };
        if op == BinOpKind::Add {
            let kind = match &a {
                Value::Str(_) => Some("str"),
                Value::List(_) => Some("list"),
                Value::Tuple(_) => Some("tuple"),
                _ => None,
            };
            if let Some(k) = kind {
                return Err(PyErr::type_error(format!(
                    "can only concatenate {} (not \"{}\") to {}",
                    k,
                    b.type_name(),
                    k
                )));
            }
        }
        if op == BinOpKind::Mul {
            let is_seq = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_));
            let other = if is_seq(&a) {
                Some(&b)
            } else if is_seq(&b) {
                Some(&a)
            } else {
                None
            };
            if let Some(o) = other {
                // A sequence repeats by an object with `__index__`.
                if self.has_index(o) {
                    let n = Value::Int(self.index_sized(o, ExcType::OverflowError)?);
                    let (x, y) = if is_seq(&a) { (&a, &n) } else { (&n, &b) };
                    if let Some(r) = self.builtin_binop(x, y, op, inplace)? {
                        return Ok(r);
                    }
                }
                return Err(PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    o.type_name()
                )));
            }
        }
        Err(PyErr::type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym,
            a.type_name(),
            b.type_name()
        )))
    }

    fn builtin_binop(
        &mut self,
        a: &Value,
        b: &Value,
        op: BinOpKind,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        if is_int(a) && is_int(b) {
            if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
                match op {
                    BinOpKind::And => return Ok(Some(Value::Bool(x & y))),
                    BinOpKind::Or => return Ok(Some(Value::Bool(x | y))),
                    BinOpKind::Xor => return Ok(Some(Value::Bool(x ^ y))),
                    _ => {}
                }
            }
            let (x, y) = (to_big(a).unwrap(), to_big(b).unwrap());
            return int_op(&x, &y, op).map(Some);
        }
        if (matches!(a, Value::Float(_)) && (is_int(b) || matches!(b, Value::Float(_))))
            || (is_int(a) && matches!(b, Value::Float(_)))
        {
            if !matches!(
                op,
                BinOpKind::Add
                    | BinOpKind::Sub
                    | BinOpKind::Mul
                    | BinOpKind::TrueDiv
                    | BinOpKind::FloorDiv
                    | BinOpKind::Mod
                    | BinOpKind::Pow
            ) {
                return Ok(None);
            }
            // Only the int operand's conversion can overflow (2**64 + inf is inf).
            let to_f = |v: &Value| match v {
                Value::BigInt(n) => crate::value::int::big_to_f64(n),
                _ => Ok(as_float(v).unwrap_or_default()),
            };
            return float_op(to_f(a)?, to_f(b)?, op).map(Some);
        }
        Ok(match (a, b, op) {
            (Value::Str(x), Value::Str(y), BinOpKind::Add) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Some(Value::string(s))
            }
            (Value::Str(x), n, BinOpKind::Mul) | (n, Value::Str(x), BinOpKind::Mul)
                if is_int(n) =>
            {
                let k = self.repeat_count(n)?;
                let len = x.as_str().len();
                if len > 0 && k > 0 {
                    let total = len
                        .checked_mul(k)
                        .filter(|t| *t <= isize::MAX as usize)
                        .ok_or_else(|| PyErr::overflow("repeated string is too long"))?;
                    crate::value::format::check_alloc(total, ' ')?;
                }
                Some(Value::string(x.as_str().repeat(k)))
            }
            (Value::Str(x), args, BinOpKind::Mod) => Some(Value::string(
                crate::value::format::percent_format(self, x.as_str(), args)?,
            )),
            (Value::List(x), Value::List(y), BinOpKind::Add) => {
                if inplace {
                    let items = y.borrow().clone();
                    x.borrow_mut().extend(items);
                    Some(a.clone())
                } else {
                    let mut v = x.borrow().clone();
                    v.extend(y.borrow().iter().cloned());
                    Some(Value::list(v))
                }
            }
            (Value::List(x), other, BinOpKind::Add) if inplace => {
                self.list_extend(x, other)?;
                Some(a.clone())
            }
            (Value::List(x), n, BinOpKind::Mul) | (n, Value::List(x), BinOpKind::Mul)
                if is_int(n) =>
            {
                let k = self.repeat_count(n)?;
                let src = x.borrow().clone();
                if !inplace {
                    if let Some(l) = ListObj::compact_repeat(&src, k) {
                        return Ok(Some(Value::List(crate::gc::alloc(l))));
                    }
                }
                let mut v = Self::repeat_vec(src.len(), k)?;
                for _ in 0..if src.is_empty() { 0 } else { k } {
                    v.extend(src.iter().cloned());
                }
                if inplace && matches!(a, Value::List(_)) {
                    *x.borrow_mut() = v;
                    Some(a.clone())
                } else {
                    Some(Value::list(v))
                }
            }
            (Value::Tuple(x), Value::Tuple(y), BinOpKind::Add) => {
                let mut v = (**x).clone();
                v.extend(y.iter().cloned());
                Some(Value::tuple(v))
            }
            (Value::Tuple(x), n, BinOpKind::Mul) | (n, Value::Tuple(x), BinOpKind::Mul)
                if is_int(n) =>
            {
                let k = self.repeat_count(n)?;
                let mut v = Self::repeat_vec(x.len(), k)?;
                for _ in 0..if x.is_empty() { 0 } else { k } {
                    v.extend(x.iter().cloned());
                }
                Some(Value::tuple(v))
            }
            (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_), _) => {
                self.set_binop(a, b, op, inplace)?
            }
            (Value::Dict(x), Value::Dict(y), BinOpKind::Or) => {
                // `|=` updates x in place; `|` updates a copy.
                let target = match inplace {
                    true => x.clone(),
                    false => crate::gc::alloc(RefCell::new(x.borrow().copy())),
                };
                self.dict_merge(&Value::Dict(target.clone()), &Value::Dict(y.clone()), false)?;
                Some(match inplace {
                    true => a.clone(),
                    false => Value::Dict(target),
                })
            }
            _ => None,
        })
    }

    fn repeat_count(&self, n: &Value) -> PyResult<usize> {
        match to_big(n).and_then(|b| b.to_i64()) {
            Some(k) if k <= 0 => Ok(0),
            Some(k) => Ok(k as usize),
            _ => Err(PyErr::overflow(
                "cannot fit 'int' into an index-sized integer",
            )),
        }
    }

    /// The storage of a sequence of `len` items repeated `k` times, or
    /// CPython's `MemoryError` when it is too big to allocate (Rust would
    /// abort). An empty result needs no loop over `k`.
    fn repeat_vec(len: usize, k: usize) -> PyResult<Vec<Value>> {
        if len == 0 || k == 0 {
            return Ok(Vec::new());
        }
        let total = len
            .checked_mul(k)
            .filter(|t| *t <= isize::MAX as usize / std::mem::size_of::<Value>())
            .ok_or_else(|| PyErr::bare(ExcType::MemoryError))?;
        let mut v = Vec::new();
        v.try_reserve_exact(total)
            .map_err(|_| PyErr::bare(ExcType::MemoryError))?;
        Ok(v)
    }

    fn set_items(v: &Value) -> SetObj {
        match v {
            Value::Set(s) => s.borrow().clone(),
            Value::FrozenSet(s) => (**s).clone(),
            _ => SetObj::new(),
        }
    }

    fn set_binop(
        &mut self,
        a: &Value,
        b: &Value,
        op: BinOpKind,
        inplace: bool,
    ) -> PyResult<Option<Value>> {
        let c = match op {
            BinOpKind::Or => '|',
            BinOpKind::And => '&',
            BinOpKind::Sub => '-',
            BinOpKind::Xor => '^',
            _ => return Ok(None),
        };
        crate::builtins::set_methods::set_binop(self, a, b, c, inplace)
    }

    pub fn unary_neg(&mut self, a: Value) -> PyResult<Value> {
        match &a {
            Value::Int(i) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => normalize(-BigInt::from(*i)),
            }),
            Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
            Value::BigInt(b) => Ok(normalize(-(**b).clone())),
            Value::Float(f) => Ok(Value::Float(-f)),
            _ => self.unary_dunder(a, "__neg__", "-"),
        }
    }

    pub fn unary_pos(&mut self, a: Value) -> PyResult<Value> {
        match &a {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) => Ok(a),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            _ => self.unary_dunder(a, "__pos__", "+"),
        }
    }

    pub fn unary_invert(&mut self, a: Value) -> PyResult<Value> {
        match &a {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Bool(b) => Ok(Value::Int(!(*b as i64))),
            Value::BigInt(b) => Ok(normalize(-(**b).clone() - 1)),
            _ => self.unary_dunder(a, "__invert__", "~"),
        }
    }

    fn unary_dunder(&mut self, a: Value, name: &'static str, sym: &str) -> PyResult<Value> {
        if let Value::Instance(i) = &a {
            if let Some(m) = self.user_dunder(&i.class, name) {
                return self.call_special(&m, &a, []);
            }
        }
        Err(PyErr::type_error(format!(
            "bad operand type for unary {}: '{}'",
            sym,
            a.type_name()
        )))
    }

    /// `bool(v)`
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        match v.fast_truth() {
            Some(t) => Ok(t),
            None => self.truthy_slow(v),
        }
    }

    /// `bool(v)` of an instance: `__bool__`, else `len()`, else true.
    #[inline(never)]
    fn truthy_slow(&mut self, v: &Value) -> PyResult<bool> {
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
        }
        Ok(true)
    }

    /// `a cmp b` as a value (rich comparison with reflection).
    pub fn compare(&mut self, a: &Value, b: &Value, op: CmpKind) -> PyResult<Value> {
        self.nested(" in comparison", |vm| vm.compare_inner(a, b, op))
    }

    fn compare_inner(&mut self, a: &Value, b: &Value, op: CmpKind) -> PyResult<Value> {
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
    fn builtin_compare(&mut self, a: &Value, b: &Value, op: CmpKind) -> PyResult<Option<bool>> {
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
            (Value::Range(x), Value::Range(y)) if matches!(op, CmpKind::Eq | CmpKind::Ne) => {
                return Ok(Some(x.same_as(y) == (op == CmpKind::Eq)));
            }
            (Value::Instance(_), _) | (_, Value::Instance(_)) => return Ok(None),
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

    fn dict_eq(&mut self, x: &Rc<RefCell<Dict>>, y: &Rc<RefCell<Dict>>) -> PyResult<bool> {
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

    fn seq_compare(&mut self, x: &[Value], y: &[Value], op: CmpKind) -> PyResult<bool> {
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
            Value::Str(s) => match item {
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
                self.contains_by_iter(container, item)
            }
            Value::Iter(_) => self.contains_by_iter(container, item),
            _ => Err(PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                container.type_name()
            ))),
        }
    }

    fn contains_by_iter(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = self.get_iter(container.clone())?;
        while let Some(x) = self.next_value(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

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
                None => Err(Self::not_an_integer(v)),
            },
            _ => Err(Self::not_an_integer(v)),
        }
    }

    /// Whether `operator.index(v)` can work (an int or `__index__`).
    pub fn has_index(&self, v: &Value) -> bool {
        match v {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => true,
            Value::Instance(i) => i.class.lookup_user("__index__").is_some(),
            _ => false,
        }
    }

    #[cold]
    fn not_an_integer(v: &Value) -> PyErr {
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
                None => Err(PyErr::type_error(format!(
                    "'{}' object is not subscriptable",
                    c.type_name()
                ))),
            },
            Value::Class(cls) => Err(PyErr::type_error(format!(
                "type '{}' is not subscriptable",
                cls.name.as_str()
            ))),
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not subscriptable",
                c.type_name()
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

    fn slice_int(&mut self, v: &Value) -> PyResult<i64> {
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
                None => Err(PyErr::type_error(format!(
                    "'{}' object does not support item assignment",
                    c.type_name()
                ))),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                c.type_name()
            ))),
        }
    }

    /// `del container[key]`
    pub fn delitem(&mut self, c: &Value, k: Value) -> PyResult<()> {
        match c {
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
                None => Err(PyErr::type_error(format!(
                    "'{}' object does not support item deletion",
                    c.type_name()
                ))),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item deletion",
                c.type_name()
            ))),
        }
    }

    /// `repr(v)`
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        self.nested(" while getting the repr of an object", |vm| {
            vm.repr_inner(v)
        })
    }

    /// The repr of a container that may contain itself: `[...]`-style
    /// (`cycle`) when met again inside its own repr, as CPython's `Py_ReprEnter`.
    fn repr_container(
        &mut self,
        id: usize,
        cycle: &str,
        f: impl FnOnce(&mut Vm) -> PyResult<String>,
    ) -> PyResult<String> {
        if self.repr_active.contains(&id) {
            return Ok(cycle.to_string());
        }
        self.repr_active.push(id);
        let r = f(self);
        self.repr_active.pop();
        r
    }

    fn repr_inner(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Str(s) => str_repr(s.as_str()),
            Value::BigInt(b) => crate::value::int::to_decimal(b)?,
            Value::Float(f) => crate::value::format::float_repr(*f),
            Value::List(l) => {
                return self.repr_container(Rc::as_ptr(l) as usize, "[...]", |vm| {
                    let items = l.borrow().clone();
                    let parts: PyResult<Vec<String>> = items.iter().map(|x| vm.repr(x)).collect();
                    Ok(format!("[{}]", parts?.join(", ")))
                })
            }
            Value::Tuple(t) => {
                let parts: PyResult<Vec<String>> = t.iter().map(|x| self.repr(x)).collect();
                let parts = parts?;
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Value::Dict(d) => {
                return self.repr_container(Rc::as_ptr(d) as usize, "{...}", |vm| {
                    let items: Vec<(Value, Value)> = d
                        .borrow()
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    let mut parts = vec![];
                    for (k, v) in items {
                        parts.push(format!("{}: {}", vm.repr(&k)?, vm.repr(&v)?));
                    }
                    Ok(format!("{{{}}}", parts.join(", ")))
                })
            }
            Value::Set(s) => {
                let items: Vec<Value> = s.borrow().iter().cloned().collect();
                if items.is_empty() {
                    "set()".into()
                } else {
                    let parts: PyResult<Vec<String>> = items.iter().map(|x| self.repr(x)).collect();
                    format!("{{{}}}", parts?.join(", "))
                }
            }
            Value::FrozenSet(s) => {
                let items: Vec<Value> = s.iter().cloned().collect();
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    let parts: PyResult<Vec<String>> = items.iter().map(|x| self.repr(x)).collect();
                    format!("frozenset({{{}}})", parts?.join(", "))
                }
            }
            Value::Range(r) => r.repr(),
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s.start)?,
                self.repr(&s.stop)?,
                self.repr(&s.step)?
            ),
            Value::Function(f) => format!(
                "<function {} at 0x{:x}>",
                f.qualname.borrow().as_str(),
                v.ptr().unwrap_or(0)
            ),
            Value::BoundMethod(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().as_str().to_string(),
                    other => other.type_name(),
                };
                let obj = self.repr(&m.self_)?;
                format!("<bound method {} of {}>", fname, obj)
            }
            Value::Builtin(b) => match &b.bound_self {
                Some(s) => format!(
                    "<built-in method {} of {} object at 0x{:x}>",
                    b.name,
                    s.type_name(),
                    s.ptr().unwrap_or(0)
                ),
                None => format!("<built-in function {}>", b.name),
            },
            Value::Class(c) => {
                if c.module.as_str() == "builtins" {
                    format!("<class '{}'>", c.qualname.as_str())
                } else {
                    format!("<class '{}.{}'>", c.module.as_str(), c.qualname.as_str())
                }
            }
            Value::Instance(inst) => {
                if let Some(m) = self.user_dunder(&inst.class, "__repr__") {
                    return self.call_str_dunder(&m, v, "__repr__");
                }
                if inst.class.is_exception() {
                    let args = self.exc_attr(v, "args").unwrap_or(Value::tuple(vec![]));
                    let inner = match &args {
                        Value::Tuple(t) if t.len() == 1 => self.repr(&t[0])?,
                        Value::Tuple(t) => {
                            let parts: PyResult<Vec<String>> =
                                t.iter().map(|x| self.repr(x)).collect();
                            parts?.join(", ")
                        }
                        _ => String::new(),
                    };
                    return Ok(format!("{}({})", inst.class.name.as_str(), inner));
                }
                format!(
                    "<{}.{} object at 0x{:x}>",
                    inst.class.module.as_str(),
                    inst.class.qualname.as_str(),
                    v.ptr().unwrap_or(0)
                )
            }
            Value::Module(m) => format!("<module '{}' (built-in)>", m.name.as_str()),
            Value::Iter(it) => format!(
                "<{} object at 0x{:x}>",
                it.borrow().type_name(),
                v.ptr().unwrap_or(0)
            ),
            Value::Code(c) => format!(
                "<code object {} at 0x{:x}, file \"{}\", line {}>",
                c.name.as_str(),
                v.ptr().unwrap_or(0),
                c.filename.as_str(),
                c.firstlineno
            ),
            Value::Frame(f) => format!(
                "<frame at 0x{:x}, file '{}', line {}, code {}>",
                v.ptr().unwrap_or(0),
                f.code.filename.as_str(),
                self.frame_obj_line(f),
                f.code.name.as_str()
            ),
            Value::Descr(d) => match &**d {
                Descr::Partial { func, args, kwargs } => {
                    let mut parts = vec![self.repr(func)?];
                    for a in args {
                        parts.push(self.repr(a)?);
                    }
                    for (k, x) in kwargs {
                        parts.push(format!("{}={}", k.as_str(), self.repr(x)?));
                    }
                    format!("functools.partial({})", parts.join(", "))
                }
                _ => format!("<{} object at 0x{:x}>", v.type_name(), v.ptr().unwrap_or(0)),
            },
            _ => crate::value::repr::repr_plain(v),
        })
    }

    /// Runs a user `__repr__`/`__str__`, which must return a str.
    fn call_str_dunder(&mut self, m: &Value, v: &Value, name: &str) -> PyResult<String> {
        match self.call_special(m, v, [])? {
            Value::Str(s) => Ok(s.as_str().to_string()),
            r => Err(PyErr::type_error(format!(
                "{} returned non-string (type {})",
                name,
                r.type_name()
            ))),
        }
    }

    /// `str(v)`
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(_) => self.nested(" while getting the str of an object", |vm| {
                vm.instance_str(v)
            }),
            _ => self.repr(v),
        }
    }

    /// `str()` of an instance: its `__str__`, an exception's message, or its repr.
    fn instance_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Instance(inst) => {
                if let Some(m) = self.user_dunder(&inst.class, "__str__") {
                    return self.call_str_dunder(&m, v, "__str__");
                }
                if inst.class.is_exception() {
                    let args = self.exc_attr(v, "args").unwrap_or(Value::tuple(vec![]));
                    return match &args {
                        Value::Tuple(t) if t.is_empty() => Ok(String::new()),
                        Value::Tuple(t) if t.len() == 1 => {
                            if inst.class.is_subclass(&self.types.exc(ExcType::KeyError)) {
                                self.repr(&t[0])
                            } else {
                                self.to_str(&t[0])
                            }
                        }
                        other => self.repr(other),
                    };
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `ascii(v)`
    pub fn ascii(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        let mut out = String::new();
        for c in r.chars() {
            let n = c as u32;
            if n < 128 {
                out.push(c);
            } else if n <= 0xff {
                out.push_str(&format!("\\x{:02x}", n));
            } else if n <= 0xffff {
                out.push_str(&format!("\\u{:04x}", n));
            } else {
                out.push_str(&format!("\\U{:08x}", n));
            }
        }
        Ok(out)
    }

    /// `format(v, spec)`
    pub fn format_value(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if let Some(s) = crate::value::format::format_builtin(v, spec)? {
            return Ok(s);
        }
        match v {
            Value::Instance(inst) => {
                if let Some(m) = self.user_dunder(&inst.class, "__format__") {
                    let r = self.call_special(&m, v, [Value::str(spec)])?;
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        _ => Err(PyErr::type_error(format!(
                            "__format__ must return a str, not {}",
                            r.type_name()
                        ))),
                    };
                }
                if spec.is_empty() {
                    // `object.__format__` is a built-in method called on the way.
                    return self.nested(" while calling a Python object", |vm| vm.to_str(v));
                }
                Err(PyErr::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    v.type_name()
                )))
            }
            _ => {
                if spec.is_empty() {
                    return self.to_str(v);
                }
                Err(PyErr::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    v.type_name()
                )))
            }
        }
    }

    /// The callee of the call a `DictMerge` builds keyword arguments for
    /// (`[callable, args, kwargs]` on top of the stack), as CPython's
    /// `_PyObject_FunctionStr` names it.
    fn merge_callee_str(&mut self) -> PyResult<String> {
        let n = self.stack.len();
        let f = if n >= 3 {
            self.stack[n - 3].clone()
        } else {
            Value::None
        };
        self.function_str(&f)
    }

    /// `module.qualname()` (`qualname()` for builtins), else `str(f)`.
    pub fn function_str(&mut self, f: &Value) -> PyResult<String> {
        // An instance does not see its class's `__qualname__` (a slot of type).
        let q = match f {
            Value::Instance(_) => None,
            _ => self.getattr(f, "__qualname__").ok(),
        };
        let Some(q) = q else {
            return self.to_str(f);
        };
        let q = self.to_str(&q)?;
        match self.getattr(f, "__module__") {
            Ok(Value::Str(m)) if m.as_str() != "builtins" => Ok(format!("{}.{}()", m.as_str(), q)),
            _ => Ok(format!("{}()", q)),
        }
    }

    /// `DictUpdate` / `DictMerge` into `target`.
    pub(crate) fn dict_merge(&mut self, target: &Value, m: &Value, strict: bool) -> PyResult<()> {
        let Value::Dict(t) = target else {
            return Ok(());
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
                let name = self.to_str(&k.value)?;
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
    fn unpack_iterable(
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
    pub(crate) fn import_module(&mut self, name: &str) -> PyResult<Value> {
        match self.modules.get(name) {
            Some(m) => Ok(m.clone()),
            None => Err(PyErr::new(
                ExcType::ModuleNotFoundError,
                format!("No module named '{}'", name),
            )),
        }
    }

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

fn apply(op: CmpKind, o: std::cmp::Ordering) -> bool {
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
