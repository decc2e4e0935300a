//! Python's hash function for the built-in hashable types. Ints and floats
//! hash as CPython does (modulo 2**61 - 1), so `hash(n)` prints the same and
//! equal numbers of different types hash alike.

use std::hash::Hasher;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use rustc_hash::FxHasher;

const MODULUS: u64 = (1 << 61) - 1;

pub fn hash_str(s: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.write_u8(0xff);
    // Never -1 as an i64, which CPython reserves.
    let v = h.finish();
    if v as i64 == -1 {
        (-2i64) as u64
    } else {
        v
    }
}

/// `hash(n)` for a machine int.
pub fn hash_i64(n: i64) -> i64 {
    let m = (n.unsigned_abs() % MODULUS) as i64;
    let h = if n < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(n: &BigInt) -> i64 {
    let m = (n.abs() % BigInt::from(MODULUS)).to_i64().unwrap_or(0);
    let h = if n.is_negative() { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

thread_local! {
    /// The current interpreter's next NaN payload (`vm::isolate`).
    static NEXT_NAN: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// Swaps `next` with the current interpreter's next NaN payload.
pub(crate) fn swap_next_nan(next: &mut u64) {
    NEXT_NAN.with(|c| *next = c.replace(*next));
}

/// A quiet NaN with a payload of its own. Floats are immediates whose
/// identity is their bits, so each `float('nan')` gets distinct bits to be
/// a distinct object, as in CPython: a NaN key is found only by identity.
pub fn fresh_nan(negative: bool) -> f64 {
    let n = NEXT_NAN.with(|c| {
        let n = c.get();
        c.set(if n >= (1 << 50) { 1 } else { n + 1 });
        n
    });
    let sign = if negative { 1u64 << 63 } else { 0 };
    f64::from_bits(sign | 0x7ff8_0000_0000_0000 | n)
}

/// `hash(x)` for a float, CPython's algorithm (`_Py_HashDouble`).
pub fn hash_f64(x: f64) -> i64 {
    if x.is_nan() {
        return 0; // CPython 3.11 hashes NaN by identity; 0 keeps dict lookups working.
    }
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(x);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut xh: u64 = 0;
    while m != 0.0 {
        xh = ((xh << 28) & MODULUS) | (xh >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        xh += y;
        if xh >= MODULUS {
            xh -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    xh = ((xh << e) & MODULUS) | (xh >> (61 - e));
    let h = (xh as i64) * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(x * f64::powi(2.0, 64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022u64 << 52));
    (m, e)
}

/// CPython's tuple hash (xxHash-based, 3.8+), over the items' hashes.
pub fn hash_tuple(items: &[i64]) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for &h in items {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc as i64 == -1 {
        1546275796
    } else {
        acc as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_hash_like_cpython() {
        assert_eq!(hash_i64(5), 5);
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_f64(1.0), 1);
        assert_eq!(hash_f64(1.5), 1152921504606846977);
        assert_eq!(hash_f64(-2.5), -1152921504606846978);
        assert_eq!(hash_tuple(&[1, 2]), -3550055125485641917);
        assert_eq!(hash_tuple(&[]), 5740354900026072187);
    }
}
