//! Iterators over built-in values, and generators (suspendable frames).

use std::cell::RefCell;
use std::rc::Rc;

use super::sink::generator_of;
use crate::value::{Dict, ExcType, Function, PyErr, PyResult, Str, Value};

use super::frame::{Frame, OnReturn};
use super::Vm;

pub enum IterObj {
    List {
        list: crate::value::List,
        index: usize,
    },
    Tuple {
        items: Rc<Vec<Value>>,
        index: usize,
    },
    Str {
        s: Str,
        byte: usize,
    },
    /// `left` values from `next` on, `step` apart.
    Range {
        next: i64,
        step: i64,
        left: u64,
    },
    /// The same over a range of big ints.
    BigRange {
        next: num_bigint::BigInt,
        step: num_bigint::BigInt,
        left: num_bigint::BigInt,
    },
    DictKeys {
        dict: Rc<RefCell<Dict>>,
        index: usize,
        len: usize,
        /// Items still expected (CPython's di_len): one more means keys changed.
        left: usize,
    },
    DictValues {
        dict: Rc<RefCell<Dict>>,
        index: usize,
        len: usize,
        /// Items still expected (CPython's di_len): one more means keys changed.
        left: usize,
    },
    DictItems {
        dict: Rc<RefCell<Dict>>,
        index: usize,
        len: usize,
        /// Items still expected (CPython's di_len): one more means keys changed.
        left: usize,
    },
    /// A snapshot of a set's items.
    Items {
        items: Vec<Value>,
        index: usize,
    },
    /// A set's items (taken when iteration starts) and its size then: a
    /// changed size is CPython's RuntimeError.
    SetItems {
        set: Rc<RefCell<crate::value::SetObj>>,
        items: Vec<Value>,
        index: usize,
        len: usize,
    },
    Enumerate {
        inner: Value,
        /// An int of any size.
        count: Value,
    },
    Zip {
        inners: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `reversed()` of a tuple or str: a snapshot.
    Reversed {
        items: Vec<Value>,
        index: usize,
    },
    /// `reversed(list)`: sees the list change, as CPython's does.
    ListReverse {
        list: crate::value::List,
        index: i64,
    },
    /// `reversed()` of an instance with `__len__` and `__getitem__`.
    SeqReverse {
        obj: Value,
        index: i64,
    },
    /// `reversed(dict)` and of its views: the entries' positions, last
    /// first, read as the iteration reaches them and checked against size
    /// changes, as CPython's `dict_reverse*iterator`s. `kind`: keys (0),
    /// values (1) or `(key, value)` items (2).
    DictReverse {
        dict: Rc<RefCell<Dict>>,
        positions: Vec<usize>,
        index: usize,
        len: usize,
        kind: u8,
    },
    /// A generator: its state lives in the iterator object itself (one
    /// allocation, as CPython's generator object).
    Generator(GenState),
    /// `iter(callable, sentinel)`
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// An instance with `__getitem__` but no `__iter__`.
    SeqIndex {
        obj: Value,
        index: i64,
    },
    /// A deque's iterator (`builtins/modules/collections.rs`): `left`
    /// items to go, `state` the deque's when made, backwards when `rev`.
    Deque {
        deque: Rc<crate::value::DequeObj>,
        index: usize,
        left: usize,
        state: u64,
        rev: bool,
    },
    /// An `OrderedDict`'s iterator (`kind` 0 keys, 1 values, 2 items):
    /// the entries' positions in its order when made; any key added or
    /// removed since (the dict's `keys_version`) is CPython's error.
    ODict {
        dict: Rc<RefCell<Dict>>,
        order: Vec<usize>,
        pos: usize,
        version: u64,
        kind: u8,
    },
    /// An `itertools` iterator (`builtins/modules/itertools_iter.rs`).
    Itertools(Box<crate::builtins::ItertoolsState>),
    Done,
}

impl Drop for IterObj {
    fn drop(&mut self) {
        // CPython's zip and map keep their iterators in a tuple, which
        // releases its items last first (generators among them close so).
        if let IterObj::Zip { inners, .. } | IterObj::Map { inners, .. } = self {
            while inners.pop().is_some() {}
        }
    }
}

impl IterObj {
    /// An iterator over a range, or over it backwards.
    pub fn range(r: &crate::value::RangeObj, reverse: bool) -> IterObj {
        if r.big.is_some() {
            let (next, step, left) = r.walk(reverse);
            return IterObj::BigRange { next, step, left };
        }
        let len = r.len().max(0) as u64;
        if reverse && len > 0 {
            // The last value fits: it lies between start and stop.
            let last = r.start + (len as i64 - 1).wrapping_mul(r.step);
            IterObj::Range {
                next: last,
                step: r.step.wrapping_neg(),
                left: len,
            }
        } else {
            IterObj::Range {
                next: r.start,
                step: r.step,
                left: len,
            }
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            IterObj::List { .. } => "list_iterator",
            IterObj::Tuple { .. } => "tuple_iterator",
            IterObj::Str { .. } => "str_ascii_iterator",
            IterObj::Range { .. } => "range_iterator",
            IterObj::BigRange { .. } => "longrange_iterator",
            IterObj::DictKeys { .. } => "dict_keyiterator",
            IterObj::DictValues { .. } => "dict_valueiterator",
            IterObj::DictItems { .. } => "dict_itemiterator",
            IterObj::Items { .. } | IterObj::SetItems { .. } => "set_iterator",
            IterObj::Enumerate { .. } => "enumerate",
            IterObj::Zip { .. } => "zip",
            IterObj::Map { .. } => "map",
            IterObj::Filter { .. } => "filter",
            IterObj::Reversed { .. } | IterObj::SeqReverse { .. } => "reversed",
            IterObj::ListReverse { .. } => "list_reverseiterator",
            IterObj::DictReverse { kind: 0, .. } => "dict_reversekeyiterator",
            IterObj::DictReverse { kind: 1, .. } => "dict_reversevalueiterator",
            IterObj::DictReverse { .. } => "dict_reverseitemiterator",
            IterObj::Generator(_) => "generator",
            IterObj::Callable { .. } => "callable_iterator",
            IterObj::SeqIndex { .. } => "iterator",
            IterObj::Itertools(s) => s.type_name(),
            IterObj::ODict { .. } => "odict_iterator",
            IterObj::Deque { rev: false, .. } => "_collections._deque_iterator",
            IterObj::Deque { rev: true, .. } => "_collections._deque_reverse_iterator",
            IterObj::Done => "iterator",
        }
    }
}

/// A generator's suspended frame.
pub struct GenState {
    pub func: Rc<Function>,
    pub frame: Option<Frame>,
    /// The frame's localsplus and value stack while suspended.
    pub saved: Vec<Value>,
    pub running: bool,
    pub done: bool,
    /// A trace function set `f_lineno` at its last yield: it resumes at
    /// the target (its `ip` less one), without the value sent in.
    pub jumped: bool,
}

thread_local! {
    /// Whether a tracer is installed: only then is closing a dropped generator visible.
    pub(crate) static TRACING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Suspended generator frames dropped while tracing, to be closed by the VM.
    static TO_CLOSE: RefCell<Vec<(Frame, Vec<Value>)>> = const { RefCell::new(Vec::new()) };
    /// Generators alive whose code has handlers: what closing one at the
    /// end of a run could show (`Vm::release_module_globals` skips its
    /// work while there are none).
    pub(crate) static WITH_HANDLERS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// `TO_CLOSE` is not empty: a plain flag, tested before every
    /// instruction of a traced frame.
    static CLOSE_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The four above of an interpreter while it is not the current one
/// (`vm::isolate`).
#[derive(Default)]
pub(crate) struct GenGlobals {
    tracing: bool,
    to_close: Vec<(Frame, Vec<Value>)>,
    with_handlers: usize,
    close_pending: bool,
}

/// Swaps `g` with the current interpreter's (`vm::isolate`).
pub(crate) fn swap_gen_globals(g: &mut GenGlobals) {
    g.tracing = TRACING.with(|t| t.replace(g.tracing));
    TO_CLOSE.with(|q| std::mem::swap(&mut *q.borrow_mut(), &mut g.to_close));
    g.with_handlers = WITH_HANDLERS.with(|n| n.replace(g.with_handlers));
    g.close_pending = CLOSE_PENDING.with(|p| p.replace(g.close_pending));
}

/// Whether the thread-local queue is still there (not once the thread's
/// exit destroyed it).
pub(crate) fn gen_globals_available() -> bool {
    TO_CLOSE.try_with(|_| ()).is_ok()
}

/// Drops, without closing them, the suspended frames of the generators
/// dropped so far (and of those dropped with them): for an interpreter
/// being dropped, whose VM is gone. Whether there were any.
pub(crate) fn forget_dropped_generators() -> bool {
    let mut any = false;
    loop {
        let batch = TO_CLOSE.with(|q| std::mem::take(&mut *q.borrow_mut()));
        CLOSE_PENDING.with(|p| p.set(false));
        if batch.is_empty() {
            return any;
        }
        any = true;
        drop(batch);
    }
}

/// How a generator is resumed.
pub(crate) enum GenInput {
    Next,
    Send(Value),
    Throw(PyErr),
    /// Resume with nothing pushed (after a `yield from` ended in a throw).
    Continue,
}

/// What a resumed generator did.
pub(crate) enum GenStep {
    Yielded(Value),
    /// Its frame returned this (`StopIteration.value`).
    Returned(Value),
}

impl Drop for GenState {
    fn drop(&mut self) {
        if !self.func.code.exc_table.is_empty() {
            WITH_HANDLERS.with(|n| n.set(n.get() - 1));
        }
        // CPython closes a started, unfinished generator when it is dropped:
        // a GeneratorExit thrown into its frame, which tracers see.
        if self.done {
            return;
        }
        // Closing shows only to a tracer, or to the frame's own handlers
        // (`finally`, `except GeneratorExit`): a genexpr has none.
        let visible = |f: &Frame| TRACING.with(|t| t.get()) || !f.code.exc_table.is_empty();
        if self.frame.as_ref().is_some_and(visible) {
            if let Some(f) = self.frame.take() {
                if f.ip > 0 {
                    let saved = std::mem::take(&mut self.saved);
                    // While the thread ends (the queue's own items dropped
                    // with it), nothing can see a close: the frame just goes.
                    let _ = TO_CLOSE.try_with(|q| {
                        q.borrow_mut().push((f, saved));
                        CLOSE_PENDING.with(|p| p.set(true));
                    });
                }
            }
        }
    }
}

impl GenState {
    pub fn new(func: Rc<Function>, locals: Vec<Value>) -> GenState {
        if !func.code.exc_table.is_empty() {
            WITH_HANDLERS.with(|n| n.set(n.get() + 1));
        }
        let frame = Frame {
            code: func.code.clone(),
            ip: 0,
            base: 0,
            ret_slot: 0,
            globals: func.globals.clone(),
            locals: None,
            func: Some(func.clone()),
            on_return: OnReturn::Push,
            obj: None,
            traced: false,
            is_entry: true,
            plain_return: false,
            prev_ip: u32::MAX,
            prev_exact: false,
            #[cfg(debug_assertions)]
            shadow_prev: u32::MAX,
            last_line: 0,
            gen: None,
            sink: false,
        };
        GenState {
            func,
            frame: Some(frame),
            saved: locals,
            running: false,
            done: false,
            jumped: false,
        }
    }

    /// The state of generator `g` (an iterator made by a generator call).
    #[inline]
    pub fn of(g: &mut IterObj) -> &mut GenState {
        match g {
            IterObj::Generator(st) => st,
            _ => unreachable!("not a generator"),
        }
    }

    /// Marks generator `g` finished, if the collector has not emptied it.
    pub fn finish_gen(g: &RefCell<IterObj>) {
        if let IterObj::Generator(st) = &mut *g.borrow_mut() {
            st.finish();
        }
    }

    pub fn finish(&mut self) {
        self.done = true;
        self.running = false;
        self.frame = None;
        self.saved = Vec::new();
    }
}

impl Vm {
    /// `iter(v)`
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        let it = match v {
            Value::Iter(_) => return Ok(v),
            Value::Deque(d) => return Ok(crate::builtins::deque_iter(&d, false)),
            Value::List(list) => IterObj::List { list, index: 0 },
            Value::Tuple(items) => IterObj::Tuple { items, index: 0 },
            Value::Str(s) => IterObj::Str { s, byte: 0 },
            Value::Range(r) => IterObj::range(&r, false),
            Value::Dict(d) => {
                let len = d.borrow().len();
                IterObj::DictKeys {
                    dict: d,
                    index: 0,
                    len,
                    left: len,
                }
            }
            Value::Set(s) => {
                let items: Vec<Value> = s.borrow().iter().cloned().collect();
                IterObj::SetItems {
                    len: items.len(),
                    set: s,
                    items,
                    index: 0,
                }
            }
            Value::FrozenSet(s) => IterObj::Items {
                items: s.iter().cloned().collect(),
                index: 0,
            },
            // `for line in sys.stdin`: readline until it returns "".
            Value::Module(ref m) if m.name.as_str() == "sys.stdin" => IterObj::Callable {
                func: m
                    .dict
                    .borrow()
                    .get_str("readline")
                    .cloned()
                    .unwrap_or(Value::None),
                sentinel: Value::str(""),
            },
            Value::Instance(ref inst) => {
                if let Some(m) = inst.class.lookup("__iter__") {
                    let r = self.call_special(&m, &v, vec![])?;
                    if !self.is_iterator(&r) {
                        return Err(PyErr::type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            r.type_name()
                        )));
                    }
                    return Ok(r);
                }
                if inst.class.lookup("__getitem__").is_some() {
                    IterObj::SeqIndex {
                        obj: v.clone(),
                        index: 0,
                    }
                } else {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not iterable",
                        v.type_name()
                    )));
                }
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not iterable",
                    other.type_name()
                )))
            }
        };
        Ok(Value::Iter(crate::gc::alloc(RefCell::new(it))))
    }

    /// Whether `iter(v)` can work (for error messages).
    pub fn is_iterable(&self, v: &Value) -> bool {
        match v {
            Value::Instance(i) => {
                i.class.lookup("__iter__").is_some() || i.class.lookup("__getitem__").is_some()
            }
            Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Range(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Deque(_)
            | Value::Iter(_) => true,
            _ => false,
        }
    }

    fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Iter(_) => true,
            Value::Instance(i) => i.class.lookup("__next__").is_some(),
            _ => false,
        }
    }

    /// `next(it)`: Some(value), or None when exhausted (a StopIteration
    /// raised on the way is taken as the end, as `PyIter_Next` does).
    pub fn next_value(&mut self, it: &Value) -> PyResult<Option<Value>> {
        // Native loops over an iterator (`sum(range(10**11))`, `max`, `list`)
        // take a step per item, as the dispatch loop does at backward jumps:
        // Ctrl-C and the limits stop them here (CPython would run such a
        // loop to its end).
        self.step()?;
        match self.iter_next(it) {
            Err(e) if self.err_is(&e, ExcType::StopIteration) => Ok(None),
            r => r,
        }
    }

    /// `for`'s step on an iterator the loop has no fast path for.
    #[inline(never)]
    pub(crate) fn for_iter_next(&mut self, fi: usize, it: &Value) -> PyResult<Option<Value>> {
        if let Some(g) = generator_of(it) {
            // A generator that returns a value ends the loop with a
            // StopIteration carrying it, which a tracer sees (CPython's
            // FOR_ITER); returning None raises nothing.
            return match self.resume_gen_with(&g, GenInput::Next, false) {
                Ok(GenStep::Yielded(v)) => Ok(Some(v)),
                Ok(GenStep::Returned(Value::None)) => Ok(None),
                Ok(GenStep::Returned(v)) => {
                    self.for_iter_error(fi, PyErr::Args(ExcType::StopIteration, vec![v]))
                }
                Err(e) => self.for_iter_error(fi, e),
            };
        }
        match self.iter_next(it) {
            Err(e) => self.for_iter_error(fi, e),
            r => r,
        }
    }

    /// One step of an `OrderedDict`'s iterator. CPython's finds the key's
    /// node by hashing it at each step, and looks a value up by key (a
    /// second hash): a key's user `__hash__` runs as often here.
    fn odict_next(&mut self, cell: &Rc<RefCell<IterObj>>) -> PyResult<Option<Value>> {
        let (k, v, kind) = {
            let mut b = cell.borrow_mut();
            let IterObj::ODict {
                dict,
                order,
                pos,
                version,
                kind,
            } = &mut *b
            else {
                return Ok(None);
            };
            let d = dict.borrow();
            if d.keys_version() != *version {
                return Err(PyErr::new(
                    ExcType::RuntimeError,
                    "OrderedDict mutated during iteration",
                ));
            }
            let Some((k, v)) = order.get(*pos).and_then(|&ix| d.entry_at(ix)) else {
                return Ok(None);
            };
            *pos += 1;
            (k.clone(), v.clone(), *kind)
        };
        if matches!(k, Value::Instance(_)) {
            self.hash_value(&k)?;
            if kind != 0 {
                self.hash_value(&k)?;
            }
        }
        Ok(Some(match kind {
            0 => k,
            1 => v,
            _ => Value::tuple(vec![k, v]),
        }))
    }

    /// One step of an iterator as CPython's `tp_iternext`: Ok(None) is a
    /// plain end, and a StopIteration raised by krait code on the way (a
    /// `__next__`, a `map` function) comes back as Err, for `for` to report
    /// as an `exception` event and `next()` to re-raise.
    pub(crate) fn iter_next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let cell = match it {
            Value::Iter(c) => c.clone(),
            Value::Instance(inst) => {
                let Some(m) = inst.class.lookup("__next__") else {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not an iterator",
                        it.type_name()
                    )));
                };
                return self.call_special(&m, it, vec![]).map(Some);
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not an iterator",
                    other.type_name()
                )))
            }
        };
        // Simple cases are handled under one borrow; the rest call out.
        let mut b = cell.borrow_mut();
        match &mut *b {
            IterObj::List { list, index } => {
                let v = list.get_index(*index);
                *index += v.is_some() as usize;
                Ok(v)
            }
            IterObj::Deque {
                deque,
                index,
                left,
                state,
                rev,
            } => crate::builtins::deque_iter_step(deque, index, left, *state, *rev),
            IterObj::ODict { .. } => {
                drop(b);
                self.odict_next(&cell)
            }
            IterObj::Tuple { items, index } => {
                if *index < items.len() {
                    *index += 1;
                    return Ok(Some(items[*index - 1].clone()));
                }
                Ok(None)
            }
            IterObj::Str { s, byte } => match s.as_str()[*byte..].chars().next() {
                Some(c) => {
                    *byte += c.len_utf8();
                    Ok(Some(Value::string(c.to_string())))
                }
                None => Ok(None),
            },
            IterObj::Range { next, step, left } => {
                if *left > 0 {
                    let v = *next;
                    *next = next.wrapping_add(*step);
                    *left -= 1;
                    Ok(Some(Value::Int(v)))
                } else {
                    Ok(None)
                }
            }
            IterObj::BigRange { next, step, left } => {
                if left.sign() == num_bigint::Sign::Plus {
                    let v = crate::value::int::normalize(next.clone());
                    *next += &*step;
                    *left -= 1;
                    Ok(Some(v))
                } else {
                    Ok(None)
                }
            }
            IterObj::DictKeys {
                dict,
                index,
                len,
                left,
            }
            | IterObj::DictValues {
                dict,
                index,
                len,
                left,
            }
            | IterObj::DictItems {
                dict,
                index,
                len,
                left,
            } => {
                // usize::MAX: exhausted, or failed, for good (CPython drops
                // the dict then).
                if *index == usize::MAX {
                    return Ok(None);
                }
                let d = dict.borrow();
                if d.len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::new(
                        ExcType::RuntimeError,
                        "dictionary changed size during iteration",
                    ));
                }
                let Some((pos, k, v)) = d.next_entry(*index) else {
                    *index = usize::MAX;
                    return Ok(None);
                };
                if *left == 0 {
                    *index = usize::MAX;
                    return Err(PyErr::new(
                        ExcType::RuntimeError,
                        "dictionary keys changed during iteration",
                    ));
                }
                *left -= 1;
                let (k, v) = (k.clone(), v.clone());
                drop(d);
                *index = pos + 1;
                Ok(Some(match &*b {
                    IterObj::DictKeys { .. } => k,
                    IterObj::DictValues { .. } => v,
                    _ => Value::tuple(vec![k, v]),
                }))
            }
            IterObj::SetItems {
                set,
                items,
                index,
                len,
            } => {
                if set.borrow().len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::new(
                        ExcType::RuntimeError,
                        "Set changed size during iteration",
                    ));
                }
                if *index < items.len() {
                    *index += 1;
                    return Ok(Some(items[*index - 1].clone()));
                }
                Ok(None)
            }
            IterObj::Items { items, index } | IterObj::Reversed { items, index } => {
                if *index < items.len() {
                    *index += 1;
                    return Ok(Some(items[*index - 1].clone()));
                }
                Ok(None)
            }
            IterObj::ListReverse { list, index } => {
                let l = list.borrow();
                if *index >= 0 && (*index as usize) < l.len() {
                    let v = l[*index as usize].clone();
                    *index -= 1;
                    return Ok(Some(v));
                }
                drop(l);
                *b = IterObj::Done;
                Ok(None)
            }
            IterObj::DictReverse {
                dict,
                positions,
                index,
                len,
                kind,
            } => {
                let d = dict.borrow();
                if d.len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::new(
                        ExcType::RuntimeError,
                        "dictionary changed size during iteration",
                    ));
                }
                while *index < positions.len() {
                    *index += 1;
                    if let Some((k, v)) = d.entry_at(positions[*index - 1]) {
                        return Ok(Some(match kind {
                            0 => k.clone(),
                            1 => v.clone(),
                            _ => Value::tuple(vec![k.clone(), v.clone()]),
                        }));
                    }
                }
                Ok(None)
            }
            IterObj::Done => Ok(None),
            IterObj::Enumerate { inner, .. } => {
                let inner = inner.clone();
                drop(b);
                let Some(v) = self.iter_next(&inner)? else {
                    return Ok(None);
                };
                let mut b = cell.borrow_mut();
                let IterObj::Enumerate { count, .. } = &mut *b else {
                    return Ok(None);
                };
                let next = match &*count {
                    Value::Int(i) if *i < i64::MAX => Value::Int(i + 1),
                    c => crate::value::int::normalize(
                        crate::value::int::to_big(c).unwrap_or_default() + 1,
                    ),
                };
                let c = std::mem::replace(count, next);
                Ok(Some(Value::tuple(vec![c, v])))
            }
            IterObj::Zip { inners, strict } => {
                let (inners, strict) = (inners.clone(), *strict);
                drop(b);
                if inners.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(inners.len());
                for (i, it) in inners.iter().enumerate() {
                    match self.iter_next(it) {
                        Ok(Some(v)) => out.push(v),
                        Ok(None) if !strict => return Ok(None),
                        Err(e) if !strict || !self.err_is(&e, ExcType::StopIteration) => {
                            return Err(e)
                        }
                        _ => return self.zip_strict_end(&inners, i),
                    }
                }
                Ok(Some(Value::tuple(out)))
            }
            IterObj::Map { func, inners } => {
                let (func, inners) = (func.clone(), inners.clone());
                drop(b);
                let mut args = Vec::with_capacity(inners.len());
                for i in &inners {
                    match self.iter_next(i)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(self.call_value(&func, args, vec![])?))
            }
            IterObj::Filter { func, inner } => {
                let (func, inner) = (func.clone(), inner.clone());
                drop(b);
                loop {
                    // A native loop that may run long: a step per item.
                    self.step()?;
                    let Some(v) = self.iter_next(&inner)? else {
                        return Ok(None);
                    };
                    let keep = if func.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call_value(&func, vec![v.clone()], vec![])?;
                        self.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
            }
            IterObj::Callable { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(b);
                let v = match self.call_value(&func, vec![], vec![]) {
                    Ok(v) => v,
                    Err(e) if self.err_is(&e, ExcType::StopIteration) => {
                        *cell.borrow_mut() = IterObj::Done;
                        return Ok(None);
                    }
                    Err(e) => return Err(e),
                };
                if v.is(&sentinel) || self.eq(&v, &sentinel)? {
                    *cell.borrow_mut() = IterObj::Done;
                    return Ok(None);
                }
                Ok(Some(v))
            }
            IterObj::SeqIndex { obj, index } => {
                let (obj, i) = (obj.clone(), *index);
                *index += 1;
                drop(b);
                match self.getitem(&obj, &Value::Int(i)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e)
                        if self.err_is(&e, ExcType::IndexError)
                            || self.err_is(&e, ExcType::StopIteration) =>
                    {
                        *cell.borrow_mut() = IterObj::Done;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterObj::SeqReverse { obj, index } => {
                let (obj, i) = (obj.clone(), *index);
                drop(b);
                if i >= 0 {
                    match self.getitem(&obj, &Value::Int(i)) {
                        Ok(v) => {
                            if let IterObj::SeqReverse { index, .. } = &mut *cell.borrow_mut() {
                                *index -= 1;
                            }
                            return Ok(Some(v));
                        }
                        Err(e)
                            if self.err_is(&e, ExcType::IndexError)
                                || self.err_is(&e, ExcType::StopIteration) => {}
                        Err(e) => return Err(e),
                    }
                }
                *cell.borrow_mut() = IterObj::Done;
                Ok(None)
            }
            IterObj::Generator(_) => {
                drop(b);
                self.resume_generator(&cell)
            }
            IterObj::Itertools(_) => {
                drop(b);
                crate::builtins::itertools_next(self, &cell)
            }
        }
    }

    /// Runs a generator until it yields (Some) or finishes (None).
    pub fn resume_generator(&mut self, g: &Rc<RefCell<IterObj>>) -> PyResult<Option<Value>> {
        self.resume_gen(g, false)
    }

    /// `resume_generator`; with `sink`, what it yields is first offered to
    /// the top of `Vm::sinks` (`vm/sink.rs`).
    pub(crate) fn resume_gen(
        &mut self,
        g: &Rc<RefCell<IterObj>>,
        sink: bool,
    ) -> PyResult<Option<Value>> {
        Ok(match self.resume_gen_with(g, GenInput::Next, sink)? {
            GenStep::Yielded(v) => Some(v),
            GenStep::Returned(_) => None,
        })
    }

    /// Resumes generator `g` with `input` (`next`, `send(v)`, `throw(e)`)
    /// until it yields or returns. An exception thrown into a generator
    /// waiting in a `yield from` goes to its sub-iterator first.
    pub(crate) fn resume_gen_with(
        &mut self,
        g: &Rc<RefCell<IterObj>>,
        input: GenInput,
        sink: bool,
    ) -> PyResult<GenStep> {
        if let GenInput::Throw(e) = input {
            return match Vm::yield_from_target(g) {
                Some(sub) => self.throw_through_yield_from(g, sub, e),
                None => self.resume_frame(g, GenInput::Throw(e), sink),
            };
        }
        self.resume_frame(g, input, sink)
    }

    /// `throw(e)` into generator `g` waiting on `sub` in a `yield from`, as
    /// CPython's `_gen_throw`: GeneratorExit closes `sub`, then is raised
    /// in `g`; anything else is thrown into `sub`, and what `sub` yields,
    /// `g` yields; when `sub` returns, `g` goes on with the value; when it
    /// raises, the exception is raised in `g`.
    #[cold]
    fn throw_through_yield_from(
        &mut self,
        g: &Rc<RefCell<IterObj>>,
        sub: Value,
        e: PyErr,
    ) -> PyResult<GenStep> {
        let set_running = |g: &Rc<RefCell<IterObj>>, on: bool| {
            if let IterObj::Generator(st) = &mut *g.borrow_mut() {
                st.running = on;
            }
        };
        let sub_gen = generator_of(&sub);
        set_running(g, true);
        if self.err_is(&e, ExcType::GeneratorExit) {
            let closed = match &sub_gen {
                Some(sg) => self.close_generator(sg),
                None => match self.getattr(&sub, "close") {
                    Ok(close) => self.call_value(&close, vec![], vec![]).map(|_| ()),
                    Err(_) => Ok(()),
                },
            };
            set_running(g, false);
            let e = closed.err().unwrap_or(e);
            return self.resume_frame(g, GenInput::Throw(e), false);
        }
        let r = match &sub_gen {
            Some(sg) => self.resume_gen_with(sg, GenInput::Throw(e), false),
            None => match self.getattr(&sub, "throw") {
                Ok(throw) => {
                    let exc = self.materialize(e);
                    match self.call_value(&throw, vec![exc], vec![]) {
                        Ok(y) => Ok(GenStep::Yielded(y)),
                        Err(e) if self.err_is(&e, ExcType::StopIteration) => {
                            Ok(GenStep::Returned(self.stop_iteration_value(e).1))
                        }
                        Err(e) => Err(e),
                    }
                }
                Err(_) => {
                    set_running(g, false);
                    return self.resume_frame(g, GenInput::Throw(e), false);
                }
            },
        };
        set_running(g, false);
        match r {
            Ok(GenStep::Yielded(v)) => Ok(GenStep::Yielded(v)),
            Ok(GenStep::Returned(v)) => {
                // The `yield from` is over: its value replaces the
                // sub-iterator, and the frame goes on after the loop.
                if let IterObj::Generator(st) = &mut *g.borrow_mut() {
                    if let Some(f) = st.frame.as_mut() {
                        let send_at = f.code.instrs[f.ip].arg as usize;
                        f.ip = f.code.instrs[send_at].arg as usize;
                        st.saved.pop();
                        st.saved.push(v);
                    }
                }
                self.resume_frame(g, GenInput::Continue, false)
            }
            Err(e) => self.resume_frame(g, GenInput::Throw(e), false),
        }
    }

    /// `resume_gen_with` without the `yield from` delegation.
    fn resume_frame(
        &mut self,
        g: &Rc<RefCell<IterObj>>,
        input: GenInput,
        sink: bool,
    ) -> PyResult<GenStep> {
        let base = self.stack.len();
        let jumped;
        let mut frame = {
            let mut b = g.borrow_mut();
            let st = GenState::of(&mut b);
            if st.running {
                return Err(PyErr::value_error("generator already executing"));
            }
            if st.done {
                return match input {
                    GenInput::Throw(e) => Err(e),
                    _ => Ok(GenStep::Returned(Value::None)),
                };
            }
            let started = st.frame.as_ref().is_some_and(|f| f.ip > 0);
            if let GenInput::Send(v) = &input {
                if !started && !v.is_none() {
                    return Err(PyErr::type_error(
                        "can't send non-None value to a just-started generator",
                    ));
                }
            }
            // Resuming pushes a frame: checked before the state changes.
            if self.at_recursion_limit() {
                return Err(self.recursion_error());
            }
            st.running = true;
            // The saved values move back onto the stack; their buffer stays
            // with the generator for the next suspension.
            self.stack.append(&mut st.saved);
            jumped = std::mem::take(&mut st.jumped);
            st.frame.take().unwrap()
        };
        frame.base = base;
        frame.ret_slot = base;
        frame.is_entry = true;
        frame.plain_return = false;
        frame.gen = Some(g.clone());
        frame.traced = false;
        frame.sink = sink;
        let started = frame.ip > 0;
        let throw = match input {
            GenInput::Throw(e) => Some(e),
            // `f_lineno` was set at the yield: on from the target (a throw
            // raises there), the value sent dropped.
            _ if jumped => {
                frame.ip -= 1;
                None
            }
            // The value `YieldValue` leaves behind: what `send` passes.
            GenInput::Send(v) if started => {
                self.stack.push(v);
                None
            }
            // Resumed where a `yield from` ended: its value is in place.
            GenInput::Continue => None,
            _ if started => {
                self.stack.push(Value::None);
                None
            }
            _ => None,
        };
        let obj = frame.obj.clone();
        self.frames.push(frame);
        if let Some(o) = obj {
            let depth = self.frames.len() - 1;
            o.live.set(Some(depth));
            let back = if depth > 0 {
                Some(self.frame_object(depth - 1))
            } else {
                None
            };
            *o.back.borrow_mut() = back;
        }
        // A throw raises in the generator's frame right after its call
        // event: the event's trace function runs first, nested, rather than
        // as a frame the loop runs (`enter_call_hooks`).
        let hooks = match throw {
            Some(_) => self.enter_frame_hooks(),
            None => self.enter_call_hooks(),
        };
        if let Err(e) = hooks {
            // The call event failed: the generator is left as it was.
            self.frames.pop();
            self.stack.truncate(base);
            GenState::finish_gen(g);
            return Err(e);
        }
        let r = match throw {
            // Raised at the yield it waits at: its handlers may catch it.
            Some(e) => match self.raise_here(e) {
                Ok(()) => self.with_stack(|vm| vm.run_loop()),
                Err(e) => Err(e),
            },
            None => self.with_stack(|vm| vm.run_loop()),
        };
        let mut b = g.borrow_mut();
        let st = GenState::of(&mut b);
        st.running = false;
        match r {
            Ok(v) => {
                if st.done {
                    Ok(GenStep::Returned(v))
                } else {
                    Ok(GenStep::Yielded(v))
                }
            }
            Err(e) => {
                st.finish();
                drop(b);
                if self.err_is(&e, ExcType::StopIteration) {
                    return Err(self.generator_raised_stop(e));
                }
                Err(e)
            }
        }
    }

    /// `GetYieldFromIter`: `iter(v)`, a generator as it is.
    pub(crate) fn yield_from_iter(&mut self, v: Value) -> PyResult<Value> {
        if generator_of(&v).is_some() {
            return Ok(v);
        }
        self.get_iter(v)
    }

    /// `Send`: `v` into the sub-iterator of a `yield from` (a generator
    /// resumed with it; any other iterator advanced, or its `send` called
    /// when `v` is not None).
    ///
    /// Under a tracer, a StopIteration that ends the loop is reported in
    /// frame `fi` as CPython's SEND reports it: one from the sub-iterator,
    /// or a generator's return of a value (or any return, after `send`).
    pub(crate) fn send_into(&mut self, fi: usize, sub: &Value, v: Value) -> PyResult<GenStep> {
        if let Some(g) = generator_of(sub) {
            let sent = !v.is_none();
            let input = if sent {
                GenInput::Send(v)
            } else {
                GenInput::Next
            };
            let step = self.resume_gen_with(&g, input, false)?;
            if let GenStep::Returned(r) = &step {
                if self.frame_events_on() && (sent || !r.is_none()) {
                    let stop = match r {
                        Value::None => PyErr::bare(ExcType::StopIteration),
                        r => PyErr::Args(ExcType::StopIteration, vec![r.clone()]),
                    };
                    self.for_iter_error(fi, stop)?;
                }
            }
            return Ok(step);
        }
        let r = if v.is_none() {
            match self.iter_next(sub) {
                Ok(Some(y)) => return Ok(GenStep::Yielded(y)),
                Ok(None) => return Ok(GenStep::Returned(Value::None)),
                Err(e) => Err(e),
            }
        } else {
            let send = self.getattr(sub, "send")?;
            self.call_value(&send, vec![v], vec![])
        };
        match r {
            Ok(y) => Ok(GenStep::Yielded(y)),
            Err(e) if self.err_is(&e, ExcType::StopIteration) => {
                let (exc, value) = self.stop_iteration_value(e);
                self.for_iter_error(fi, PyErr::Obj(exc))?;
                Ok(GenStep::Returned(value))
            }
            Err(e) => Err(e),
        }
    }

    /// A StopIteration as an object, and its `value`: what a `yield from`
    /// of a non-generator iterator evaluates to.
    fn stop_iteration_value(&mut self, e: PyErr) -> (Value, Value) {
        let exc = self.materialize(e);
        let value = self.getattr(&exc, "value").unwrap_or(Value::None);
        (exc, value)
    }

    /// The sub-iterator generator `g` waits on in a `yield from`, if it
    /// is suspended in one: its frame resumes at the jump back to `Send`.
    pub(crate) fn yield_from_target(g: &RefCell<IterObj>) -> Option<Value> {
        let b = g.borrow();
        let IterObj::Generator(st) = &*b else {
            return None;
        };
        let f = st.frame.as_ref().filter(|_| !st.jumped)?;
        let next = *f.code.instrs.get(f.ip)?;
        let send = f.code.instrs.get(next.arg as usize)?;
        if next.op == crate::bytecode::Op::Jump && send.op == crate::bytecode::Op::Send && f.ip > 0
        {
            st.saved.last().cloned()
        } else {
            None
        }
    }

    /// PEP 479: a StopIteration leaving a generator's frame becomes a
    /// RuntimeError caused by it.
    #[cold]
    fn generator_raised_stop(&mut self, e: PyErr) -> PyErr {
        let cause = self.materialize(e);
        let err = self.materialize(PyErr::new(
            ExcType::RuntimeError,
            "generator raised StopIteration",
        ));
        if let Value::Instance(i) = &err {
            i.set_attr(self.intern("__cause__"), cause.clone());
            i.set_attr(self.intern("__context__"), cause);
            i.set_attr(self.intern("__suppress_context__"), Value::Bool(true));
        }
        PyErr::Obj(err)
    }

    /// `zip(strict=True)` found input `i` exhausted: the others must be too.
    #[cold]
    fn zip_strict_end(&mut self, inners: &[Value], i: usize) -> PyResult<Option<Value>> {
        let plural = if i == 1 { " " } else { "s 1-" };
        if i > 0 {
            return Err(PyErr::value_error(format!(
                "zip() argument {} is shorter than argument{}{}",
                i + 1,
                plural,
                i
            )));
        }
        for (j, it) in inners.iter().enumerate().skip(1) {
            if self.next_value(it)?.is_some() {
                let plural = if j == 1 { " " } else { "s 1-" };
                return Err(PyErr::value_error(format!(
                    "zip() argument {} is longer than argument{}{}",
                    j + 1,
                    plural,
                    j
                )));
            }
        }
        Ok(None)
    }

    /// Closes generators dropped while suspended (only queued while tracing).
    #[cold]
    pub(crate) fn close_dropped_generators(&mut self) {
        // Those dropped together are closed in the order they went; one
        // dropped while another closes is closed at once (depth first).
        let mut todo: Vec<(Frame, Vec<Value>)> = vec![];
        loop {
            let mut batch = TO_CLOSE.with(|q| std::mem::take(&mut *q.borrow_mut()));
            CLOSE_PENDING.with(|p| p.set(false));
            batch.reverse();
            todo.extend(batch);
            let Some((frame, saved)) = todo.pop() else {
                return;
            };
            self.close_generator_frame(frame, saved);
        }
    }

    /// Closes a dropped generator's suspended frame, as CPython's
    /// `gen_dealloc` does: GeneratorExit thrown in; what goes wrong is
    /// reported on stderr ("Exception ignored in"), not raised.
    fn close_generator_frame(&mut self, frame: Frame, saved: Vec<Value>) {
        let Some(func) = frame.func.clone() else {
            return;
        };
        let mut st = GenState::new(func, saved);
        st.frame = Some(frame);
        let g = crate::gc::alloc(RefCell::new(IterObj::Generator(st)));
        if let Err(e) = self.close_generator(&g) {
            let exc = self.materialize(e);
            self.report_unraisable(&exc, &Value::Iter(g.clone()));
        }
        // Whatever it did, it is finished (its drop must not close it again).
        GenState::finish_gen(&g);
    }

    /// `generator.close()`: GeneratorExit thrown in where the generator
    /// waits; a generator that yields anyway is a RuntimeError.
    pub(crate) fn close_generator(&mut self, g: &Rc<RefCell<IterObj>>) -> PyResult<()> {
        let waiting = match &mut *g.borrow_mut() {
            IterObj::Generator(st) => {
                let started = st.frame.as_ref().is_some_and(|f| f.ip > 0);
                if !started && !st.running {
                    // Never started: nothing runs, it is just finished.
                    st.finish();
                }
                started || st.running
            }
            _ => false,
        };
        if !waiting {
            return Ok(());
        }
        let exit = PyErr::bare(ExcType::GeneratorExit);
        match self.resume_gen_with(g, GenInput::Throw(exit), false) {
            Ok(GenStep::Yielded(_)) => Err(PyErr::new(
                ExcType::RuntimeError,
                "generator ignored GeneratorExit",
            )),
            Ok(GenStep::Returned(_)) => Ok(()),
            Err(e) if self.err_is(&e, ExcType::GeneratorExit) => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// Whether dropped generators wait to be closed.
    #[inline]
    pub(crate) fn generators_to_close() -> bool {
        CLOSE_PENDING.with(|p| p.get())
    }

    /// Closes the generators dropped so far, from the top frame, before
    /// anything else can be seen (an event, a built-in's output): CPython
    /// closes them the moment their last reference goes.
    #[inline]
    pub(crate) fn close_pending_generators(&mut self) {
        if Vm::generators_to_close() {
            self.close_dropped_generators();
        }
    }

    /// `YieldValue` in the top frame: suspends it into its generator.
    pub(crate) fn yield_from_frame(&mut self, v: Value) -> PyResult<Value> {
        if self.frame_events_on() {
            self.return_hooks(&v)?;
        }
        self.suspend_generator_frame(v)
    }

    /// `yield_from_frame` after its `return` event.
    pub(crate) fn suspend_generator_frame(&mut self, v: Value) -> PyResult<Value> {
        let mut f = self.frames.pop().unwrap();
        if let Some(o) = &f.obj {
            // The generator holds it now, with the frame.
            o.keep();
            o.live.set(None);
            // No f_back while suspended: no reference cycle through the resumer.
            *o.back.borrow_mut() = None;
            o.final_line
                .set(super::frame::line_near(&f.code, f.ip.saturating_sub(1)));
        }
        let g = f.gen.take().unwrap();
        let mut b = g.borrow_mut();
        let st = GenState::of(&mut b);
        self.stack.move_tail_to(f.base, &mut st.saved);
        st.frame = Some(f);
        Ok(v)
    }

    /// Iterates any iterable into a Vec.
    /// `collect` as list()/tuple()/list.extend()/sorted()/str.join() and `*`
    /// unpacking do it in CPython: after `iter(v)`, the length hint of `v`
    /// is taken (user `__len__`/`__length_hint__` run, their errors raise).
    pub fn collect_sized(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if !matches!(v, Value::Instance(_) | Value::Iter(_)) {
            return self.collect(v);
        }
        let it = self.get_iter(v.clone())?;
        self.length_hint(v)?;
        if let Some(g) = super::sink::generator_of(&it) {
            return self.drain_generator(&g, vec![]);
        }
        let mut out = vec![];
        while let Some(x) = self.next_value(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// `list.extend(v)` / `l += v` as CPython's list_extend: a list or tuple is
    /// copied first; any other iterable is appended item by item, so an
    /// iterator over `l` itself sees the items already appended, and the
    /// items before an error stay.
    pub fn list_extend(&mut self, l: &crate::value::List, v: &Value) -> PyResult<()> {
        if !matches!(v, Value::Instance(_) | Value::Iter(_)) {
            let items = self.collect(v)?;
            self.check_items(l.len() + items.len())?;
            l.borrow_mut().extend(items);
            return Ok(());
        }
        let it = self.get_iter(v.clone())?;
        self.length_hint(v)?;
        while let Some(x) = self.next_value(&it)? {
            l.borrow_mut().push(x);
        }
        Ok(())
    }

    /// CPython's PySequence_Fast: a list or tuple as is, else `list(iter(v))`
    /// (the length hint is the iterator's); a TypeError from `iter(v)`
    /// becomes `msg`.
    pub fn collect_fast(&mut self, v: &Value, msg: &str) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok((**t).clone()),
            _ => {}
        }
        let it = match self.get_iter(v.clone()) {
            Ok(it) => it,
            Err(e) if self.err_is(&e, ExcType::TypeError) => return Err(PyErr::type_error(msg)),
            Err(e) => return Err(e),
        };
        self.collect_sized(&it)
    }

    /// CPython's PyObject_LengthHint for its visible effects (the size
    /// itself is not needed): `__len__` (a TypeError from it is ignored),
    /// else `__length_hint__`, whose result must be a non-negative int.
    #[cold]
    fn length_hint(&mut self, v: &Value) -> PyResult<()> {
        let ignore_type_error = |vm: &mut Vm, r: PyResult<usize>| match r {
            Err(e) if !vm.err_is(&e, ExcType::TypeError) => Err(e),
            _ => Ok(()),
        };
        let cls = match v {
            Value::Instance(i) => i.class.clone(),
            Value::Iter(it) => {
                // An iterator over a sequence asks the sequence's length.
                let seq = match &*it.borrow() {
                    IterObj::SeqIndex { obj, .. } | IterObj::SeqReverse { obj, .. } => obj.clone(),
                    _ => return Ok(()),
                };
                if let Value::Instance(i) = &seq {
                    if i.class.lookup_user("__len__").is_some() {
                        let r = crate::builtins::len_of(self, &seq);
                        return ignore_type_error(self, r);
                    }
                }
                return Ok(());
            }
            _ => return Ok(()),
        };
        if cls.lookup_user("__len__").is_some() {
            let r = crate::builtins::len_of(self, v);
            if r.is_ok() {
                return Ok(());
            }
            ignore_type_error(self, r)?;
        }
        let Some(m) = cls.lookup_user("__length_hint__") else {
            return Ok(());
        };
        let r = match self.call_special(&m, v, vec![]) {
            Err(e) if self.err_is(&e, ExcType::TypeError) => return Ok(()),
            r => r?,
        };
        match r {
            Value::NotImplemented => Ok(()),
            Value::Int(n) if n < 0 => {
                Err(PyErr::value_error("__length_hint__() should return >= 0"))
            }
            Value::Int(_) | Value::Bool(_) => Ok(()),
            Value::BigInt(_) => Err(PyErr::overflow(
                "Python int too large to convert to C ssize_t",
            )),
            other => Err(PyErr::type_error(format!(
                "__length_hint__ must be an integer, not {}",
                other.type_name()
            ))),
        }
    }

    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok((**t).clone()),
            _ => {}
        }
        let mut out = vec![];
        if let Value::Range(r) = v {
            self.check_items(r.len().max(0) as usize)?;
            // Its length is known: too many items fail at once (MemoryError),
            // as CPython's preallocation from the length hint.
            out.try_reserve_exact(r.len().max(0) as usize)
                .map_err(|_| PyErr::bare(crate::value::ExcType::MemoryError))?;
        }
        let it = self.get_iter(v.clone())?;
        if let Some(g) = super::sink::generator_of(&it) {
            return self.drain_generator(&g, out);
        }
        while let Some(x) = self.next_value(&it)? {
            out.push(x);
        }
        Ok(out)
    }
}
