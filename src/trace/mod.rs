//! The event pipeline. The VM reports `call`, `line`, `return`,
//! `exception`, `opcode` and the `c_*` events (`Vm::emit`) to
//! `sys.settrace`'s and `sys.setprofile`'s functions (`sys_hooks.rs`), then
//! to a Rust host's tracers (`host.rs`). Nothing here runs unless a tracer
//! is installed.

mod host;
mod sys_hooks;

pub(crate) use host::Installed;
pub use host::{EventMask, FrameInfo, TraceEvent, Tracer, TracerHandle};
pub(crate) use sys_hooks::{same_function, trace_function_failed, trace_function_returned};
pub(crate) use sys_hooks::{SysProfile, SysTrace};

use crate::value::Value;

/// The kinds of events, named as CPython names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Event {
    /// A function's frame starts (or a generator's resumes).
    Call,
    /// A new line starts, or a jump goes back to a line's start.
    Line,
    /// A frame returns (or a generator yields).
    Return,
    /// An exception is raised in the frame or passes through it.
    Exception,
    /// An instruction is about to run (only for frames that ask for it).
    Opcode,
    /// A built-in (C) function is called.
    CCall,
    /// A built-in function returned.
    CReturn,
    /// A built-in function raised.
    CException,
}

impl Event {
    /// The name, as a trace function receives it (`"c_call"`).
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

/// Tracing state of a VM.
pub struct TraceHub {
    /// `sys.settrace`'s function (None: off).
    pub sys_trace: Value,
    /// `sys.setprofile`'s function (None: off).
    pub sys_profile: Value,
    /// The host's tracers, called after `sys.settrace`'s and
    /// `sys.setprofile`'s functions (`Vm::emit`), in the order installed.
    pub tracers: Vec<Installed>,
    /// The handle the next host tracer gets.
    next_handle: u64,
    /// Some host tracer takes `c_*` events.
    host_c_events: bool,
    /// The events some host tracer takes.
    pub(crate) host_events: EventMask,
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
    /// The event names as `str` values, at hand.
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
    /// The only tracers are the host's, and they take `line` events only:
    /// nothing else reports, and the untraced loops report the lines on
    /// instrumented code (`vm/lines.rs`).
    lines_only: bool,
}

impl Default for TraceHub {
    fn default() -> Self {
        TraceHub {
            sys_trace: Value::None,
            sys_profile: Value::None,
            tracers: Vec::new(),
            next_handle: 0,
            host_c_events: false,
            host_events: EventMask::NONE,
            active: false,
            suspended: false,
            delivering: None,
            pending_jump: None,
            dirty: false,
            event_names: [
                Event::Call,
                Event::Line,
                Event::Return,
                Event::Exception,
                Event::Opcode,
                Event::CCall,
                Event::CReturn,
                Event::CException,
            ]
            .map(|e| crate::value::string::intern(e.name())),
            opcodes: false,
            steady: false,
            steady_unsuspended: false,
            loop_lines: false,
            loop_calls: false,
            lines_only: false,
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
        self.lines_only = self.sys_trace.is_none()
            && self.sys_profile.is_none()
            && self.host_count() > 0
            && !self.opcodes
            && self.host_events.0 & !EventMask::of(Event::Line).0 == 0;
    }
    /// See `lines_only`.
    #[inline(always)]
    pub fn lines_only(&self) -> bool {
        self.lines_only
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
        self.tracers.len()
    }
    /// Whether `event` goes to anyone: `sys.settrace`'s or
    /// `sys.setprofile`'s function (which filter for themselves), or a
    /// host tracer that takes it.
    #[inline]
    pub fn delivers(&self, event: Event) -> bool {
        !self.sys_trace.is_none() || !self.sys_profile.is_none() || self.host_events.contains(event)
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
            tracer: Some(tracer),
            events,
            handle,
            disabled: Default::default(),
        });
        self.host_changed();
        handle
    }
    /// Takes a host tracer out; `Vm::trace_changed` must follow.
    pub fn remove(&mut self, handle: TracerHandle) -> Option<Box<dyn Tracer>> {
        let i = self.tracers.iter().position(|t| t.handle == handle)?;
        let t = self.tracers.remove(i).tracer;
        self.host_changed();
        t
    }
    fn host_changed(&mut self) {
        let c_events = EventMask::of(Event::CCall)
            .with(Event::CReturn)
            .with(Event::CException);
        self.host_events = self
            .tracers
            .iter()
            .fold(EventMask::NONE, |m, t| m | t.events);
        self.host_c_events = self.host_events.0 & c_events.0 != 0;
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
