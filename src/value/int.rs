//! Integer arithmetic: i64 fast paths overflowing into big integers.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{ExcType, PyErr, PyResult, Value};
use crate::bytecode::BinOpKind;

/// CPython's default limit on decimal digits in int/str conversions.
pub const MAX_STR_DIGITS: usize = 4300;

/// Powers whose result would need more bits than this (8 GiB) fail with
/// `MemoryError` before computing: CPython's allocation would fail too.
const MAX_POW_BITS: u64 = 1 << 36;

/// `str(n)` in decimal, or CPython's `ValueError` beyond `MAX_STR_DIGITS`
/// digits (found from the size first: converting a huge int is slow).
pub fn to_decimal(n: &BigInt) -> PyResult<String> {
    // 4300 digits need at least 14285 bits; any int of more has too many.
    if n.bits() > 14_300 {
        return Err(str_digits_error());
    }
    let s = n.to_string();
    if n.bits() > 14_000 && s.trim_start_matches('-').len() > MAX_STR_DIGITS {
        return Err(str_digits_error());
    }
    Ok(s)
}

pub fn str_digits_error() -> PyErr {
    PyErr::value_error(
        "Exceeds the limit (4300 digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit",
    )
}

/// A BigInt as the smallest representation (i64 when it fits).
pub fn normalize(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) => Value::Int(i),
        None => Value::BigInt(std::rc::Rc::new(b)),
    }
}

pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::BigInt(b) => Some((**b).clone()),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        _ => None,
    }
}

/// `b` as the nearest f64 (ties to even), as CPython's `PyLong_AsDouble`
/// rounds; infinite past the largest float. (num-bigint's `to_f64`
/// truncates some values, e.g. 5444517870735015416373224410741188067364.)
pub fn big_to_f64_nearest(b: &BigInt) -> f64 {
    let mag = b.magnitude();
    let bits = mag.bits();
    let f = if bits <= 64 {
        mag.to_u64().unwrap_or(u64::MAX) as f64
    } else {
        // The top 64 bits, with the rest folded into the lowest (a sticky
        // bit below the rounding position): one correctly rounded u64 -> f64.
        let shift = bits - 64;
        let top = (mag >> shift).to_u64().unwrap_or(u64::MAX);
        let sticky = mag.trailing_zeros().is_some_and(|z| z < shift) as u64;
        (top | sticky) as f64 * 2f64.powi(shift.min(2048) as i32)
    };
    if b.is_negative() {
        -f
    } else {
        f
    }
}

pub fn big_to_f64(b: &BigInt) -> PyResult<f64> {
    let f = big_to_f64_nearest(b);
    if f.is_infinite() {
        return Err(PyErr::overflow("int too large to convert to float"));
    }
    Ok(f)
}

/// The int value of an integral float, exactly (`int(f)` of `f.trunc()`):
/// NaN and infinities raise as CPython's `int()` does.
pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(normalize(float_to_big(t)))
}

/// The integer part of a finite float as a BigInt, exactly (from_f64
/// decodes mantissa and exponent; 0 for a non-finite float).
pub fn float_to_big(f: f64) -> BigInt {
    num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default()
}

/// `a op b` for two ints (None: not an int operation, e.g. true division).
pub fn int_op(a: &BigInt, b: &BigInt, op: BinOpKind) -> PyResult<Value> {
    Ok(normalize(match op {
        BinOpKind::Add => a + b,
        BinOpKind::Sub => a - b,
        BinOpKind::Mul => a * b,
        BinOpKind::FloorDiv => {
            if b.is_zero() {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            a.div_floor(b)
        }
        BinOpKind::Mod => {
            if b.is_zero() {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            a.mod_floor(b)
        }
        BinOpKind::Pow => {
            if b.is_negative() {
                return float_pow(big_to_f64(a)?, big_to_f64(b)?);
            }
            if a.is_one() || (a.is_zero() && !b.is_zero()) {
                a.clone()
            } else if b.is_zero() {
                BigInt::one()
            } else if *a == BigInt::from(-1) {
                if b.is_even() {
                    BigInt::one()
                } else {
                    a.clone()
                }
            } else {
                // |a| >= 2 here: the result has about bits(a) * b bits. One
                // that cannot be allocated is CPython's MemoryError, at once.
                let e = b
                    .to_u64()
                    .filter(|e| {
                        (a.bits() - 1)
                            .checked_mul(*e)
                            .is_some_and(|n| n < MAX_POW_BITS)
                    })
                    .ok_or_else(|| PyErr::bare(ExcType::MemoryError))?;
                let mag = a.magnitude();
                if mag.count_ones() == 1 {
                    // A power of two: a shift.
                    let r = BigInt::one() << ((mag.bits() - 1) * e);
                    if a.is_negative() && e % 2 == 1 {
                        -r
                    } else {
                        r
                    }
                } else {
                    num_traits::pow(a.clone(), e as usize)
                }
            }
        }
        BinOpKind::LShift => {
            if b.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            if a.is_zero() {
                return Ok(Value::Int(0));
            }
            let s = b
                .to_usize()
                .ok_or_else(|| PyErr::overflow("too many digits in integer"))?;
            // CPython's MemoryError when the result cannot be allocated
            // (Rust would abort the process).
            let bytes = (a.bits() as usize).saturating_add(s) / 8 + 8;
            super::format::check_alloc_bytes(bytes)?;
            a << s
        }
        BinOpKind::RShift => {
            if b.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            match b.to_usize() {
                Some(s) => a >> s,
                None => {
                    if a.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        BinOpKind::And => a & b,
        BinOpKind::Or => a | b,
        BinOpKind::Xor => a ^ b,
        BinOpKind::TrueDiv => {
            if b.is_zero() {
                return Err(PyErr::zero_division("division by zero"));
            }
            return Ok(Value::Float(int_truediv(a, b)?));
        }
        BinOpKind::MatMul => {
            return Err(PyErr::type_error(
                "unsupported operand type(s) for @: 'int' and 'int'",
            ))
        }
    }))
}

/// Correctly rounded `a / b` for ints (b != 0), as CPython computes it.
pub fn int_truediv(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return Ok(x as f64 / y as f64);
        }
    }
    // Correct rounding: a quotient of 55 to 56 bits plus a sticky bit,
    // rounded once to 53 bits, then scaled by a power of two.
    let neg = a.is_negative() != b.is_negative();
    let (x, y) = (a.abs(), b.abs());
    if x.is_zero() {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let shift = x.bits() as i64 - y.bits() as i64 - 55;
    let (q, r) = if shift > 0 {
        x.div_rem(&(&y << shift as usize))
    } else {
        (&x << (-shift) as usize).div_rem(&y)
    };
    let q = (q << 1usize) | BigInt::from(!r.is_zero() as u8);
    let m = q.to_u64().unwrap_or(u64::MAX) as f64;
    let r = ldexp(m, shift - 1);
    if r.is_infinite() {
        return Err(PyErr::overflow(
            "integer division result too large for a float",
        ));
    }
    Ok(if neg { -r } else { r })
}

/// `m * 2**e` without overflowing the scale factor itself.
fn ldexp(mut m: f64, mut e: i64) -> f64 {
    while e > 1000 {
        m *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        m *= 2f64.powi(-1000);
        e += 1000;
    }
    m * 2f64.powi(e as i32)
}

/// Float `a op b`.
pub fn float_op(a: f64, b: f64, op: BinOpKind) -> PyResult<Value> {
    Ok(Value::Float(match op {
        BinOpKind::Add => a + b,
        BinOpKind::Sub => a - b,
        BinOpKind::Mul => a * b,
        BinOpKind::TrueDiv => {
            if b == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            a / b
        }
        BinOpKind::FloorDiv => {
            if b == 0.0 {
                return Err(PyErr::zero_division("float floor division by zero"));
            }
            float_divmod(a, b).0
        }
        BinOpKind::Mod => {
            if b == 0.0 {
                return Err(PyErr::zero_division("float modulo"));
            }
            float_divmod(a, b).1
        }
        BinOpKind::Pow => return float_pow(a, b),
        _ => {
            return Err(PyErr::type_error(format!(
                "unsupported operand type(s) for {}: 'float' and 'float'",
                op.symbol()
            )))
        }
    }))
}

/// `a ** b` for floats: CPython's float_pow, which settles the special
/// cases itself before the C library's pow.
fn float_pow(a: f64, b: f64) -> PyResult<Value> {
    let odd = |w: f64| (w % 2.0).abs() == 1.0;
    let r = if b == 0.0 {
        1.0
    } else if a.is_nan() {
        a
    } else if b.is_nan() {
        if a == 1.0 {
            1.0
        } else {
            b
        }
    } else if b.is_infinite() {
        let av = a.abs();
        if av == 1.0 {
            1.0
        } else if (b > 0.0) == (av > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else if a.is_infinite() {
        match (b > 0.0, odd(b)) {
            (true, true) => a,
            (true, false) => f64::INFINITY,
            (false, true) => 0.0f64.copysign(a),
            (false, false) => 0.0,
        }
    } else if a == 0.0 {
        if b < 0.0 {
            return Err(PyErr::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        if odd(b) {
            a
        } else {
            0.0
        }
    } else {
        let neg = a < 0.0 && odd(b);
        if a < 0.0 && b != b.floor() {
            return Err(PyErr::value_error(
                "complex numbers are not supported by krait",
            ));
        }
        let av = a.abs();
        let r = if av == 1.0 { 1.0 } else { av.powf(b) };
        if r.is_infinite() {
            // CPython reports the C library's errno: ERANGE.
            return Err(PyErr::Args(
                ExcType::OverflowError,
                vec![Value::Int(34), Value::str("Numerical result out of range")],
            ));
        }
        if neg {
            -r
        } else {
            r
        }
    };
    Ok(Value::Float(r))
}

/// Python's float divmod (floor semantics, sign of the divisor).
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}
