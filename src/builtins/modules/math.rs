//! The `math` module.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::module;
use crate::builtins::kwarg;
use crate::builtins::typedef::{FnDef, ModuleDef, Params, Params::*};
use crate::value::int::{normalize, to_big};
use crate::value::{Kwargs, NativeFn, PyErr, PyResult, Value};
use crate::vm::Vm;

const fn f(name: &'static str, params: Params, func: NativeFn) -> FnDef {
    FnDef::function("math", name, params, func)
}

static MODULE: ModuleDef = ModuleDef {
    name: "math",
    functions: &[
        f("sqrt", One, m_sqrt),
        f("floor", One, m_floor),
        f("ceil", One, m_ceil),
        f("trunc", One, m_trunc),
        f("fabs", One, m_fabs),
        f("exp", One, m_exp),
        f("log", Own, m_log),
        f("log2", One, m_log2),
        f("log10", One, m_log10),
        f("pow", Positional(2, 2), m_pow),
        f("sin", One, m_sin),
        f("cos", One, m_cos),
        f("tan", One, m_tan),
        f("asin", One, m_asin),
        f("acos", One, m_acos),
        f("atan", One, m_atan),
        f("atan2", Positional(2, 2), m_atan2),
        f("hypot", Varargs, m_hypot),
        f("degrees", One, m_degrees),
        f("radians", One, m_radians),
        f("gcd", Varargs, m_gcd),
        f("lcm", Varargs, m_lcm),
        f("factorial", One, m_factorial),
        f("isqrt", One, m_isqrt),
        f("comb", Positional(2, 2), m_comb),
        f("perm", Positional(1, 2), m_perm),
        f("prod", Own, m_prod),
        f("fsum", One, m_fsum),
        f("isnan", One, m_isnan),
        f("isinf", One, m_isinf),
        f("isfinite", One, m_isfinite),
        f("copysign", Positional(2, 2), m_copysign),
        f("fmod", Positional(2, 2), m_fmod),
        f("remainder", Positional(2, 2), m_remainder),
        f("modf", One, m_modf),
        f("frexp", One, m_frexp),
        f("isclose", Own, m_isclose),
        f("sinh", One, m_sinh),
        f("cosh", One, m_cosh),
        f("tanh", One, m_tanh),
        f("expm1", One, m_expm1),
        f("log1p", One, m_log1p),
        f("dist", Positional(2, 2), m_dist),
    ],
};

pub(super) fn install(vm: &mut Vm) {
    module(
        vm,
        &MODULE,
        vec![
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
        ],
    );
}

/// The float argument of a one-argument function.
fn f1(vm: &mut Vm, args: &[Value]) -> PyResult<f64> {
    num(vm, &args[0])
}

/// A math function's float argument (CPython's PyFloat_AsDouble).
fn num(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            crate::builtins::construct::to_float(vm, v)
        }
        _ => match crate::value::format::PctHost::instance_float(vm, v)? {
            Some(f) => Ok(f),
            None => Err(PyErr::type_error(format!(
                "must be real number, not {}",
                v.type_name()
            ))),
        },
    }
}

fn domain() -> PyErr {
    PyErr::value_error("math domain error")
}

macro_rules! float_fn {
    ($name:ident, |$x:ident| $body:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
            let $x = f1(vm, args)?;
            Ok(Value::Float($body?))
        }
    };
}

float_fn!(m_sqrt, |x| if x < 0.0 {
    Err(domain())
} else {
    Ok(x.sqrt())
});
float_fn!(m_exp, |x| {
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        Err(PyErr::overflow("math range error"))
    } else {
        Ok(r)
    }
});
float_fn!(m_fabs, |x| Ok::<f64, PyErr>(x.abs()));
float_fn!(m_sin, |x| Ok::<f64, PyErr>(x.sin()));
float_fn!(m_cos, |x| Ok::<f64, PyErr>(x.cos()));
float_fn!(m_tan, |x| Ok::<f64, PyErr>(x.tan()));
float_fn!(m_asin, |x| if !(-1.0..=1.0).contains(&x) {
    Err(domain())
} else {
    Ok(x.asin())
});
float_fn!(m_acos, |x| if !(-1.0..=1.0).contains(&x) {
    Err(domain())
} else {
    Ok(x.acos())
});
float_fn!(m_atan, |x| Ok::<f64, PyErr>(x.atan()));
float_fn!(m_sinh, |x| Ok::<f64, PyErr>(x.sinh()));
float_fn!(m_cosh, |x| Ok::<f64, PyErr>(x.cosh()));
float_fn!(m_tanh, |x| Ok::<f64, PyErr>(x.tanh()));
float_fn!(m_expm1, |x| Ok::<f64, PyErr>(x.exp_m1()));
float_fn!(m_log1p, |x| if x <= -1.0 {
    Err(domain())
} else {
    Ok(x.ln_1p())
});
float_fn!(m_degrees, |x| Ok::<f64, PyErr>(x.to_degrees()));
float_fn!(m_radians, |x| Ok::<f64, PyErr>(x.to_radians()));

/// CPython's `loghelper`: an int too large for a float is decomposed as
/// `x * 2**e` (x in [0.5, 1)) and its log computed as `f(x) + f(2) * e`.
fn log_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(b) = to_big(v) {
        if !b.is_positive() {
            return Err(domain());
        }
        return Ok(
            match Some(crate::value::int::big_to_f64_nearest(&b)).filter(|x| x.is_finite()) {
                Some(x) => f(x),
                None => {
                    let (x, e) = big_frexp(&b);
                    f(x) + f(2.0) * e as f64
                }
            },
        );
    }
    let x = num(vm, v)?;
    if x.is_nan() || x == f64::INFINITY {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain());
    }
    Ok(f(x))
}

/// `(x, e)` with `b == x * 2**e` rounded to 53 bits, x in [0.5, 1) (b > 0).
fn big_frexp(b: &BigInt) -> (f64, i64) {
    let n = b.bits() as i64;
    let s = (n - 64).max(0);
    let top = b >> s as usize;
    let sticky = s > 0 && (b - (&top << s as usize)) != BigInt::zero();
    // One rounding: 64 bits with a sticky last bit, to 53 bits.
    let v = (top.to_u64().unwrap_or(u64::MAX) | sticky as u64) as f64;
    let (x, e) = frexp(v);
    (x, e + s)
}

/// C's frexp for a float: `(m, e)`, x == m * 2**e, m in [0.5, 1).
fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, adj) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(64), -64)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022 + adj)
}

fn m_log(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("log() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error("math.log requires 1 to 2 arguments"));
    }
    let a = log_of(vm, &args[0], f64::ln)?;
    match args.get(1) {
        Some(b) => {
            let lb = log_of(vm, b, f64::ln)?;
            if lb == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            Ok(Value::Float(a / lb))
        }
        None => Ok(Value::Float(a)),
    }
}

fn m_log2(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(log_of(vm, &args[0], f64::log2)?))
}

fn m_log10(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(log_of(vm, &args[0], f64::log10)?))
}

/// math.floor/ceil: a float directly, else the object's `__floor__`/
/// `__ceil__` (ints have them), else its float value.
fn round_with(vm: &mut Vm, v: &Value, dunder: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    match v {
        Value::Float(x) => return crate::value::int::float_to_int(f(*x)),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            return Ok(normalize(to_big(v).unwrap_or_default()))
        }
        Value::Instance(i) => {
            if let Some(m) = i.class.lookup_user(dunder) {
                return vm.call_special(&m, v, vec![]);
            }
        }
        _ => {}
    }
    crate::value::int::float_to_int(f(num(vm, v)?))
}

fn m_floor(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    round_with(vm, &args[0], "__floor__", f64::floor)
}

fn m_ceil(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    round_with(vm, &args[0], "__ceil__", f64::ceil)
}

fn m_trunc(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let v = &args[0];
    match v {
        Value::Float(x) => crate::value::int::float_to_int(*x),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            Ok(normalize(to_big(v).unwrap_or_default()))
        }
        Value::Instance(i) if i.class.lookup_user("__trunc__").is_some() => {
            let m = i.class.lookup_user("__trunc__").unwrap_or_default();
            vm.call_special(&m, v, vec![])
        }
        _ => Err(PyErr::type_error(format!(
            "type {} doesn't define __trunc__ method",
            v.type_name()
        ))),
    }
}

fn m_pow(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (x, y) = (num(vm, &args[0])?, num(vm, &args[1])?);
    if x == 0.0 && y < 0.0 {
        return Err(domain());
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(domain());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(PyErr::overflow("math range error"));
    }
    Ok(Value::Float(r))
}

fn m_atan2(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(num(vm, &args[0])?.atan2(num(vm, &args[1])?)))
}

fn m_hypot(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let mut s = 0.0f64;
    for a in args {
        let x = num(vm, a)?;
        s = s.hypot(x);
    }
    Ok(Value::Float(s))
}

fn m_dist(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let p = vm.collect(&args[0])?;
    let q = vm.collect(&args[1])?;
    if p.len() != q.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut s = 0.0f64;
    for (a, b) in p.iter().zip(q.iter()) {
        s = s.hypot(num(vm, a)? - num(vm, b)?);
    }
    Ok(Value::Float(s))
}

fn ints(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<BigInt>> {
    let mut out = vec![];
    for a in args {
        out.push(to_big(&vm.index_int(a)?).unwrap_or_default());
    }
    Ok(out)
}

fn m_gcd(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let ns = ints(vm, args)?;
    let mut g = BigInt::zero();
    for n in ns {
        g = num_integer::Integer::gcd(&g, &n);
    }
    Ok(normalize(g))
}

fn m_lcm(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let ns = ints(vm, args)?;
    let mut l = BigInt::from(1);
    for n in ns {
        if n.is_zero() {
            return Ok(Value::Int(0));
        }
        l = num_integer::Integer::lcm(&l, &n);
    }
    Ok(normalize(l))
}

fn m_factorial(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if let Value::Float(_) = args[0] {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = ints(vm, args)?[0].clone();
    if n.is_negative() {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let n = n
        .to_u64()
        .filter(|n| *n <= i64::MAX as u64)
        .ok_or_else(|| {
            PyErr::overflow("factorial() argument should not exceed 9223372036854775807")
        })?;
    // n! has fewer than n * bits(n) bits.
    vm.check_int_bits(n.saturating_mul(64 - n.leading_zeros() as u64))?;
    let mut r = BigInt::from(1);
    for i in 2..=n {
        // A long native loop: each round a step (`vm/limits.rs`).
        vm.step()?;
        r *= i;
    }
    Ok(normalize(r))
}

fn m_isqrt(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let n = ints(vm, args)?[0].clone();
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(normalize(n.sqrt()))
}

fn m_comb(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let v = ints(vm, args)?;
    let (n, k) = (&v[0], &v[1]);
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), n - k);
    let k = k
        .to_u64()
        .filter(|k| *k <= i64::MAX as u64)
        .ok_or_else(|| PyErr::overflow("min(n - k, k) must not exceed 9223372036854775807"))?;
    vm.check_int_bits(n.bits().min(k.saturating_mul(n.bits())))?;
    let mut r = BigInt::from(1);
    for i in 0..k {
        vm.step()?;
        r = r * (n - i) / (i + 1);
    }
    Ok(normalize(r))
}

fn m_perm(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let v = ints(vm, args)?;
    let n = &v[0];
    if v.len() == 1 {
        return m_factorial(vm, &args[..1], &vec![]);
    }
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    let k = &v[1];
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k
        .to_u64()
        .filter(|k| *k <= i64::MAX as u64)
        .ok_or_else(|| PyErr::overflow("k must not exceed 9223372036854775807"))?;
    vm.check_int_bits(k.saturating_mul(n.bits()))?;
    let mut r = BigInt::from(1);
    for i in 0..k {
        vm.step()?;
        r *= n - i;
    }
    Ok(normalize(r))
}

fn m_prod(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(PyErr::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let mut acc = kwarg(kw, "start").unwrap_or(Value::Int(1));
    for x in vm.collect(&args[0])? {
        acc = vm.binary_op(acc, x, crate::bytecode::BinOpKind::Mul as u32)?;
    }
    Ok(acc)
}

fn m_fsum(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    // Shewchuk's exact summation, as CPython.
    let mut partials: Vec<f64> = vec![];
    for v in vm.collect(&args[0])? {
        let mut x = num(vm, &v)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn m_isnan(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(f1(vm, args)?.is_nan()))
}
fn m_isinf(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(f1(vm, args)?.is_infinite()))
}
fn m_isfinite(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(f1(vm, args)?.is_finite()))
}

fn m_copysign(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(
        num(vm, &args[0])?.copysign(num(vm, &args[1])?),
    ))
}

fn m_fmod(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (x, y) = (num(vm, &args[0])?, num(vm, &args[1])?);
    // Rust's % is C's fmod (x % inf == x for finite x); a NaN from non-NaN
    // operands (y == 0, x infinite) is a domain error.
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::Float(r))
}

/// IEEE 754 remainder, as CPython's m_remainder.
fn m_remainder(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (x, y) = (num(vm, &args[0])?, num(vm, &args[1])?);
    let r = if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return Err(domain());
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = ax % ay;
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (ax - m)) % ay)
        };
        1.0f64.copysign(x) * r
    } else if x.is_nan() || y.is_nan() {
        x + y
    } else if x.is_infinite() {
        return Err(domain());
    } else {
        x
    };
    Ok(Value::Float(r))
}

fn m_modf(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let x = f1(vm, args)?;
    // C's modf: both parts carry x's sign, also when zero.
    let fract = if x.is_infinite() { 0.0 } else { x.fract() };
    Ok(Value::tuple(vec![
        Value::Float(fract.copysign(x)),
        Value::Float(x.trunc()),
    ]))
}

fn m_frexp(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (m, e) = frexp(f1(vm, args)?);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e)]))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    crate::builtins::clinic_args("isclose", args, &["a", "b"], 2)?;
    let (a, b) = (num(vm, &args[0])?, num(vm, &args[1])?);
    let rel = match kwarg(kw, "rel_tol") {
        Some(v) => num(vm, &v)?,
        None => 1e-9,
    };
    let abs = match kwarg(kw, "abs_tol") {
        Some(v) => num(vm, &v)?,
        None => 0.0,
    };
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let d = (a - b).abs();
    Ok(Value::Bool(
        d <= (rel * b.abs()).max(rel * a.abs()) || d <= abs,
    ))
}
