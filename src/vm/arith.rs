//! Arithmetic and unary operators: the built-in fast paths, then the
//! dunder methods of user classes.

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::bytecode::BinOpKind;
use crate::value::int::{float_op, int_op, normalize, to_big};
use crate::value::{ExcType, ListObj, PyErr, PyResult, SetObj, Value};

use super::ops::{as_float, is_int};
use super::Vm;

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
        // Instances of subclasses of built-in types: the type's operator
        // (an in-place one on a list or set changes it and gives back the
        // instance itself).
        let (pa, pb) = (a.builtin_value(), b.builtin_value());
        if !pa.is(&a) || !pb.is(&b) {
            // A deque subclass's result is of its class (`deque_copy`).
            if matches!(pa, Value::Deque(_)) || matches!(pb, Value::Deque(_)) {
                if let Some(v) = crate::builtins::deque_binop(self, &a, &b, op, inplace)? {
                    return Ok(v);
                }
            }
            let (pa, pb) = (pa.clone(), pb.clone());
            if let Some(v) = self.builtin_binop(&pa, &pb, op, inplace)? {
                return Ok(if inplace && v.is(&pa) && !pa.is(&a) {
                    a
                } else {
                    v
                });
            }
        }
        if op == BinOpKind::Or && !inplace {
            // `int | None`: type.__or__ makes a types.UnionType.
            let unites = |v: &Value| matches!(v, Value::Class(_) | Value::None);
            if unites(&a) && unites(&b) && !(a.is_none() && b.is_none()) {
                let union = self.stdlib_attr("types", "_type_union")?;
                return self.call_value(&union, vec![a, b], vec![]);
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
                Value::Deque(_) => Some("deque"),
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
            let is_seq = |v: &Value| {
                matches!(
                    v,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Deque(_)
                )
            };
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

    pub(super) fn builtin_binop(
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
            if self.sizes_limited() {
                self.check_int_bits(super::limits::int_result_bits(&x, &y, op))?;
            }
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
                self.check_str_size(x.as_str().len() + y.as_str().len())?;
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
                    self.check_str_size(total)?;
                    crate::value::format::check_alloc(total, ' ')?;
                }
                Some(Value::string(x.as_str().repeat(k)))
            }
            (Value::Str(x), args, BinOpKind::Mod) => Some(Value::string(
                crate::value::format::percent_format(self, x.as_str(), args)?,
            )),
            (Value::List(x), Value::List(y), BinOpKind::Add) => {
                self.check_items(x.len() + y.len())?;
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
                self.check_items(x.len().saturating_mul(k))?;
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
            (Value::Deque(_), _, BinOpKind::Add | BinOpKind::Mul)
            | (_, Value::Deque(_), BinOpKind::Mul) => {
                crate::builtins::deque_binop(self, a, b, op, inplace)?
            }
            (Value::Tuple(x), Value::Tuple(y), BinOpKind::Add) => {
                self.check_items(x.len() + y.len())?;
                let mut v = (**x).clone();
                v.extend(y.iter().cloned());
                Some(Value::tuple(v))
            }
            (Value::Tuple(x), n, BinOpKind::Mul) | (n, Value::Tuple(x), BinOpKind::Mul)
                if is_int(n) =>
            {
                let k = self.repeat_count(n)?;
                self.check_items(x.len().saturating_mul(k))?;
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

    pub(super) fn repeat_count(&self, n: &Value) -> PyResult<usize> {
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
    pub(super) fn repeat_vec(len: usize, k: usize) -> PyResult<Vec<Value>> {
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

    pub(super) fn set_items(v: &Value) -> SetObj {
        match v {
            Value::Set(s) => s.borrow().clone(),
            Value::FrozenSet(s) => (**s).clone(),
            _ => SetObj::new(),
        }
    }

    pub(super) fn set_binop(
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

    pub(super) fn unary_dunder(
        &mut self,
        a: Value,
        name: &'static str,
        sym: &str,
    ) -> PyResult<Value> {
        if let Value::Instance(i) = &a {
            if let Some(m) = self.user_dunder(&i.class, name) {
                return self.call_special(&m, &a, []);
            }
            // A subclass of int or float: the type's operator.
            if let Some(p @ (Value::Int(_) | Value::BigInt(_) | Value::Float(_))) = i.payload() {
                let p = p.clone();
                return match name {
                    "__neg__" => self.unary_neg(p),
                    "__pos__" => self.unary_pos(p),
                    _ => self.unary_invert(p),
                };
            }
        }
        Err(PyErr::type_error(format!(
            "bad operand type for unary {}: '{}'",
            sym,
            a.type_name()
        )))
    }
}
