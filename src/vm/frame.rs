//! Activation records (plain structs on the VM's frame stack) and the frame
//! objects krait code sees, made lazily and kept valid after the frame ends.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::bytecode::Code;
use crate::value::{Class, Dict, Function, Str, Value};

/// What happens to a frame's return value.
pub enum OnReturn {
    /// Pushed on the caller's stack.
    Push,
    /// `__init__` returned: must be None; the instance is pushed instead.
    Init(Value),
    /// A class body finished: build the class from its namespace (boxed:
    /// rare, and it would make every frame record larger).
    ClassBody(Box<ClassBody>),
    /// A trace function called for this event of the frame below, run by
    /// the dispatch loop like any call (`vm/trace_call.rs`): its result
    /// goes to that frame, which then goes on (`Vm::finish_trace_call`).
    TraceEvent(crate::vm::trace_call::TraceCont),
}

/// What building a class needs once its body has run.
pub struct ClassBody {
    pub name: Str,
    pub base: Option<Rc<Class>>,
    pub ns: Rc<RefCell<Dict>>,
    /// The class statement's keyword arguments, for `__init_subclass__`.
    pub kwargs: crate::value::Kwargs,
    /// A `c_call` for `__build_class__` was reported: its `c_return` or
    /// `c_exception` is due.
    pub c_traced: bool,
    /// The bases as written, when `__mro_entries__` replaced them.
    pub orig_bases: Option<Value>,
}

/// An activation record. Its locals, cells and value stack live on the VM's
/// value stack from `base`.
pub struct Frame {
    pub code: Rc<Code>,
    /// Index of the next instruction.
    pub ip: usize,
    /// First localsplus slot on the value stack.
    pub base: usize,
    /// Where the callable sat on the caller's stack: truncated to on return.
    pub ret_slot: usize,
    pub globals: Rc<RefCell<Dict>>,
    /// The namespace dict of module and class bodies.
    pub locals: Option<Rc<RefCell<Dict>>>,
    pub func: Option<Rc<Function>>,
    pub on_return: OnReturn,
    /// The frame object, once something asked for it.
    pub obj: Option<Rc<FrameObj>>,
    /// Runs in the traced dispatch loop.
    pub traced: bool,
    /// Returning from this frame leaves the dispatch loop (native code called in).
    pub is_entry: bool,
    /// Its return needs nothing but popping it and pushing the value on
    /// its caller's stack (`Vm::pop_plain_frame`): no hooks, no frame
    /// object, no generator, no entry, a `Push` return to an untraced
    /// caller. Set by `push_function_frame` while nothing traces, or only
    /// the host's line tracers (`vm/lines.rs`); cleared when the frame
    /// gets a frame object or becomes an entry, and in every frame when
    /// tracing changes (`Vm::trace_changed`), so that the untraced loops'
    /// return asks this one flag.
    pub plain_return: bool,
    /// For line events, the last instruction run (`u32::MAX`: none yet)
    /// as far as the traced loop recorded it: it does not record the
    /// quiet ones (`Code::quiet`), so the last one run is this one, or
    /// the one before the instruction now running (`Vm::trace_quiet`).
    pub prev_ip: u32,
    /// `prev_ip` is exactly the last instruction run: a jump taken, or
    /// the instruction that raised the exception a handler now handles
    /// (the instruction they lead to is never quiet, and reads it).
    pub prev_exact: bool,
    /// Debug builds check `prev_ip`'s derivation against this: the last
    /// instruction run, recorded by every instruction of the traced loop.
    #[cfg(debug_assertions)]
    pub shadow_prev: u32,
    /// The line of the last instruction that had one.
    pub last_line: u32,
    /// The generator this frame belongs to, when it is one.
    pub gen: Option<Rc<RefCell<crate::vm::iter::IterObj>>>,
    /// A generator frame resumed by a native consumer with a sink
    /// (`vm/sink.rs`): `YieldValue` offers its item to `Vm::sinks`' top.
    pub sink: bool,
}

impl Frame {
    /// Records `ip` as the last instruction run.
    pub fn set_prev_ip(&mut self, ip: u32) {
        self.prev_ip = ip;
        self.prev_exact = false;
        #[cfg(debug_assertions)]
        {
            self.shadow_prev = ip;
        }
    }

    /// The line of the instruction being executed (the one before `ip`).
    pub fn current_line(&self) -> u32 {
        let i = self.ip.saturating_sub(1);
        line_near(&self.code, i)
    }
}

/// The line of instruction `i`, or of the closest instruction before it that has one.
pub fn line_near(code: &Code, i: usize) -> u32 {
    let mut j = i.min(code.lines.len().saturating_sub(1));
    loop {
        let l = code.line_at(j);
        if l != 0 {
            return l;
        }
        if j == 0 {
            return code.firstlineno;
        }
        j -= 1;
    }
}

/// The frame object of krait code: `f_code`, `f_back`, `f_lineno`, ...
pub struct FrameObj {
    pub code: Rc<Code>,
    /// `f_back`. A suspended generator's frame has none (its resumer sets it).
    pub back: RefCell<Option<Rc<FrameObj>>>,
    pub globals: Rc<RefCell<Dict>>,
    /// Index on the VM's frame stack while the frame runs.
    pub live: Cell<Option<usize>>,
    /// `f_lineno` and `f_lasti` once the frame has finished.
    pub final_line: Cell<u32>,
    pub final_lasti: Cell<i64>,
    /// `f_locals`: a snapshot refreshed on access while live, frozen at exit.
    pub locals: RefCell<Option<Rc<RefCell<Dict>>>>,
    /// A finished function frame's locals, cells and free variables; turned
    /// into the `f_locals` dict only if someone asks.
    pub frozen_slots: RefCell<Option<Vec<Value>>>,
    pub f_trace: RefCell<Value>,
    pub trace_lines: Cell<bool>,
    pub trace_opcodes: Cell<bool>,
    /// Line reported while a trace function runs (CPython sets f_lineno for the event).
    pub event_line: Cell<u32>,
    /// Known to the cycle collector (`gc::track_late`): not while its frame
    /// runs, only once something keeps it past that.
    pub tracked: Cell<bool>,
}

impl FrameObj {
    pub fn new(
        code: Rc<Code>,
        back: Option<Rc<FrameObj>>,
        globals: Rc<RefCell<Dict>>,
        index: usize,
    ) -> FrameObj {
        FrameObj {
            code,
            back: RefCell::new(back),
            globals,
            live: Cell::new(Some(index)),
            final_line: Cell::new(0),
            final_lasti: Cell::new(-1),
            locals: RefCell::new(None),
            frozen_slots: RefCell::new(None),
            f_trace: RefCell::new(Value::None),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
            event_line: Cell::new(0),
            tracked: Cell::new(false),
        }
    }

    /// The frame ends or is suspended while something else holds this
    /// object: from now on the cycle collector must know it.
    pub(crate) fn keep(self: &Rc<Self>) {
        if !self.tracked.replace(true) {
            crate::gc::track_late(self);
        }
    }

    pub fn has_trace(&self) -> bool {
        !self.f_trace.borrow().is_none()
    }
}
