//! The `itertools` module: its iterator types (`itertools.count`, ...),
//! what calling each checks and takes, in CPython 3.11's words, and the
//! reprs CPython gives `count` and `repeat`. Their states and steps are in
//! `itertools_iter.rs`.
//!
//! Each is a type, as in CPython: calling one instantiates it (no
//! `c_call` event under a profiler), `type(x).__name__` is `count` and
//! messages name it `itertools.count`. Not provided: pickling
//! (`__reduce__`, `__setstate__`), `__copy__` but for `tee`'s own,
//! `__length_hint__`.

use std::cell::RefCell;
use std::rc::Rc;

use super::itertools_iter::{It, Kind};
use crate::builtins::check_args;
use crate::builtins::typedef::{FnDef, ModuleDef, Params};
use crate::value::{Builtin, Class, Kwargs, PyErr, PyResult, TypeKind, Value};
use crate::vm::iter::IterObj;
use crate::vm::Vm;

/// The module's functions: `tee` (a function in CPython too) and
/// `chain.from_iterable`, a class method put in `chain`'s dict.
static MODULE: ModuleDef = ModuleDef {
    name: "itertools",
    functions: &[FnDef::function("itertools", "tee", Params::Own, tee)],
};

static FROM_ITERABLE: FnDef = FnDef {
    name: "from_iterable",
    owner: "chain",
    receives: Some(|_| true),
    params: Params::One,
    func: from_iterable,
};

pub(super) fn install(vm: &mut Vm) {
    let mut consts = vec![];
    for (i, k) in Kind::ALL.iter().enumerate() {
        let (tp_name, name) = (k.tp_name(), k.name());
        let c = Class::native(
            "itertools",
            name,
            Some(vm.types.object.clone()),
            TypeKind::Itertools(i as u8),
            false,
            Default::default(),
        );
        crate::builtins::install_iterator_methods(&c);
        vm.types.register_iterator_type(tp_name, c.clone());
        if *k == Kind::Chain {
            let n = vm.intern("from_iterable");
            let b = Builtin::from_def(&FROM_ITERABLE);
            c.dict.borrow_mut().insert(n, Value::Builtin(Rc::new(b)));
        }
        // The helper types are not the module's names.
        if !name.starts_with('_') {
            consts.push((name, Value::Class(c)));
        }
    }
    super::module(vm, &MODULE, consts);
}

pub(super) fn iter_value(st: It) -> Value {
    Value::Iter(crate::gc::alloc(RefCell::new(IterObj::Itertools(
        Box::new(st),
    ))))
}

/// Calls itertools type `kind` (an index in `Kind::ALL`).
pub fn construct(vm: &mut Vm, kind: u8, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let k = Kind::ALL[kind as usize];
    let st = match k {
        Kind::Count => count(args, kw)?,
        Kind::Cycle => {
            positional("cycle", args, kw, 1, 1)?;
            It::Cycle {
                inner: Some(vm.get_iter(args[0].clone())?),
                saved: vec![],
                index: 0,
            }
        }
        Kind::Repeat => repeat(vm, args, kw)?,
        Kind::Chain => {
            no_keywords("chain", kw)?;
            It::Chain {
                source: Some(vm.get_iter(Value::tuple(args.to_vec()))?),
                active: None,
            }
        }
        Kind::Islice => islice(vm, args, kw)?,
        Kind::Accumulate => {
            let [iterable, func, initial] = parse(
                "accumulate",
                args,
                kw,
                &["iterable", "func", "initial"],
                1,
                2,
            )?;
            It::Accumulate {
                inner: vm.get_iter(iterable.unwrap())?,
                func: func.unwrap_or(Value::None),
                total: None,
                initial: initial.unwrap_or(Value::None),
            }
        }
        Kind::GroupBy => {
            let [iterable, key] = parse("groupby", args, kw, &["iterable", "key"], 1, 2)?;
            It::GroupBy {
                inner: vm.get_iter(iterable.unwrap())?,
                key: key.unwrap_or(Value::None),
                tgtkey: None,
                currkey: None,
                currvalue: None,
                generation: 0,
            }
        }
        Kind::ZipLongest => zip_longest(vm, args, kw)?,
        Kind::Starmap | Kind::TakeWhile | Kind::DropWhile | Kind::FilterFalse => {
            positional(k.name(), args, kw, 2, 2)?;
            let (func, inner) = (args[0].clone(), vm.get_iter(args[1].clone())?);
            match k {
                Kind::Starmap => It::Starmap { func, inner },
                Kind::TakeWhile => It::TakeWhile {
                    pred: func,
                    inner,
                    stopped: false,
                },
                Kind::DropWhile => It::DropWhile {
                    pred: func,
                    inner,
                    started: false,
                },
                _ => It::FilterFalse { pred: func, inner },
            }
        }
        Kind::Compress => {
            let [data, selectors] = parse("compress", args, kw, &["data", "selectors"], 2, 2)?;
            It::Compress {
                data: vm.get_iter(data.unwrap())?,
                selectors: vm.get_iter(selectors.unwrap())?,
            }
        }
        Kind::Product => product(vm, args, kw)?,
        Kind::Permutations => {
            let [iterable, r] = parse("permutations", args, kw, &["iterable", "r"], 1, 2)?;
            let pool = vm.collect_sized(&iterable.unwrap())?;
            let n = pool.len();
            let r = match r {
                None | Some(Value::None) => n,
                Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
                    non_negative(ssize(vm, &v)?)?
                }
                Some(_) => return Err(PyErr::type_error("Expected int as r")),
            };
            It::Permutations {
                pool,
                r,
                indices: (0..n).collect(),
                cycles: (n.saturating_sub(r) + 1..=n).rev().collect(),
                started: false,
                done: false,
            }
        }
        Kind::Combinations | Kind::CombinationsWithReplacement => {
            let [iterable, r] = parse(k.name(), args, kw, &["iterable", "r"], 2, 2)?;
            // The count is converted first, checked after the pool is read.
            let r = ssize(vm, &r.unwrap())?;
            let pool = vm.collect_sized(&iterable.unwrap())?;
            let r = non_negative(r)?;
            if k == Kind::Combinations {
                It::Combinations {
                    pool,
                    indices: (0..r).collect(),
                    started: false,
                    done: false,
                }
            } else {
                It::CombinationsWithReplacement {
                    pool,
                    indices: vec![0; r],
                    started: false,
                    done: false,
                }
            }
        }
        Kind::Pairwise => {
            positional("pairwise", args, kw, 1, 1)?;
            It::Pairwise {
                inner: Some(vm.get_iter(args[0].clone())?),
                old: None,
            }
        }
        Kind::Grouper | Kind::Tee | Kind::TeeData => {
            return Err(PyErr::type_error(format!(
                "cannot create '{}' instances",
                k.tp_name()
            )))
        }
    };
    Ok(iter_value(st))
}

fn no_keywords(name: &str, kw: &Kwargs) -> PyResult<()> {
    match kw.is_empty() {
        true => Ok(()),
        false => Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        ))),
    }
}

/// `PyArg_UnpackTuple` with no keywords: `cycle expected 1 argument, got 0`.
fn positional(name: &str, args: &[Value], kw: &Kwargs, min: usize, max: usize) -> PyResult<()> {
    no_keywords(name, kw)?;
    match min == max && args.len() != min {
        true => Err(crate::builtins::expected_args(name, min, args.len())),
        false => check_args(name, args, min, max),
    }
}

/// Argument Clinic's (and `PyArg_ParseTupleAndKeywords`') parsing of
/// parameters `names`, the first `required` required and the first
/// `maxpos` positional, the rest keyword-only.
fn parse<const N: usize>(
    fname: &str,
    args: &[Value],
    kw: &Kwargs,
    names: &[&str; N],
    required: usize,
    maxpos: usize,
) -> PyResult<[Option<Value>; N]> {
    let total = args.len() + kw.len();
    if total > N {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {N} arguments ({total} given)"
        )));
    }
    if args.len() > maxpos {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {maxpos} positional arguments ({} given)",
            args.len()
        )));
    }
    let mut out: [Option<Value>; N] = std::array::from_fn(|i| args.get(i).cloned());
    let find = |name: &str| kw.iter().find(|(k, _)| k.as_str() == name).map(|(_, v)| v);
    let mut used = 0;
    for i in args.len()..N {
        match find(names[i]) {
            Some(v) => {
                out[i] = Some(v.clone());
                used += 1;
            }
            None if i < required => {
                return Err(PyErr::type_error(format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    names[i],
                    i + 1
                )))
            }
            None => {}
        }
    }
    if used < kw.len() {
        for (i, name) in names.iter().enumerate().take(args.len()) {
            if find(name).is_some() {
                return Err(PyErr::type_error(format!(
                    "argument for {fname}() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
        }
        for (k, _) in kw {
            if !names.contains(&k.as_str()) {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for {fname}()",
                    k.as_str()
                )));
            }
        }
    }
    Ok(out)
}

/// A `Py_ssize_t` argument (`__index__`): a TypeError for what is not an
/// integer, an OverflowError for what does not fit.
fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.index_int(v)? {
        Value::Int(i) => Ok(i),
        _ => Err(PyErr::overflow(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

fn non_negative(r: i64) -> PyResult<usize> {
    match r < 0 {
        true => Err(PyErr::value_error("r must be non-negative")),
        false => Ok(r as usize),
    }
}

/// `PyNumber_Check`: what `count` takes as its start and step.
fn is_number(v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) => true,
        Value::Instance(i) => ["__index__", "__int__", "__float__"]
            .iter()
            .any(|m| i.class.lookup_user(m).is_some()),
        _ => false,
    }
}

fn count(args: &[Value], kw: &Kwargs) -> PyResult<It> {
    let [start, step] = parse("count", args, kw, &["start", "step"], 0, 2)?;
    let mut cur = start.unwrap_or(Value::Int(0));
    let step = step.unwrap_or(Value::Int(1));
    if !is_number(&cur) || !is_number(&step) {
        return Err(PyErr::type_error("a number is required"));
    }
    // CPython's fast mode counts in a C integer: a bool start is its int.
    if let (Value::Bool(b), Value::Int(1)) = (&cur, &step) {
        cur = Value::Int(*b as i64);
    }
    Ok(It::Count { cur, step })
}

fn repeat(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<It> {
    let [obj, times] = parse("repeat", args, kw, &["object", "times"], 1, 2)?;
    let left = match times {
        Some(t) => Some(ssize(vm, &t)?.max(0) as u64),
        None => None,
    };
    Ok(It::Repeat {
        obj: obj.unwrap(),
        left,
    })
}

/// `islice(iterable, stop)`, `islice(iterable, start, stop[, step])`: the
/// bounds are checked before the iterable is asked for its iterator.
fn islice(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<It> {
    positional("islice", args, kw, 2, 4)?;
    // `PyNumber_AsSsize_t` with its error cleared: -1 when not a fitting int.
    let mut index = |v: &Value| -> Option<i64> {
        match v {
            Value::None => None,
            v => Some(match vm.index_int(v) {
                Ok(Value::Int(i)) => i,
                _ => -1,
            }),
        }
    };
    let stop_error = || {
        PyErr::value_error(
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )
    };
    let (start, stop) = match args.len() {
        2 => (0, index(&args[1])),
        _ => (index(&args[1]).unwrap_or(0), index(&args[2])),
    };
    if stop == Some(-1) {
        return Err(stop_error());
    }
    if start < 0 || stop.is_some_and(|s| s < -1) {
        return Err(PyErr::value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    let step = match args.get(3) {
        Some(v) => index(v).unwrap_or(1),
        None => 1,
    };
    if step < 1 {
        return Err(PyErr::value_error(
            "Step for islice() must be a positive integer or None.",
        ));
    }
    Ok(It::Islice {
        inner: Some(vm.get_iter(args[0].clone())?),
        next: start as u64,
        stop: stop.map(|s| s as u64),
        step: step as u64,
        cnt: 0,
    })
}

fn zip_longest(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<It> {
    let fill = match kw.as_slice() {
        [] => Value::None,
        [(k, v)] if k.as_str() == "fillvalue" => v.clone(),
        _ => {
            return Err(PyErr::type_error(
                "zip_longest() got an unexpected keyword argument",
            ))
        }
    };
    let mut inners = Vec::with_capacity(args.len());
    for a in args {
        inners.push(Some(vm.get_iter(a.clone())?));
    }
    Ok(It::ZipLongest {
        active: inners.len(),
        inners,
        fill,
    })
}

fn product(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<It> {
    let mut repeat = 1;
    match kw.as_slice() {
        [] => {}
        [(k, v)] if k.as_str() == "repeat" => {
            repeat = ssize(vm, v)?;
            if repeat < 0 {
                return Err(PyErr::value_error("repeat argument cannot be negative"));
            }
        }
        [(k, _)] => {
            return Err(PyErr::type_error(format!(
                "'{}' is an invalid keyword argument for product()",
                k.as_str()
            )))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "product() takes at most 1 keyword argument ({} given)",
                kw.len()
            )))
        }
    }
    // As CPython: with `repeat=0` the iterables are not read at all.
    let args = if repeat == 0 { &[] } else { args };
    let mut pools = Vec::with_capacity(args.len());
    for a in args {
        pools.push(vm.collect_sized(a)?);
    }
    let once = pools.clone();
    for _ in 1..repeat {
        pools.extend(once.iter().cloned());
    }
    Ok(It::Product {
        pools,
        indices: None,
        done: false,
    })
}

/// `chain.from_iterable(iterable)` (bound to the class: `args[0]`).
fn from_iterable(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Ok(iter_value(It::Chain {
        source: Some(vm.get_iter(args[1].clone())?),
        active: None,
    }))
}

/// `tee(iterable, n=2)`: `n` iterators sharing what they read; a tee
/// given a tee copies it (its `__copy__`), the first being that tee itself.
fn tee(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error(
            "itertools.tee() takes no keyword arguments",
        ));
    }
    check_args("tee", args, 1, 2)?;
    let n = match args.get(1) {
        Some(v) => ssize(vm, v)?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    // As CPython: no iterators, and the iterable is not asked for one.
    if n == 0 {
        return Ok(Value::tuple(vec![]));
    }
    let it = vm.get_iter(args[0].clone())?;
    let tee_of = |v: &Value| match v {
        Value::Iter(c) => match &*c.borrow() {
            IterObj::Itertools(s) => match &**s {
                It::Tee { data, index } => Some((data.clone(), *index)),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    };
    let (first, data, index) = match tee_of(&it) {
        Some((data, index)) => (it, data, index),
        None => {
            let data = iter_value(It::TeeData {
                inner: it,
                values: vec![],
                next: None,
            });
            let first = iter_value(It::Tee {
                data: data.clone(),
                index: 0,
            });
            (first, data, 0)
        }
    };
    let mut out = vec![first];
    for _ in 1..n {
        out.push(iter_value(It::Tee {
            data: data.clone(),
            index,
        }));
    }
    Ok(Value::tuple(out))
}

/// `repr()` of a `count` or `repeat` (others have the default repr: None).
pub fn repr(vm: &mut Vm, cell: &Rc<RefCell<IterObj>>) -> PyResult<Option<String>> {
    let (name, a, b) = match &*cell.borrow() {
        IterObj::Itertools(s) => match &**s {
            It::Count { cur, step } => {
                let unit = matches!(step, Value::Int(1) | Value::Bool(true));
                ("count", cur.clone(), (!unit).then(|| step.clone()))
            }
            It::Repeat { obj, left } => ("repeat", obj.clone(), left.map(|n| Value::Int(n as i64))),
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    let a = vm.repr(&a)?;
    Ok(Some(match b {
        None => format!("{name}({a})"),
        Some(b) => format!("{name}({a}, {})", vm.repr(&b)?),
    }))
}
