//! The `itertools` iterators' states and their `__next__`, each as
//! CPython 3.11's `itertoolsmodule.c` steps it (what it asks of its inputs,
//! in which order, and when it lets them go). Inputs are stepped as there:
//! with `PyIter_Next` (`Vm::next_value`: a StopIteration raised by a
//! `__next__` is the end) or with `tp_iternext` (`Vm::iter_next`: it comes
//! out of the step, for a `for` loop to report as an `exception` event).
//!
//! A step takes its state out of the iterator object while it runs (leaving
//! `It::Running`), so that krait code it calls back (a key function, an
//! input's `__next__`) can do anything, even drop the iterator, without a
//! `RefCell` held across the call. Re-entering the same iterator from such
//! code is refused with a RuntimeError, as CPython's `tee` refuses it.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::{ExcType, PyErr, PyResult, Value};
use crate::vm::iter::IterObj;
use crate::vm::Vm;

/// The type of each state.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Count,
    Cycle,
    Repeat,
    Chain,
    Islice,
    Accumulate,
    GroupBy,
    Grouper,
    ZipLongest,
    Starmap,
    TakeWhile,
    DropWhile,
    FilterFalse,
    Compress,
    Product,
    Permutations,
    Combinations,
    CombinationsWithReplacement,
    Pairwise,
    Tee,
    TeeData,
}

impl Kind {
    /// Every type; `TypeKind::Itertools(i)` is the type `ALL[i]`.
    pub const ALL: [Kind; 21] = [
        Kind::Count,
        Kind::Cycle,
        Kind::Repeat,
        Kind::Chain,
        Kind::Islice,
        Kind::Accumulate,
        Kind::GroupBy,
        Kind::Grouper,
        Kind::ZipLongest,
        Kind::Starmap,
        Kind::TakeWhile,
        Kind::DropWhile,
        Kind::FilterFalse,
        Kind::Compress,
        Kind::Product,
        Kind::Permutations,
        Kind::Combinations,
        Kind::CombinationsWithReplacement,
        Kind::Pairwise,
        Kind::Tee,
        Kind::TeeData,
    ];

    /// CPython's `tp_name`, which messages use: `itertools.count`.
    pub fn tp_name(self) -> &'static str {
        match self {
            Kind::Count => "itertools.count",
            Kind::Cycle => "itertools.cycle",
            Kind::Repeat => "itertools.repeat",
            Kind::Chain => "itertools.chain",
            Kind::Islice => "itertools.islice",
            Kind::Accumulate => "itertools.accumulate",
            Kind::GroupBy => "itertools.groupby",
            Kind::Grouper => "itertools._grouper",
            Kind::ZipLongest => "itertools.zip_longest",
            Kind::Starmap => "itertools.starmap",
            Kind::TakeWhile => "itertools.takewhile",
            Kind::DropWhile => "itertools.dropwhile",
            Kind::FilterFalse => "itertools.filterfalse",
            Kind::Compress => "itertools.compress",
            Kind::Product => "itertools.product",
            Kind::Permutations => "itertools.permutations",
            Kind::Combinations => "itertools.combinations",
            Kind::CombinationsWithReplacement => "itertools.combinations_with_replacement",
            Kind::Pairwise => "itertools.pairwise",
            Kind::Tee => "itertools._tee",
            Kind::TeeData => "itertools._tee_dataobject",
        }
    }

    /// `__name__`: `count`.
    pub fn name(self) -> &'static str {
        &self.tp_name()["itertools.".len()..]
    }
}

/// An `itertools` iterator's state. `None` fields are CPython's cleared
/// (`Py_CLEAR`) references: an input let go once exhausted.
pub enum It {
    Count {
        cur: Value,
        step: Value,
    },
    Cycle {
        inner: Option<Value>,
        saved: Vec<Value>,
        index: usize,
    },
    /// `left`: None repeats forever.
    Repeat {
        obj: Value,
        left: Option<u64>,
    },
    /// `active` first: CPython releases it before `source`.
    Chain {
        active: Option<Value>,
        source: Option<Value>,
    },
    Islice {
        inner: Option<Value>,
        /// The index of the next item to yield; `stop` None: no end.
        next: u64,
        stop: Option<u64>,
        step: u64,
        cnt: u64,
    },
    Accumulate {
        inner: Value,
        func: Value,
        total: Option<Value>,
        initial: Value,
    },
    GroupBy {
        inner: Value,
        key: Value,
        tgtkey: Option<Value>,
        currkey: Option<Value>,
        currvalue: Option<Value>,
        /// Which grouper is current (CPython compares the pointer).
        generation: u64,
    },
    Grouper {
        parent: Value,
        tgtkey: Value,
        generation: u64,
    },
    ZipLongest {
        inners: Vec<Option<Value>>,
        active: usize,
        fill: Value,
    },
    Starmap {
        func: Value,
        inner: Value,
    },
    TakeWhile {
        pred: Value,
        inner: Value,
        stopped: bool,
    },
    DropWhile {
        pred: Value,
        inner: Value,
        started: bool,
    },
    FilterFalse {
        pred: Value,
        inner: Value,
    },
    Compress {
        data: Value,
        selectors: Value,
    },
    /// `indices` None: not started. `done`: exhausted for good.
    Product {
        pools: Vec<Vec<Value>>,
        indices: Option<Vec<usize>>,
        done: bool,
    },
    Permutations {
        pool: Vec<Value>,
        r: usize,
        indices: Vec<usize>,
        cycles: Vec<usize>,
        started: bool,
        done: bool,
    },
    Combinations {
        pool: Vec<Value>,
        indices: Vec<usize>,
        started: bool,
        done: bool,
    },
    CombinationsWithReplacement {
        pool: Vec<Value>,
        indices: Vec<usize>,
        started: bool,
        done: bool,
    },
    Pairwise {
        inner: Option<Value>,
        old: Option<Value>,
    },
    /// One of `tee`'s iterators: `index` into the values of block `data`.
    Tee {
        data: Value,
        index: usize,
    },
    /// A block of what `tee`'s iterators share (CPython's
    /// `teedataobject`): up to `TEE_BLOCK` values read from the input, and
    /// the block after it, so a block goes once every iterator has passed it.
    TeeData {
        inner: Value,
        values: Vec<Value>,
        next: Option<Value>,
    },
    /// Taken out by the step running now.
    Running(Kind),
}

impl Drop for It {
    fn drop(&mut self) {
        // CPython keeps zip_longest's iterators in a tuple, which releases
        // its items last first (suspended generators among them close so).
        if let It::ZipLongest { inners, .. } = self {
            while inners.pop().is_some() {}
        }
    }
}

impl It {
    pub fn kind(&self) -> Kind {
        match self {
            It::Count { .. } => Kind::Count,
            It::Cycle { .. } => Kind::Cycle,
            It::Repeat { .. } => Kind::Repeat,
            It::Chain { .. } => Kind::Chain,
            It::Islice { .. } => Kind::Islice,
            It::Accumulate { .. } => Kind::Accumulate,
            It::GroupBy { .. } => Kind::GroupBy,
            It::Grouper { .. } => Kind::Grouper,
            It::ZipLongest { .. } => Kind::ZipLongest,
            It::Starmap { .. } => Kind::Starmap,
            It::TakeWhile { .. } => Kind::TakeWhile,
            It::DropWhile { .. } => Kind::DropWhile,
            It::FilterFalse { .. } => Kind::FilterFalse,
            It::Compress { .. } => Kind::Compress,
            It::Product { .. } => Kind::Product,
            It::Permutations { .. } => Kind::Permutations,
            It::Combinations { .. } => Kind::Combinations,
            It::CombinationsWithReplacement { .. } => Kind::CombinationsWithReplacement,
            It::Pairwise { .. } => Kind::Pairwise,
            It::Tee { .. } => Kind::Tee,
            It::TeeData { .. } => Kind::TeeData,
            It::Running(k) => *k,
        }
    }

    /// CPython's `tp_name`: `itertools.count`.
    pub fn type_name(&self) -> &'static str {
        self.kind().tp_name()
    }

    /// Every value the state holds, for the cycle collector.
    pub fn for_each_value(&self, f: &mut dyn FnMut(&Value)) {
        let opt = |v: &Option<Value>, f: &mut dyn FnMut(&Value)| {
            if let Some(v) = v {
                f(v)
            }
        };
        match self {
            It::Count { cur, step } => {
                f(cur);
                f(step);
            }
            It::Cycle { inner, saved, .. } => {
                opt(inner, f);
                saved.iter().for_each(&mut *f);
            }
            It::Repeat { obj, .. } => f(obj),
            It::Chain { source, active } => {
                opt(source, f);
                opt(active, f);
            }
            It::Islice { inner, .. } => opt(inner, f),
            It::Accumulate {
                inner,
                func,
                total,
                initial,
            } => {
                f(inner);
                f(func);
                opt(total, f);
                f(initial);
            }
            It::GroupBy {
                inner,
                key,
                tgtkey,
                currkey,
                currvalue,
                ..
            } => {
                f(inner);
                f(key);
                opt(tgtkey, f);
                opt(currkey, f);
                opt(currvalue, f);
            }
            It::Grouper { parent, tgtkey, .. } => {
                f(parent);
                f(tgtkey);
            }
            It::ZipLongest { inners, fill, .. } => {
                inners.iter().for_each(|v| opt(v, f));
                f(fill);
            }
            It::Starmap { func: p, inner }
            | It::TakeWhile { pred: p, inner, .. }
            | It::DropWhile { pred: p, inner, .. }
            | It::FilterFalse { pred: p, inner } => {
                f(p);
                f(inner);
            }
            It::Compress { data, selectors } => {
                f(data);
                f(selectors);
            }
            It::Product { pools, .. } => pools.iter().flatten().for_each(&mut *f),
            It::Permutations { pool, .. }
            | It::Combinations { pool, .. }
            | It::CombinationsWithReplacement { pool, .. } => pool.iter().for_each(&mut *f),
            It::Pairwise { inner, old } => {
                opt(inner, f);
                opt(old, f);
            }
            It::Tee { data, .. } => f(data),
            It::TeeData {
                inner,
                values,
                next,
            } => {
                f(inner);
                values.iter().for_each(&mut *f);
                opt(next, f);
            }
            It::Running(_) => {}
        }
    }
}

pub type Cell = Rc<RefCell<IterObj>>;

/// Takes the state out of `cell` for a step (None: not an itertools
/// iterator any more, as after the collector cleared it).
pub(super) fn take(cell: &Cell) -> PyResult<Option<It>> {
    let mut b = cell.borrow_mut();
    let IterObj::Itertools(s) = &mut *b else {
        return Ok(None);
    };
    if let It::Running(k) = **s {
        let name = k.tp_name();
        return Err(PyErr::new(
            ExcType::RuntimeError,
            match k {
                Kind::Tee | Kind::TeeData => "cannot re-enter the tee iterator".to_string(),
                _ => format!("re-entering a running {name} iterator is not supported by krait"),
            },
        ));
    }
    let k = s.kind();
    Ok(Some(std::mem::replace(&mut **s, It::Running(k))))
}

/// Puts a state back after its step.
pub(super) fn put(cell: &Cell, st: It) {
    if let IterObj::Itertools(s) = &mut *cell.borrow_mut() {
        **s = st;
    }
}

/// `next(it)` of an itertools iterator: the state is out while it steps,
/// and goes back whatever the step did.
pub fn next(vm: &mut Vm, cell: &Cell) -> PyResult<Option<Value>> {
    let Some(mut st) = take(cell)? else {
        return Ok(None);
    };
    let r = match &mut st {
        It::GroupBy { .. } => groupby_next(vm, cell, &mut st),
        It::Grouper {
            parent,
            tgtkey,
            generation,
        } => {
            let (parent, tgtkey) = (parent.clone(), tgtkey.clone());
            grouper_next(vm, &parent, &tgtkey, *generation)
        }
        _ => step(vm, &mut st),
    };
    put(cell, st);
    r
}

fn cell_of(v: &Value) -> Option<&Cell> {
    match v {
        Value::Iter(c) => Some(c),
        _ => None,
    }
}

fn tuple_of(pool: &[Value], indices: &[usize]) -> Value {
    Value::tuple(indices.iter().map(|&i| pool[i].clone()).collect())
}

fn step(vm: &mut Vm, st: &mut It) -> PyResult<Option<Value>> {
    match st {
        It::Count { cur, step } => {
            let next = match (&*cur, &*step) {
                (Value::Int(a), Value::Int(b)) if a.checked_add(*b).is_some() => Value::Int(a + b),
                _ => vm.binary_op(cur.clone(), step.clone(), 0)?,
            };
            Ok(Some(std::mem::replace(cur, next)))
        }
        It::Cycle {
            inner,
            saved,
            index,
        } => {
            if let Some(it) = inner {
                if let Some(v) = vm.next_value(it)? {
                    saved.push(v.clone());
                    return Ok(Some(v));
                }
                *inner = None;
            }
            if saved.is_empty() {
                return Ok(None);
            }
            let v = saved[*index].clone();
            *index = (*index + 1) % saved.len();
            Ok(Some(v))
        }
        It::Repeat { obj, left } => match left {
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(obj.clone()))
            }
            None => Ok(Some(obj.clone())),
        },
        It::Chain { source, active } => {
            while let Some(src) = source {
                if active.is_none() {
                    let next = match vm.next_value(src) {
                        Ok(Some(x)) => vm.get_iter(x),
                        Ok(None) => {
                            *source = None;
                            return Ok(None);
                        }
                        Err(e) => Err(e),
                    };
                    match next {
                        Ok(it) => *active = Some(it),
                        Err(e) => {
                            *source = None;
                            return Err(e);
                        }
                    }
                }
                if let Some(v) = vm.next_value(active.as_ref().unwrap())? {
                    return Ok(Some(v));
                }
                *active = None;
            }
            Ok(None)
        }
        It::Islice {
            inner,
            next,
            stop,
            step,
            cnt,
        } => {
            let Some(it) = inner.clone() else {
                return Ok(None);
            };
            let r = islice_step(vm, &it, next, stop, *step, cnt);
            if !matches!(r, Ok(Some(_))) {
                *inner = None;
            }
            r
        }
        It::Accumulate {
            inner,
            func,
            total,
            initial,
        } => {
            if !initial.is_none() {
                let v = std::mem::take(initial);
                *total = Some(v.clone());
                return Ok(Some(v));
            }
            let Some(v) = vm.iter_next(inner)? else {
                return Ok(None);
            };
            let new = match total.take() {
                None => v,
                Some(t) if func.is_none() => vm.binary_op(t, v, 0)?,
                Some(t) => vm.call_value(func, vec![t, v], vec![])?,
            };
            *total = Some(new.clone());
            Ok(Some(new))
        }
        It::GroupBy { .. } => unreachable!("groupby steps with its cell (groupby_next)"),
        It::Grouper { .. } => unreachable!("a grouper steps with its cell (grouper_next)"),
        It::ZipLongest {
            inners,
            active,
            fill,
        } => {
            if inners.is_empty() || *active == 0 {
                return Ok(None);
            }
            let mut out = Vec::with_capacity(inners.len());
            for slot in inners.iter_mut() {
                let Some(it) = slot else {
                    out.push(fill.clone());
                    continue;
                };
                match vm.next_value(it) {
                    Ok(Some(v)) => out.push(v),
                    r => {
                        *active -= 1;
                        if *active == 0 || r.is_err() {
                            *active = 0;
                            return r.map(|_| None);
                        }
                        *slot = None;
                        out.push(fill.clone());
                    }
                }
            }
            Ok(Some(Value::tuple(out)))
        }
        It::Starmap { func, inner } => {
            let Some(args) = vm.iter_next(inner)? else {
                return Ok(None);
            };
            let args = match args {
                Value::Tuple(t) => (*t).clone(),
                other => vm.collect_sized(&other)?,
            };
            vm.call_value(func, args, vec![]).map(Some)
        }
        It::TakeWhile {
            pred,
            inner,
            stopped,
        } => {
            if *stopped {
                return Ok(None);
            }
            let Some(v) = vm.iter_next(inner)? else {
                return Ok(None);
            };
            let good = vm.call_value(pred, vec![v.clone()], vec![])?;
            if vm.truthy(&good)? {
                return Ok(Some(v));
            }
            *stopped = true;
            Ok(None)
        }
        It::DropWhile {
            pred,
            inner,
            started,
        } => loop {
            // Native loops that may run long: a step per item (`vm/limits.rs`).
            vm.step()?;
            let Some(v) = vm.iter_next(inner)? else {
                return Ok(None);
            };
            if *started {
                return Ok(Some(v));
            }
            let good = vm.call_value(pred, vec![v.clone()], vec![])?;
            if !vm.truthy(&good)? {
                *started = true;
                return Ok(Some(v));
            }
        },
        It::FilterFalse { pred, inner } => loop {
            vm.step()?;
            let Some(v) = vm.iter_next(inner)? else {
                return Ok(None);
            };
            // CPython tests the item itself for None and for `bool`.
            let plain =
                pred.is_none() || matches!(pred, Value::Class(c) if Rc::ptr_eq(c, &vm.types.bool_));
            let ok = if plain {
                vm.truthy(&v)?
            } else {
                let r = vm.call_value(pred, vec![v.clone()], vec![])?;
                vm.truthy(&r)?
            };
            if !ok {
                return Ok(Some(v));
            }
        },
        It::Compress { data, selectors } => loop {
            vm.step()?;
            let Some(v) = vm.iter_next(data)? else {
                return Ok(None);
            };
            let Some(s) = vm.iter_next(selectors)? else {
                return Ok(None);
            };
            if vm.truthy(&s)? {
                return Ok(Some(v));
            }
        },
        It::Product {
            pools,
            indices,
            done,
        } => {
            if *done {
                return Ok(None);
            }
            let Some(ix) = indices else {
                if pools.iter().any(|p| p.is_empty()) {
                    *done = true;
                    return Ok(None);
                }
                let ix = vec![0; pools.len()];
                let v = Value::tuple(pools.iter().map(|p| p[0].clone()).collect());
                *indices = Some(ix);
                return Ok(Some(v));
            };
            // The rightmost index that can move moves; those after it restart.
            let mut i = pools.len();
            loop {
                if i == 0 {
                    *done = true;
                    return Ok(None);
                }
                i -= 1;
                ix[i] += 1;
                if ix[i] < pools[i].len() {
                    break;
                }
                ix[i] = 0;
            }
            let v = pools.iter().zip(ix.iter()).map(|(p, &j)| p[j].clone());
            Ok(Some(Value::tuple(v.collect())))
        }
        It::Permutations {
            pool,
            r,
            indices,
            cycles,
            started,
            done,
        } => {
            let (n, r) = (pool.len(), *r);
            if *done {
                return Ok(None);
            }
            if !*started {
                *started = true;
                if r > n {
                    *done = true;
                    return Ok(None);
                }
                return Ok(Some(tuple_of(pool, &indices[..r])));
            }
            if n == 0 {
                *done = true;
                return Ok(None);
            }
            for i in (0..r).rev() {
                cycles[i] -= 1;
                if cycles[i] == 0 {
                    indices[i..].rotate_left(1);
                    cycles[i] = n - i;
                } else {
                    let j = cycles[i];
                    indices.swap(i, n - j);
                    return Ok(Some(tuple_of(pool, &indices[..r])));
                }
            }
            *done = true;
            Ok(None)
        }
        It::Combinations {
            pool,
            indices,
            started,
            done,
        } => {
            let (n, r) = (pool.len(), indices.len());
            if *done {
                return Ok(None);
            }
            if !*started {
                *started = true;
                if r > n {
                    *done = true;
                    return Ok(None);
                }
                return Ok(Some(tuple_of(pool, indices)));
            }
            let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else {
                *done = true;
                return Ok(None);
            };
            indices[i] += 1;
            for j in i + 1..r {
                indices[j] = indices[j - 1] + 1;
            }
            Ok(Some(tuple_of(pool, indices)))
        }
        It::CombinationsWithReplacement {
            pool,
            indices,
            started,
            done,
        } => {
            let (n, r) = (pool.len(), indices.len());
            if *done {
                return Ok(None);
            }
            if !*started {
                *started = true;
                if n == 0 && r > 0 {
                    *done = true;
                    return Ok(None);
                }
                return Ok(Some(tuple_of(pool, indices)));
            }
            let Some(i) = (0..r).rev().find(|&i| indices[i] != n - 1) else {
                *done = true;
                return Ok(None);
            };
            let k = indices[i] + 1;
            indices[i..].iter_mut().for_each(|x| *x = k);
            Ok(Some(tuple_of(pool, indices)))
        }
        It::Pairwise { inner, old } => {
            let Some(it) = inner.clone() else {
                return Ok(None);
            };
            if old.is_none() {
                match vm.iter_next(&it) {
                    Ok(Some(v)) => *old = Some(v),
                    r => {
                        *inner = None;
                        return r;
                    }
                }
            }
            match vm.iter_next(&it) {
                Ok(Some(new)) => {
                    let o = old.replace(new.clone()).unwrap();
                    Ok(Some(Value::tuple(vec![o, new])))
                }
                r => {
                    *inner = None;
                    *old = None;
                    r
                }
            }
        }
        It::Tee { data, index } => {
            if *index >= TEE_BLOCK {
                let Some(next) = cell_of(data).and_then(tee_next_block) else {
                    return Ok(None);
                };
                *data = next;
                *index = 0;
            }
            let Some(block) = cell_of(data).cloned() else {
                return Ok(None);
            };
            let v = tee_value(vm, &block, *index)?;
            *index += v.is_some() as usize;
            Ok(v)
        }
        It::TeeData { .. } => Ok(None),
        It::Running(_) => Ok(None),
    }
}

/// One step of `islice`: skips to index `next`, yields it, and moves
/// `next` on by `step` (not past `stop`). Anything but an item ends it.
fn islice_step(
    vm: &mut Vm,
    it: &Value,
    next: &mut u64,
    stop: &Option<u64>,
    step: u64,
    cnt: &mut u64,
) -> PyResult<Option<Value>> {
    while *cnt < *next {
        vm.step()?;
        if vm.iter_next(it)?.is_none() {
            return Ok(None);
        }
        *cnt += 1;
    }
    if stop.is_some_and(|s| *cnt >= s) {
        return Ok(None);
    }
    let Some(v) = vm.iter_next(it)? else {
        return Ok(None);
    };
    *cnt += 1;
    *next = next.saturating_add(step);
    if let Some(s) = *stop {
        *next = (*next).min(s);
    }
    Ok(Some(v))
}

/// Values a tee block holds (CPython's `LINKCELLS`).
pub(super) const TEE_BLOCK: usize = 57;

/// The block after a full tee block, made when first needed (None: the
/// block is gone, as when the collector cleared a cycle through it).
fn tee_next_block(block: &Cell) -> Option<Value> {
    let mut b = block.borrow_mut();
    let IterObj::Itertools(s) = &mut *b else {
        return None;
    };
    let It::TeeData { inner, next, .. } = &mut **s else {
        return None;
    };
    let next = next.get_or_insert_with(|| {
        super::itertools::iter_value(It::TeeData {
            inner: inner.clone(),
            values: vec![],
            next: None,
        })
    });
    Some(next.clone())
}

/// Value `index` of a tee block, read from the input when no tee has yet.
fn tee_value(vm: &mut Vm, data: &Cell, index: usize) -> PyResult<Option<Value>> {
    if let IterObj::Itertools(s) = &*data.borrow() {
        if let It::TeeData { values, .. } = &**s {
            if let Some(v) = values.get(index) {
                return Ok(Some(v.clone()));
            }
        }
    }
    let Some(mut st) = take(data)? else {
        return Ok(None);
    };
    let r = match &mut st {
        It::TeeData { inner, values, .. } => match vm.next_value(inner) {
            Ok(Some(v)) => {
                values.push(v.clone());
                Ok(Some(v))
            }
            r => r,
        },
        _ => Ok(None),
    };
    put(data, st);
    r
}

/// `PyObject_RichCompareBool(a, b, Py_EQ)`: the same object is equal
/// without asking `__eq__`.
fn rich_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    Ok(a.is(b) || vm.eq(a, b)?)
}

/// `groupby`'s step (`groupby_step`): the next value and its key.
fn groupby_step(vm: &mut Vm, st: &mut It) -> PyResult<bool> {
    let It::GroupBy {
        inner,
        key,
        currkey,
        currvalue,
        ..
    } = st
    else {
        return Ok(false);
    };
    let Some(v) = vm.next_value(inner)? else {
        return Ok(false);
    };
    let k = match key.is_none() {
        true => v.clone(),
        false => vm.call_value(key, vec![v.clone()], vec![])?,
    };
    *currvalue = Some(v);
    *currkey = Some(k);
    Ok(true)
}

/// `next(groupby)`: skips what is left of the current group, then makes
/// the next group's grouper.
fn groupby_next(vm: &mut Vm, cell: &Cell, st: &mut It) -> PyResult<Option<Value>> {
    let It::GroupBy { generation, .. } = st else {
        return Ok(None);
    };
    // Whatever happens, the grouper handed out last is no longer current.
    *generation += 1;
    loop {
        let It::GroupBy {
            tgtkey, currkey, ..
        } = &*st
        else {
            return Ok(None);
        };
        match (tgtkey, currkey) {
            (_, None) => {}
            (None, Some(_)) => break,
            (Some(t), Some(c)) => {
                let (t, c) = (t.clone(), c.clone());
                if !rich_eq(vm, &t, &c)? {
                    break;
                }
            }
        }
        vm.step()?;
        if !groupby_step(vm, st)? {
            return Ok(None);
        }
    }
    let It::GroupBy {
        tgtkey,
        currkey,
        generation,
        ..
    } = st
    else {
        return Ok(None);
    };
    let k = currkey.clone().unwrap();
    *tgtkey = Some(k.clone());
    let grouper = super::itertools::iter_value(It::Grouper {
        parent: Value::Iter(cell.clone()),
        tgtkey: k.clone(),
        generation: *generation,
    });
    Ok(Some(Value::tuple(vec![k, grouper])))
}

/// `next()` of a group: the parent's current value while its key is the
/// group's.
fn grouper_next(
    vm: &mut Vm,
    parent: &Value,
    tgtkey: &Value,
    generation: u64,
) -> PyResult<Option<Value>> {
    let pcell = cell_of(parent).unwrap().clone();
    let Some(mut st) = take(&pcell)? else {
        return Ok(None);
    };
    let r = (|| {
        let It::GroupBy {
            generation: g,
            currvalue,
            ..
        } = &st
        else {
            return Ok(None);
        };
        if *g != generation {
            return Ok(None);
        }
        if currvalue.is_none() && !groupby_step(vm, &mut st)? {
            return Ok(None);
        }
        let It::GroupBy { currkey, .. } = &st else {
            return Ok(None);
        };
        let Some(c) = currkey.clone() else {
            return Ok(None);
        };
        if !rich_eq(vm, tgtkey, &c)? {
            return Ok(None);
        }
        let It::GroupBy { currvalue, .. } = &mut st else {
            return Ok(None);
        };
        Ok(currvalue.take())
    })();
    put(&pcell, st);
    r
}
