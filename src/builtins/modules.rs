//! The built-in modules: `sys`, `math`, `functools`, `time`, `gc`.

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::{check_args, kwarg, native};
use crate::value::int::{normalize, to_big};
use crate::value::{Descr, Dict, ExcType, Kwargs, ModuleObj, NativeFn, PyErr, PyResult, Value};
use crate::vm::Vm;

fn module(
    vm: &mut Vm,
    name: &'static str,
    fns: &[(&'static str, NativeFn)],
    consts: Vec<(&'static str, Value)>,
) -> Value {
    let mut d = Dict::new();
    d.set_str("__name__", Value::str(name));
    for (n, f) in fns {
        d.set_str(n, native(n, *f));
    }
    for (n, v) in consts {
        d.set_str(n, v);
    }
    let m = Value::Module(crate::gc::alloc(ModuleObj {
        name: vm.intern(name),
        dict: crate::gc::alloc(RefCell::new(d)),
    }));
    vm.modules.insert(name.to_string(), m.clone());
    m
}

pub fn install(vm: &mut Vm) {
    let stdout = module(
        vm,
        "sys.stdout",
        &[("write", stdout_write), ("flush", stdout_flush)],
        vec![],
    );
    let stderr = module(
        vm,
        "sys.stderr",
        &[("write", stderr_write), ("flush", stdout_flush)],
        vec![],
    );
    vm.modules.remove("sys.stdout");
    vm.modules.remove("sys.stderr");
    let version_info = Value::tuple(vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        Value::str("final"),
        Value::Int(0),
    ]);
    module(
        vm,
        "sys",
        &[
            ("settrace", settrace),
            ("gettrace", gettrace),
            ("setprofile", setprofile),
            ("getprofile", getprofile),
            ("_getframe", getframe),
            ("exit", exit),
            ("setrecursionlimit", setrecursionlimit),
            ("getrecursionlimit", getrecursionlimit),
            ("exc_info", exc_info),
            ("intern", intern),
        ],
        vec![
            ("stdout", stdout),
            ("stderr", stderr),
            ("version_info", version_info),
            ("version", Value::str("3.11.7 (krait)")),
            ("maxsize", Value::Int(i64::MAX)),
            ("platform", Value::str("linux")),
            ("byteorder", Value::str("little")),
            ("argv", Value::list(vec![])),
        ],
    );
    let pi = std::f64::consts::PI;
    module(
        vm,
        "math",
        &[
            ("sqrt", m_sqrt),
            ("floor", m_floor),
            ("ceil", m_ceil),
            ("trunc", m_trunc),
            ("fabs", m_fabs),
            ("exp", m_exp),
            ("log", m_log),
            ("log2", m_log2),
            ("log10", m_log10),
            ("pow", m_pow),
            ("sin", m_sin),
            ("cos", m_cos),
            ("tan", m_tan),
            ("asin", m_asin),
            ("acos", m_acos),
            ("atan", m_atan),
            ("atan2", m_atan2),
            ("hypot", m_hypot),
            ("degrees", m_degrees),
            ("radians", m_radians),
            ("gcd", m_gcd),
            ("lcm", m_lcm),
            ("factorial", m_factorial),
            ("isqrt", m_isqrt),
            ("comb", m_comb),
            ("perm", m_perm),
            ("prod", m_prod),
            ("fsum", m_fsum),
            ("isnan", m_isnan),
            ("isinf", m_isinf),
            ("isfinite", m_isfinite),
            ("copysign", m_copysign),
            ("fmod", m_fmod),
            ("remainder", m_remainder),
            ("modf", m_modf),
            ("frexp", m_frexp),
            ("isclose", m_isclose),
            ("sinh", m_sinh),
            ("cosh", m_cosh),
            ("tanh", m_tanh),
            ("expm1", m_expm1),
            ("log1p", m_log1p),
            ("dist", m_dist),
        ],
        vec![
            ("pi", Value::Float(pi)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
        ],
    );
    module(
        vm,
        "functools",
        &[
            ("reduce", reduce),
            ("wraps", wraps),
            ("_wraps_apply", wraps_apply),
            ("cmp_to_key", cmp_to_key),
        ],
        vec![("partial", Value::Class(vm.types.partial.clone()))],
    );
    module(vm, "gc", super::gc_module::FUNCTIONS, vec![]);
    module(
        vm,
        "time",
        &[
            ("perf_counter", perf_counter),
            ("time", time_time),
            ("sleep", sleep),
            ("monotonic", perf_counter),
            ("perf_counter_ns", perf_counter_ns),
        ],
        vec![],
    );
}

impl Vm {
    /// `sys.NAME` as the program sees it now (it may have replaced it).
    pub fn sys_attr(&self, name: &str) -> Option<Value> {
        match self.modules.get("sys") {
            Some(Value::Module(m)) => m.dict.borrow().get_str(name).cloned(),
            _ => None,
        }
    }

    /// Sets `sys.argv`.
    pub fn set_argv(&mut self, argv: Vec<String>) {
        if let Some(Value::Module(m)) = self.modules.get("sys") {
            m.dict.borrow_mut().set_str(
                "argv",
                Value::list(argv.iter().map(|a| Value::str(a)).collect()),
            );
        }
        self.argv = argv;
    }
}

fn stdout_write(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("TextIOWrapper.write", args, 1, 1)?;
    let Value::Str(s) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            args[0].type_name()
        )));
    };
    vm.write_stdout_str(s.as_str())?;
    Ok(Value::Int(s.char_len() as i64))
}

fn stderr_write(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("TextIOWrapper.write", args, 1, 1)?;
    let Value::Str(s) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            args[0].type_name()
        )));
    };
    vm.write_stderr_str(s.as_str());
    Ok(Value::Int(s.char_len() as i64))
}

fn stdout_flush(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    vm.flush();
    Ok(Value::None)
}

fn settrace(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("sys.settrace", args, 1, 1)?;
    vm.trace.sys_trace = args[0].clone();
    vm.trace_changed();
    Ok(Value::None)
}

fn gettrace(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(vm.trace.sys_trace.clone())
}

fn setprofile(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("sys.setprofile", args, 1, 1)?;
    vm.trace.sys_profile = args[0].clone();
    vm.trace_changed();
    Ok(Value::None)
}

fn getprofile(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(vm.trace.sys_profile.clone())
}

fn getframe(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("_getframe", args, 0, 1)?;
    let depth = match args.first() {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let top = vm.frames.len() as i64 - 1;
    if depth < 0 || depth > top {
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    Ok(Value::Frame(vm.frame_object((top - depth) as usize)))
}

fn exit(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("exit", args, 0, 1)?;
    Err(PyErr::Args(ExcType::SystemExit, args.to_vec()))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("sys.setrecursionlimit", args, 1, 1)?;
    if matches!(args[0], Value::BigInt(_)) {
        return Err(PyErr::overflow("Python int too large to convert to C int"));
    }
    let n = vm.index_value(&args[0])?;
    if n > i32::MAX as i64 || n < i32::MIN as i64 {
        return Err(PyErr::overflow("Python int too large to convert to C int"));
    }
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = vm.recursion_depth();
    if n as usize <= depth {
        return Err(PyErr::new(
            crate::value::ExcType::RecursionError,
            format!(
                "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
                n, depth
            ),
        ));
    }
    vm.set_recursion_limit(n as usize);
    Ok(Value::None)
}

fn getrecursionlimit(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit() as i64))
}

fn exc_info(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    let e = vm.exc_info.clone();
    if e.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let cls = Value::Class(vm.exc_class(&e));
    let tb = vm.getattr(&e, "__traceback__")?;
    Ok(Value::tuple(vec![cls, e, tb]))
}

fn intern(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

fn f1(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<f64> {
    if args.len() != 1 {
        check_args(&format!("math.{name}"), args, 1, 1)?;
    }
    num(vm, &args[0])
}

/// A math function's float argument (CPython's PyFloat_AsDouble).
fn num(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            super::construct::to_float(vm, v)
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
    ($name:ident, $py:literal, |$x:ident| $body:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
            let $x = f1(vm, args, $py)?;
            Ok(Value::Float($body?))
        }
    };
}

float_fn!(m_sqrt, "sqrt", |x| if x < 0.0 {
    Err(domain())
} else {
    Ok(x.sqrt())
});
float_fn!(m_exp, "exp", |x| {
    let r = x.exp();
    if r.is_infinite() && x.is_finite() {
        Err(PyErr::overflow("math range error"))
    } else {
        Ok(r)
    }
});
float_fn!(m_fabs, "fabs", |x| Ok::<f64, PyErr>(x.abs()));
float_fn!(m_sin, "sin", |x| Ok::<f64, PyErr>(x.sin()));
float_fn!(m_cos, "cos", |x| Ok::<f64, PyErr>(x.cos()));
float_fn!(m_tan, "tan", |x| Ok::<f64, PyErr>(x.tan()));
float_fn!(m_asin, "asin", |x| if !(-1.0..=1.0).contains(&x) {
    Err(domain())
} else {
    Ok(x.asin())
});
float_fn!(m_acos, "acos", |x| if !(-1.0..=1.0).contains(&x) {
    Err(domain())
} else {
    Ok(x.acos())
});
float_fn!(m_atan, "atan", |x| Ok::<f64, PyErr>(x.atan()));
float_fn!(m_sinh, "sinh", |x| Ok::<f64, PyErr>(x.sinh()));
float_fn!(m_cosh, "cosh", |x| Ok::<f64, PyErr>(x.cosh()));
float_fn!(m_tanh, "tanh", |x| Ok::<f64, PyErr>(x.tanh()));
float_fn!(m_expm1, "expm1", |x| Ok::<f64, PyErr>(x.exp_m1()));
float_fn!(m_log1p, "log1p", |x| if x <= -1.0 {
    Err(domain())
} else {
    Ok(x.ln_1p())
});
float_fn!(m_degrees, "degrees", |x| Ok::<f64, PyErr>(x.to_degrees()));
float_fn!(m_radians, "radians", |x| Ok::<f64, PyErr>(x.to_radians()));

/// CPython's `loghelper`: an int too large for a float is decomposed as
/// `x * 2**e` (x in [0.5, 1)) and its log computed as `f(x) + f(2) * e`.
fn log_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(b) = to_big(v) {
        if !b.is_positive() {
            return Err(domain());
        }
        return Ok(match b.to_f64().filter(|x| x.is_finite()) {
            Some(x) => f(x),
            None => {
                let (x, e) = big_frexp(&b);
                f(x) + f(2.0) * e as f64
            }
        });
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

fn m_log(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
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
    check_args("math.log2", args, 1, 1)?;
    Ok(Value::Float(log_of(vm, &args[0], f64::log2)?))
}

fn m_log10(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("math.log10", args, 1, 1)?;
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
    check_args("math.floor", args, 1, 1)?;
    round_with(vm, &args[0], "__floor__", f64::floor)
}

fn m_ceil(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("math.ceil", args, 1, 1)?;
    round_with(vm, &args[0], "__ceil__", f64::ceil)
}

fn m_trunc(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("math.trunc", args, 1, 1)?;
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
    check_args("pow", args, 2, 2)?;
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
    check_args("atan2", args, 2, 2)?;
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
    check_args("dist", args, 2, 2)?;
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
    check_args("math.factorial", args, 1, 1)?;
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
    let mut r = BigInt::from(1);
    for i in 2..=n {
        r *= i;
    }
    Ok(normalize(r))
}

fn m_isqrt(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("math.isqrt", args, 1, 1)?;
    let n = ints(vm, args)?[0].clone();
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(normalize(n.sqrt()))
}

fn m_comb(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("comb", args, 2, 2)?;
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
    let mut r = BigInt::from(1);
    for i in 0..k {
        r = r * (n - i) / (i + 1);
    }
    Ok(normalize(r))
}

fn m_perm(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("perm", args, 1, 2)?;
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
    let mut r = BigInt::from(1);
    for i in 0..k {
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
    check_args("math.fsum", args, 1, 1)?;
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
    Ok(Value::Bool(f1(vm, args, "isnan")?.is_nan()))
}
fn m_isinf(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(f1(vm, args, "isinf")?.is_infinite()))
}
fn m_isfinite(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Bool(f1(vm, args, "isfinite")?.is_finite()))
}

fn m_copysign(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("copysign", args, 2, 2)?;
    Ok(Value::Float(
        num(vm, &args[0])?.copysign(num(vm, &args[1])?),
    ))
}

fn m_fmod(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("fmod", args, 2, 2)?;
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
    check_args("remainder", args, 2, 2)?;
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
    let x = f1(vm, args, "modf")?;
    // C's modf: both parts carry x's sign, also when zero.
    let fract = if x.is_infinite() { 0.0 } else { x.fract() };
    Ok(Value::tuple(vec![
        Value::Float(fract.copysign(x)),
        Value::Float(x.trunc()),
    ]))
}

fn m_frexp(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (m, e) = frexp(f1(vm, args, "frexp")?);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e)]))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    super::clinic_args("isclose", args, &["a", "b"], 2)?;
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

pub(super) fn partial(_vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error(
            "type 'partial' takes at least one argument",
        ));
    }
    if !super::functions::is_callable(&args[0]) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    // Nested partials flatten, as in CPython.
    if let Value::Descr(d) = &args[0] {
        if let Descr::Partial {
            func,
            args: pa,
            kwargs: pk,
        } = &**d
        {
            let mut a = pa.clone();
            a.extend(args[1..].iter().cloned());
            let mut k = pk.clone();
            for (n, v) in kw {
                k.retain(|(m, _)| m.as_str() != n.as_str());
                k.push((n.clone(), v.clone()));
            }
            return Ok(Value::Descr(crate::gc::alloc(Descr::Partial {
                func: func.clone(),
                args: a,
                kwargs: k,
            })));
        }
    }
    Ok(Value::Descr(crate::gc::alloc(Descr::Partial {
        func: args[0].clone(),
        args: args[1..].to_vec(),
        kwargs: kw.clone(),
    })))
}

fn reduce(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("reduce", args, 2, 3)?;
    let it = match vm.get_iter(args[1].clone()) {
        Err(e) if vm.err_is(&e, ExcType::TypeError) => {
            return Err(PyErr::type_error("reduce() arg 2 must support iteration"))
        }
        r => r?,
    };
    let mut acc = match args.get(2) {
        Some(v) => v.clone(),
        None => match vm.next_value(&it)? {
            Some(v) => v,
            None => {
                return Err(PyErr::type_error(
                    "reduce() of empty iterable with no initial value",
                ))
            }
        },
    };
    while let Some(x) = vm.next_value(&it)? {
        acc = vm.call_value(&args[0], vec![acc, x], vec![])?;
    }
    Ok(acc)
}

/// `functools.wraps(wrapped)` returns a decorator that copies metadata.
fn wraps(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error(
            "wraps() missing 1 required positional argument: 'wrapped'",
        ));
    }
    check_args("wraps", args, 1, 1)?;
    let apply = vm.modules["functools"].clone();
    let f = vm.getattr(&apply, "_wraps_apply")?;
    Ok(Value::Descr(crate::gc::alloc(Descr::Partial {
        func: f,
        args: vec![args[0].clone()],
        kwargs: vec![],
    })))
}

fn wraps_apply(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("wraps", args, 2, 2)?;
    let (wrapped, wrapper) = (&args[0], &args[1]);
    for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
        if let Ok(v) = vm.getattr(wrapped, name) {
            let n = vm.intern(name);
            vm.setattr(wrapper, &n, v)?;
        }
    }
    let n = vm.intern("__wrapped__");
    vm.setattr(wrapper, &n, wrapped.clone())?;
    Ok(wrapper.clone())
}

fn cmp_to_key(_vm: &mut Vm, _args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Err(PyErr::new(
        ExcType::NotImplementedError,
        "functools.cmp_to_key is not supported by krait",
    ))
}

thread_local! {
    static START: std::time::Instant = std::time::Instant::now();
}

fn perf_counter(_vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(START.with(|s| s.elapsed().as_secs_f64())))
}

fn perf_counter_ns(_vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(START.with(|s| s.elapsed().as_nanos() as i64)))
}

fn time_time(_vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    let d = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(Value::Float(d))
}

fn sleep(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    check_args("time.sleep", args, 1, 1)?;
    // CPython converts to nanoseconds in an i64 (`_PyTime_t`) first.
    let ns: i128 = match &args[0] {
        Value::Float(f) => {
            if f.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            let d = (f * 1e9).round();
            const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2**63 ns
            if !(-LIMIT..LIMIT).contains(&d) {
                return Err(PyErr::overflow(
                    "timestamp out of range for platform time_t",
                ));
            }
            d as i128
        }
        v => {
            let n = match v {
                Value::BigInt(_) => None,
                _ => Some(vm.index_value(v)?),
            };
            n.and_then(|n| n.checked_mul(1_000_000_000))
                .ok_or_else(|| PyErr::overflow("timestamp too large to convert to C _PyTime_t"))?
                as i128
        }
    };
    if ns < 0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    vm.flush();
    std::thread::sleep(std::time::Duration::from_nanos(ns as u64));
    Ok(Value::None)
}
