//! The virtual machine: frames on its own stack, one dispatch loop
//! (instantiated traced and untraced), calls, exceptions, tracing hooks.

mod arith;
mod attr_cache;
pub mod attrs;
pub mod call;
mod compare;
pub mod errors;
pub mod frame;
mod import;
pub(crate) mod isolate;
pub mod iter;
pub(crate) mod jump;
pub mod keys;
pub mod limits;
pub(crate) mod lines;
mod name_cache;
pub mod ops;
mod repr;
mod run;
pub(crate) mod sink;
mod stack;
pub mod streams;
mod subscript;
mod suggest;
pub(crate) mod trace_call;
mod tracing;
pub mod types;
mod with_stmt;

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::bytecode::Code;
use crate::trace::TraceHub;
use crate::value::{Dict, ExcType, PyErr, PyResult, Str, Value};
pub use frame::{Frame, FrameObj, OnReturn};
pub use types::Types;

/// Set by the CLI's SIGINT handler; the dispatch loop turns it into
/// `KeyboardInterrupt` at the next backward jump, where CPython's eval loop
/// checks for signals too (so `except`/`finally` blocks run); the loops
/// that count steps (`limits.rs`), and built-ins taking items from an
/// iterator, at their next poll, within 1024 steps.
pub static SIGINT_PENDING: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// A type-cache entry: the class (kept alive), the name, the attribute found.
pub type TypeCacheEntry = (Rc<crate::value::Class>, Str, Option<Value>);
/// A dunder-cache entry: the class (kept alive), the dunder found.
pub type DunderCacheEntry = (Rc<crate::value::Class>, Option<Value>);

/// Native recursion (Rust code calling itself or back into the dispatch
/// loop) checks the Rust stack left: below this it continues on a new
/// segment allocated on the heap. Covers the most stack any path uses
/// between two checks.
const STACK_RED_ZONE: usize = 256 * 1024;
/// Size of each extra stack segment.
const STACK_SEGMENT: usize = 8 * 1024 * 1024;
/// At most this many segments (1 GiB): a recursion limit raised beyond what
/// memory allows ends in `RecursionError`, never in an abort.
const MAX_STACK_SEGMENTS: usize = 128;

pub struct Vm {
    /// Locals, cells and value stacks of all frames.
    pub stack: stack::ValueStack,
    pub frames: Vec<Frame>,
    pub types: Types,
    pub builtins: Rc<RefCell<Dict>>,
    /// Krait's built-in modules by name (made at start).
    pub modules: FxHashMap<String, Value>,
    /// `sys.modules`: every module imported, by name.
    pub sys_modules: Rc<RefCell<Dict>>,
    /// Whether `import` may read the program's own files along `sys.path`
    /// (the CLI allows it; an embedding host must ask).
    pub file_imports: bool,
    /// The exception being handled (`sys.exc_info()`), None outside handlers.
    pub exc_info: Value,
    recursion_limit: usize,
    /// `recursion_limit` while nothing traces (or only the host's line
    /// tracers, whose events the untraced loops report: `lines.rs`), 0
    /// otherwise: the untraced loop's inline call (`enter_simple_call`)
    /// compares the depth with it, so that one comparison also sends every
    /// call to the general path, which reports events, while tracing is on
    /// (`trace_changed` keeps it).
    plain_call_limit: usize,
    /// The code objects, instrumented for the host's line tracers or not.
    pub(crate) line_sites: lines::LineSites,
    pub trace: TraceHub,
    /// Source texts by file name, for tracebacks.
    pub sources: FxHashMap<String, Rc<str>>,
    pub argv: Vec<String>,
    /// stdout, stderr and stdin as the script sees them.
    pub streams: streams::Streams,
    /// Native recursion levels counted against the recursion limit with the
    /// frames, as CPython 3.11 counts its C-level `Py_EnterRecursiveCall`s
    /// (comparisons, repr, str, some built-in calls).
    pub native_depth: usize,
    /// Indexes of frames run by a class call (`__init__`), which count one
    /// more level (the call). May hold stale entries, which only make the
    /// fast check in `at_recursion_limit` conservative.
    init_frames: Vec<usize>,
    /// Extra stack segments in use (see `with_stack`).
    stack_segments: usize,
    /// Containers whose repr is being built (CPython's `Py_ReprEnter`): a
    /// container met again inside its own repr prints as `[...]`/`{...}`.
    pub repr_active: Vec<usize>,
    pub interned: FxHashMap<&'static str, Str>,
    /// The sinks of generators being drained by native consumers, innermost
    /// last (`sink.rs`).
    pub(crate) sinks: Vec<sink::Sink>,
    /// `'__name__'` as a dict key, hashed once: every `def` and generator
    /// expression reads it from the globals for `__module__`.
    pub name_key: crate::value::DictKey,
    /// Set while bytecode makes a call: a built-in called now reports c_* events.
    pub c_events_armed: bool,
    /// Emptied argument vectors of built-in calls, reused (`call_builtin_at`).
    pub arg_buffers: Vec<Vec<Value>>,
    /// Attribute lookups along class chains, by (class, name) address; the
    /// entry holds the class so its address cannot be reused. Cleared when
    /// any class dict changes.
    pub type_cache: FxHashMap<(usize, usize), TypeCacheEntry>,
    /// `Class::lookup_user` of a dunder, by (class address, name address and
    /// length): the dunders a class lacks are looked for on every `==`,
    /// `if obj:`... Held and cleared as `type_cache`.
    pub dunder_cache: FxHashMap<(usize, usize, usize), DunderCacheEntry>,
    /// Names any class attribute ever had a property under: instance
    /// attributes of these names are not cached (`attr_cache`).
    pub property_names: rustc_hash::FxHashSet<String>,
    /// Changes when `property_names` is added to: attribute inline caches
    /// made before are stale.
    pub shape_epoch: u64,
    /// Changes whenever a class dict does (with `type_cache`): method
    /// caches made before are stale (`attr_cache`).
    pub class_epoch: u64,
    /// Which attribute hooks any user class has ever defined (`attrs::HOOK_*`):
    /// programs that define none pay one bit test per attribute access.
    pub attr_hooks: u8,
    /// Some user class has ever defined `__eq__`, `__ne__`, `__lt__`,
    /// `__le__`, `__gt__` or `__ge__`: until then `==` between instances
    /// is decided by identity in the loop (`run::identity_compare`).
    pub rich_compare_defined: bool,
    /// Some class defines `__new__`: a class call then looks for one.
    pub new_defined: bool,
    /// The classes of the host's types (`krait::UserData`), made on first use.
    pub(crate) host_classes: rustc_hash::FxHashMap<std::any::TypeId, Rc<crate::value::Class>>,
    /// stdout/stdin use the `strict` error handler, not `surrogateescape`
    /// (CPython's choice depends on the locale; the CLI sets this).
    pub stdout_strict: bool,
    /// The `random` module's generator, seeded at its first use.
    pub random: Option<Box<crate::builtins::MtState>>,
    /// What the `time` module reads (none for an embedded script).
    pub clock: crate::builtins::Clock,
    /// The `re` module's compiled patterns.
    pub re_cache: crate::builtins::ReCache,
    /// Limits for untrusted scripts, and the countdown to their next
    /// check (`limits.rs`).
    pub(crate) limits: limits::LimitState,
    /// The classes of dict views (`dict_keys`, ..., `odict_items`), made
    /// at the first view.
    pub(crate) view_classes: std::cell::OnceCell<[Rc<crate::value::Class>; 6]>,
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

impl Drop for Vm {
    /// `sys.modules` holds `sys`, whose dict holds `sys.modules`: the
    /// cycle is broken here rather than left to the collector.
    fn drop(&mut self) {
        let modules = std::mem::take(&mut *self.sys_modules.borrow_mut());
        drop(modules);
    }
}

impl Vm {
    pub fn new() -> Vm {
        let types = Types::new();
        let mut vm = Vm {
            stack: stack::ValueStack::with_capacity(1024),
            frames: Vec::with_capacity(64),
            types,
            builtins: crate::gc::alloc(RefCell::new(Dict::new())),
            modules: FxHashMap::default(),
            sys_modules: crate::gc::alloc(RefCell::new(Dict::new())),
            file_imports: false,
            exc_info: Value::None,
            recursion_limit: 1000,
            plain_call_limit: 1000,
            line_sites: Default::default(),
            trace: TraceHub::default(),
            sources: FxHashMap::default(),
            argv: vec![],
            streams: Default::default(),
            native_depth: 0,
            init_frames: Vec::new(),
            stack_segments: 0,
            repr_active: Vec::new(),
            interned: FxHashMap::default(),
            sinks: Vec::new(),
            name_key: crate::value::DictKey::str("__name__"),
            c_events_armed: false,
            arg_buffers: Vec::new(),
            type_cache: FxHashMap::default(),
            dunder_cache: FxHashMap::default(),
            property_names: Default::default(),
            shape_epoch: 0,
            class_epoch: 0,
            attr_hooks: 0,
            rich_compare_defined: false,
            new_defined: false,
            host_classes: Default::default(),
            stdout_strict: false,
            random: None,
            clock: crate::builtins::Clock::Denied,
            re_cache: Default::default(),
            limits: Default::default(),
            view_classes: Default::default(),
        };
        crate::builtins::install(&mut vm);
        vm
    }

    /// An interned name string.
    pub fn intern(&mut self, s: &'static str) -> Str {
        self.interned
            .entry(s)
            .or_insert_with(|| crate::value::string::intern(s))
            .clone()
    }

    /// Runs a module's code in a fresh `__main__` namespace.
    pub fn run_module(&mut self, code: Rc<Code>, globals: Rc<RefCell<Dict>>) -> PyResult<Value> {
        self.run_code(code, globals.clone(), globals)
    }

    /// Runs module-level code (a module, `exec`, `eval`) to completion in a
    /// frame of its own with these namespaces; it counts toward the
    /// recursion limit as a frame.
    pub fn run_code(
        &mut self,
        code: Rc<Code>,
        globals: Rc<RefCell<Dict>>,
        locals: Rc<RefCell<Dict>>,
    ) -> PyResult<Value> {
        if !self.frames.is_empty() && self.at_recursion_limit() {
            return Err(self.recursion_error());
        }
        let base = self.stack.len();
        self.frames.push(Frame {
            code: code.clone(),
            ip: 0,
            base,
            ret_slot: base,
            globals,
            locals: Some(locals),
            func: None,
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
        });
        self.stack.resize(base + code.nlocalsplus(), Value::Null);
        self.enter_frame_hooks()?;
        // Nested runs (eval in eval, imports) are Rust recursion.
        self.with_stack(|vm| vm.run_loop())
    }

    /// What CPython's shutdown does to `__main__`'s namespace: each global
    /// in turn, in the order they were made (`__builtins__` aside), is let
    /// go, and a generator that goes with it is closed then (its `finally`
    /// runs, seeing the globals not yet let go).
    pub(crate) fn release_module_globals(&mut self, globals: &Rc<RefCell<Dict>>) {
        // Only a generator with handlers can show its closing (without a
        // tracer, which is off by now): with none alive, nothing to do.
        if iter::WITH_HANDLERS.with(|n| n.get()) == 0 {
            return;
        }
        let names: Vec<String> = globals
            .borrow()
            .keys()
            .filter_map(|k| match k {
                Value::Str(s) if s.as_str() != "__builtins__" => Some(s.as_str().to_string()),
                _ => None,
            })
            .collect();
        for name in names {
            let old = globals.borrow().get_str(&name).cloned();
            if old.as_ref().is_some_and(|v| !v.is_immediate()) {
                globals.borrow_mut().set_str(&name, Value::None);
                drop(old);
                self.close_pending_generators();
            }
        }
    }

    /// A new `__main__`-style globals dict.
    /// Its names in CPython's order (`__loader__` and `__spec__` None: krait
    /// has no loader objects).
    pub fn new_globals(&mut self, name: &str) -> Rc<RefCell<Dict>> {
        let mut d = Dict::new();
        d.set_str("__name__", Value::str(name));
        d.set_str("__doc__", Value::None);
        d.set_str("__package__", Value::None);
        d.set_str("__loader__", Value::None);
        d.set_str("__spec__", Value::None);
        d.set_str(
            "__annotations__",
            Value::Dict(crate::gc::alloc(RefCell::new(Dict::new()))),
        );
        d.set_str("__builtins__", Value::Dict(self.builtins.clone()));
        crate::gc::alloc(RefCell::new(d))
    }

    /// The line frame `depth` is at, as `f_lineno` reports it.
    pub fn frame_line(&self, depth: usize) -> u32 {
        let f = &self.frames[depth];
        let i = f.ip.saturating_sub(1);
        let l = f.code.line_at(i);
        // At RESUME (the call event) a module reports line 0, as CPython does.
        if l != 0 || i == 0 {
            l
        } else if f.last_line != 0 {
            f.last_line
        } else {
            frame::line_near(&f.code, i)
        }
    }

    /// The frame object of frame `depth`, made (with its callers') if needed.
    #[inline]
    pub fn frame_object(&mut self, depth: usize) -> Rc<FrameObj> {
        if let Some(o) = &self.frames[depth].obj {
            return o.clone();
        }
        self.make_frame_object(depth)
    }

    #[inline(never)]
    fn make_frame_object(&mut self, depth: usize) -> Rc<FrameObj> {
        // Make the missing ones from the outermost down, so f_back chains are shared.
        let mut start = depth;
        while start > 0 && self.frames[start - 1].obj.is_none() {
            start -= 1;
        }
        let mut back = if start > 0 {
            self.frames[start - 1].obj.clone()
        } else {
            None
        };
        for i in start..=depth {
            let f = &self.frames[i];
            // Untracked while its frame runs (see `gc::track_late`).
            let o = Rc::new(FrameObj::new(f.code.clone(), back, f.globals.clone(), i));
            self.frames[i].obj = Some(o.clone());
            self.frames[i].plain_return = false;
            back = Some(o);
        }
        back.unwrap()
    }

    /// `tb.tb_frame`: the frame object of a traceback entry. The entry kept
    /// the one its frame had; else, while the frame still runs (the
    /// exception has not left it: the entry holds no locals), the frame's,
    /// made now; else one made for the ended frame from what the entry kept
    /// (its code, globals, line and locals; no `f_back`).
    pub(crate) fn traceback_frame(&mut self, t: &crate::value::TracebackObj) -> Rc<FrameObj> {
        if let Some(f) = t.frame.borrow().clone() {
            return f;
        }
        let running = t.depth < self.frames.len()
            && Rc::ptr_eq(&self.frames[t.depth].code, &t.code)
            && t.locals.borrow().is_empty();
        let f = if running {
            self.frame_object(t.depth)
        } else {
            let f = Rc::new(FrameObj::new(t.code.clone(), None, t.globals.clone(), 0));
            f.live.set(None);
            f.final_line.set(t.lineno);
            f.final_lasti.set(t.lasti as i64 * 2);
            *f.frozen_slots.borrow_mut() = Some(t.locals.borrow().clone());
            f.keep();
            f
        };
        *t.frame.borrow_mut() = Some(f.clone());
        f
    }

    /// Local variables of frame `depth` by name (unbound ones left out).
    pub fn frame_locals_vec(&self, depth: usize) -> Vec<(String, Value)> {
        let f = &self.frames[depth];
        if let Some(ns) = &f.locals {
            return ns
                .borrow()
                .iter()
                .filter_map(|(k, v)| k.as_str().map(|k| (k.to_string(), v.clone())))
                .collect();
        }
        let mut out = vec![];
        for i in 0..f.code.nlocalsplus() {
            let mut v = self.stack[f.base + i].clone();
            if i >= f.code.varnames.len() {
                if let Value::Cell(c) = &v {
                    let inner = c.borrow().clone();
                    v = inner;
                }
            }
            if matches!(v, Value::Null) {
                continue;
            }
            out.push((f.code.slot_name(i).as_str().to_string(), v));
        }
        out
    }

    /// `f_locals` of frame `depth`: a dict snapshot.
    pub fn frame_locals_dict(&self, depth: usize) -> Rc<RefCell<Dict>> {
        let f = &self.frames[depth];
        if let Some(ns) = &f.locals {
            return ns.clone();
        }
        // A frame object keeps one dict, refreshed on each access (CPython's FastToLocals).
        let cached = f.obj.as_ref().and_then(|o| o.locals.borrow().clone());
        let d = cached.unwrap_or_else(|| crate::gc::alloc(RefCell::new(Dict::new())));
        self.refresh_locals_dict(depth, &d);
        if let Some(o) = &f.obj {
            *o.locals.borrow_mut() = Some(d.clone());
        }
        d
    }

    /// Refills `d` from frame `depth`'s fast locals and cells.
    fn refresh_locals_dict(&self, depth: usize, d: &Rc<RefCell<Dict>>) {
        let mut d = d.borrow_mut();
        d.clear();
        for (k, v) in self.frame_locals_vec(depth) {
            d.set_str(&k, v);
        }
    }

    /// Before a trace function runs: its frame's `f_locals` dict, if it has
    /// one, is brought up to date.
    #[inline(always)]
    pub(crate) fn locals_before_trace(&self, depth: usize) {
        let f = &self.frames[depth];
        if f.locals.is_none() && f.obj.as_ref().is_some_and(|o| o.locals.borrow().is_some()) {
            self.refresh_locals_before_trace(depth);
        }
    }

    #[cold]
    fn refresh_locals_before_trace(&self, depth: usize) {
        let f = &self.frames[depth];
        if let Some(d) = f.obj.as_ref().and_then(|o| o.locals.borrow().clone()) {
            self.refresh_locals_dict(depth, &d);
        }
    }

    /// After a trace function ran: what it changed in `f_locals` goes back
    /// into the frame (CPython's LocalsToFast; a deleted name is unbound).
    #[inline(always)]
    pub(crate) fn locals_after_trace(&mut self, depth: usize) {
        let f = &self.frames[depth];
        if f.locals.is_none() && f.obj.as_ref().is_some_and(|o| o.locals.borrow().is_some()) {
            self.write_back_locals(depth);
        }
    }

    #[cold]
    fn write_back_locals(&mut self, depth: usize) {
        let f = &self.frames[depth];
        let Some(d) = f.obj.as_ref().and_then(|o| o.locals.borrow().clone()) else {
            return;
        };
        let (base, code) = (f.base, f.code.clone());
        let d = d.borrow();
        for i in 0..code.nlocalsplus() {
            let v = d
                .get_str(code.slot_name(i).as_str())
                .cloned()
                .unwrap_or(Value::Null);
            match &self.stack[base + i] {
                Value::Cell(c) if i >= code.varnames.len() => {
                    if !c.borrow().is(&v) {
                        *c.borrow_mut() = v;
                    }
                }
                _ => self.stack[base + i] = v,
            }
        }
    }

    /// Raises `RecursionError` past the recursion limit.
    #[cold]
    pub fn recursion_error(&self) -> PyErr {
        Self::recursion_error_in("")
    }

    /// `RecursionError` with CPython's words for what was entered. (At
    /// the host's cap, `Limits::max_depth`, `raise_here` trips the limit.)
    #[cold]
    pub fn recursion_error_in(what: &str) -> PyErr {
        PyErr::new(
            ExcType::RecursionError,
            format!("maximum recursion depth exceeded{}", what),
        )
    }

    /// Whether one more level (a frame, or a counted native level) would
    /// pass the recursion limit. Frames and native levels share the count,
    /// as in CPython 3.11.
    #[inline]
    pub fn at_recursion_limit(&mut self) -> bool {
        self.may_be_at_recursion_limit() && self.recursion_depth() >= self.recursion_limit
    }

    pub fn recursion_limit(&self) -> usize {
        self.recursion_limit
    }

    /// What `sys.setrecursionlimit(n)` sets: `n`, capped by the host's
    /// `Limits::max_depth`.
    pub fn set_recursion_limit(&mut self, n: usize) {
        let n = self.capped_recursion_limit(n);
        self.recursion_limit = n;
        if !self.trace.on() || self.line_sites.on() {
            self.plain_call_limit = n;
        }
    }

    /// `may_be_at_recursion_limit` for the untraced loop's inline call,
    /// true also while anything but the host's line tracers traces
    /// (`plain_call_limit`).
    #[inline(always)]
    pub(crate) fn needs_general_call(&self) -> bool {
        self.frames.len() + self.native_depth + self.init_frames.len() >= self.plain_call_limit
    }

    /// The quick test before `at_recursion_limit`'s exact one: false when
    /// the depth is surely below the limit (`init_frames` may count frames
    /// that have returned, never too few).
    #[inline(always)]
    pub(crate) fn may_be_at_recursion_limit(&self) -> bool {
        self.frames.len() + self.native_depth + self.init_frames.len() >= self.recursion_limit
    }

    /// `may_be_at_recursion_limit` once `levels` more are entered.
    #[inline]
    pub(crate) fn levels_may_reach_limit(&self, levels: usize) -> bool {
        self.frames.len() + self.native_depth + self.init_frames.len() + levels
            >= self.recursion_limit
    }

    /// The depth `sys.setrecursionlimit` compares a new limit with: frames,
    /// native levels, and the class calls that run `__init__` frames.
    #[cold]
    pub fn recursion_depth(&mut self) -> usize {
        let frames = &self.frames;
        self.init_frames = (0..frames.len())
            .filter(|&i| matches!(frames[i].on_return, OnReturn::Init(_)))
            .collect();
        let depth = self.frames.len() + self.native_depth + self.init_frames.len();
        if depth >= self.recursion_limit && self.recursion_capped() {
            // The host's cap reached (frames or native levels): a limit.
            self.trip_depth_cap();
        }
        depth
    }

    /// Before pushing an `__init__` frame for a class call: the call counts
    /// a level (CPython's " while calling a Python object"), then the frame.
    pub(crate) fn check_init_frame(&mut self) -> PyResult<()> {
        let upper = self.frames.len() + self.native_depth + self.init_frames.len();
        if upper + 1 < self.recursion_limit {
            return Ok(());
        }
        let depth = self.recursion_depth();
        if depth >= self.recursion_limit {
            return Err(Self::recursion_error_in(" while calling a Python object"));
        }
        if depth + 1 >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        Ok(())
    }

    /// Runs `f` one counted native level deeper: CPython's
    /// `Py_EnterRecursiveCall(what)` (e.g. " in comparison"), so nested or
    /// self-referencing data raises `RecursionError` at the recursion limit.
    #[inline]
    pub fn nested<R>(
        &mut self,
        what: &'static str,
        f: impl FnOnce(&mut Vm) -> PyResult<R>,
    ) -> PyResult<R> {
        if self.at_recursion_limit() {
            return Err(Self::recursion_error_in(what));
        }
        self.native_depth += 1;
        let r = self.with_stack(f);
        self.native_depth -= 1;
        r
    }

    /// Runs `f` with enough Rust stack left for one more level of native
    /// recursion: every path where native code recurses passes here, so
    /// the host thread's stack size never decides between a result and a
    /// crash.
    #[inline]
    pub fn with_stack<R>(&mut self, f: impl FnOnce(&mut Vm) -> PyResult<R>) -> PyResult<R> {
        match stacker::remaining_stack() {
            Some(left) if left < STACK_RED_ZONE => self.grow_stack(f),
            _ => f(self),
        }
    }

    #[cold]
    fn grow_stack<R>(&mut self, f: impl FnOnce(&mut Vm) -> PyResult<R>) -> PyResult<R> {
        if self.stack_segments >= MAX_STACK_SEGMENTS {
            return Err(self.recursion_error());
        }
        self.stack_segments += 1;
        let r = stacker::grow(STACK_SEGMENT, || f(self));
        self.stack_segments -= 1;
        r
    }
}

/// Runs `f` (native recursion without a VM at hand: hashing or comparing
/// nested tuples) with enough Rust stack, growing it on the heap if needed.
#[inline]
pub fn with_native_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, f)
}
