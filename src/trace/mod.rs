//! The event pipeline. The VM reports `call`, `line`, `return`,
//! `exception`, `opcode` and the `c_*` events through one trait, `Tracer`;
//! `sys.settrace` and `sys.setprofile` are two implementations of it and a
//! Rust host adds its own. Nothing here runs unless a tracer is installed.

mod sys_hooks;

pub(crate) use sys_hooks::{same_function, trace_function_failed, trace_function_returned};
pub use sys_hooks::{SysProfile, SysTrace};

use crate::value::{PyResult, Value};
use crate::vm::Vm;

/// The kinds of events, named as CPython names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Call,
    Line,
    Return,
    Exception,
    Opcode,
    CCall,
    CReturn,
    CException,
}

thread_local! {
    /// The event names as `str` values, made once (a trace function gets one per event).
    static EVENT_NAMES: [crate::value::Str; 8] = [
        Event::Call,
        Event::Line,
        Event::Return,
        Event::Exception,
        Event::Opcode,
        Event::CCall,
        Event::CReturn,
        Event::CException,
    ]
    .map(|e| crate::value::string::intern(e.name()));
}

impl Event {
    /// The name as a krait `str`.
    pub fn name_value(self) -> Value {
        EVENT_NAMES.with(|names| Value::Str(names[self as usize].clone()))
    }

    pub fn name(self) -> &'static str {
        match self {
            Event::Call => "call",
            Event::Line => "line",
            Event::Return => "return",
            Event::Exception => "exception",
            Event::Opcode => "opcode",
            Event::CCall => "c_call",
            Event::CReturn => "c_return",
            Event::CException => "c_exception",
        }
    }
}

/// Which events a tracer takes (`Tracer::events`): a coverage tracer that
/// wants only `line` events is not called for the others, and frames run
/// untraced while no tracer takes their lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventMask(u8);

impl EventMask {
    pub const ALL: EventMask = EventMask(0xff);
    pub const NONE: EventMask = EventMask(0);

    /// Only `event`.
    pub const fn of(event: Event) -> EventMask {
        EventMask(1 << event as u8)
    }

    /// These events and `event`.
    pub const fn with(self, event: Event) -> EventMask {
        EventMask(self.0 | 1 << event as u8)
    }

    pub const fn contains(self, event: Event) -> bool {
        self.0 & (1 << event as u8) != 0
    }
}

impl std::ops::BitOr for EventMask {
    type Output = EventMask;
    fn bitor(self, other: EventMask) -> EventMask {
        EventMask(self.0 | other.0)
    }
}

/// A tracer installed by `Interpreter::add_tracer`, for `remove_tracer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TracerHandle(u64);

/// A tracer in the list, with what it takes.
pub struct Installed {
    pub tracer: Box<dyn Tracer>,
    /// `Tracer::events`, read once.
    pub events: EventMask,
    handle: TracerHandle,
}

/// A view of a running frame, given to tracers: cheap to make, valid during
/// the event only.
#[derive(Clone, Copy)]
pub struct FrameView {
    /// Position on the VM's frame stack (0 = the outermost frame).
    pub depth: usize,
}

impl FrameView {
    /// The function's name (`co_name`).
    pub fn function_name(&self, vm: &Vm) -> String {
        vm.frames[self.depth].code.name.as_str().to_string()
    }
    /// The qualified name (`co_qualname`).
    pub fn qualname(&self, vm: &Vm) -> String {
        vm.frames[self.depth].code.qualname.as_str().to_string()
    }
    pub fn filename(&self, vm: &Vm) -> String {
        vm.frames[self.depth].code.filename.as_str().to_string()
    }
    /// The line the frame is at (`f_lineno`).
    pub fn line(&self, vm: &Vm) -> u32 {
        vm.frame_line(self.depth)
    }
    /// The caller's frame (`f_back`).
    pub fn back(&self) -> Option<FrameView> {
        if self.depth == 0 {
            None
        } else {
            Some(FrameView {
                depth: self.depth - 1,
            })
        }
    }
    /// The frame's local variables, computed on demand.
    pub fn locals(&self, vm: &Vm) -> Vec<(String, Value)> {
        vm.frame_locals_vec(self.depth)
    }
}

/// The receiver of VM events. Implement it to watch a krait program from Rust.
///
/// ```
/// use krait::trace::{Event, FrameView, Tracer};
/// use krait::{Interpreter, Value, PyResult, Vm};
/// use std::rc::Rc;
/// use std::cell::RefCell;
///
/// struct Calls(Rc<RefCell<Vec<String>>>);
/// impl Tracer for Calls {
///     fn event(&mut self, vm: &mut Vm, frame: FrameView, event: Event, _arg: &Value) -> PyResult<()> {
///         if event == Event::Call {
///             self.0.borrow_mut().push(frame.function_name(vm));
///         }
///         Ok(())
///     }
/// }
///
/// let seen = Rc::new(RefCell::new(vec![]));
/// let mut interp = Interpreter::new();
/// interp.add_tracer(Box::new(Calls(seen.clone())));
/// interp.run_source("demo.py", "def f():\n    return 1\nf()\n").unwrap();
/// assert_eq!(*seen.borrow(), vec!["<module>".to_string(), "f".to_string()]);
/// ```
pub trait Tracer {
    /// Called for each event. `arg` is the return value for `return`, the
    /// `(type, value, traceback)` tuple for `exception`, the function for
    /// `c_*` events, and None otherwise. An error propagates into the
    /// program as if raised where the event happened.
    fn event(&mut self, vm: &mut Vm, frame: FrameView, event: Event, arg: &Value) -> PyResult<()>;

    /// Whether `line` (and `opcode`) events are wanted in this frame. Frames
    /// nobody wants them for run in the untraced dispatch loop.
    fn wants_lines(&self, vm: &Vm, frame: FrameView) -> bool {
        let _ = (vm, frame);
        true
    }

    /// The events this tracer takes; read once, when it is installed.
    /// All of them unless it says otherwise.
    fn events(&self) -> EventMask {
        EventMask::ALL
    }

    /// Whether this tracer is currently active at all.
    fn is_active(&self, vm: &Vm) -> bool {
        let _ = vm;
        true
    }
}

/// A placeholder left in the tracer list while a tracer runs.
pub(crate) struct Vacant;

impl Tracer for Vacant {
    fn event(&mut self, _: &mut Vm, _: FrameView, _: Event, _: &Value) -> PyResult<()> {
        Ok(())
    }
    fn wants_lines(&self, _: &Vm, _: FrameView) -> bool {
        false
    }
    fn is_active(&self, _: &Vm) -> bool {
        false
    }
}

/// Tracing state of a VM.
pub struct TraceHub {
    /// `sys.settrace`'s function (None: off).
    pub sys_trace: Value,
    /// `sys.setprofile`'s function (None: off).
    pub sys_profile: Value,
    /// Trace first, then profile (CPython's order), then host tracers.
    /// The first two are always `SysTrace` and `SysProfile`, which the VM
    /// calls directly (`Vm::emit`): only host tracers are called through here.
    pub tracers: Vec<Installed>,
    /// The handle the next host tracer gets.
    next_handle: u64,
    /// Some host tracer takes `c_*` events.
    host_c_events: bool,
    /// Some tracer may want events: checked at calls and returns only.
    active: bool,
    /// Inside a trace function: events are not reported.
    suspended: bool,
    /// The event `Vm::emit` is delivering, and the depth of its frame
    /// (CPython's `tracing_what`): what `f_lineno = N` may jump from. The
    /// dispatch loop's own trace calls leave it None (`vm/jump.rs` finds
    /// their event on the frame stack).
    pub delivering: Option<(Event, usize)>,
    /// A jump that event made, to finish when the trace function returns.
    pub(crate) pending_jump: Option<crate::vm::jump::PendingJump>,
    /// Set when tracing changed (settrace, f_trace set); the loop re-checks its mode.
    dirty: bool,
    /// The event names as `str` values (`Event::name_value`), at hand.
    pub event_names: [crate::value::Str; 8],
    /// Some frame object ever had `f_trace_opcodes` set: instructions of
    /// traced frames then take the slow path, which asks the frame.
    opcodes: bool,
    /// `active && !dirty && !opcodes && !suspended`, kept up to date by the
    /// setters below: the one byte tested before each instruction the
    /// traced loop runs (a trace function's frame runs there too, while
    /// tracing is suspended).
    steady: bool,
    /// `steady` but for `suspended`: what `set_suspended` needs at hand.
    steady_unsuspended: bool,
    /// `sys.settrace`'s function is the only tracer and no frame asked for
    /// opcode events: a line event's trace function may run in the
    /// dispatch loop (`vm/trace_call.rs`). Kept up to date by
    /// `recompute_active` and `note_opcodes`.
    loop_lines: bool,
    /// `loop_lines`, and no `setprofile` function (which takes calls and
    /// returns after the trace function): so may a call or return event's.
    loop_calls: bool,
}

impl Default for TraceHub {
    fn default() -> Self {
        TraceHub {
            sys_trace: Value::None,
            sys_profile: Value::None,
            tracers: vec![
                Installed {
                    tracer: Box::new(SysTrace),
                    events: EventMask::ALL,
                    handle: TracerHandle(0),
                },
                Installed {
                    tracer: Box::new(SysProfile),
                    events: EventMask::ALL,
                    handle: TracerHandle(1),
                },
            ],
            next_handle: 2,
            host_c_events: false,
            active: false,
            suspended: false,
            delivering: None,
            pending_jump: None,
            dirty: false,
            event_names: EVENT_NAMES.with(|names| names.clone()),
            opcodes: false,
            steady: false,
            steady_unsuspended: false,
            loop_lines: false,
            loop_calls: false,
        }
    }
}

impl TraceHub {
    /// Whether any tracer may want events. With the `untraceable` feature
    /// (a build for measuring what tracing support costs) it is always false.
    #[inline(always)]
    pub fn on(&self) -> bool {
        !cfg!(feature = "untraceable") && self.active
    }
    /// Whether tracing changed since the loop last looked.
    #[inline(always)]
    pub fn is_dirty(&self) -> bool {
        !cfg!(feature = "untraceable") && self.dirty
    }
    /// Whether an instruction of a traced frame that starts no line can
    /// skip `Vm::trace_instruction`: tracing on, unchanged, no opcode events.
    #[inline(always)]
    pub fn steady(&self) -> bool {
        self.steady
    }
    fn update_steady(&mut self) {
        self.steady_unsuspended = self.active && !self.dirty && !self.opcodes;
        self.steady = self.steady_unsuspended && !self.suspended;
    }
    /// Inside a trace function (or a native call that reports nothing):
    /// events are not reported.
    #[inline(always)]
    pub fn suspended(&self) -> bool {
        self.suspended
    }
    #[inline(always)]
    pub fn set_suspended(&mut self, suspended: bool) {
        self.suspended = suspended;
        self.steady = self.steady_unsuspended && !suspended;
    }
    /// The tracers or `opcodes` changed: `loop_lines` and `loop_calls` too.
    fn update_loop_flags(&mut self) {
        self.loop_lines = !self.sys_trace.is_none() && self.host_count() == 0 && !self.opcodes;
        self.loop_calls = self.loop_lines && self.sys_profile.is_none();
    }
    /// Whether the dispatch loop may run the trace function of a line
    /// event (`line`) or of a call or return event: see `loop_lines`.
    #[inline(always)]
    pub fn loop_runs(&self, line: bool) -> bool {
        if line {
            self.loop_lines
        } else {
            self.loop_calls
        }
    }
    /// Tracing changed: the running loop re-checks its frame's mode.
    pub fn set_dirty(&mut self) {
        self.dirty = true;
        self.update_steady();
    }
    /// The loop re-checked its mode.
    pub fn clear_dirty(&mut self) {
        self.dirty = false;
        self.update_steady();
    }
    /// A frame object's `f_trace_opcodes` was set to `on`.
    pub fn note_opcodes(&mut self, on: bool) {
        self.opcodes |= on;
        self.update_loop_flags();
        self.set_dirty();
    }
    /// Whether some frame ever asked for opcode events.
    #[inline]
    pub fn opcodes(&self) -> bool {
        self.opcodes
    }
    /// The name of `event` as a krait `str` (interned, made once).
    #[inline]
    pub fn event_name(&self, event: Event) -> Value {
        Value::Str(self.event_names[event as usize].clone())
    }
    pub fn host_count(&self) -> usize {
        self.tracers.len() - 2
    }
    /// Whether anyone takes `c_call`/`c_return` events (decided at call time, as CPython does).
    pub fn wants_c_events(&self) -> bool {
        !self.sys_profile.is_none() || self.host_c_events
    }
    /// Adds a host tracer; `Vm::trace_changed` must follow.
    pub fn add(&mut self, tracer: Box<dyn Tracer>) -> TracerHandle {
        let handle = TracerHandle(self.next_handle);
        self.next_handle += 1;
        let events = tracer.events();
        self.tracers.push(Installed {
            tracer,
            events,
            handle,
        });
        self.host_changed();
        handle
    }
    /// Takes a host tracer out; `Vm::trace_changed` must follow.
    pub fn remove(&mut self, handle: TracerHandle) -> Option<Box<dyn Tracer>> {
        let i = (2..self.tracers.len()).find(|&i| self.tracers[i].handle == handle)?;
        let t = self.tracers.remove(i).tracer;
        self.host_changed();
        Some(t)
    }
    fn host_changed(&mut self) {
        let c_events = EventMask::of(Event::CCall)
            .with(Event::CReturn)
            .with(Event::CException);
        self.host_c_events = self.tracers[2..]
            .iter()
            .any(|t| t.events.0 & c_events.0 != 0);
    }
    /// Only through `Vm::trace_changed`, which keeps the untraced loop's
    /// inline paths in step.
    pub(crate) fn recompute_active(&mut self) {
        self.active =
            !self.sys_trace.is_none() || !self.sys_profile.is_none() || self.host_count() > 0;
        self.update_loop_flags();
        self.set_dirty();
        // (Never in the `untraceable` build, which closes no generator it drops.)
        crate::vm::iter::TRACING.with(|t| t.set(self.on()));
    }
}
