//! Constant folding, as CPython's AST optimizer does it: it changes which
//! instructions exist and so which line events fire (`1 + \` / `2` is one
//! constant on the first line).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::syntax::ast::*;
use crate::value::Value;

/// The constant value of an expression, when CPython would fold it.
pub fn const_value(e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Constant(c) => constant(c),
        ExprKind::UnaryOp { op, operand } => {
            let v = const_value(operand)?;
            match (op, v) {
                (UnaryOp::USub, Value::Int(i)) => Some(match i.checked_neg() {
                    Some(n) => Value::Int(n),
                    None => Value::from_bigint(-BigInt::from(i)),
                }),
                (UnaryOp::USub, Value::BigInt(b)) => Some(Value::from_bigint(-(*b).clone())),
                (UnaryOp::USub, Value::Float(f)) => Some(Value::Float(-f)),
                (UnaryOp::UAdd, v @ (Value::Int(_) | Value::Float(_) | Value::BigInt(_))) => {
                    Some(v)
                }
                (UnaryOp::Invert, Value::Int(i)) => Some(Value::Int(!i)),
                (UnaryOp::Not, v) => v.fast_truth().map(|t| Value::Bool(!t)),
                _ => None,
            }
        }
        ExprKind::BinOp { left, op, right } => {
            let a = const_value(left)?;
            let b = const_value(right)?;
            fold_binop(&a, *op, &b)
        }
        ExprKind::Tuple { elts, ctx } if *ctx == ExprContext::Load => {
            let mut out = Vec::with_capacity(elts.len());
            for x in elts {
                if matches!(x.kind, ExprKind::Starred { .. }) {
                    return None;
                }
                out.push(const_value(x)?);
            }
            Some(Value::tuple(out))
        }
        _ => None,
    }
}

fn constant(c: &Constant) -> Option<Value> {
    Some(match c {
        Constant::None => Value::None,
        Constant::True => Value::Bool(true),
        Constant::False => Value::Bool(false),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Int(b) => Value::from_bigint(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Str(s) => Value::str(s),
        Constant::Complex(_) | Constant::Bytes(_) => return None,
    })
}

fn as_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::BigInt(b) => Some((**b).clone()),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        _ => None,
    }
}

fn as_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        // An int too large for a float raises at run time: no folding.
        _ => as_big(v)
            .map(|b| crate::value::int::big_to_f64_nearest(&b))
            .filter(|f| f.is_finite()),
    }
}

/// Folds arithmetic that cannot fail and stays small (CPython limits sizes too).
fn fold_binop(a: &Value, op: BinOp, b: &Value) -> Option<Value> {
    // bool & | ^ bool stays a bool.
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        match op {
            BinOp::BitAnd => return Some(Value::Bool(x & y)),
            BinOp::BitOr => return Some(Value::Bool(x | y)),
            BinOp::BitXor => return Some(Value::Bool(x ^ y)),
            _ => {}
        }
    }
    if let (Value::Str(x), Value::Str(y), BinOp::Add) = (a, b, op) {
        let s = format!("{}{}", x.as_str(), y.as_str());
        return if s.chars().count() <= 4096 {
            Some(Value::string(s))
        } else {
            None
        };
    }
    if let (Some(x), Some(y)) = (as_big(a), as_big(b)) {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mult => {
                if x.bits() + y.bits() > 128 {
                    return None;
                }
                x * y
            }
            BinOp::FloorDiv | BinOp::Mod => {
                if y.is_zero() {
                    return None;
                }
                let (q, r) = num_integer::Integer::div_mod_floor(&x, &y);
                if op == BinOp::FloorDiv {
                    q
                } else {
                    r
                }
            }
            BinOp::Pow => {
                let e = y.to_u32()?;
                if y.is_negative() || x.bits() * e as u64 > 128 {
                    return None;
                }
                num_traits::pow(x, e as usize)
            }
            BinOp::LShift => {
                let s = y.to_u32()?;
                if s > 64 {
                    return None;
                }
                x << s as usize
            }
            BinOp::RShift => {
                let s = y.to_u32()?;
                x >> s as usize
            }
            BinOp::BitAnd => x & y,
            BinOp::BitOr => x | y,
            BinOp::BitXor => x ^ y,
            BinOp::Div => {
                if y.is_zero() {
                    return None;
                }
                return Some(Value::Float(crate::value::int::int_truediv(&x, &y).ok()?));
            }
            BinOp::MatMult => return None,
        };
        return Some(Value::from_bigint(r));
    }
    if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
        let x = as_f64(a)?;
        let y = as_f64(b)?;
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mult => x * y,
            BinOp::Div if y != 0.0 => x / y,
            _ => return None,
        };
        return Some(Value::Float(r));
    }
    None
}
