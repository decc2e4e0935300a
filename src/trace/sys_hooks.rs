//! `sys.settrace` and `sys.setprofile`: they call krait functions with
//! `(frame, event, arg)` as CPython's trampolines do.

use super::Event;
use crate::value::{PyResult, Value};
use crate::vm::{FrameObj, Vm};

/// `sys.settrace`: `call` goes to the global function, whose result becomes
/// the frame's `f_trace`; every other event goes to `f_trace`.
pub struct SysTrace;

impl SysTrace {
    /// Delivers `event` of frame `depth`.
    pub fn event(vm: &mut Vm, depth: usize, event: Event, arg: &Value) -> PyResult<()> {
        let fobj = vm.frame_object(depth);
        let callback = match event {
            Event::Call => vm.trace.sys_trace.clone(),
            Event::Line | Event::Return | Event::Exception | Event::Opcode => {
                fobj.f_trace.borrow().clone()
            }
            _ => return Ok(()),
        };
        if callback.is_none() {
            return Ok(());
        }
        if event == Event::Line && !fobj.trace_lines.get() {
            return Ok(());
        }
        if event == Event::Opcode && !fobj.trace_opcodes.get() {
            return Ok(());
        }
        let args = [
            Value::Frame(fobj.clone()),
            vm.trace.event_name(event),
            arg.clone(),
        ];
        // As CPython: f_locals is brought up to date for the trace function,
        // and what it changed there is written back.
        vm.locals_before_trace(depth);
        let r = vm.call_owned(callback, args);
        vm.locals_after_trace(depth);
        match r {
            Ok(result) => {
                trace_function_returned(vm, &fobj, result);
                Ok(())
            }
            Err(e) => {
                trace_function_failed(vm, &fobj);
                Err(e)
            }
        }
    }

    /// Whether frame `depth` has a local trace function.
    pub fn wants_lines(vm: &Vm, depth: usize) -> bool {
        match &vm.frames[depth].obj {
            Some(o) => o.has_trace(),
            None => false,
        }
    }

    /// Whether `sys.settrace` set a function.
    pub fn is_active(vm: &Vm) -> bool {
        !vm.trace.sys_trace.is_none()
    }
}

/// A trace function returned `result` for an event of the frame `fobj`:
/// unless None, it becomes the frame's `f_trace`.
#[inline]
pub(crate) fn trace_function_returned(vm: &mut Vm, fobj: &FrameObj, result: Value) {
    if !result.is_none() && !same_function(&fobj.f_trace.borrow(), &result) {
        *fobj.f_trace.borrow_mut() = result;
        vm.trace.set_dirty();
    }
}

/// A trace function raised: tracing goes off, as CPython does.
#[cold]
pub(crate) fn trace_function_failed(vm: &mut Vm, fobj: &FrameObj) {
    vm.trace.sys_trace = Value::None;
    vm.trace_changed();
    *fobj.f_trace.borrow_mut() = Value::None;
}

/// `a is b`, quick when both are functions (a trace function returning itself).
#[inline]
pub(crate) fn same_function(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Function(x), Value::Function(y)) => std::rc::Rc::ptr_eq(x, y),
        (Value::None, b) => b.is_none(),
        _ => a.is(b),
    }
}

/// `sys.setprofile`: every call and return, and the `c_*` events around
/// built-in functions; no line events; the result is ignored.
pub struct SysProfile;

impl SysProfile {
    /// Delivers `event` of frame `depth`.
    pub fn event(vm: &mut Vm, depth: usize, event: Event, arg: &Value) -> PyResult<()> {
        let callback = vm.trace.sys_profile.clone();
        if callback.is_none() {
            return Ok(());
        }
        if matches!(event, Event::Line | Event::Opcode | Event::Exception) {
            return Ok(());
        }
        let fobj = vm.frame_object(depth);
        let args = [Value::Frame(fobj), vm.trace.event_name(event), arg.clone()];
        match vm.call_owned(callback, args) {
            Ok(_) => Ok(()),
            Err(e) => {
                vm.trace.sys_profile = Value::None;
                vm.trace_changed();
                Err(e)
            }
        }
    }
}
