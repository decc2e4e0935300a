//! Iterators over built-in values, and generators (suspendable frames).

use std::cell::RefCell;
use std::rc::Rc;

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
    Range {
        cur: i64,
        stop: i64,
        step: i64,
    },
    DictKeys {
        dict: Rc<RefCell<Dict>>,
        index: usize,
        len: usize,
    },
    DictValues {
        dict: Rc<RefCell<Dict>>,
        index: usize,
        len: usize,
    },
    DictItems {
        dict: Rc<RefCell<Dict>>,
        index: usize,
        len: usize,
    },
    /// A snapshot of a set's items.
    Items {
        items: Vec<Value>,
        index: usize,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        inners: Vec<Value>,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// Reversed over a snapshot.
    Reversed {
        items: Vec<Value>,
        index: usize,
    },
    Generator(Rc<RefCell<GenState>>),
    /// `iter(callable, sentinel)`
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// `reversed()` of an instance: `__getitem__` from `index` down to 0.
    ReversedSeq {
        obj: Value,
        index: i64,
    },
    /// An instance with `__getitem__` but no `__iter__`.
    SeqIndex {
        obj: Value,
        index: i64,
    },
    Done,
}

impl IterObj {
    pub fn type_name(&self) -> &'static str {
        match self {
            IterObj::List { .. } => "list_iterator",
            IterObj::Tuple { .. } => "tuple_iterator",
            IterObj::Str { .. } => "str_ascii_iterator",
            IterObj::Range { .. } => "range_iterator",
            IterObj::DictKeys { .. } => "dict_keyiterator",
            IterObj::DictValues { .. } => "dict_valueiterator",
            IterObj::DictItems { .. } => "dict_itemiterator",
            IterObj::Items { .. } => "set_iterator",
            IterObj::Enumerate { .. } => "enumerate",
            IterObj::Zip { .. } => "zip",
            IterObj::Map { .. } => "map",
            IterObj::Filter { .. } => "filter",
            IterObj::Reversed { .. } => "list_reverseiterator",
            IterObj::Generator(_) => "generator",
            IterObj::Callable { .. } => "callable_iterator",
            IterObj::ReversedSeq { .. } => "reversed",
            IterObj::SeqIndex { .. } => "iterator",
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
}

thread_local! {
    /// Whether a tracer is installed: only then is closing a dropped generator visible.
    pub(crate) static TRACING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Suspended generator frames dropped while tracing, to be closed by the VM.
    static TO_CLOSE: RefCell<Vec<(Frame, Vec<Value>)>> = const { RefCell::new(Vec::new()) };
}

impl Drop for GenState {
    fn drop(&mut self) {
        // CPython closes a started, unfinished generator when it is dropped:
        // a GeneratorExit thrown into its frame, which tracers see.
        if !self.done && TRACING.with(|t| t.get()) {
            if let Some(f) = self.frame.take() {
                if f.ip > 0 {
                    let saved = std::mem::take(&mut self.saved);
                    TO_CLOSE.with(|q| q.borrow_mut().push((f, saved)));
                }
            }
        }
    }
}

impl GenState {
    pub fn new(func: Rc<Function>, locals: Vec<Value>) -> Rc<RefCell<GenState>> {
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
            prev_ip: u32::MAX,
            last_line: 0,
            gen: None,
        };
        Rc::new(RefCell::new(GenState {
            func,
            frame: Some(frame),
            saved: locals,
            running: false,
            done: false,
        }))
    }

    pub fn finish(&mut self) {
        self.done = true;
        self.running = false;
        self.frame = None;
        self.saved.clear();
    }
}

impl Vm {
    /// `iter(v)`
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        let it = match v {
            Value::Iter(_) => return Ok(v),
            Value::List(list) => IterObj::List { list, index: 0 },
            Value::Tuple(items) => IterObj::Tuple { items, index: 0 },
            Value::Str(s) => IterObj::Str { s, byte: 0 },
            Value::Range(r) => IterObj::Range {
                cur: r.start,
                stop: r.stop,
                step: r.step,
            },
            Value::Dict(d) => {
                let len = d.borrow().len();
                IterObj::DictKeys {
                    dict: d,
                    index: 0,
                    len,
                }
            }
            Value::Set(s) => IterObj::Items {
                items: s.borrow().iter().cloned().collect(),
                index: 0,
            },
            Value::FrozenSet(s) => IterObj::Items {
                items: s.iter().cloned().collect(),
                index: 0,
            },
            Value::Instance(ref inst) => {
                if let Some(m) = inst.class.lookup("__iter__") {
                    let r = self.call_value(&m, vec![v.clone()], vec![])?;
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
        Ok(Value::Iter(Rc::new(RefCell::new(it))))
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

    /// `next(it)`: Some(value), or None when exhausted.
    pub fn next_value(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let cell = match it {
            Value::Iter(c) => c.clone(),
            Value::Instance(inst) => {
                let Some(m) = inst.class.lookup("__next__") else {
                    return Err(PyErr::type_error(format!(
                        "'{}' object is not an iterator",
                        it.type_name()
                    )));
                };
                return match self.call_value(&m, vec![it.clone()], vec![]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_is(&e, ExcType::StopIteration) => Ok(None),
                    Err(e) => Err(e),
                };
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
                let l = list.borrow();
                if *index < l.len() {
                    *index += 1;
                    return Ok(Some(l[*index - 1].clone()));
                }
                Ok(None)
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
            IterObj::Range { cur, stop, step } => {
                if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                    let v = *cur;
                    *cur += *step;
                    Ok(Some(Value::Int(v)))
                } else {
                    Ok(None)
                }
            }
            IterObj::DictKeys { dict, index, len }
            | IterObj::DictValues { dict, index, len }
            | IterObj::DictItems { dict, index, len } => {
                let d = dict.borrow();
                if d.len() != *len {
                    return Err(PyErr::new(
                        ExcType::RuntimeError,
                        "dictionary changed size during iteration",
                    ));
                }
                let Some((pos, k, v)) = d.next_entry(*index) else {
                    return Ok(None);
                };
                let (k, v) = (k.clone(), v.clone());
                drop(d);
                *index = pos + 1;
                Ok(Some(match &*b {
                    IterObj::DictKeys { .. } => k,
                    IterObj::DictValues { .. } => v,
                    _ => Value::tuple(vec![k, v]),
                }))
            }
            IterObj::Items { items, index } | IterObj::Reversed { items, index } => {
                if *index < items.len() {
                    *index += 1;
                    return Ok(Some(items[*index - 1].clone()));
                }
                Ok(None)
            }
            IterObj::Done => Ok(None),
            IterObj::Enumerate { inner, count } => {
                let inner = inner.clone();
                let c = *count;
                *count += 1;
                drop(b);
                Ok(self
                    .next_value(&inner)?
                    .map(|v| Value::tuple(vec![Value::Int(c), v])))
            }
            IterObj::Zip { inners } => {
                let inners = inners.clone();
                drop(b);
                let mut out = Vec::with_capacity(inners.len());
                for i in &inners {
                    match self.next_value(i)? {
                        Some(v) => out.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(Value::tuple(out)))
            }
            IterObj::Map { func, inners } => {
                let (func, inners) = (func.clone(), inners.clone());
                drop(b);
                let mut args = Vec::with_capacity(inners.len());
                for i in &inners {
                    match self.next_value(i)? {
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
                    let Some(v) = self.next_value(&inner)? else {
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
                let v = self.call_value(&func, vec![], vec![])?;
                if self.eq(&v, &sentinel)? {
                    *cell.borrow_mut() = IterObj::Done;
                    return Ok(None);
                }
                Ok(Some(v))
            }
            IterObj::ReversedSeq { obj, index } => {
                let (obj, i) = (obj.clone(), *index);
                *index -= 1;
                drop(b);
                if i < 0 {
                    return Ok(None);
                }
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
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterObj::Generator(g) => {
                let g = g.clone();
                drop(b);
                self.resume_generator(&g)
            }
        }
    }

    /// Runs a generator until it yields (Some) or finishes (None).
    pub fn resume_generator(&mut self, g: &Rc<RefCell<GenState>>) -> PyResult<Option<Value>> {
        let (mut frame, saved) = {
            let mut st = g.borrow_mut();
            if st.done {
                return Ok(None);
            }
            if st.running {
                return Err(PyErr::value_error("generator already executing"));
            }
            st.running = true;
            (st.frame.take().unwrap(), std::mem::take(&mut st.saved))
        };
        self.check_native_depth()?;
        let base = self.stack.len();
        frame.base = base;
        frame.ret_slot = base;
        frame.is_entry = true;
        frame.gen = Some(g.clone());
        frame.traced = false;
        let started = frame.ip > 0;
        self.stack.extend(saved);
        if started {
            // The value `YieldValue` leaves behind (what `send` would pass).
            self.stack.push(Value::None);
        }
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
        if let Err(e) = self.enter_frame_hooks() {
            // The call event failed: the generator is left as it was.
            self.frames.pop();
            self.stack.truncate(base);
            g.borrow_mut().finish();
            return Err(e);
        }
        self.native_depth += 1;
        let r = self.run_loop();
        self.native_depth -= 1;
        let mut st = g.borrow_mut();
        st.running = false;
        match r {
            Ok(v) => {
                if st.done {
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
            Err(e) => {
                st.finish();
                Err(e)
            }
        }
    }

    /// Closes generators dropped while suspended (only queued while tracing).
    #[cold]
    pub(crate) fn close_dropped_generators(&mut self) {
        loop {
            let Some((mut frame, saved)) = TO_CLOSE.with(|q| q.borrow_mut().pop()) else {
                return;
            };
            let base = self.stack.len();
            frame.base = base;
            frame.ret_slot = base;
            frame.is_entry = true;
            frame.traced = false;
            frame.gen = None;
            self.stack.extend(saved);
            if let Some(o) = &frame.obj {
                o.live.set(Some(self.frames.len()));
            }
            self.frames.push(frame);
            let depth = self.frames.len();
            if self.enter_frame_hooks().is_err() {
                if self.frames.len() == depth {
                    self.frames.pop();
                }
                self.stack.truncate(base);
                continue;
            }
            // The GeneratorExit ends the frame (a genexpr has no handlers).
            let _ = self.raise_here(PyErr::bare(ExcType::GeneratorExit));
            while self.frames.len() >= depth {
                self.frames.pop();
            }
            self.stack.truncate(base);
        }
    }

    /// Whether dropped generators wait to be closed.
    #[inline]
    pub(crate) fn generators_to_close() -> bool {
        TO_CLOSE.with(|q| !q.borrow().is_empty())
    }

    /// `YieldValue` in the top frame: suspends it into its generator.
    pub(crate) fn yield_from_frame(&mut self, v: Value) -> PyResult<Value> {
        if self.trace.on() {
            self.return_hooks(&v)?;
        }
        let mut f = self.frames.pop().unwrap();
        let saved = self.stack.split_off(f.base);
        if let Some(o) = &f.obj {
            o.live.set(None);
            // No f_back while suspended: no reference cycle through the resumer.
            *o.back.borrow_mut() = None;
            o.final_line
                .set(super::frame::line_near(&f.code, f.ip.saturating_sub(1)));
        }
        let g = f.gen.take().unwrap();
        let mut st = g.borrow_mut();
        st.saved = saved;
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
        let mut out = vec![];
        while let Some(x) = self.next_value(&it)? {
            out.push(x);
        }
        Ok(out)
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
                    IterObj::SeqIndex { obj, .. } | IterObj::ReversedSeq { obj, .. } => obj.clone(),
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
        let r = match self.call_value(&m, vec![v.clone()], vec![]) {
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
        let it = self.get_iter(v.clone())?;
        let mut out = vec![];
        while let Some(x) = self.next_value(&it)? {
            out.push(x);
        }
        Ok(out)
    }
}
