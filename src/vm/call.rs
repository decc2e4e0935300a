//! Calls: krait functions push a frame on the VM's own stack (no Rust
//! recursion); native functions run directly; classes make instances.

use std::cell::RefCell;
use std::rc::Rc;

use crate::bytecode::{Code, CodeKind, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS};
use crate::value::class::AttrMap;
use crate::value::{
    BoundMethod, Builtin, Class, Descr, Dict, Function, Instance, Kwargs, PyErr, PyResult, Str,
    TypeKind, Value,
};

use super::frame::{Frame, OnReturn};
use super::iter::{GenState, IterObj};
use super::Vm;

/// What calling something did.
pub enum Called {
    /// A krait frame was pushed; its result arrives when it returns.
    Frame,
    /// The call finished with this value.
    Value(Value),
}

impl Vm {
    /// `Call`/`CallKw` on the stack layout `[NULL|meth, callable|self, args..]`
    /// starting at `slot`. Returns whether a frame was pushed.
    pub(crate) fn call_at(
        &mut self,
        slot: usize,
        argc: usize,
        kwnames: Option<Rc<Vec<Value>>>,
    ) -> PyResult<bool> {
        let is_meth = !matches!(self.stack[slot], Value::Null);
        let args_start = if is_meth { slot + 1 } else { slot + 2 };
        let nargs = argc + is_meth as usize;
        if kwnames.is_none() {
            match &self.stack[args_start - 1] {
                Value::Function(f) => {
                    if let Some(missing) = missing_defaults(f, nargs) {
                        let f = f.clone();
                        return self.enter_plain_call(f, slot, args_start, nargs, missing);
                    }
                }
                Value::Builtin(b) => {
                    let b = b.clone();
                    self.call_builtin_at(slot, args_start, &b)?;
                    return Ok(false);
                }
                _ => {}
            }
            if let Some(pushed) = self.call_positional_at(slot, argc, is_meth)? {
                return Ok(pushed);
            }
        } else if let (Some(names), Value::Function(f)) = (&kwnames, &self.stack[args_start - 1]) {
            let f = f.clone();
            if let Some(pushed) = self.enter_kw_call(&f, slot, args_start, nargs, names) {
                return pushed;
            }
        }
        let callable = self.stack[args_start - 1].clone();
        if let Value::Class(c) = &callable {
            // `C(args)` with a plain `__init__`: the instance takes the
            // callable's place as `self`, the arguments stay where they are.
            if !is_meth
                && kwnames.is_none()
                && c.is_user
                && c.kind == TypeKind::Object
                && (!self.new_defined || c.lookup_user("__new__").is_none())
            {
                if let Some(Value::Function(init)) = self.user_dunder(c, "__init__") {
                    if let Some(missing) = missing_defaults(&init, nargs + 1) {
                        self.check_init_frame()?;
                        push_defaults(&mut self.stack, &init, missing);
                        let inst = Value::Instance(crate::gc::alloc(Instance::new(c.clone())));
                        self.stack[slot] = Value::Function(init.clone());
                        self.stack[slot + 1] = inst.clone();
                        let nlocals = init.code.nlocalsplus();
                        self.stack.resize(slot + 1 + nlocals, Value::Null);
                        if !init.code.cellvars.is_empty() || !init.closure.is_empty() {
                            self.init_cells(&init, slot + 1);
                        }
                        self.push_frame(init, slot + 1, slot, OnReturn::Init(inst), None);
                        self.enter_call_hooks()?;
                        return Ok(true);
                    }
                }
            }
        }
        // General case: collect the arguments.
        let mut args: Vec<Value> = self.stack.drain(args_start..).collect();
        let kwargs = match kwnames {
            Some(names) if !names.is_empty() => {
                let split = args.len() - names.len();
                let vals = args.split_off(split);
                names
                    .iter()
                    .zip(vals)
                    .map(|(n, v)| match n {
                        Value::Str(s) => (s.clone(), v),
                        _ => unreachable!(),
                    })
                    .collect()
            }
            _ => vec![],
        };
        self.close_pending_generators();
        self.c_events_armed = true;
        let r = self.call_generic(callable, args, kwargs, slot, OnReturn::Push);
        self.c_events_armed = false;
        match r? {
            Called::Frame => Ok(true),
            Called::Value(v) => {
                self.stack.truncate(slot);
                self.stack.push(v);
                // The arguments are gone: a generator passed in may be closed.
                self.close_pending_generators();
                Ok(false)
            }
        }
    }

    /// `call_at`'s other fast paths for positional arguments (out of line,
    /// so that the krait-function path stays short): generator functions,
    /// built-in types and bound method objects. None: the
    /// general path.
    #[inline(never)]
    fn call_positional_at(
        &mut self,
        slot: usize,
        argc: usize,
        is_meth: bool,
    ) -> PyResult<Option<bool>> {
        let args_start = if is_meth { slot + 1 } else { slot + 2 };
        let nargs = argc + is_meth as usize;
        match &self.stack[args_start - 1] {
            Value::Function(f) => {
                if let Some(missing) = generator_defaults(f, nargs) {
                    let f = f.clone();
                    return self.new_generator(f, slot, args_start, missing).map(Some);
                }
            }
            Value::Class(c) if !is_meth && !c.is_user && !c.is_exception() => {
                let c = c.clone();
                self.construct_builtin_at(slot, args_start, &c)?;
                return Ok(Some(false));
            }
            Value::BoundMethod(m) if !is_meth && matches!(m.func, Value::Function(_)) => {
                // Its function and `self` take the two slots, as
                // `LoadMethod` lays them out (CPython's CALL does the
                // same), and the call starts again on the fast paths.
                let (func, self_) = (m.func.clone(), m.self_.clone());
                self.stack[slot] = func;
                self.stack[slot + 1] = self_;
                return self.call_at(slot, argc, None).map(Some);
            }
            _ => {}
        }
        Ok(None)
    }

    /// A built-in called by bytecode with positional arguments.
    #[inline(never)]
    fn call_builtin_at(&mut self, slot: usize, args_start: usize, b: &Rc<Builtin>) -> PyResult<()> {
        if fast_kind(b) != FAST_NONE {
            if let Some(v) = self.call_builtin_fast(args_start, b) {
                self.stack.truncate_fast(slot);
                self.stack.push(v);
                // The arguments are gone: a generator passed in may be closed.
                self.close_pending_generators();
                return Ok(());
            }
        }
        self.call_with_buffer(slot, args_start, b.bound_self.as_ref(), |vm, args| {
            let no_kwargs = Kwargs::new();
            if vm.trace.wants_c_events() && !vm.trace.suspended() {
                // Checked inside the c_call event, as CPython checks.
                return vm.call_builtin_traced(b, args);
            }
            if let Some(def) = b.def {
                if let Err(e) = def.check(args, false) {
                    return match payload_receiver(def, args) {
                        Some(args) => vm.invoke_native(b, &args, &no_kwargs),
                        None => Err(e),
                    };
                }
            }
            if vm.builtin_call_counts(b, true, false) {
                vm.nested(" while calling a Python object", |vm| {
                    b.call(vm, args, &no_kwargs)
                })
            } else {
                b.call(vm, args, &no_kwargs)
            }
        })
    }

    /// Runs `call` on the positional arguments from `args_start` up (after
    /// `first`, a bound `self`), moved off the stack: up to
    /// `SMALL_ARGS` of them into an array on the Rust stack, more into a
    /// reused buffer (no allocation per call either way); the result
    /// takes the callable's place at `slot`.
    #[inline(always)]
    fn call_with_buffer(
        &mut self,
        slot: usize,
        args_start: usize,
        first: Option<&Value>,
        call: impl FnOnce(&mut Vm, &[Value]) -> PyResult<Value>,
    ) -> PyResult<()> {
        self.close_pending_generators();
        let n = self.stack.len() - args_start + first.is_some() as usize;
        let r = if n <= SMALL_ARGS {
            let mut args: [Value; SMALL_ARGS] = Default::default();
            let mut k = 0;
            if let Some(s) = first {
                // SAFETY: over the immediate `Default` put there: nothing
                // to drop (an assignment would drop it out of line).
                unsafe { std::ptr::write(&mut args[0], s.clone()) };
                k = 1;
            }
            self.stack.move_tail_into(args_start, &mut args[k..n]);
            let r = call(self, &args[..n]);
            for v in args {
                v.drop_fast();
            }
            r
        } else {
            let mut args = self.arg_buffers.pop().unwrap_or_default();
            if let Some(s) = first {
                args.push(s.clone());
            }
            self.stack.move_tail_to(args_start, &mut args);
            let r = call(self, &args);
            args.clear();
            if self.arg_buffers.len() < ARG_BUFFERS_KEPT && args.capacity() <= ARG_BUFFER_CAPACITY {
                self.arg_buffers.push(args);
            }
            r
        };
        let v = r?;
        self.stack.truncate_fast(slot);
        self.stack.push(v);
        // The arguments are gone: a generator passed in may be closed.
        self.close_pending_generators();
        Ok(())
    }

    /// The commonest calls of a few built-ins (`fast_kind`), as CPython
    /// 3.11's specialized `PRECALL_NO_KW_LEN`, `_ISINSTANCE` and
    /// `_LIST_APPEND` run them: the arguments read where they are on the
    /// stack, no call through `Builtin::func`. None: the general path
    /// decides (other argument types or counts, a profiler taking
    /// `c_call` events, a call that would reach the recursion limit).
    #[inline(always)]
    fn call_builtin_fast(&mut self, args_start: usize, b: &Builtin) -> Option<Value> {
        if b.bound_self.is_some()
            || self.trace.wants_c_events()
            || (self.may_be_at_recursion_limit() && self.builtin_call_counts(b, true, false))
        {
            return None;
        }
        self.close_pending_generators();
        let args = &self.stack[args_start..];
        match (fast_kind(b), args) {
            (FAST_LEN, [v]) => {
                let n = crate::builtins::container_len(v)?;
                Some(Value::Int(n as i64))
            }
            (FAST_ISINSTANCE, [v, Value::Class(c)]) => {
                Some(Value::Bool(self.types.type_of(v).is_subclass(c)))
            }
            (FAST_LIST_APPEND, [Value::List(l), v]) => {
                l.try_push(v.clone()).ok()?;
                Some(Value::None)
            }
            _ => None,
        }
    }

    /// `call_builtin_at` while a profiler wants `c_call` events.
    #[cold]
    fn call_builtin_traced(&mut self, b: &Rc<Builtin>, args: &[Value]) -> PyResult<Value> {
        let callable = Value::Builtin(b.clone());
        let traced = !silent_native(b, args);
        let no_kwargs = Kwargs::new();
        if self.builtin_call_counts(b, true, false) {
            self.nested(" while calling a Python object", |vm| {
                vm.call_native(traced, &callable, b, args, &no_kwargs)
            })
        } else {
            self.call_native(traced, &callable, b, args, &no_kwargs)
        }
    }

    /// A call of a built-in type other than an exception (`range(n)`, `int(s)`).
    fn construct_builtin_class(
        &mut self,
        c: &Rc<Class>,
        args: &[Value],
        kwargs: &Kwargs,
        from_bytecode: bool,
    ) -> PyResult<Value> {
        // CPython 3.11 counts a level for a call of `int` (no vectorcall),
        // and of `str` until the call site is specialized.
        let counts = match c.kind {
            TypeKind::Int => true,
            TypeKind::Str => {
                !(from_bytecode && self.caller_is_warm() && args.len() == 1 && kwargs.is_empty())
            }
            _ => false,
        };
        if counts {
            return self.nested(" while calling a Python object", |vm| {
                crate::builtins::construct_builtin(vm, c, args, kwargs)
            });
        }
        crate::builtins::construct_builtin(self, c, args, kwargs)
    }

    /// A built-in type other than an exception called by bytecode with
    /// positional arguments.
    #[inline(never)]
    fn construct_builtin_at(
        &mut self,
        slot: usize,
        args_start: usize,
        c: &Rc<Class>,
    ) -> PyResult<()> {
        if c.kind == TypeKind::Range {
            if let Some(r) = crate::value::RangeObj::from_int_args(&self.stack[args_start..]) {
                // Ints in, a range out: no arguments to collect or drop.
                self.stack.truncate_fast(slot);
                self.stack.push(Value::Range(Rc::new(r)));
                return Ok(());
            }
        }
        if c.kind == TypeKind::List && args_start == self.stack.len() {
            // `list()`: nothing to parse.
            self.stack.truncate_fast(slot);
            self.stack.push(Value::list(Vec::new()));
            return Ok(());
        }
        self.call_with_buffer(slot, args_start, None, |vm, args| {
            vm.construct_builtin_class(c, args, &Kwargs::new(), true)
        })
    }

    /// Makes the cells of a frame laid out at `base` (captured parameters
    /// move into theirs) and installs the closure's cells.
    fn init_cells(&mut self, f: &Rc<Function>, base: usize) {
        let nv = f.code.varnames.len();
        let nc = f.code.cellvars.len();
        for (i, c) in f.code.cell2arg.iter().enumerate() {
            let init = match c {
                Some(a) => std::mem::replace(&mut self.stack[base + *a as usize], Value::Null),
                None => Value::Null,
            };
            self.stack[base + nv + i] = Value::Cell(crate::gc::alloc(RefCell::new(init)));
        }
        for (i, cell) in f.closure.iter().enumerate() {
            self.stack[base + nv + nc + i] = Value::Cell(cell.clone());
        }
    }

    /// `CallEx`: `[NULL|meth, callable, args_tuple, kwargs_dict?]`.
    pub(crate) fn call_ex(&mut self, flags: u32) -> PyResult<bool> {
        let kwargs_v = if flags & 1 != 0 {
            self.stack.pop()
        } else {
            None
        };
        let args_v = self.stack.pop().unwrap();
        let callable = self.stack.pop().unwrap();
        let null = self.stack.pop().unwrap();
        let slot = self.stack.len();
        let mut args = match &args_v {
            Value::Tuple(t) => (**t).clone(),
            Value::List(l) => l.borrow().clone(),
            other => match self.collect_sized(other) {
                Ok(items) => items,
                Err(e)
                    if !self.is_iterable(other)
                        && self.err_is(&e, crate::value::ExcType::TypeError) =>
                {
                    return Err(PyErr::type_error(format!(
                        "{} argument after * must be an iterable, not {}",
                        self.function_str(&callable)?,
                        other.type_name()
                    )))
                }
                Err(e) => return Err(e),
            },
        };
        if !matches!(null, Value::Null) {
            args.insert(0, callable.clone());
        }
        let mut kwargs: Kwargs = vec![];
        if let Some(Value::Dict(d)) = kwargs_v {
            for (k, v) in d.borrow().iter() {
                match k {
                    Value::Str(s) => kwargs.push((s.clone(), v.clone())),
                    _ => return Err(PyErr::type_error("keywords must be strings")),
                }
            }
        }
        self.close_pending_generators();
        self.c_events_armed = true;
        let r = self.call_generic(callable, args, kwargs, slot, OnReturn::Push);
        self.c_events_armed = false;
        match r? {
            Called::Frame => Ok(true),
            Called::Value(v) => {
                self.stack.push(v);
                self.close_pending_generators();
                Ok(false)
            }
        }
    }

    /// Calls `callable` from native code and returns its result (re-enters the loop).
    pub fn call_value(
        &mut self,
        callable: &Value,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Value> {
        self.c_events_armed = false;
        let slot = self.stack.len();
        if let Value::Function(f) = callable {
            if kwargs.is_empty() && missing_defaults(f, args.len()).is_some() {
                // Lay the call out as bytecode would and take the in-place path.
                let n = args.len();
                self.stack.push(Value::Null);
                self.stack.push(callable.clone());
                self.stack.extend(args);
                return self.call_laid_out(slot, n);
            }
        }
        match self.call_generic(callable.clone(), args, kwargs, slot, OnReturn::Push)? {
            Called::Value(v) => Ok(v),
            Called::Frame => self.run_entry(),
        }
    }

    /// `call_value` with `N` positional arguments and no keywords: a krait
    /// function gets them on the value stack directly, with no argument `Vec`.
    pub fn call_with<const N: usize>(
        &mut self,
        callable: &Value,
        args: [Value; N],
    ) -> PyResult<Value> {
        self.call_owned(callable.clone(), args)
    }

    /// `call_with` taking the callable: it goes onto the value stack without
    /// a copy (trace and profile functions are called so, once per event).
    pub fn call_owned<const N: usize>(
        &mut self,
        callable: Value,
        args: [Value; N],
    ) -> PyResult<Value> {
        if let Value::Function(f) = &callable {
            if let Some(missing) = missing_defaults(f, N) {
                let f = f.clone();
                self.c_events_armed = false;
                let slot = self.stack.len();
                self.stack.push(Value::Null);
                self.stack.push(callable);
                self.stack.extend(args);
                // What call_at does with this layout, without looking at it again.
                return match self.enter_plain_call(f, slot, slot + 2, N, missing) {
                    Ok(_) => self.run_entry(),
                    Err(e) => {
                        self.stack.truncate(slot);
                        Err(e)
                    }
                };
            }
        }
        self.call_value(&callable, args.into(), vec![])
    }

    /// Runs the call laid out at `slot` (NULL, callable, `n` arguments) to its result.
    pub(crate) fn call_laid_out(&mut self, slot: usize, n: usize) -> PyResult<Value> {
        match self.call_at(slot, n, None) {
            Ok(true) => self.run_entry(),
            Ok(false) => Ok(self.stack.pop().unwrap_or(Value::None)),
            Err(e) => {
                self.stack.truncate(slot);
                Err(e)
            }
        }
    }

    /// Runs the just-pushed top frame to completion as an entry frame.
    pub(crate) fn run_entry(&mut self) -> PyResult<Value> {
        // Above it may sit the trace function of its call event (`enter_call_hooks`).
        let mut top = self.frames.len() - 1;
        if let OnReturn::TraceEvent(_) = self.frames[top].on_return {
            top -= 1;
        }
        self.frames[top].is_entry = true;
        self.frames[top].plain_return = false;
        // Re-entering the loop is Rust recursion (not counted: the frame is).
        self.with_stack(|vm| vm.run_loop())
    }

    /// Calls anything. Krait functions get a frame (not yet run).
    pub(crate) fn call_generic(
        &mut self,
        callable: Value,
        mut args: Vec<Value>,
        kwargs: Kwargs,
        ret_slot: usize,
        on_return: OnReturn,
    ) -> PyResult<Called> {
        match &callable {
            Value::Function(f) => {
                if matches!(on_return, OnReturn::Init(_)) {
                    self.check_init_frame()?;
                } else if self.at_recursion_limit() {
                    return Err(self.recursion_error());
                }
                let locals = self.bind_args(f, args, kwargs)?;
                if f.code.flags & CO_GENERATOR != 0 {
                    let gen = GenState::new(f.clone(), locals);
                    return Ok(Called::Value(Value::Iter(crate::gc::alloc(RefCell::new(
                        IterObj::Generator(gen),
                    )))));
                }
                self.stack.truncate(ret_slot);
                let base = self.stack.len();
                self.stack.extend(locals);
                self.push_frame(f.clone(), base, ret_slot, on_return, None);
                self.enter_call_hooks()?;
                Ok(Called::Frame)
            }
            Value::BoundMethod(m) => {
                args.insert(0, m.self_.clone());
                self.call_generic(m.func.clone(), args, kwargs, ret_slot, on_return)
            }
            Value::Builtin(b) => {
                if let Some(s) = &b.bound_self {
                    args.insert(0, s.clone());
                }
                // Only calls made by bytecode report c_call events.
                let from_bytecode = std::mem::take(&mut self.c_events_armed);
                let traced = from_bytecode
                    && self.trace.wants_c_events()
                    && !self.trace.suspended()
                    && !silent_native(b, &args);
                let v = if self.builtin_call_counts(b, from_bytecode, !kwargs.is_empty()) {
                    self.nested(" while calling a Python object", |vm| {
                        vm.call_native(traced, &callable, b, &args, &kwargs)
                    })?
                } else {
                    self.call_native(traced, &callable, b, &args, &kwargs)?
                };
                Ok(Called::Value(v))
            }
            Value::Class(c) => self.instantiate(c.clone(), args, kwargs, ret_slot),
            Value::Instance(inst) => match inst.class.lookup("__call__") {
                Some(m) => {
                    args.insert(0, callable.clone());
                    self.call_generic(m, args, kwargs, ret_slot, on_return)
                }
                None => Err(PyErr::type_error(format!(
                    "'{}' object is not callable",
                    callable.type_name()
                ))),
            },
            Value::Descr(d) => match &**d {
                Descr::Partial {
                    func,
                    args: pargs,
                    kwargs: pkw,
                } => {
                    // A type's instance in CPython: what it calls reports no c_call.
                    self.c_events_armed = false;
                    let mut all = pargs.clone();
                    all.extend(args);
                    let mut kw = pkw.clone();
                    for (k, v) in kwargs {
                        kw.retain(|(n, _)| n.as_str() != k.as_str());
                        kw.push((k, v));
                    }
                    self.call_generic(func.clone(), all, kw, ret_slot, on_return)
                }
                Descr::StaticMethod(f) => {
                    self.call_generic(f.clone(), args, kwargs, ret_slot, on_return)
                }
                Descr::LruCache(_) => {
                    // A type's instance in CPython: no c_call, and a call
                    // through `tp_call`, which enters a recursion level.
                    self.c_events_armed = false;
                    let v = self.nested(" while calling a Python object", |vm| {
                        crate::builtins::lru_cache_call(vm, &callable, args, kwargs)
                    })?;
                    Ok(Called::Value(v))
                }
                Descr::Getter {
                    kind,
                    items,
                    kwargs: given,
                } => {
                    // A type's instance in CPython: its calls report no c_call.
                    self.c_events_armed = false;
                    let v =
                        crate::builtins::call_getter(self, *kind, items, given, &args, &kwargs)?;
                    Ok(Called::Value(v))
                }
                _ => Err(PyErr::type_error(format!(
                    "'{}' object is not callable",
                    callable.type_name()
                ))),
            },
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not callable",
                callable.type_name()
            ))),
        }
    }

    #[inline]
    fn call_native(
        &mut self,
        traced: bool,
        f: &Value,
        b: &Builtin,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        if traced {
            self.call_native_traced(f, b, args, kwargs)
        } else {
            self.invoke_native(b, args, kwargs)
        }
    }

    /// Runs a native; keywords reach only natives that read them.
    #[inline]
    fn invoke_native(&mut self, b: &Builtin, args: &[Value], kwargs: &Kwargs) -> PyResult<Value> {
        if let Some(def) = b.def {
            if let Err(e) = def.check(args, !kwargs.is_empty()) {
                return match payload_receiver(def, args) {
                    Some(args) => self.invoke_native(b, &args, kwargs),
                    None => Err(e),
                };
            }
        }
        if !kwargs.is_empty() && !crate::builtins::reads_keywords(b) {
            return Err(crate::builtins::keywords_refused(b));
        }
        b.call(self, args, kwargs)
    }

    /// A built-in called while tracing is on: `c_call`, `c_return`, `c_exception`.
    #[cold]
    fn call_native_traced(
        &mut self,
        f: &Value,
        b: &Builtin,
        args: &[Value],
        kwargs: &Kwargs,
    ) -> PyResult<Value> {
        if let Some(def) = b.def {
            if let Err(e) = def.check_receiver(args) {
                payload_receiver(def, args).ok_or(e)?;
            }
        }
        self.c_event(crate::trace::Event::CCall, f)?;
        match self.invoke_native(b, args, kwargs) {
            Ok(v) => {
                if self.trace.wants_c_events() {
                    self.c_event(crate::trace::Event::CReturn, f)?;
                }
                Ok(v)
            }
            Err(e) => {
                if self.trace.wants_c_events() {
                    self.c_event(crate::trace::Event::CException, f)?;
                }
                Err(e)
            }
        }
    }

    /// `c[k]` on an instance whose class defines `__getitem__` as a plain
    /// function: laid out as a method call and its frame pushed to run in
    /// the dispatch loop (CPython 3.11's `BINARY_SUBSCR_GETITEM`), not in a
    /// nested run through `getitem`. `None` for anything else.
    pub(crate) fn push_getitem_frame(&mut self, c: &Value, k: &Value) -> Option<PyResult<bool>> {
        let Value::Instance(inst) = c else {
            return None;
        };
        let Some(Value::Function(f)) = self.user_dunder(&inst.class, "__getitem__") else {
            return None;
        };
        let missing = missing_defaults(&f, 2)?;
        let slot = self.stack.len();
        self.stack.push(Value::Function(f.clone()));
        self.stack.push(c.clone());
        self.stack.push(k.clone());
        Some(self.enter_plain_call(f, slot, slot + 1, 2, missing))
    }

    /// A keyword call of a plain function (no `*args`, `**kwargs`,
    /// keyword-only parameters or generator): the keyword arguments moved
    /// into their parameters' slots and the rest's defaults filled in, as a
    /// positional call is laid out (CPython 3.11 binds keywords in the new
    /// frame too). `None`, with nothing moved, when a name does not bind
    /// cleanly: `bind_args` then raises CPython's error.
    fn enter_kw_call(
        &mut self,
        f: &Rc<Function>,
        slot: usize,
        args_start: usize,
        nargs: usize,
        names: &[Value],
    ) -> Option<PyResult<bool>> {
        const MAX_KW: usize = 8;
        let code = &f.code;
        let argc = code.argcount as usize;
        if code.flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR) != 0
            || code.kwonlyargcount != 0
            || names.len() > MAX_KW
            || nargs > argc
            || argc > 64
        {
            return None;
        }
        let npos = nargs - names.len();
        let mut target = [0usize; MAX_KW];
        let mut bound = 0u64;
        for (k, name) in names.iter().enumerate() {
            let Value::Str(name) = name else { return None };
            let j = (code.posonlyargcount as usize..argc).find(|&j| {
                let p = &code.varnames[j];
                Rc::ptr_eq(p, name) || p.as_str() == name.as_str()
            })?;
            if j < npos || bound & (1 << j) != 0 {
                return None;
            }
            bound |= 1 << j;
            target[k] = j;
        }
        let first_default = argc.saturating_sub(f.defaults.len());
        if (npos..first_default).any(|j| bound & (1 << j) == 0) {
            return None;
        }
        let mut values: [Value; MAX_KW] = Default::default();
        for v in values[..names.len()].iter_mut().rev() {
            *v = self.stack.pop()?;
        }
        for j in npos..argc {
            self.stack.push(match bound & (1 << j) {
                0 => f.defaults[j - first_default].clone(),
                _ => Value::Null,
            });
        }
        for (k, v) in values[..names.len()].iter_mut().enumerate() {
            self.stack[args_start + target[k]] = std::mem::take(v);
        }
        Some(self.enter_plain_call(f.clone(), slot, args_start, argc, 0))
    }

    /// Enters `f`, whose arguments already sit where its locals go.
    /// (Inlined where LLVM sees fit: forced into all four callers, it cost
    /// 1-2% more instructions across the benchmarks than left to LLVM.)
    #[inline]
    fn enter_plain_call(
        &mut self,
        f: Rc<Function>,
        slot: usize,
        args_start: usize,
        nargs: usize,
        missing: usize,
    ) -> PyResult<bool> {
        if self.at_recursion_limit() {
            return Err(self.recursion_error());
        }
        push_defaults(&mut self.stack, &f, missing);
        let nargs = nargs + missing;
        let nlocals = f.code.nlocalsplus();
        if nlocals > nargs {
            self.stack.resize(args_start + nlocals, Value::Null);
        }
        if !f.code.cellvars.is_empty() || !f.closure.is_empty() {
            self.init_cells(&f, args_start);
        }
        self.push_frame(f, args_start, slot, OnReturn::Push, None);
        self.enter_call_hooks()?;
        Ok(true)
    }

    /// Calling a generator function with plain positional arguments: its
    /// suspended frame is laid out straight from the stack (what
    /// `call_generic` and `bind_args` do, without the argument `Vec`).
    fn new_generator(
        &mut self,
        f: Rc<Function>,
        slot: usize,
        args_start: usize,
        missing: usize,
    ) -> PyResult<bool> {
        self.close_pending_generators();
        if self.at_recursion_limit() {
            return Err(self.recursion_error());
        }
        let code = &f.code;
        // Room for the whole frame: suspending it never grows the buffer.
        let mut locals = Vec::with_capacity(code.frame_size());
        self.stack.move_tail_to(args_start, &mut locals);
        push_defaults(&mut locals, &f, missing);
        locals.resize(code.nlocalsplus(), Value::Null);
        make_cells(&f, &mut locals);
        let gen = GenState::new(f, locals);
        self.stack.truncate(slot);
        self.stack.push(Value::Iter(crate::gc::alloc(RefCell::new(
            IterObj::Generator(gen),
        ))));
        // The arguments are gone: a generator passed in may be closed.
        self.close_pending_generators();
        Ok(false)
    }

    pub(crate) fn push_frame(
        &mut self,
        f: Rc<Function>,
        base: usize,
        ret_slot: usize,
        on_return: OnReturn,
        locals: Option<Rc<RefCell<Dict>>>,
    ) {
        if matches!(on_return, OnReturn::Init(_)) {
            self.init_frames.push(self.frames.len());
        }
        self.push_function_frame(f, base, ret_slot, on_return, locals);
    }

    #[inline(always)]
    pub(crate) fn push_function_frame(
        &mut self,
        f: Rc<Function>,
        base: usize,
        ret_slot: usize,
        on_return: OnReturn,
        locals: Option<Rc<RefCell<Dict>>>,
    ) {
        f.code.warmup.set(f.code.warmup.get().saturating_add(1));
        let plain_return = matches!(on_return, OnReturn::Push)
            && (!self.trace.on() || self.line_sites.on())
            && self.frames.last().is_some_and(|caller| !caller.traced);
        self.frames.push(Frame {
            code: f.code.clone(),
            ip: 0,
            base,
            ret_slot,
            globals: f.globals.clone(),
            locals,
            func: Some(f),
            on_return,
            obj: None,
            traced: false,
            is_entry: false,
            plain_return,
            prev_ip: u32::MAX,
            prev_exact: false,
            #[cfg(debug_assertions)]
            shadow_prev: u32::MAX,
            last_line: 0,
            gen: None,
            sink: false,
        });
    }

    /// The dispatch loop's inline `Call` path, while nothing traces: a
    /// krait function called with exactly its positional parameters, with
    /// no cells (`Code::simple_argcount`), gets its frame pushed here and
    /// its first slot returned. None: the general path (`call_at`) decides,
    /// also when the recursion limit may be reached.
    #[inline(always)]
    pub(crate) fn enter_simple_call(&mut self, slot: usize, argc: usize) -> Option<usize> {
        let is_meth = !matches!(self.stack.slot(slot), Value::Null);
        let args_start = slot + 2 - is_meth as usize;
        let Value::Function(f) = self.stack.slot(args_start - 1) else {
            return None;
        };
        if f.code.simple_argcount as usize != argc + is_meth as usize || self.needs_general_call() {
            return None;
        }
        let f = f.clone();
        // The room the dispatch loop makes when it enters a frame.
        self.stack.reserve_to(args_start + f.code.frame_size());
        self.stack.fill_nulls_to(args_start + f.code.nlocalsplus());
        self.push_function_frame(f, args_start, slot, OnReturn::Push, None);
        Some(args_start)
    }

    /// Lays out a function's localsplus from call arguments.
    pub(crate) fn bind_args(
        &mut self,
        f: &Rc<Function>,
        args: Vec<Value>,
        kwargs: Kwargs,
    ) -> PyResult<Vec<Value>> {
        let code = &f.code;
        let name = f.qualname.borrow().clone();
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & CO_VARARGS != 0;
        let has_varkw = code.flags & CO_VARKEYWORDS != 0;
        let mut locals = vec![Value::Null; code.nlocalsplus()];
        let nargs = args.len();
        let mut extra = vec![];
        for (i, a) in args.into_iter().enumerate() {
            if i < argcount {
                locals[i] = a;
            } else {
                extra.push(a);
            }
        }
        if !extra.is_empty() && !has_varargs {
            let ndefaults = f.defaults.len();
            let given = nargs;
            let kw_given = kwargs
                .iter()
                .filter(|(k, _)| {
                    code.varnames[argcount..argcount + kwonly]
                        .iter()
                        .any(|v| v == k)
                })
                .count();
            let takes = if ndefaults > 0 {
                format!(
                    "from {} to {} positional arguments",
                    argcount - ndefaults,
                    argcount
                )
            } else {
                format!(
                    "{} positional argument{}",
                    argcount,
                    if argcount == 1 { "" } else { "s" }
                )
            };
            let kwpart = if kw_given > 0 {
                format!(
                    " positional argument{} (and {} keyword-only argument{})",
                    if given == 1 { "" } else { "s" },
                    kw_given,
                    if kw_given == 1 { "" } else { "s" }
                )
            } else {
                String::new()
            };
            return Err(PyErr::type_error(if kw_given > 0 {
                format!(
                    "{}() takes {} but {}{} were given",
                    name.as_str(),
                    takes,
                    given,
                    kwpart
                )
            } else {
                format!(
                    "{}() takes {} but {} {} given",
                    name.as_str(),
                    takes,
                    given,
                    if given == 1 { "was" } else { "were" }
                )
            }));
        }
        let varargs_slot = argcount + kwonly;
        let varkw_slot = varargs_slot + has_varargs as usize;
        if has_varargs {
            locals[varargs_slot] = Value::tuple(extra);
        }
        let mut kwdict = if has_varkw { Some(Dict::new()) } else { None };
        let posonly = code.posonlyargcount as usize;
        // Kept only for the positional-only error below (a rare signature).
        let kwargs_names: Vec<Str> = if posonly > 0 && kwdict.is_none() {
            kwargs.iter().map(|(k, _)| k.clone()).collect()
        } else {
            vec![]
        };
        for (k, v) in kwargs {
            let pos = code.varnames[..argcount + kwonly]
                .iter()
                .position(|n| n.as_str() == k.as_str())
                .filter(|p| *p >= posonly);
            match pos {
                Some(p) => {
                    if !matches!(locals[p], Value::Null) {
                        return Err(PyErr::type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            name.as_str(),
                            k.as_str()
                        )));
                    }
                    locals[p] = v;
                }
                None => match &mut kwdict {
                    Some(d) => d.insert(crate::value::DictKey::new(Value::Str(k))?, v),
                    None => {
                        // CPython names every positional-only parameter
                        // passed by keyword, if any.
                        let posonly_names: Vec<&str> = code.varnames[..posonly]
                            .iter()
                            .map(|p| p.as_str())
                            .filter(|p| kwargs_names.iter().any(|n| n.as_str() == *p))
                            .collect();
                        if !posonly_names.is_empty() {
                            return Err(PyErr::type_error(format!(
                                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                                name.as_str(),
                                posonly_names.join(", ")
                            )));
                        }
                        return Err(PyErr::type_error(format!(
                            "{}() got an unexpected keyword argument '{}'",
                            name.as_str(),
                            k.as_str()
                        )));
                    }
                },
            }
        }
        if let Some(d) = kwdict {
            locals[varkw_slot] = Value::dict(d);
        }
        // Defaults for missing positional parameters.
        let ndefaults = f.defaults.len();
        let mut missing = vec![];
        for (i, slot) in locals.iter_mut().enumerate().take(argcount) {
            if matches!(slot, Value::Null) {
                if i >= argcount - ndefaults {
                    *slot = f.defaults[i - (argcount - ndefaults)].clone();
                } else {
                    missing.push(code.varnames[i].as_str().to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                name.as_str(),
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                join_names(&missing)
            )));
        }
        let mut missing_kw = vec![];
        for (i, slot) in locals
            .iter_mut()
            .enumerate()
            .take(argcount + kwonly)
            .skip(argcount)
        {
            if matches!(slot, Value::Null) {
                let n = &code.varnames[i];
                match f.kwdefaults.iter().find(|(k, _)| k.as_str() == n.as_str()) {
                    Some((_, v)) => *slot = v.clone(),
                    None => missing_kw.push(n.as_str().to_string()),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                name.as_str(),
                missing_kw.len(),
                if missing_kw.len() == 1 { "" } else { "s" },
                join_names(&missing_kw)
            )));
        }
        make_cells(f, &mut locals);
        Ok(locals)
    }

    /// `C(args)`: a new instance, then `__init__`.
    fn instantiate(
        &mut self,
        c: Rc<Class>,
        args: Vec<Value>,
        kwargs: Kwargs,
        ret_slot: usize,
    ) -> PyResult<Called> {
        if !c.is_user && !c.is_exception() {
            let from_bytecode = self.c_events_armed;
            return self
                .construct_builtin_class(&c, &args, &kwargs, from_bytecode)
                .map(Called::Value);
        }
        if !c.is_exception() {
            if let Some(new) = c.lookup_user("__new__") {
                return self.instantiate_with_new(c, new, args, kwargs, ret_slot);
            }
        }
        if c.is_user && !c.is_exception() && c.kind != TypeKind::Object {
            return self.instantiate_builtin_subclass(c, args, kwargs, ret_slot);
        }
        let inst = Value::Instance(crate::gc::alloc(Instance::new(c.clone())));
        if c.is_exception() {
            let n = self.intern("args");
            if let Value::Instance(i) = &inst {
                i.set_attr(n, Value::tuple(args.clone()));
            }
        }
        match c.lookup_user("__init__") {
            None if !c.is_exception() && (!args.is_empty() || !kwargs.is_empty()) => Err(
                PyErr::type_error(format!("{}() takes no arguments", c.name.as_str())),
            ),
            init => self.run_init(inst, init, args, kwargs, ret_slot),
        }
    }

    /// `C(args)` for a subclass of a built-in type `T` with no `__new__` of
    /// its own: `T.__new__` makes the instance (an immutable type's from
    /// the arguments), then the class's `__init__` runs, or else, for a
    /// mutable type, `T.__init__` fills it from the arguments.
    #[cold]
    fn instantiate_builtin_subclass(
        &mut self,
        c: Rc<Class>,
        args: Vec<Value>,
        kwargs: Kwargs,
        ret_slot: usize,
    ) -> PyResult<Called> {
        let Some(base) = crate::builtins::subclass::builtin_base(&c).cloned() else {
            return Err(PyErr::type_error(format!(
                "krait does not support subclassing '{}'",
                kind_name(c.kind)
            )));
        };
        let init = c.lookup_user("__init__");
        let obj = if init.is_none() && base.kind.mutable_payload() {
            // Made and filled at once: what `T.__init__` would put in.
            let payload = crate::builtins::construct_builtin(self, &base, &args, &kwargs)?;
            Value::Instance(crate::gc::alloc(Instance::with_payload(c.clone(), payload)))
        } else {
            crate::builtins::subclass::make_instance(self, &c, &base, &args, &kwargs)?
        };
        self.run_init(obj, init, args, kwargs, ret_slot)
    }

    /// `C(args)` for a class with a `__new__` of its own, as `type.__call__`:
    /// `__new__(C, args)` makes the object; only if it is an instance of
    /// `C` does its class's `__init__` run, with the same arguments.
    #[cold]
    fn instantiate_with_new(
        &mut self,
        c: Rc<Class>,
        new: Value,
        args: Vec<Value>,
        kwargs: Kwargs,
        ret_slot: usize,
    ) -> PyResult<Called> {
        let new = match new {
            Value::Descr(d) => match &*d {
                Descr::StaticMethod(f) => f.clone(),
                _ => Value::Descr(d.clone()),
            },
            other => other,
        };
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(Value::Class(c.clone()));
        all.extend(args.iter().cloned());
        let obj = self.call_value(&new, all, kwargs.clone())?;
        let cls = match &obj {
            Value::Instance(i) if i.class.is_subclass(&c) => i.class.clone(),
            _ => return Ok(Called::Value(obj)),
        };
        let init = cls.lookup_user("__init__");
        self.run_init(obj, init, args, kwargs, ret_slot)
    }

    /// The `__init__` step of a class call: a krait function runs as a
    /// frame whose return gives back `obj`; anything else is called here.
    fn run_init(
        &mut self,
        obj: Value,
        init: Option<Value>,
        args: Vec<Value>,
        kwargs: Kwargs,
        ret_slot: usize,
    ) -> PyResult<Called> {
        let Some(init) = init else {
            return Ok(Called::Value(obj));
        };
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(obj.clone());
        all.extend(args);
        if let Value::Function(_) = init {
            return self.call_generic(init, all, kwargs, ret_slot, OnReturn::Init(obj));
        }
        self.call_value(&init, all, kwargs)?;
        Ok(Called::Value(obj))
    }

    /// `MakeFunction`: builds a function from the code object and what lies below it.
    pub(crate) fn make_function(
        &mut self,
        fi: usize,
        code_v: Value,
        flags: u32,
    ) -> PyResult<Value> {
        let Value::Code(code) = code_v else {
            return Err(PyErr::type_error("expected a code object"));
        };
        let closure = if flags & 8 != 0 {
            match self.stack.pop() {
                Some(Value::Tuple(t)) => t
                    .iter()
                    .map(|c| match c {
                        Value::Cell(c) => c.clone(),
                        _ => crate::gc::alloc(RefCell::new(Value::Null)),
                    })
                    .collect(),
                _ => vec![],
            }
        } else {
            vec![]
        };
        let annotations = if flags & 4 != 0 {
            match self.stack.pop() {
                Some(Value::Tuple(t)) => {
                    let mut d = Dict::new();
                    for pair in t.chunks(2) {
                        if let [Value::Str(k), v] = pair {
                            d.set_str(k.as_str(), v.clone());
                        }
                    }
                    Some(Value::dict(d))
                }
                _ => None,
            }
        } else {
            None
        };
        let kwdefaults = if flags & 2 != 0 {
            self.pop_str_keyed_dict()
        } else {
            vec![]
        };
        let defaults = if flags & 1 != 0 {
            match self.stack.pop() {
                Some(Value::Tuple(t)) => (*t).clone(),
                _ => vec![],
            }
        } else {
            vec![]
        };
        let doc = match code.consts.first() {
            Some(Value::Str(s)) if code.kind == CodeKind::Function => Value::Str(s.clone()),
            _ => Value::None,
        };
        // Read when the function is made, as CPython does: a later
        // assignment to the global `__name__` does not change it.
        let module = self.frames[fi]
            .globals
            .borrow()
            .get(&self.name_key)
            .cloned()
            .unwrap_or(Value::None);
        Ok(Value::Function(crate::gc::alloc(Function {
            name: RefCell::new(code.name.clone()),
            qualname: RefCell::new(code.qualname.clone()),
            globals: self.frames[fi].globals.clone(),
            code,
            defaults,
            kwdefaults,
            closure,
            doc: RefCell::new(doc),
            module: RefCell::new(module),
            annotations: RefCell::new(annotations.unwrap_or(Value::None)),
            dict: RefCell::new(None),
        })))
    }

    /// The dict the compiler left on top of the stack (keyword defaults, a
    /// class statement's keywords) as name-value pairs.
    fn pop_str_keyed_dict(&mut self) -> Kwargs {
        match self.stack.pop() {
            Some(Value::Dict(d)) => d
                .borrow()
                .iter()
                .filter_map(|(k, v)| match k {
                    Value::Str(s) => Some((s.clone(), v.clone())),
                    _ => None,
                })
                .collect(),
            _ => vec![],
        }
    }

    /// `BuildClass`: `[body_fn, name, base?]`; pushes the body's frame.
    pub(crate) fn build_class(&mut self, arg: u32) -> PyResult<()> {
        let kwargs: Kwargs = if arg & BUILD_CLASS_KWARGS != 0 {
            self.pop_str_keyed_dict()
        } else {
            vec![]
        };
        let base = if arg & 0xff == 1 {
            self.stack.pop()
        } else {
            None
        };
        let name = self.stack.pop().unwrap();
        let body = self.stack.pop().unwrap();
        let ret_slot = self.stack.len();
        // CPython calls the built-in `__build_class__`: profilers see it.
        let c_traced = self.trace.on() && self.trace.wants_c_events() && !self.trace.suspended();
        if c_traced {
            self.build_class_c_event(crate::trace::Event::CCall)?;
        }
        let mut orig_bases = None;
        let checked = match base {
            None => Ok(None),
            Some(Value::Class(c)) => check_base(&c).map(|()| Some(c)),
            Some(other) => {
                orig_bases = Some(Value::tuple(vec![other.clone()]));
                self.mro_entries(other)
            }
        };
        let base = match checked {
            Ok(b) => b,
            Err(e) if c_traced && self.trace.wants_c_events() => {
                return Err(self
                    .build_class_c_event(crate::trace::Event::CException)
                    .err()
                    .unwrap_or(e))
            }
            Err(e) => return Err(e),
        };
        let (Value::Function(f), Value::Str(name)) = (body, name) else {
            return Err(PyErr::type_error("bad class statement"));
        };
        let ns = crate::gc::alloc(RefCell::new(Dict::new()));
        let locals = self.bind_args(&f, vec![], vec![])?;
        let b = self.stack.len();
        self.stack.extend(locals);
        self.push_frame(
            f.clone(),
            b,
            ret_slot,
            OnReturn::ClassBody(Box::new(super::frame::ClassBody {
                name,
                base,
                ns: ns.clone(),
                kwargs,
                c_traced,
                orig_bases,
            })),
            Some(ns),
        );
        self.enter_frame_hooks()?;
        Ok(())
    }

    /// A `c_*` event for `__build_class__` in the top frame.
    #[cold]
    pub(crate) fn build_class_c_event(&mut self, e: crate::trace::Event) -> PyResult<()> {
        let f = self
            .builtins
            .borrow()
            .get_str("__build_class__")
            .cloned()
            .unwrap_or_else(build_class_builtin);
        self.c_event(e, &f)
    }

    /// The class is made: `c_return` if a profiler is still there.
    #[cold]
    pub(crate) fn build_class_c_return(&mut self) -> PyResult<()> {
        if self.trace.wants_c_events() {
            self.build_class_c_event(crate::trace::Event::CReturn)?;
        }
        Ok(())
    }

    /// A base that is not a class: what its `__mro_entries__` gives in
    /// its place (`class S(Generic[T])`, `class L(list[int])`), as
    /// CPython's `__build_class__` resolves it.
    #[cold]
    fn mro_entries(&mut self, base: Value) -> PyResult<Option<Rc<Class>>> {
        let not_type =
            || PyErr::type_error(format!("bases must be types, not {}", base.type_name()));
        let Value::Instance(i) = &base else {
            return Err(not_type());
        };
        let Some(m) = self.user_dunder(&i.class, "__mro_entries__") else {
            return Err(not_type());
        };
        let entries = self.call_special(&m, &base, [Value::tuple(vec![base.clone()])])?;
        let Value::Tuple(t) = entries else {
            return Err(PyErr::type_error("__mro_entries__ must return a tuple"));
        };
        match &t[..] {
            [] => Ok(None),
            [Value::Class(c)] => check_base(c).map(|()| Some(c.clone())),
            [other] => Err(PyErr::type_error(format!(
                "bases must be types, not {}",
                other.type_name()
            ))),
            _ => Err(PyErr::type_error(
                "krait does not support multiple inheritance",
            )),
        }
    }

    /// Makes the class object when its body has run (then `c_return` for
    /// `__build_class__` when its `c_call` was reported).
    #[inline(never)]
    pub(crate) fn finish_class(
        &mut self,
        body: super::frame::ClassBody,
        cell: Value,
    ) -> PyResult<Value> {
        let super::frame::ClassBody {
            name,
            base,
            ns,
            kwargs,
            c_traced,
            orig_bases,
        } = body;
        let base = base.unwrap_or_else(|| self.types.object.clone());
        let mut dict = AttrMap::default();
        for (k, v) in ns.borrow().iter() {
            if let Value::Str(s) = k {
                dict.insert(s.clone(), v.clone());
            }
        }
        if let Some(b) = orig_bases {
            dict.insert(self.intern("__orig_bases__"), b);
        }
        let qualname = match dict.get(&crate::value::class::NameRef("__qualname__")) {
            Some(Value::Str(q)) => q.clone(),
            _ => name.clone(),
        };
        let module = match dict.get(&crate::value::class::NameRef("__module__")) {
            Some(Value::Str(m)) => m.clone(),
            _ => self.intern("__main__"),
        };
        let cls = self.new_user_class(name, qualname, module, base, dict);
        if let Value::Cell(c) = cell {
            *c.borrow_mut() = Value::Class(cls.clone());
        }
        self.class_created(&cls, kwargs)?;
        if c_traced {
            self.build_class_c_return()?;
        }
        Ok(Value::Class(cls))
    }

    /// A user class object (from a `class` statement or `type(name, bases, dict)`).
    pub(crate) fn new_user_class(
        &mut self,
        name: Str,
        qualname: Str,
        module: Str,
        base: Rc<Class>,
        mut dict: AttrMap,
    ) -> Rc<Class> {
        // As type.__new__: `__qualname__` becomes the class's, not an attribute.
        dict.shift_remove(&crate::value::class::NameRef("__qualname__"));
        // As type.__new__: a plain function `__new__` is a static method,
        // `__init_subclass__` and `__class_getitem__` class methods.
        for (name, static_method) in [
            ("__new__", true),
            ("__init_subclass__", false),
            ("__class_getitem__", false),
        ] {
            if let Some(v) = dict.get_mut(&crate::value::class::NameRef(name)) {
                if let Value::Function(_) = v {
                    let f = std::mem::take(v);
                    *v = Value::Descr(crate::gc::alloc(match static_method {
                        true => Descr::StaticMethod(f),
                        false => Descr::ClassMethod(f),
                    }));
                }
            }
        }
        // As type.__new__: defining __eq__ without __hash__ makes instances unhashable.
        if dict.contains_key(&crate::value::class::NameRef("__eq__"))
            && !dict.contains_key(&crate::value::class::NameRef("__hash__"))
        {
            dict.insert(self.intern("__hash__"), Value::None);
        }
        for (k, v) in dict.iter() {
            self.note_attr_hook(k.as_str(), v);
        }
        crate::gc::alloc(Class {
            name,
            qualname,
            module,
            kind: base.kind,
            base: Some(base),
            is_user: true,
            dict: RefCell::new(dict),
            slot_hint: Default::default(),
        })
    }

    /// What `type.__new__` does once a class exists: `__set_name__` on its
    /// attributes, then the base's `__init_subclass__`.
    pub(crate) fn class_created(&mut self, cls: &Rc<Class>, kwargs: Kwargs) -> PyResult<()> {
        let names: Vec<Str> = cls.dict.borrow().keys().cloned().collect();
        for name in &names {
            refuse_unsupported_dunder(name.as_str(), cls)?;
        }
        if let Some(slots) = cls.lookup_user("__slots__") {
            // As type.__new__: slots are strings and no class variable shadows one.
            let items = match &slots {
                Value::Str(_) => vec![slots.clone()],
                other => self.collect(other)?,
            };
            for it in &items {
                let Value::Str(s) = it else {
                    return Err(PyErr::type_error(format!(
                        "__slots__ items must be strings, not '{}'",
                        it.type_name()
                    )));
                };
                let slot = crate::compile::symtable::mangle(Some(cls.name.as_str()), s.as_str());
                if names.iter().any(|n| n.as_str() == slot) {
                    return Err(PyErr::value_error(format!(
                        "'{}' in __slots__ conflicts with class variable",
                        s.as_str()
                    )));
                }
            }
        }
        let items: Vec<(Str, Value)> = cls
            .dict
            .borrow()
            .iter()
            .filter(|(_, v)| matches!(v, Value::Instance(_) | Value::Descr(_)))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in items {
            if let Value::Descr(d) = &v {
                if let crate::value::Descr::Property { name, .. } = &**d {
                    *name.borrow_mut() = Some(k.clone());
                }
            }
            if let Value::Instance(i) = &v {
                if let Some(m) = i.class.lookup_user("__set_name__") {
                    self.call_special(&m, &v, vec![Value::Class(cls.clone()), Value::Str(k)])?;
                }
            }
        }
        if let Some(base) = &cls.base {
            // An implicit class method: a plain function gets the new class.
            match base.lookup_user("__init_subclass__") {
                Some(Value::Descr(d)) => match &*d {
                    Descr::ClassMethod(f) => {
                        self.call_value(f, vec![Value::Class(cls.clone())], kwargs)?;
                    }
                    _ => {
                        return Err(PyErr::type_error(
                            "krait supports __init_subclass__ only as a plain or class method",
                        ))
                    }
                },
                Some(f) => {
                    self.call_value(&f, vec![Value::Class(cls.clone())], kwargs)?;
                }
                // object.__init_subclass__ takes nothing.
                None if !kwargs.is_empty() => {
                    return Err(PyErr::type_error(format!(
                        "{}.__init_subclass__() takes no keyword arguments",
                        cls.qualname.as_str()
                    )))
                }
                None => {}
            }
        }
        Ok(())
    }

    /// Binds a method-like value to an object, as attribute lookup does.
    pub fn bind(&self, f: Value, obj: Value) -> Value {
        Value::BoundMethod(crate::gc::alloc(BoundMethod {
            func: f,
            self_: obj,
        }))
    }

    /// The code object of a frame's function (for `super()`).
    pub fn current_code(&self) -> Option<Rc<Code>> {
        self.frames.last().map(|f| f.code.clone())
    }

    /// `raise` operands to an exception (instantiating classes, setting `__cause__`).
    pub(crate) fn make_raise(&mut self, e: Value, cause: Option<Value>) -> PyResult<PyErr> {
        let exc = match &e {
            Value::Class(c) if c.is_exception() => self.call_value(&e, vec![], vec![])?,
            Value::Instance(i) if i.class.is_exception() => e.clone(),
            _ => {
                return Ok(PyErr::type_error(
                    "exceptions must derive from BaseException",
                ));
            }
        };
        if let Some(c) = cause {
            let c = match &c {
                Value::Class(cl) if cl.is_exception() => self.call_value(&c, vec![], vec![])?,
                Value::Instance(i) if i.class.is_exception() => c.clone(),
                Value::None => Value::None,
                _ => {
                    return Ok(PyErr::type_error(
                        "exception causes must derive from BaseException",
                    ))
                }
            };
            if let Value::Instance(i) = &exc {
                i.set_attr(self.intern("__cause__"), c);
                i.set_attr(self.intern("__suppress_context__"), Value::Bool(true));
            }
        }
        Ok(PyErr::Obj(exc))
    }
}

/// Whether a call of native `b` reports no `c_call`: a slot wrapper, or a
/// native standing for a function CPython writes in Python (`FnDef::is_python`).
#[inline]
fn silent_native(b: &Builtin, args: &[Value]) -> bool {
    b.def.is_some_and(|d| d.is_python()) || is_slot_wrapper(b.name, args)
}

/// Whether a native method stands for one of CPython's slot wrappers
/// (`object.__init__`, `list.__len__`, ...), whose calls report no `c_call`:
/// a dunder, but for the few that built-in types define as plain methods.
pub(crate) fn is_slot_wrapper(name: &str, args: &[Value]) -> bool {
    if !(name.starts_with("__") && name.ends_with("__")) {
        return false;
    }
    match name {
        "__getitem__" => !matches!(
            args.first().map(Value::builtin_value),
            Some(Value::List(_) | Value::Dict(_))
        ),
        "__contains__" => !matches!(
            args.first().map(Value::builtin_value),
            Some(Value::Dict(_) | Value::Set(_) | Value::FrozenSet(_))
        ),
        "__format__" | "__reversed__" | "__sizeof__" | "__reduce__" | "__reduce_ex__"
        | "__dir__" | "__subclasshook__" | "__init_subclass__" | "__round__" | "__trunc__"
        | "__floor__" | "__ceil__" | "__getnewargs__" | "__length_hint__" | "__class_getitem__"
        | "__copy__" | "__deepcopy__" | "__getstate__" | "__instancecheck__"
        | "__subclasscheck__" | "__subclasses__" | "__new__" => false,
        _ => true,
    }
}

/// Whether a class statement may derive from `c`: a user class, `object`,
/// an exception, or a subclassable built-in type (`TypeKind::subclassable`).
/// The types CPython refuses too get its message; the others are krait's
/// limits, said as such.
pub(crate) fn check_base(c: &Class) -> PyResult<()> {
    if c.is_user || c.is_exception() || c.kind == TypeKind::Object || c.kind.subclassable() {
        return Ok(());
    }
    let cpython_allows = matches!(
        c.kind,
        TypeKind::FrozenSet
            | TypeKind::Type
            | TypeKind::Property
            | TypeKind::StaticMethod
            | TypeKind::ClassMethod
            | TypeKind::Super
            | TypeKind::Partial
            | TypeKind::Map
            | TypeKind::Filter
            | TypeKind::Zip
            | TypeKind::Reversed
            | TypeKind::Enumerate
    );
    Err(PyErr::type_error(if cpython_allows {
        format!(
            "krait does not support subclassing the built-in type '{}'",
            c.name.as_str()
        )
    } else {
        format!("type '{}' is not an acceptable base type", c.name.as_str())
    }))
}

/// A built-in type's method called on an instance of a subclass of that
/// type: the arguments with the built-in value it is as the receiver
/// (None: not such a call, the check's error stands).
#[cold]
fn payload_receiver(def: &crate::builtins::typedef::FnDef, args: &[Value]) -> Option<Vec<Value>> {
    let receives = def.receives?;
    let Some(Value::Instance(i)) = args.first() else {
        return None;
    };
    let p = i.payload().filter(|p| receives(p))?;
    let mut v = Vec::with_capacity(args.len());
    v.push(p.clone());
    v.extend_from_slice(&args[1..]);
    Some(v)
}

/// `BuildClass`'s flag: a dict of the class statement's keyword arguments
/// is on the stack.
pub const BUILD_CLASS_KWARGS: u32 = 0x100;

/// `builtins.__build_class__`: the `class` statement calls it in CPython;
/// krait compiles the statement to its own instruction instead.
pub fn build_class_builtin() -> Value {
    fn build_class(_: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
        Err(PyErr::type_error(
            "krait does not support calling __build_class__ directly",
        ))
    }
    crate::builtins::native("__build_class__", build_class)
}

/// Whether a call with `nargs` positional arguments maps them straight onto
/// the first locals (no defaults, keywords, `*args`, cells or generator).
#[inline]
/// Special methods CPython honours that krait does not run: defining one is
/// an error naming it, never a silently different program.
pub(crate) fn refuse_unsupported_dunder(name: &str, cls: &Class) -> PyResult<()> {
    let what = match name {
        "__new__" if cls.is_exception() => "__new__ in exception classes",
        "__del__" => "__del__ finalizers",
        _ => return Ok(()),
    };
    Err(PyErr::type_error(format!(
        "krait does not support {what} (defined in class '{}')",
        cls.name.as_str()
    )))
}

/// For a call of `f` with `nargs` positional arguments and no keywords
/// that binds them where they are: how many trailing defaults it takes
/// (None: the arguments need binding, `bind_args`).
#[inline]
fn missing_defaults(f: &Function, nargs: usize) -> Option<usize> {
    let code = &f.code;
    if code.flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR) != 0 || code.kwonlyargcount != 0 {
        return None;
    }
    let missing = (code.argcount as usize).checked_sub(nargs)?;
    (missing <= f.defaults.len()).then_some(missing)
}

/// Whether a call of `f` with `nargs` positional arguments laid out on the
/// stack takes the in-place path (`missing_defaults`).
#[inline]
pub(crate) fn takes_in_place(f: &Function, nargs: usize) -> bool {
    missing_defaults(f, nargs).is_some()
}

/// As `missing_defaults`, for a generator function: how many defaults a
/// call with `nargs` positional arguments takes.
fn generator_defaults(f: &Function, nargs: usize) -> Option<usize> {
    let code = &f.code;
    if code.flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR) != CO_GENERATOR
        || code.kwonlyargcount != 0
    {
        return None;
    }
    let missing = (code.argcount as usize).checked_sub(nargs)?;
    (missing <= f.defaults.len()).then_some(missing)
}

/// Fills in a new frame's localsplus (`bind_args` laid out): cells for
/// captured locals (a captured parameter moves into its cell), then the
/// closure's cells.
fn make_cells(f: &Function, locals: &mut [Value]) {
    let code = &f.code;
    let nv = code.varnames.len();
    for (i, c) in code.cell2arg.iter().enumerate() {
        let init = match c {
            Some(a) => std::mem::replace(&mut locals[*a as usize], Value::Null),
            None => Value::Null,
        };
        locals[nv + i] = Value::Cell(crate::gc::alloc(RefCell::new(init)));
    }
    let nc = code.cellvars.len();
    for (i, cell) in f.closure.iter().enumerate() {
        locals[nv + nc + i] = Value::Cell(cell.clone());
    }
}

/// Pushes the last `missing` defaults of `f` after its arguments.
#[inline]
fn push_defaults(stack: &mut Vec<Value>, f: &Function, missing: usize) {
    if missing > 0 {
        stack.extend_from_slice(&f.defaults[f.defaults.len() - missing..]);
    }
}

fn join_names(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!(
            "{}, and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    }
}

fn kind_name(k: TypeKind) -> &'static str {
    match k {
        TypeKind::Int => "int",
        TypeKind::Str => "str",
        TypeKind::List => "list",
        TypeKind::Dict => "dict",
        _ => "this built-in type",
    }
}

/// Built-ins CPython 3.11 implements as one-argument or varargs C
/// functions: a call counts a recursion level even once specialized.
fn always_counts(b: &crate::value::Builtin) -> bool {
    use crate::builtins::typedef::Params;
    // A module's METH_O and METH_NOARGS functions (`math.sqrt`,
    // `time.time`, `random.random`): CPython's calls of those always enter
    // a recursion level, specialized or not.
    if b.def.is_some_and(|d| {
        d.receives.is_none()
            && !d.owner.is_empty()
            && matches!(d.params, Params::One | Params::NoArgs)
    }) {
        return true;
    }
    match b.owner {
        None => matches!(
            b.name,
            "repr"
                | "ascii"
                | "abs"
                | "hash"
                | "any"
                | "all"
                | "min"
                | "max"
                | "callable"
                | "chr"
                | "ord"
                | "id"
                | "bin"
                | "hex"
                | "oct"
                | "vars"
                | "dir"
                | "zip"
                | "setrecursionlimit"
        ),
        Some(_) => matches!(
            b.name,
            "count" | "remove" | "extend" | "add" | "discard" | "join" | "format" | "update"
        ),
    }
}

const ALWAYS_COUNTS: u8 = 1;
const NEVER_COUNTS: u8 = 2;
const COUNTS_UNTIL_WARM: u8 = 3;

/// What `Builtin::counting` holds above the counting (its low two bits):
/// which of `Vm::call_builtin_fast`'s cases the built-in is, if any.
const FAST_NONE: u8 = 0;
const FAST_LEN: u8 = 1 << 2;
const FAST_ISINSTANCE: u8 = 2 << 2;
const FAST_LIST_APPEND: u8 = 3 << 2;

/// `always_counts`/`never_counts` of `b` and its `fast_kind`, worked out
/// once per built-in (they compare names).
#[inline]
fn classify(b: &crate::value::Builtin) -> u8 {
    let c = b.counting.get();
    if c != 0 {
        return c;
    }
    // A host's function: a C function of one module, whatever its name.
    let counting = if b.host.is_some() {
        b.counting.set(ALWAYS_COUNTS | FAST_NONE);
        return ALWAYS_COUNTS | FAST_NONE;
    } else if always_counts(b) {
        ALWAYS_COUNTS
    } else if never_counts(b) {
        NEVER_COUNTS
    } else {
        COUNTS_UNTIL_WARM
    };
    let fast = match (b.owner, b.name) {
        (None, "len") => FAST_LEN,
        (None, "isinstance") => FAST_ISINSTANCE,
        (Some("list"), "append") => FAST_LIST_APPEND,
        _ => FAST_NONE,
    };
    b.counting.set(counting | fast);
    counting | fast
}

#[inline]
fn counting_of(b: &crate::value::Builtin) -> u8 {
    classify(b) & 3
}

#[inline]
fn fast_kind(b: &crate::value::Builtin) -> u8 {
    classify(b) & !3
}

/// Built-ins that are types with a vectorcall in CPython: a call never counts.
/// And natives standing for CPython's Python code: they count their own
/// levels (`modules::python_levels`).
fn never_counts(b: &crate::value::Builtin) -> bool {
    (b.owner.is_none() && matches!(b.name, "map" | "filter" | "enumerate" | "reversed"))
        || b.def.is_some_and(|d| d.is_python())
}

impl Vm {
    /// Whether calling built-in `b` counts one level against the recursion
    /// limit while it runs (`" while calling a Python object"`), as in
    /// CPython 3.11: always for its one-argument and varargs functions and
    /// calls with keywords; for the others only until the call site is
    /// specialized, i.e. while the calling code has run fewer than 8 times.
    fn builtin_call_counts(
        &self,
        b: &crate::value::Builtin,
        from_bytecode: bool,
        has_kwargs: bool,
    ) -> bool {
        match counting_of(b) {
            ALWAYS_COUNTS => true,
            NEVER_COUNTS => false,
            _ => !from_bytecode || has_kwargs || !self.caller_is_warm(),
        }
    }

    /// Whether the running frame's code has run often enough for CPython
    /// 3.11 to have specialized its call sites.
    pub(crate) fn caller_is_warm(&self) -> bool {
        self.frames
            .last()
            .is_some_and(|f| f.code.warmup.get() >= CPYTHON_WARMUP)
    }
}

/// Argument buffers kept for reuse by `call_builtin_at` (nested native
/// calls take one each), and the largest capacity worth keeping.
const ARG_BUFFERS_KEPT: usize = 16;
const ARG_BUFFER_CAPACITY: usize = 64;
/// Arguments that `call_with_buffer` passes in an array on the Rust stack.
const SMALL_ARGS: usize = 3;

/// CPython 3.11 quickens a code object after this many runs.
const CPYTHON_WARMUP: u32 = 8;
