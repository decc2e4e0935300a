//! What a Rust host's tracer sees: the `Tracer` trait, the event it is
//! given (`TraceEvent`, with a read-only view of the frame, `FrameInfo`),
//! the events it takes (`EventMask`) and the locations it asked to stop
//! seeing (`TraceEvent::disable`). Values never leave the interpreter: a
//! tracer reads them converted (`FromValue`) or as their `repr`.

use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::Event;
use crate::api::{FromValue, Raise};
use crate::bytecode::Code;
use crate::value::Value;
use crate::vm::Vm;

/// The receiver of a host's events: implement it to watch a script from
/// Rust, and install it with [`Interpreter::add_tracer`](crate::Interpreter::add_tracer).
///
/// A tracer is `Send`, as the interpreter holding it is: share what it
/// records through an `Arc<Mutex<_>>` (or keep it in the tracer and take
/// it back with `remove_tracer`).
///
/// ```
/// use krait::{Event, Interpreter, Raise, TraceEvent, Tracer};
/// use std::sync::{Arc, Mutex};
///
/// struct Calls(Arc<Mutex<Vec<String>>>);
/// impl Tracer for Calls {
///     fn event(&mut self, ev: &mut TraceEvent<'_>) -> Result<(), Raise> {
///         if ev.kind() == Event::Call {
///             self.0.lock().unwrap().push(ev.frame().function_name().to_string());
///         }
///         Ok(())
///     }
/// }
///
/// let seen = Arc::new(Mutex::new(vec![]));
/// let mut interp = Interpreter::new();
/// interp.add_tracer(Box::new(Calls(seen.clone())));
/// interp.run_source("demo.py", "def f():\n    return 1\nf()\n").unwrap();
/// assert_eq!(*seen.lock().unwrap(), ["<module>", "f"]);
/// ```
pub trait Tracer: Send {
    /// Called for each event the tracer takes (`events`), after
    /// `sys.settrace`'s and `sys.setprofile`'s functions and the tracers
    /// installed before it. An error is raised in the script where the
    /// event happened, as a trace function's would be.
    fn event(&mut self, event: &mut TraceEvent<'_>) -> Result<(), Raise>;

    /// The events this tracer takes; read once, when it is installed.
    /// All of them unless it says otherwise. Frames run in the untraced
    /// dispatch loop while no tracer takes their `line` events.
    fn events(&self) -> EventMask {
        EventMask::ALL
    }
}

/// Which events a tracer takes (`Tracer::events`): a coverage tracer that
/// wants only `line` events is not called for the others, and frames run
/// untraced while no tracer takes their lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventMask(pub(crate) u8);

impl EventMask {
    /// Every event.
    pub const ALL: EventMask = EventMask(0xff);
    /// No event.
    pub const NONE: EventMask = EventMask(0);

    /// Only `event`.
    pub const fn of(event: Event) -> EventMask {
        EventMask(1 << event as u8)
    }

    /// These events and `event`.
    pub const fn with(self, event: Event) -> EventMask {
        EventMask(self.0 | 1 << event as u8)
    }

    /// Whether `event` is one of them.
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
pub struct TracerHandle(pub(crate) u64);

/// One event as a tracer is given it: its kind, the frame it happened in,
/// its argument, and a way to stop seeing events at this location.
pub struct TraceEvent<'a> {
    vm: &'a mut Vm,
    depth: usize,
    kind: Event,
    arg: &'a Value,
    disable: bool,
}

impl<'a> TraceEvent<'a> {
    pub(crate) fn new(vm: &'a mut Vm, depth: usize, kind: Event, arg: &'a Value) -> Self {
        TraceEvent {
            vm,
            depth,
            kind,
            arg,
            disable: false,
        }
    }

    /// The kind of event.
    pub fn kind(&self) -> Event {
        self.kind
    }

    /// The frame it happened in.
    pub fn frame(&self) -> FrameInfo<'_> {
        FrameInfo {
            vm: self.vm,
            depth: self.depth,
        }
    }

    /// The event's argument converted to `T`: the return value for
    /// `return`, the function for `c_*` events, None otherwise (for
    /// `exception`, see `exception`).
    pub fn arg<T: FromValue>(&self) -> Result<T, Raise> {
        T::from_value(self.arg).map_err(Raise)
    }

    /// The argument's `repr`, as `repr()` would give it in the script (a
    /// `__repr__` that fails gives `<unrepresentable T>`).
    pub fn arg_repr(&mut self) -> String {
        let arg = self.arg.clone();
        repr_or_placeholder(self.vm, &arg)
    }

    /// For an `exception` event: the exception's type name and its `str`.
    pub fn exception(&mut self) -> Option<(String, String)> {
        if self.kind != Event::Exception {
            return None;
        }
        let Value::Tuple(t) = self.arg else {
            return None;
        };
        let exc = t.get(1)?.clone();
        let type_name = exc.type_name();
        let message = self
            .vm
            .str_of(&exc)
            .unwrap_or_else(|_| "<exception str() failed>".to_string());
        Some((type_name, message))
    }

    /// The local variable `name` of the frame converted to `T`; None if it
    /// is not bound.
    pub fn local<T: FromValue>(&self, name: &str) -> Option<Result<T, Raise>> {
        let locals = self.vm.frame_locals_vec(self.depth);
        let (_, v) = locals.iter().find(|(n, _)| n == name)?;
        Some(T::from_value(v).map_err(Raise))
    }

    /// The frame's local variables with the `repr` of their values, in
    /// the order `f_locals` has them.
    pub fn locals_repr(&mut self) -> Vec<(String, String)> {
        let locals = self.vm.frame_locals_vec(self.depth);
        locals
            .into_iter()
            .map(|(n, v)| (n, repr_or_placeholder(self.vm, &v)))
            .collect()
    }

    /// Stops this tracer seeing events of this kind at this location (the
    /// code object and line), like `sys.monitoring.DISABLE`: the tracer is
    /// not called for them again. A code object all of whose lines a
    /// line-only tracer disabled runs untraced, unless another tracer
    /// wants its lines.
    pub fn disable(&mut self) {
        self.disable = true;
    }

    pub(crate) fn disabled(&self) -> bool {
        self.disable
    }
}

/// `repr(v)`, or a placeholder when its `__repr__` fails (a tracer's
/// reading must not raise in the script).
fn repr_or_placeholder(vm: &mut Vm, v: &Value) -> String {
    match vm.repr(v) {
        Ok(s) => s,
        Err(_) => format!("<unrepresentable {}>", v.type_name()),
    }
}

/// A read-only view of a running frame, valid during the event.
#[derive(Clone, Copy)]
pub struct FrameInfo<'a> {
    vm: &'a Vm,
    depth: usize,
}

impl<'a> FrameInfo<'a> {
    fn code(&self) -> &'a Code {
        &self.vm.frames[self.depth].code
    }
    /// The function's name (`co_name`): `<module>` for a module's code.
    pub fn function_name(&self) -> &'a str {
        self.code().name.as_str()
    }
    /// The qualified name (`co_qualname`), e.g. `Class.method`.
    pub fn qualname(&self) -> &'a str {
        self.code().qualname.as_str()
    }
    /// The file the code came from (`co_filename`).
    pub fn filename(&self) -> &'a str {
        self.code().filename.as_str()
    }
    /// The line the frame is at (`f_lineno`).
    pub fn line(&self) -> u32 {
        self.vm.frame_line(self.depth)
    }
    /// The code's first line (`co_firstlineno`).
    pub fn first_line(&self) -> u32 {
        self.code().firstlineno
    }
    /// How many frames are below this one (0: the outermost).
    pub fn depth(&self) -> usize {
        self.depth
    }
    /// The caller's frame (`f_back`).
    pub fn back(&self) -> Option<FrameInfo<'a>> {
        Some(FrameInfo {
            vm: self.vm,
            depth: self.depth.checked_sub(1)?,
        })
    }
}

/// A host tracer in the hub's list, with what it takes and what it
/// disabled.
pub struct Installed {
    /// None while it runs (an event it causes is not given to it).
    pub tracer: Option<Box<dyn Tracer>>,
    /// `Tracer::events`, read once.
    pub events: EventMask,
    pub handle: TracerHandle,
    /// What `TraceEvent::disable` turned off (empty for most tracers).
    pub disabled: Disabled,
}

/// A tracer's disabled locations: (code, event, line) triples, and per
/// code object how many of its lines are disabled for `line` events.
#[derive(Default)]
pub struct Disabled {
    at: FxHashSet<(usize, Event, u32)>,
    /// Code objects with a disabled location, kept alive so that their
    /// addresses name them; and their count of disabled lines.
    codes: FxHashMap<usize, (Rc<Code>, usize)>,
}

impl Disabled {
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    pub fn contains(&self, code: &Code, event: Event, line: u32) -> bool {
        self.at
            .contains(&(code as *const Code as usize, event, line))
    }

    pub fn insert(&mut self, code: &Rc<Code>, event: Event, line: u32) {
        let key = Rc::as_ptr(code) as usize;
        if self.at.insert((key, event, line)) && event == Event::Line {
            self.codes.entry(key).or_insert_with(|| (code.clone(), 0)).1 += 1;
        }
    }

    /// Whether every line of `code` is disabled for `line` events.
    pub fn all_lines(&self, code: &Rc<Code>) -> bool {
        if self.codes.is_empty() {
            return false;
        }
        let Some((_, n)) = self.codes.get(&(Rc::as_ptr(code) as usize)) else {
            return false;
        };
        *n >= distinct_lines(code)
    }
}

/// How many different lines `code`'s instructions have.
fn distinct_lines(code: &Code) -> usize {
    let mut lines: Vec<u32> = code.lines.iter().copied().filter(|&l| l > 0).collect();
    lines.sort_unstable();
    lines.dedup();
    lines.len()
}
