//! `range` objects. Bounds and a length that fit an i64 are kept as such
//! (the common, fast case); any other range keeps big ints in `big`, as
//! CPython's ranges take ints of any size.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::int::{normalize, to_big};
use super::Value;

#[derive(Debug, Clone)]
pub struct RangeObj {
    /// Meaningful only when `big` is None.
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub big: Option<Box<BigRange>>,
}

#[derive(Debug, Clone)]
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
    pub len: BigInt,
}

impl RangeObj {
    /// A range of i64 bounds (`step` is not 0).
    pub fn small(start: i64, stop: i64, step: i64) -> RangeObj {
        let r = RangeObj {
            start,
            stop,
            step,
            big: None,
        };
        if len_i128(start, stop, step) > i64::MAX as i128 {
            return RangeObj::from_big(start.into(), stop.into(), step.into());
        }
        r
    }

    /// A range of any bounds (`step` is not 0).
    /// `range(stop)`, `range(start, stop)` or `range(start, stop, step)`
    /// called with small ints and a nonzero step, the common call; None
    /// sends the call the general way (conversions and CPython's errors).
    #[inline]
    pub fn from_int_args(args: &[Value]) -> Option<RangeObj> {
        let (start, stop, step) = match args {
            [Value::Int(stop)] => (0, *stop, 1),
            [Value::Int(start), Value::Int(stop)] => (*start, *stop, 1),
            [Value::Int(start), Value::Int(stop), Value::Int(step)] if *step != 0 => {
                (*start, *stop, *step)
            }
            _ => return None,
        };
        Some(RangeObj::small(start, stop, step))
    }

    pub fn from_big(start: BigInt, stop: BigInt, step: BigInt) -> RangeObj {
        if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
            if len_i128(a, b, c) <= i64::MAX as i128 {
                return RangeObj::small(a, b, c);
            }
        }
        let len = big_len(&start, &stop, &step);
        RangeObj {
            start: 0,
            stop: 0,
            step: 1,
            big: Some(Box::new(BigRange {
                start,
                stop,
                step,
                len,
            })),
        }
    }

    /// The length of a small range.
    pub fn len(&self) -> i64 {
        match &self.big {
            None => len_i128(self.start, self.stop, self.step) as i64,
            Some(b) => b.len.to_i64().unwrap_or(i64::MAX),
        }
    }

    pub fn len_big(&self) -> BigInt {
        match &self.big {
            None => self.len().into(),
            Some(b) => b.len.clone(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match &self.big {
            None => self.len() == 0,
            Some(b) => b.len.is_zero(),
        }
    }

    pub fn start_value(&self) -> Value {
        match &self.big {
            None => Value::Int(self.start),
            Some(b) => normalize(b.start.clone()),
        }
    }
    pub fn stop_value(&self) -> Value {
        match &self.big {
            None => Value::Int(self.stop),
            Some(b) => normalize(b.stop.clone()),
        }
    }
    pub fn step_value(&self) -> Value {
        match &self.big {
            None => Value::Int(self.step),
            Some(b) => normalize(b.step.clone()),
        }
    }

    /// (start, stop, step) as big ints.
    pub fn parts(&self) -> (BigInt, BigInt, BigInt) {
        match &self.big {
            None => (self.start.into(), self.stop.into(), self.step.into()),
            Some(b) => (b.start.clone(), b.stop.clone(), b.step.clone()),
        }
    }

    /// `r[i]` for an int index of any size; None when out of range.
    pub fn item(&self, i: &BigInt) -> Option<Value> {
        let len = self.len_big();
        let j = if i.is_negative() { i + &len } else { i.clone() };
        if j.is_negative() || j >= len {
            return None;
        }
        let (start, _, step) = self.parts();
        Some(normalize(start + j * step))
    }

    /// `r[start:stop:step]` from slice values already converted to ints
    /// (None for a missing one); None when the step is zero.
    pub fn slice(
        &self,
        start: Option<BigInt>,
        stop: Option<BigInt>,
        step: Option<BigInt>,
    ) -> Option<RangeObj> {
        let step = step.unwrap_or_else(BigInt::one);
        if step.is_zero() {
            return None;
        }
        let len = self.len_big();
        let (lower, upper) = if step.is_negative() {
            (-BigInt::one(), &len - 1)
        } else {
            (BigInt::zero(), len.clone())
        };
        let adjust = |v: Option<BigInt>, default: &BigInt| -> BigInt {
            match v {
                None => default.clone(),
                Some(v) if v.is_negative() => (v + &len).max(lower.clone()),
                Some(v) => v.min(upper.clone()),
            }
        };
        let (d_start, d_stop) = if step.is_negative() {
            (upper.clone(), lower.clone())
        } else {
            (lower.clone(), upper.clone())
        };
        let a = adjust(start, &d_start);
        let b = adjust(stop, &d_stop);
        let (r_start, _, r_step) = self.parts();
        Some(RangeObj::from_big(
            &r_start + a * &r_step,
            &r_start + b * &r_step,
            step * r_step,
        ))
    }

    /// The position of the int `x` in the range.
    #[inline(never)]
    pub fn position(&self, x: &Value) -> Option<BigInt> {
        if self.big.is_none() {
            if let Value::Int(i) = x {
                let (i, start, stop, step) = (
                    *i as i128,
                    self.start as i128,
                    self.stop as i128,
                    self.step as i128,
                );
                let inside = if step > 0 {
                    start <= i && i < stop
                } else {
                    stop < i && i <= start
                };
                let off = i - start;
                return (inside && off % step == 0).then(|| (off / step).into());
            }
        }
        let x = to_big(x)?;
        let (start, stop, step) = self.parts();
        let inside = if step.is_positive() {
            start <= x && x < stop
        } else {
            stop < x && x <= start
        };
        let (q, r) = (x - start).div_rem(&step);
        (inside && r.is_zero()).then_some(q)
    }

    /// `range == range`: the same sequence of ints.
    #[inline(never)]
    pub fn same_as(&self, other: &RangeObj) -> bool {
        if self.big.is_none() && other.big.is_none() {
            let n = self.len();
            return n == other.len()
                && (n == 0 || (self.start == other.start && (n == 1 || self.step == other.step)));
        }
        let n = self.len_big();
        if n != other.len_big() {
            return false;
        }
        let (a, _, s) = self.parts();
        let (b, _, t) = other.parts();
        n.is_zero() || (a == b && (n.is_one() || s == t))
    }

    /// `repr(r)`
    #[inline(never)]
    pub fn repr(&self) -> String {
        let (start, stop, step) = self.parts();
        if step.is_one() {
            format!("range({}, {})", start, stop)
        } else {
            format!("range({}, {}, {})", start, stop, step)
        }
    }

    /// The values an iterator yields: (first, step, count), forwards or backwards.
    pub fn walk(&self, reverse: bool) -> (BigInt, BigInt, BigInt) {
        let (start, _, step) = self.parts();
        let len = self.len_big();
        if reverse && len.is_positive() {
            (&start + (&len - 1) * &step, -step, len)
        } else {
            (start, step, len)
        }
    }
}

fn len_i128(start: i64, stop: i64, step: i64) -> i128 {
    let (lo, hi, step) = (start as i128, stop as i128, step as i128);
    if step > 0 && lo < hi {
        (hi - lo - 1) / step + 1
    } else if step < 0 && lo > hi {
        (lo - hi - 1) / (-step) + 1
    } else {
        0
    }
}

fn big_len(lo: &BigInt, hi: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && lo < hi {
        (hi - lo - 1u32) / step + 1u32
    } else if step.is_negative() && lo > hi {
        (lo - hi - 1u32) / (-step) + 1u32
    } else {
        BigInt::zero()
    }
}
