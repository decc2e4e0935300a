//! The `random` module: CPython's Mersenne Twister (`_randommodule.c`),
//! seeded as CPython seeds it, and the functions `random.py` builds on it
//! with the same algorithms, so that a seed gives CPython's numbers.
//!
//! `random()` and `getrandbits()` are C in CPython; the others are Python
//! methods of the hidden `Random` instance, defined here with
//! `FnDef::python` (their calls report no `c_call`). `random.Random`
//! instances, `getstate`/`setstate` and the other distributions are refused.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};

use super::{module, python_levels};
use crate::builtins::typedef::{FnDef, ModuleDef, Params::*, PySig};
use crate::bytecode::{BinOpKind, CmpKind};
use crate::value::int::{normalize, to_big};
use crate::value::{ExcType, Kwargs, NativeFn, PyErr, PyResult, Value};
use crate::vm::Vm;

const N: usize = 624;
const M: usize = 397;

/// The generator's state, kept by the VM (`Vm::random`).
pub struct MtState {
    mt: [u32; N],
    index: usize,
    /// `gauss()` makes two numbers and keeps one for the next call.
    gauss_next: Option<f64>,
}

impl MtState {
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let p = self.mt[i - 1];
            self.mt[i] = 1812433253u32
                .wrapping_mul(p ^ (p >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let mt = &mut self.mt;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let p = mt[i - 1];
            mt[i] = (mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let p = mt[i - 1];
            mt[i] = (mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    fn seeded(key: &[u32]) -> Box<MtState> {
        let mut s = Box::new(MtState {
            mt: [0; N],
            index: N,
            gauss_next: None,
        });
        s.init_by_array(key);
        s
    }

    fn next_u32(&mut self) -> u32 {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        const MATRIX_A: u32 = 0x9908_b0df;
        if self.index >= N {
            let mt = &mut self.mt;
            for k in 0..N {
                let y = (mt[k] & UPPER) | (mt[(k + 1) % N] & LOWER);
                let mag = if y & 1 == 0 { 0 } else { MATRIX_A };
                mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: 53 bits from two draws (`genrand_res53`).
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)` for k <= 64: 32-bit draws from the least
    /// significant word up, the last one cut to its top bits.
    fn bits64(&mut self, k: u32) -> u64 {
        if k <= 32 {
            return (self.next_u32() >> (32 - k)) as u64;
        }
        let lo = self.next_u32() as u64;
        let hi = (self.next_u32() >> (64 - k)) as u64;
        lo | hi << 32
    }

    fn bits_big(&mut self, k: u64) -> BigUint {
        let words = (k - 1) / 32 + 1;
        let mut v = Vec::with_capacity(words as usize);
        let mut left = k;
        for _ in 0..words {
            let r = self.next_u32();
            v.push(if left < 32 { r >> (32 - left) } else { r });
            left = left.saturating_sub(32);
        }
        BigUint::from_slice(&v)
    }

    /// `_randbelow(n)`, n > 0: getrandbits(n.bit_length()) until below n.
    fn below(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits64(k);
            if r < n {
                return r;
            }
        }
    }

    fn below_big(&mut self, n: &BigUint) -> BigUint {
        let k = n.bits();
        loop {
            let r = self.bits_big(k);
            if &r < n {
                return r;
            }
        }
    }
}

/// The module's generator, seeded at first use as CPython's is at import.
fn mt(vm: &mut Vm) -> &mut MtState {
    vm.random.get_or_insert_with(|| MtState::seeded(&os_seed()))
}

/// What `seed(None)` uses: CPython reads `os.urandom`; any varying seed will do.
fn os_seed() -> Vec<u32> {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.write_u32(std::process::id());
    let x = h.finish();
    vec![x as u32, (x >> 32) as u32, std::process::id()]
}

const fn py(sig: &'static PySig, func: NativeFn) -> FnDef {
    FnDef::python("Random", sig, func)
}

/// `Random.NAME(self, ...)`'s signature: names, how many positional,
/// how many required.
const fn sig(qualname: &'static str, names: &'static [&'static str], pos: u8, req: u8) -> PySig {
    PySig {
        qualname,
        names,
        positional: pos,
        required: req,
        method: true,
    }
}

static SEED: PySig = sig("Random.seed", &["a", "version"], 2, 0);
static RANDRANGE: PySig = sig("Random.randrange", &["start", "stop", "step"], 3, 1);
static RANDINT: PySig = sig("Random.randint", &["a", "b"], 2, 2);
static CHOICE: PySig = sig("Random.choice", &["seq"], 1, 1);
static SHUFFLE: PySig = sig("Random.shuffle", &["x"], 1, 1);
static UNIFORM: PySig = sig("Random.uniform", &["a", "b"], 2, 2);
static SAMPLE: PySig = sig("Random.sample", &["population", "k", "counts"], 2, 2);
static CHOICES: PySig = sig(
    "Random.choices",
    &["population", "weights", "cum_weights", "k"],
    2,
    1,
);
static GAUSS: PySig = sig("Random.gauss", &["mu", "sigma"], 2, 0);
static TRIANGULAR: PySig = sig("Random.triangular", &["low", "high", "mode"], 3, 0);
static EXPOVARIATE: PySig = sig("Random.expovariate", &["lambd"], 1, 1);
static NORMALVARIATE: PySig = sig("Random.normalvariate", &["mu", "sigma"], 2, 0);

static MODULE: ModuleDef = ModuleDef {
    name: "random",
    functions: &[
        FnDef::function("Random", "random", NoArgs, r_random),
        FnDef::function("Random", "getrandbits", One, r_getrandbits),
        py(&SEED, r_seed),
        py(&RANDRANGE, r_randrange),
        py(&RANDINT, r_randint),
        py(&CHOICE, r_choice),
        py(&SHUFFLE, r_shuffle),
        py(&UNIFORM, r_uniform),
        py(&SAMPLE, r_sample),
        py(&CHOICES, r_choices),
        py(&GAUSS, r_gauss),
        py(&TRIANGULAR, r_triangular),
        py(&EXPOVARIATE, r_expovariate),
        py(&NORMALVARIATE, r_normalvariate),
        FnDef::function("random", "Random", Own, refuse_random_class),
        FnDef::function("random", "SystemRandom", Own, refuse_system_random),
        FnDef::function("random", "getstate", Own, refuse_getstate),
        FnDef::function("random", "setstate", Own, refuse_setstate),
        FnDef::function("random", "randbytes", Own, refuse_randbytes),
        FnDef::function("random", "lognormvariate", Own, refuse_lognormvariate),
        FnDef::function("random", "vonmisesvariate", Own, refuse_vonmisesvariate),
        FnDef::function("random", "gammavariate", Own, refuse_gammavariate),
        FnDef::function("random", "betavariate", Own, refuse_betavariate),
        FnDef::function("random", "paretovariate", Own, refuse_paretovariate),
        FnDef::function("random", "weibullvariate", Own, refuse_weibullvariate),
    ],
};

/// The names CPython's `random` has that krait refuses when called.
macro_rules! refused {
    ($($f:ident: $what:literal),* $(,)?) => {$(
        fn $f(_: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
            Err(PyErr::new(
                ExcType::NotImplementedError,
                concat!("krait does not support ", $what),
            ))
        }
    )*};
}

refused!(
    refuse_random_class: "random.Random instances (use the module's functions)",
    refuse_system_random: "random.SystemRandom",
    refuse_getstate: "random.getstate",
    refuse_setstate: "random.setstate",
    refuse_randbytes: "random.randbytes (krait has no bytes)",
    refuse_lognormvariate: "random.lognormvariate",
    refuse_vonmisesvariate: "random.vonmisesvariate",
    refuse_gammavariate: "random.gammavariate",
    refuse_betavariate: "random.betavariate",
    refuse_paretovariate: "random.paretovariate",
    refuse_weibullvariate: "random.weibullvariate",
);

pub(super) fn install(vm: &mut Vm) {
    module(vm, &MODULE, vec![]);
}

fn r_random(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(mt(vm).random()))
}

fn r_getrandbits(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let k = match vm.index_int(&args[0])? {
        Value::Int(k) => k,
        _ => return Err(PyErr::overflow("Python int too large to convert to C int")),
    };
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    if k > i32::MAX as i64 {
        return Err(PyErr::overflow("Python int too large to convert to C int"));
    }
    Ok(match k {
        0 => Value::Int(0),
        1..=63 => Value::Int(mt(vm).bits64(k as u32) as i64),
        _ => {
            vm.check_int_bits(k as u64)?;
            normalize(BigInt::from(mt(vm).bits_big(k as u64)))
        }
    })
}

/// `seed(a=None, version=2)`.
fn r_seed(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [a, version, ..] = SEED.bind(args, kw)?;
    python_levels(vm, "PP")?;
    let a = a.unwrap_or(Value::None);
    let version = version.unwrap_or(Value::Int(2));
    let key: Vec<u32> = match &a {
        Value::None => os_seed(),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let n = to_big(&a).unwrap_or_default();
            words(n.magnitude())
        }
        Value::Str(s) if vm.eq(&version, &Value::Int(1))? => {
            // CPython's version 1 string hash.
            let cs: Vec<char> = s.as_str().chars().collect();
            let mut x: u64 = cs.first().map_or(0, |&c| (c as u64) << 7);
            for &c in &cs {
                x = 1000003u64.wrapping_mul(x) ^ c as u64;
            }
            x ^= cs.len() as u64;
            words(&BigUint::from(x))
        }
        Value::Str(s) if vm.eq(&version, &Value::Int(2))? => {
            // int.from_bytes(a + sha512(a).digest()), big-endian.
            let mut bytes = s.as_str().as_bytes().to_vec();
            if s.as_str().chars().any(is_stand_in) {
                return Err(PyErr::new(
                    ExcType::NotImplementedError,
                    "krait does not support seeding random with a str holding surrogates",
                ));
            }
            let digest = sha512(&bytes);
            bytes.extend_from_slice(&digest);
            words(&BigUint::from_bytes_be(&bytes))
        }
        Value::Str(_) => {
            return Err(PyErr::new(
                ExcType::NotImplementedError,
                "krait does not support seeding random with a str by its hash (version other than 1 or 2)",
            ))
        }
        Value::Float(_) => {
            // The C seed takes the hash of what is not an int.
            let h = vm.hash_value(&a)? as u64;
            words(&BigUint::from(h))
        }
        _ => {
            return Err(PyErr::type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ))
        }
    };
    vm.random = Some(MtState::seeded(&key));
    Ok(Value::None)
}

/// A lone surrogate's stand-in code point (`value::string`).
fn is_stand_in(c: char) -> bool {
    ('\u{FD800}'..='\u{FDFFF}').contains(&c)
}

/// The 32-bit words of `n`, least significant first, at least one.
fn words(n: &BigUint) -> Vec<u32> {
    let w = n.to_u32_digits();
    if w.is_empty() {
        vec![0]
    } else {
        w
    }
}

/// random.py's `_index(x)` with its fallback: an int, else `int(x)` when
/// that equals x (CPython also warns that this is deprecated), else
/// `ValueError("non-integer {what} for randrange()")`.
fn range_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Value> {
    match vm.index_int(v) {
        Ok(i) => Ok(i),
        Err(e) if vm.err_is(&e, ExcType::TypeError) => {
            let int = Value::Class(vm.types.int.clone());
            let i = vm.call_value(&int, vec![v.clone()], vec![])?;
            if !vm.eq(&i, v)? {
                return Err(PyErr::value_error(format!(
                    "non-integer {what} for randrange()"
                )));
            }
            Ok(i)
        }
        Err(e) => Err(e),
    }
}

/// A random int in [0, n), n > 0.
fn below_value(vm: &mut Vm, n: &BigInt) -> Value {
    match n.to_u64() {
        Some(n) => {
            let r = mt(vm).below(n);
            match i64::try_from(r) {
                Ok(r) => Value::Int(r),
                Err(_) => normalize(BigInt::from(r)),
            }
        }
        None => normalize(BigInt::from(mt(vm).below_big(n.magnitude()))),
    }
}

/// `randrange(start, stop=None, step=1)`.
fn r_randrange(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [start, stop, step, ..] = RANDRANGE.bind(args, kw)?;
    python_levels(vm, "PCC")?;
    let start = start.unwrap_or_default();
    randrange(vm, &start, stop.filter(|s| !matches!(s, Value::None)), step)
}

fn randrange(
    vm: &mut Vm,
    start: &Value,
    stop: Option<Value>,
    step: Option<Value>,
) -> PyResult<Value> {
    let istart = range_arg(vm, start, "arg 1")?;
    // `step is not _ONE`: CPython's 1 is one cached object.
    let unit = match &step {
        None | Some(Value::Int(1)) => None,
        Some(s) => Some(s),
    };
    let Some(stop) = stop else {
        if unit.is_some() {
            return Err(PyErr::type_error("Missing a non-None stop argument"));
        }
        let n = to_big(&istart).unwrap_or_default();
        if n.is_positive() {
            return Ok(below_value(vm, &n));
        }
        return Err(PyErr::value_error("empty range for randrange()"));
    };
    let istop = range_arg(vm, &stop, "stop")?;
    // The common case in i64s: randint(a, b), randrange(a, b).
    if let (Value::Int(a), Value::Int(b), None) = (&istart, &istop, unit) {
        let width = *b as i128 - *a as i128;
        if width > 0 {
            let r = mt(vm).below(width as u64) as i128 + *a as i128;
            return Ok(match i64::try_from(r) {
                Ok(r) => Value::Int(r),
                Err(_) => normalize(BigInt::from(r)),
            });
        }
    }
    let (a, b) = (
        to_big(&istart).unwrap_or_default(),
        to_big(&istop).unwrap_or_default(),
    );
    let width = &b - &a;
    let istep = match unit {
        None => BigInt::from(1),
        Some(s) => to_big(&range_arg(vm, s, "step")?).unwrap_or_default(),
    };
    if istep == BigInt::from(1) {
        if width.is_positive() {
            return Ok(normalize(
                a + to_big(&below_value(vm, &width)).unwrap_or_default(),
            ));
        }
        return Err(PyErr::value_error(format!(
            "empty range for randrange() ({a}, {b}, {width})"
        )));
    }
    let n = match istep.sign() {
        Sign::Plus => (&width + &istep - 1u8).div_floor(&istep),
        Sign::Minus => (&width + &istep + 1u8).div_floor(&istep),
        Sign::NoSign => return Err(PyErr::value_error("zero step for randrange()")),
    };
    if !n.is_positive() {
        return Err(PyErr::value_error("empty range for randrange()"));
    }
    let r = to_big(&below_value(vm, &n)).unwrap_or_default();
    Ok(normalize(a + istep * r))
}

/// `randint(a, b)`: `randrange(a, b + 1)`.
fn r_randint(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [a, b, ..] = RANDINT.bind(args, kw)?;
    python_levels(vm, "PPCC")?;
    let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
    let stop = vm.binary_op(b, Value::Int(1), BinOpKind::Add as u32)?;
    randrange(vm, &a, Some(stop), None)
}

/// `_randbelow(n)` for a length.
fn below_len(vm: &mut Vm, n: usize) -> Value {
    Value::Int(mt(vm).below(n as u64) as i64)
}

/// `choice(seq)`: `seq[_randbelow(len(seq))]`.
fn r_choice(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [seq, ..] = CHOICE.bind(args, kw)?;
    python_levels(vm, "PPC")?;
    let seq = seq.unwrap_or_default();
    if crate::builtins::len_of(vm, &seq)? == 0 {
        return Err(PyErr::new(
            ExcType::IndexError,
            "Cannot choose from an empty sequence",
        ));
    }
    // random.py asks for the length twice.
    let n = crate::builtins::len_of(vm, &seq)?;
    if n == 0 {
        return Err(PyErr::value_error("_randbelow(0): empty range"));
    }
    let i = below_len(vm, n);
    vm.getitem(&seq, &i)
}

/// `shuffle(x)`: Fisher-Yates from the end, `x[i], x[j] = x[j], x[i]`.
fn r_shuffle(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [x, ..] = SHUFFLE.bind(args, kw)?;
    python_levels(vm, "P")?;
    let x = x.unwrap_or_default();
    let n = crate::builtins::len_of(vm, &x)?;
    python_levels(vm, if n < 2 { "PP" } else { "PPC" })?;
    for i in (1..n).rev() {
        let j = below_len(vm, i + 1);
        let i = Value::Int(i as i64);
        let xj = vm.getitem(&x, &j)?;
        let xi = vm.getitem(&x, &i)?;
        vm.setitem(&x, i, xj)?;
        vm.setitem(&x, j, xi)?;
    }
    Ok(Value::None)
}

/// `uniform(a, b)`: `a + (b - a) * random()`.
fn r_uniform(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [a, b, ..] = UNIFORM.bind(args, kw)?;
    python_levels(vm, "PC")?;
    let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
    let d = vm.binary_op(b, a.clone(), BinOpKind::Sub as u32)?;
    let r = Value::Float(mt(vm).random());
    let d = vm.binary_op(d, r, BinOpKind::Mul as u32)?;
    vm.binary_op(a, d, BinOpKind::Add as u32)
}

/// `gauss(mu=0.0, sigma=1.0)`: Box-Muller, the second number kept.
fn r_gauss(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [mu, sigma, ..] = GAUSS.bind(args, kw)?;
    // A number kept from the last call: no random() call this time.
    let kept = vm.random.as_ref().is_some_and(|s| s.gauss_next.is_some());
    python_levels(vm, if kept { "P" } else { "PC" })?;
    let state = mt(vm);
    let z = match state.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = state.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - state.random()).ln()).sqrt();
            state.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    };
    let mu = mu.unwrap_or(Value::Float(0.0));
    let sigma = sigma.unwrap_or(Value::Float(1.0));
    let zs = vm.binary_op(Value::Float(z), sigma, BinOpKind::Mul as u32)?;
    vm.binary_op(mu, zs, BinOpKind::Add as u32)
}

/// `math.sqrt`'s float argument: a number, or an instance's `__float__`.
fn real(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            crate::builtins::construct::to_float(vm, v)
        }
        _ => crate::value::format::PctHost::instance_float(vm, v)?.ok_or_else(|| {
            PyErr::type_error(format!("must be real number, not {}", v.type_name()))
        }),
    }
}

fn op(vm: &mut Vm, a: Value, b: Value, kind: BinOpKind) -> PyResult<Value> {
    vm.binary_op(a, b, kind as u32)
}

/// `triangular(low=0.0, high=1.0, mode=None)`.
fn r_triangular(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [low, high, mode, ..] = TRIANGULAR.bind(args, kw)?;
    python_levels(vm, "PC")?;
    let mut low = low.unwrap_or(Value::Float(0.0));
    let mut high = high.unwrap_or(Value::Float(1.0));
    let mut u = mt(vm).random();
    let c = match mode.filter(|m| !matches!(m, Value::None)) {
        None => Ok(Value::Float(0.5)),
        Some(m) => op(vm, m, low.clone(), BinOpKind::Sub).and_then(|num| {
            let den = op(vm, high.clone(), low.clone(), BinOpKind::Sub)?;
            op(vm, num, den, BinOpKind::TrueDiv)
        }),
    };
    let mut c = match c {
        Err(e) if vm.err_is(&e, ExcType::ZeroDivisionError) => return Ok(low),
        c => c?,
    };
    let above = vm.compare(&Value::Float(u), &c, CmpKind::Gt)?;
    if vm.truthy(&above)? {
        u = 1.0 - u;
        c = op(vm, Value::Float(1.0), c, BinOpKind::Sub)?;
        std::mem::swap(&mut low, &mut high);
    }
    let uc = op(vm, Value::Float(u), c, BinOpKind::Mul)?;
    let uc = real(vm, &uc)?;
    if uc < 0.0 {
        return Err(PyErr::value_error("math domain error"));
    }
    let width = op(vm, high, low.clone(), BinOpKind::Sub)?;
    let scaled = op(vm, width, Value::Float(uc.sqrt()), BinOpKind::Mul)?;
    op(vm, low, scaled, BinOpKind::Add)
}

/// `expovariate(lambd)`: `-log(1.0 - random()) / lambd`.
fn r_expovariate(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [lambd, ..] = EXPOVARIATE.bind(args, kw)?;
    python_levels(vm, "PC")?;
    let x = -(1.0 - mt(vm).random()).ln();
    op(
        vm,
        Value::Float(x),
        lambd.unwrap_or_default(),
        BinOpKind::TrueDiv,
    )
}

/// `normalvariate(mu=0.0, sigma=1.0)`: Kinderman and Monahan's method.
fn r_normalvariate(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [mu, sigma, ..] = NORMALVARIATE.bind(args, kw)?;
    python_levels(vm, "PC")?;
    let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
    let state = mt(vm);
    let z = loop {
        let u1 = state.random();
        let u2 = 1.0 - state.random();
        let z = magic * (u1 - 0.5) / u2;
        if z * z / 4.0 <= -u2.ln() {
            break z;
        }
    };
    let zs = op(
        vm,
        Value::Float(z),
        sigma.unwrap_or(Value::Float(1.0)),
        BinOpKind::Mul,
    )?;
    op(vm, mu.unwrap_or(Value::Float(0.0)), zs, BinOpKind::Add)
}

/// `list(itertools.accumulate(xs))`.
fn accumulate(vm: &mut Vm, xs: &Value) -> PyResult<Vec<Value>> {
    let it = vm.get_iter(xs.clone())?;
    let mut out: Vec<Value> = vec![];
    while let Some(x) = vm.next_value(&it)? {
        let v = match out.last() {
            Some(acc) => vm.binary_op(acc.clone(), x, BinOpKind::Add as u32)?,
            None => x,
        };
        out.push(v);
    }
    Ok(out)
}

/// `bisect.bisect_right(a, x, 0, hi)`: `x < a[mid]` as Python compares.
fn bisect_right(vm: &mut Vm, a: &Value, x: &Value, hi: usize) -> PyResult<usize> {
    let (mut lo, mut hi) = (0usize, hi);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let item = vm.getitem(a, &Value::Int(mid as i64))?;
        if vm.lt(x, &item)? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

/// `sample(population, k, *, counts=None)`.
fn r_sample(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [population, k, counts, ..] = SAMPLE.bind(args, kw)?;
    let (population, k) = (population.unwrap_or_default(), k.unwrap_or_default());
    // isinstance(population, Sequence) runs the ABC machinery's frames;
    // counts sample a range (one frame deeper).
    python_levels(
        vm,
        match (&population, &counts) {
            (_, Some(c)) if !matches!(c, Value::None) => "PPPPPPP",
            (Value::List(_), _) => "PPPPP",
            _ => "PPPPPP",
        },
    )?;
    // isinstance(population, collections.abc.Sequence)
    if !matches!(
        population,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_)
    ) {
        return Err(PyErr::type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let n = crate::builtins::len_of(vm, &population)?;
    if let Some(counts) = counts.filter(|c| !matches!(c, Value::None)) {
        let mut cum = accumulate(vm, &counts)?;
        if cum.len() != n {
            return Err(PyErr::value_error(
                "The number of counts does not match the population",
            ));
        }
        let total = cum.pop().unwrap_or_default();
        if !matches!(total, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
            return Err(PyErr::type_error("Counts must be integers"));
        }
        if !to_big(&total).unwrap_or_default().is_positive() {
            return Err(PyErr::value_error(
                "Total of counts must be greater than zero",
            ));
        }
        let range = vm.call_value(&Value::Class(vm.types.range.clone()), vec![total], vec![])?;
        let selections = sample(vm, &range, &k)?;
        let cum = Value::list(cum);
        let hi = crate::builtins::len_of(vm, &cum)?;
        let mut out = Vec::with_capacity(selections.len());
        for s in selections {
            let i = bisect_right(vm, &cum, &s, hi)?;
            out.push(vm.getitem(&population, &Value::Int(i as i64))?);
        }
        return Ok(Value::list(out));
    }
    Ok(Value::list(sample(vm, &population, &k)?))
}

fn sample(vm: &mut Vm, population: &Value, k: &Value) -> PyResult<Vec<Value>> {
    let n = crate::builtins::len_of(vm, population)?;
    // `if not 0 <= k <= n`, then `[None] * k`, as Python would run them.
    let k = match k {
        Value::Int(k) if (0..=n as i64).contains(k) => *k as usize,
        _ => {
            let lo = vm.compare(&Value::Int(0), k, CmpKind::Le)?;
            let fits = vm.truthy(&lo)? && {
                let hi = vm.compare(k, &Value::Int(n as i64), CmpKind::Le)?;
                vm.truthy(&hi)?
            };
            if !fits {
                return Err(PyErr::value_error(
                    "Sample larger than population or is negative",
                ));
            }
            let nones = vm.binary_op(
                Value::list(vec![Value::None]),
                k.clone(),
                BinOpKind::Mul as u32,
            )?;
            crate::builtins::len_of(vm, &nones)?
        }
    };
    let mut setsize: u128 = 21;
    if k > 5 {
        // 4 ** ceil(log(k * 3, 4)), with math.log's float division.
        let e = (((k as u128 * 3) as f64).ln() / 4f64.ln()).ceil() as u32;
        setsize += 4u128.checked_pow(e).unwrap_or(u128::MAX - 21);
    }
    // `result = [None] * k` comes first: too large is MemoryError at once.
    vm.check_items(k)?;
    let mut result = Vec::new();
    result
        .try_reserve_exact(k)
        .map_err(|_| PyErr::bare(ExcType::MemoryError))?;
    if n as u128 <= setsize {
        let mut pool = vm.collect(population)?;
        for i in 0..k {
            let j = mt(vm).below((n - i) as u64) as usize;
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = rustc_hash::FxHashSet::default();
        for _ in 0..k {
            let mut j = mt(vm).below(n as u64);
            while selected.contains(&j) {
                j = mt(vm).below(n as u64);
            }
            selected.insert(j);
            result.push(vm.getitem(population, &Value::Int(j as i64))?);
        }
    }
    Ok(result)
}

/// `choices(population, weights=None, *, cum_weights=None, k=1)`.
fn r_choices(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [population, weights, cum_weights, k, _] = CHOICES.bind(args, kw)?;
    let population = population.unwrap_or_default();
    let weights = weights.filter(|w| !matches!(w, Value::None));
    let cum_weights = cum_weights.filter(|w| !matches!(w, Value::None));
    let k = k.unwrap_or(Value::Int(1));
    let draws = !matches!(k, Value::Int(..=0) | Value::Bool(false));
    python_levels(vm, if draws { "PCC" } else { "PC" })?;
    let n = crate::builtins::len_of(vm, &population)?;
    let cum = match (cum_weights, weights) {
        (None, None) => {
            let times = repeat_count(vm, &k)?;
            let nf = n as f64;
            let mut out = Vec::with_capacity(times.min(GROW_FROM));
            for _ in 0..times {
                let i = (mt(vm).random() * nf).floor() as i64;
                out.push(vm.getitem(&population, &Value::Int(i))?);
            }
            return Ok(Value::list(out));
        }
        (None, Some(w)) => match accumulate(vm, &w) {
            Ok(c) => Value::list(c),
            Err(e)
                if vm.err_is(&e, ExcType::TypeError)
                    && matches!(w, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) =>
            {
                let k = vm.repr(&w)?;
                return Err(PyErr::type_error(format!(
                    "The number of choices must be a keyword argument: k={k}"
                )));
            }
            Err(e) => return Err(e),
        },
        (Some(_), Some(_)) => {
            return Err(PyErr::type_error(
                "Cannot specify both weights and cumulative weights",
            ))
        }
        (Some(c), None) => c,
    };
    if crate::builtins::len_of(vm, &cum)? != n {
        return Err(PyErr::value_error(
            "The number of weights does not match the population",
        ));
    }
    let last = vm.getitem(&cum, &Value::Int(-1))?;
    let total = vm.binary_op(last, Value::Float(0.0), BinOpKind::Add as u32)?;
    let le = vm.compare(&total, &Value::Float(0.0), CmpKind::Le)?;
    if vm.truthy(&le)? {
        return Err(PyErr::value_error(
            "Total of weights must be greater than zero",
        ));
    }
    if !crate::builtins::construct::to_float(vm, &total)?.is_finite() {
        return Err(PyErr::value_error("Total of weights must be finite"));
    }
    let times = repeat_count(vm, &k)?;
    let mut out = Vec::with_capacity(times.min(GROW_FROM));
    for _ in 0..times {
        // CPython's loop is Python code: a step per item (`vm/limits.rs`).
        vm.step()?;
        let r = Value::Float(mt(vm).random());
        let x = vm.binary_op(r, total.clone(), BinOpKind::Mul as u32)?;
        let i = bisect_right(vm, &cum, &x, n - 1)?;
        out.push(vm.getitem(&population, &Value::Int(i as i64))?);
    }
    Ok(Value::list(out))
}

/// What `choices` reserves at first: CPython's list comprehension grows
/// its list, so a huge `k` runs until memory runs out, not fails at once.
const GROW_FROM: usize = 1 << 12;

/// `itertools.repeat(None, k)`'s count: an index, negative as 0.
fn repeat_count(vm: &mut Vm, k: &Value) -> PyResult<usize> {
    match vm.index_int(k)? {
        Value::Int(k) => Ok(k.max(0) as usize),
        big if to_big(&big).is_some_and(|b| b.is_negative()) => Ok(0),
        _ => Err(PyErr::overflow(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// SHA-512 (FIPS 180-4), for version 2 str seeds.
fn sha512(msg: &[u8]) -> [u8; 64] {
    #[rustfmt::skip]
    const K: [u64; 80] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
        0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
        0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
        0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
        0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
        0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
        0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
        0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
        0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
        0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
        0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
        0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
        0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ];
    #[rustfmt::skip]
    let mut h: [u64; 8] = [
        0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
        0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179,
    ];
    let mut data = msg.to_vec();
    data.push(0x80);
    while data.len() % 128 != 112 {
        data.push(0);
    }
    data.extend_from_slice(&((msg.len() as u128) * 8).to_be_bytes());
    for block in data.chunks_exact(128) {
        let mut w = [0u64; 80];
        for (i, c) in block.chunks_exact(8).enumerate() {
            w[i] = u64::from_be_bytes(c.try_into().unwrap_or_default());
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..80 {
            let [a, b, c, d, e, f, g, hh] = v;
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (x, y) in h.iter_mut().zip(v) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 64];
    for (o, x) in out.chunks_exact_mut(8).zip(h) {
        o.copy_from_slice(&x.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn sha512_known_answers() {
        let hex = |d: [u8; 64]| d.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert!(hex(super::sha512(b"abc")).starts_with("ddaf35a193617aba"));
        assert!(hex(super::sha512(b"")).starts_with("cf83e1357eefb8bd"));
    }
}
