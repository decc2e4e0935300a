//! Trace functions run by the dispatch loop itself. When an event's only
//! taker is `sys.settrace`'s function (or a frame's `f_trace`) and that is
//! a krait function of three plain parameters, the common trace function,
//! the loop pushes its frame with a continuation (`OnReturn::TraceEvent`)
//! and runs it like any call, instead of a nested loop run from Rust
//! (`Vm::emit`, which takes every other case). While it runs, tracing is
//! suspended; the traced loop runs it too, untraced (`trace_quiet`). When
//! it returns, its result goes where `SysTrace` would put it, and the frame
//! the event was about goes on: it runs the instruction a line event came
//! before, starts after its call event, or finishes the return or yield
//! its return event came from.

use std::rc::Rc;

use crate::bytecode::Op;
use crate::trace::Event;
use crate::value::{Function, PyResult, Value};

use super::attr_cache::peek;
use super::frame::{FrameObj, OnReturn};
use super::Vm;

/// The event a trace function pushed by the dispatch loop reports, and
/// what its frame does once it returns.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TraceCont {
    /// `line`, before the instruction at the frame's `ip`: it runs next.
    Line,
    /// `call` of a frame just pushed: it starts.
    Call,
    /// `return` of a frame: it returns the value kept on its stack.
    Return,
    /// `return` of a generator's frame at a yield: it suspends, yielding
    /// the value kept on its stack.
    Yield,
}

impl TraceCont {
    pub(crate) fn event(self) -> Event {
        match self {
            TraceCont::Line => Event::Line,
            TraceCont::Call => Event::Call,
            TraceCont::Return | TraceCont::Yield => Event::Return,
        }
    }
}

/// `f` if it is a krait function the loop can call with `(frame, event, arg)`.
#[inline(always)]
fn plain_trace_function(f: &Value) -> Option<Rc<Function>> {
    match f {
        Value::Function(f) if f.code.simple_argcount == 3 => Some(f.clone()),
        _ => None,
    }
}

impl Vm {
    /// `enter_frame_hooks` for a frame a call pushed, which a dispatch loop
    /// runs next (reloading, through `run_entry`, or resuming a generator):
    /// the `call` event's trace function may be pushed above it, to run
    /// first.
    #[inline]
    pub(crate) fn enter_call_hooks(&mut self) -> PyResult<()> {
        if self.frame_events_on() && !self.trace.suspended() {
            if self.trace.sys_trace.is_none() {
                // No trace function to push (a profiler, host tracers).
                self.enter_frame_traced()?;
            } else {
                self.call_event()?;
            }
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn call_event(&mut self) -> PyResult<()> {
        let depth = self.frames.len() - 1;
        if !self.push_trace_call(depth, TraceCont::Call) {
            self.enter_frame_traced()?;
        }
        Ok(())
    }

    /// The trace function that takes `cont`'s event of frame `fi`, if it
    /// is the only taker and the loop can run it.
    #[inline(always)]
    fn loop_trace_function(&self, fi: usize, cont: TraceCont) -> Option<Rc<Function>> {
        if self.trace.suspended()
            || !self.trace.loop_runs(cont == TraceCont::Line)
            || self.may_be_at_recursion_limit()
        {
            return None;
        }
        if cont == TraceCont::Call {
            return plain_trace_function(&self.trace.sys_trace);
        }
        let fobj = self.frames[fi].obj.as_ref()?;
        if cont == TraceCont::Line && !fobj.trace_lines.get() {
            return None;
        }
        plain_trace_function(&fobj.f_trace.borrow())
    }

    /// `loop_trace_function` for a `line` (`line`) or `return` event of
    /// the top frame `fi`, with its frame object: each record reached once,
    /// without bounds checks or borrow flags.
    #[inline(always)]
    fn frame_trace_function(&self, fi: usize, line: bool) -> Option<(Rc<FrameObj>, Rc<Function>)> {
        debug_assert_eq!(fi + 1, self.frames.len());
        if self.trace.suspended() || !self.trace.loop_runs(line) || self.may_be_at_recursion_limit()
        {
            return None;
        }
        // SAFETY: `fi` is the top frame.
        let fobj = unsafe { self.frames.get_unchecked(fi) }.obj.as_ref()?;
        if line && !fobj.trace_lines.get() {
            return None;
        }
        // SAFETY: read and cloned out; no krait code runs.
        match unsafe { peek(&fobj.f_trace) } {
            Some(Value::Function(g)) if g.code.simple_argcount == 3 => {
                Some((fobj.clone(), g.clone()))
            }
            _ => None,
        }
    }

    /// Whether the `call` event of frame `fi`, on top, would have its
    /// trace function pushed for the loop to run (`push_trace_call`).
    pub(crate) fn call_event_in_loop(&self, fi: usize) -> bool {
        self.loop_trace_function(fi, TraceCont::Call).is_some()
    }

    /// Pushes `func`'s frame for `cont`'s event of the top frame `fi`, whose
    /// frame object is `fobj`, called with `(frame, event, arg)` as
    /// `SysTrace` calls it, `f_locals` brought up to date first. Each
    /// record is reached once, without bounds checks.
    #[inline(always)]
    fn push_trace_frame(
        &mut self,
        fi: usize,
        fobj: Rc<FrameObj>,
        func: Rc<Function>,
        cont: TraceCont,
        arg: Value,
    ) {
        debug_assert_eq!(fi + 1, self.frames.len());
        // SAFETY: `fi` is the top frame.
        let f = unsafe { self.frames.get_unchecked(fi) };
        // SAFETY: looked at, nothing kept.
        if f.locals.is_none() && unsafe { peek(&fobj.locals) }.is_none_or(|l| l.is_some()) {
            self.locals_before_trace(fi);
        }
        self.trace.set_suspended(true);
        let base = self.stack.len();
        let code = &func.code;
        // Room for the whole frame (its three parameters first) at once.
        self.stack.reserve_to(base + code.frame_size());
        self.stack.push_fast(Value::Frame(fobj));
        self.stack.push_fast(self.trace.event_name(cont.event()));
        self.stack.push_fast(arg);
        if code.nlocalsplus() > 3 {
            self.stack.fill_nulls_to(base + code.nlocalsplus());
        }
        let skip_resume = code.instr(0).op == Op::Resume;
        self.push_function_frame(func, base, base, OnReturn::TraceEvent(cont), None);
        if skip_resume {
            // Its RESUME does nothing in a frame nothing traces: skipped.
            // SAFETY: the frame just pushed.
            unsafe { self.frames.get_unchecked_mut(fi + 1) }.ip = 1;
        }
    }

    /// The `call` event of the top frame `fi`: its trace function pushed
    /// for the loop to run, if the loop can. False: nothing done.
    #[inline(always)]
    pub(crate) fn push_trace_call(&mut self, fi: usize, cont: TraceCont) -> bool {
        debug_assert_eq!(cont, TraceCont::Call);
        let Some(func) = self.loop_trace_function(fi, cont) else {
            return false;
        };
        self.close_dropped_before_call();
        let fobj = self.frame_object(fi);
        self.push_trace_frame(fi, fobj, func, cont, Value::None);
        true
    }

    /// A `line` event of the running (top) frame `fi`, before the
    /// instruction its `ip` names: its trace function pushed for the loop
    /// to run, if the loop can (`loop_trace_function`'s checks, each made
    /// once). False: nothing done.
    #[inline(always)]
    pub(crate) fn push_line_trace(&mut self, fi: usize) -> bool {
        let Some((fobj, func)) = self.frame_trace_function(fi, true) else {
            return false;
        };
        // During a line event, f_lineno is the line of that instruction.
        // SAFETY: `fi` is the running frame, on top of the frame stack.
        unsafe { self.frames.get_unchecked_mut(fi) }.ip += 1;
        self.push_trace_frame(fi, fobj, func, TraceCont::Line, Value::None);
        true
    }

    /// The `return` event of the top frame, returning `v` (`Return`) or
    /// yielding it (`Yield`): its trace function pushed for the loop to
    /// run, if the loop can, with `v` kept on the frame's stack until it
    /// returns. A class body's return takes `return_hooks` instead. Err:
    /// nothing done, `v` given back.
    #[inline(always)]
    pub(crate) fn push_return_trace_call(
        &mut self,
        v: Value,
        cont: TraceCont,
    ) -> Result<(), Value> {
        // The quick refusals first (a profiler's own frames, `setprofile`
        // alone): `loop_trace_function` checks all again.
        if self.trace.suspended() || !self.trace.loop_runs(false) {
            return Err(v);
        }
        // What `return_hooks` does before the event.
        self.close_pending_generators();
        let fi = self.frames.len() - 1;
        let f = &self.frames[fi];
        let fits = match cont {
            // A generator's frame too: `leave_frame` finishes it.
            TraceCont::Return => matches!(f.on_return, OnReturn::Push | OnReturn::Init(_)),
            _ => f.gen.is_some(),
        };
        let Some((fobj, func)) = fits.then(|| self.frame_trace_function(fi, false)).flatten()
        else {
            return Err(v);
        };
        self.stack.push(v.clone());
        self.push_trace_frame(fi, fobj, func, cont, v);
        Ok(())
    }

    /// The event of the top frame `fi`, if it is a trace function's that
    /// the loop pushed, which nothing else looked at: its return can take
    /// `pop_trace_call`.
    #[inline(always)]
    pub(crate) fn trace_call_returns_here(&self, fi: usize) -> Option<TraceCont> {
        let f = &self.frames[fi];
        match f.on_return {
            OnReturn::TraceEvent(cont)
                if f.obj.is_none() && f.gen.is_none() && f.locals.is_none() =>
            {
                Some(cont)
            }
            _ => None,
        }
    }

    /// Pops the top frame `fi`, a trace function's frame that
    /// `trace_call_returns_here` accepted, with its stack: the event it
    /// was called for.
    #[inline(always)]
    fn pop_trace_frame(&mut self, fi: usize) -> TraceCont {
        debug_assert!(fi >= 1 && fi + 1 == self.frames.len());
        // SAFETY: frame `fi` is the top one; its fields that hold anything
        // (`trace_call_returns_here` found no object, generator or locals,
        // and `TraceEvent` holds nothing to drop) are each read out once
        // after the record left the stack.
        let (code, globals, func, ret_slot, on_return) = unsafe {
            self.frames.set_len(fi);
            let f = self.frames.as_ptr().add(fi);
            debug_assert!((*f).obj.is_none() && (*f).gen.is_none() && (*f).locals.is_none());
            (
                std::ptr::read(&(*f).code),
                std::ptr::read(&(*f).globals),
                std::ptr::read(&(*f).func),
                (*f).ret_slot,
                std::ptr::read(&(*f).on_return),
            )
        };
        let OnReturn::TraceEvent(cont) = on_return else {
            unreachable!("pop_trace_frame of a frame the loop did not push for an event")
        };
        self.stack.truncate_fast(ret_slot);
        drop((func, globals, code));
        self.close_pending_generators();
        cont
    }

    /// `pop_trace_call` for a `line` event's trace function (frame `fi`,
    /// on top, which `trace_call_returns_here` accepted) that returned
    /// `result`: the frame below then runs the instruction the event came
    /// before. Each record is reached once.
    #[inline(always)]
    pub(crate) fn pop_line_trace(&mut self, fi: usize, result: Value) {
        let cont = self.pop_trace_frame(fi);
        debug_assert_eq!(cont, TraceCont::Line);
        self.trace.set_suspended(false);
        if self.trace.pending_jump.is_some() {
            self.apply_pending_jump();
        }
        // SAFETY: the frame the event was about, now on top.
        let f = unsafe { self.frames.get_unchecked_mut(fi - 1) };
        let write_back = f.locals.is_none()
            && f.obj.as_ref().is_some_and(|o| {
                // SAFETY: looked at, nothing kept.
                unsafe { peek(&o.locals) }.is_none_or(|l| l.is_some())
            });
        if write_back {
            self.locals_after_trace(fi - 1);
        }
        // SAFETY: as above.
        let f = unsafe { self.frames.get_unchecked_mut(fi - 1) };
        f.ip -= 1;
        // Its line was reported: `trace_quiet` sees no new line.
        f.set_prev_ip(f.ip as u32);
        self.take_trace_result(fi - 1, result);
    }

    /// What a trace function the loop pushed for an event of frame `fi`
    /// returned: its next local trace function, unless it is None or the
    /// one it has (usually: the trace function returns itself).
    #[inline(always)]
    fn take_trace_result(&mut self, fi: usize, result: Value) {
        // SAFETY: `fi` is the top frame.
        let f = unsafe { self.frames.get_unchecked(fi) };
        match &f.obj {
            // SAFETY: compared, nothing kept.
            Some(fobj)
                if !result.is_none()
                    && unsafe { peek(&fobj.f_trace) }
                        .is_none_or(|t| !crate::trace::same_function(t, &result)) =>
            {
                let fobj = fobj.clone();
                crate::trace::trace_function_returned(self, &fobj, result);
            }
            _ => result.drop_fast(),
        }
    }

    /// The trace function `trace_call_returns_here` accepted returned
    /// `result`: its frame goes, then `finish_trace_call`.
    #[inline(always)]
    pub(crate) fn pop_trace_call(&mut self, result: Value) -> PyResult<bool> {
        let cont = self.pop_trace_frame(self.frames.len() - 1);
        self.finish_trace_call(cont, result)
    }

    /// A trace function the loop pushed returned `result` (its frame is
    /// popped): the result goes where `SysTrace` puts it, then the frame
    /// the event was about goes on. True: that frame returned from the
    /// loop's entry or yielded, and the loop leaves with the value on top
    /// of the stack; false: the loop runs on with the top frame.
    pub(crate) fn finish_trace_call(&mut self, cont: TraceCont, result: Value) -> PyResult<bool> {
        self.trace.set_suspended(false);
        let fi = self.frames.len() - 1;
        self.locals_after_trace(fi);
        if self.trace.pending_jump.is_some() && cont == TraceCont::Line {
            self.apply_pending_jump();
        }
        let f = &mut self.frames[fi];
        if cont == TraceCont::Line {
            f.ip -= 1;
            // Its line was reported: `trace_quiet` sees no new line.
            f.set_prev_ip(f.ip as u32);
        }
        self.take_trace_result(fi, result);
        match cont {
            TraceCont::Line => Ok(false),
            // As after `enter_frame_traced`'s event: the frame's mode.
            TraceCont::Call => {
                self.recheck_mode(fi);
                Ok(false)
            }
            TraceCont::Return => self.return_after_trace(),
            TraceCont::Yield => self.yield_after_trace(),
        }
    }

    #[inline(never)]
    fn return_after_trace(&mut self) -> PyResult<bool> {
        // (`unwrap_or_default` drops no unused default out of line.)
        let v = self.stack.pop().unwrap_or_default();
        let left = self.leave_frame(v)?;
        self.leaving_with(left)
    }

    #[inline(never)]
    fn yield_after_trace(&mut self) -> PyResult<bool> {
        let mut v = self.stack.pop().unwrap_or_default();
        if self.trace.pending_jump.is_some() {
            // `f_lineno` was set: the frame's stack is on top now.
            self.apply_pending_jump();
        } else if self.frames.last().is_some_and(|f| f.sink) {
            match self.sink_item_traced(v) {
                // Resumed in place: its call event's trace function runs next.
                Ok(()) => return Ok(false),
                Err(back) => v = back,
            }
        }
        let v = self.suspend_generator_frame(v)?;
        self.leaving_with(Some(v))
    }

    /// A trace function the loop pushed for `cont` raised (its frame is
    /// popped, the unwinding goes on in the frame below): tracing goes
    /// off, and the exception goes on as raised by that frame's
    /// instruction. False when it must not: the failed call event of a
    /// resumed generator, whose frame is then dropped unseen, the
    /// generator finished (as `resume_gen` does), and the unwinding leaves
    /// the loop.
    #[cold]
    pub(crate) fn fail_trace_call(&mut self, cont: TraceCont) -> bool {
        self.trace.set_suspended(false);
        if self.trace.pending_jump.is_some() {
            self.discard_pending_jump();
        }
        let fi = self.frames.len() - 1;
        self.locals_after_trace(fi);
        if let Some(fobj) = self.frames[fi].obj.clone() {
            crate::trace::trace_function_failed(self, &fobj);
        }
        if cont == TraceCont::Call && self.frames[fi].gen.is_some() {
            let f = self.frames.pop().unwrap();
            self.stack.truncate(f.ret_slot);
            if let Some(g) = &f.gen {
                crate::vm::iter::GenState::finish_gen(g);
            }
            return false;
        }
        true
    }

    /// `YieldValue` while something traces: the return event's trace
    /// function pushed for the loop to run (None), or `yield_from_frame`.
    #[cold]
    #[inline(never)]
    pub(crate) fn yield_traced(&mut self, v: Value) -> PyResult<Option<Value>> {
        match self.push_return_trace_call(v, TraceCont::Yield) {
            Ok(()) => Ok(None),
            Err(v) => self.yield_from_frame(v).map(Some),
        }
    }
}
