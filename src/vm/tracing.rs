//! Where the dispatch loop meets the event pipeline, and exception unwinding
//! (which reports `exception` and `return` events). All of it is cold: an
//! untraced program only pays a flag test at calls and returns.

use std::cell::RefCell;
use std::rc::Rc;

use crate::trace::{Event, SysProfile, SysTrace, TraceEvent};
use crate::value::{PyErr, PyResult, Value};

use super::frame::{Frame, FrameObj, OnReturn};
use super::Vm;

impl Vm {
    /// Tracing changed (`sys.settrace`, `sys.setprofile`, a host tracer
    /// added, a trace function failed): the hub recomputes what is on, and
    /// while anything is, no frame takes the untraced loop's inline call
    /// or return (`plain_call_limit`, `Frame::plain_return`): those
    /// paths then test nothing about tracing themselves. But while only
    /// the host's line tracers are on, the untraced loops report their
    /// events (`lines.rs`), and frames run there as untraced.
    #[cold]
    pub(crate) fn trace_changed(&mut self) {
        self.trace.recompute_active();
        self.update_line_sites();
        // (Frames set it while nothing traced, or while only lines were taken.)
        for f in &mut self.frames {
            f.plain_return = false;
        }
        if self.frame_events_on() {
            self.plain_call_limit = 0;
        } else {
            self.plain_call_limit = self.recursion_limit();
        }
    }

    /// Sends one event to every active tracer, with tracing suspended meanwhile.
    #[cold]
    #[inline(never)]
    pub(crate) fn emit(&mut self, depth: usize, event: Event, arg: &Value) -> PyResult<()> {
        if self.trace.suspended() || !self.trace.delivers(event) {
            return Ok(());
        }
        self.trace.set_suspended(true);
        let outer = self.trace.delivering.replace((event, depth));
        let result = self.emit_to_all(depth, event, arg);
        self.trace.delivering = outer;
        self.trace.set_suspended(false);
        if self.trace.pending_jump.is_some() {
            // Only from a yield's `return` event (a line event takes
            // `emit_at_instruction`): the frame's stack is on top.
            self.finish_jump(&result);
        }
        result
    }

    /// The event's trace functions are done: the jump one made is
    /// finished, or dropped if a tracer raised.
    #[cold]
    fn finish_jump<T>(&mut self, result: &PyResult<T>) {
        if result.is_err() {
            self.discard_pending_jump();
        } else {
            self.apply_pending_jump();
        }
    }

    /// `emit`'s round: the trace and profile functions, then the host's
    /// tracers in order, until one fails. A host tracer is taken out of
    /// the list while it runs.
    #[inline(always)]
    fn emit_to_all(&mut self, depth: usize, event: Event, arg: &Value) -> PyResult<()> {
        if !self.trace.sys_trace.is_none() {
            SysTrace::event(self, depth, event, arg)?;
        }
        if !self.trace.sys_profile.is_none() {
            SysProfile::event(self, depth, event, arg)?;
        }
        if self.trace.host_events.contains(event) {
            self.emit_to_host(depth, event, arg)?;
        }
        Ok(())
    }

    /// The host's tracers' part of `emit_to_all`: each that takes `event`
    /// and has not disabled it here.
    #[cold]
    fn emit_to_host(&mut self, depth: usize, event: Event, arg: &Value) -> PyResult<()> {
        // The location, for tracers that disabled some (made when first needed).
        let mut at: Option<(Rc<crate::bytecode::Code>, u32)> = None;
        let mut i = 0;
        while i < self.trace.tracers.len() {
            let installed = &self.trace.tracers[i];
            if !installed.events.contains(event) {
                i += 1;
                continue;
            }
            if !installed.disabled.is_empty() {
                let (code, line) = at.get_or_insert_with(|| {
                    (self.frames[depth].code.clone(), self.frame_line(depth))
                });
                if self.trace.tracers[i].disabled.contains(code, event, *line) {
                    i += 1;
                    continue;
                }
            }
            let installed = &mut self.trace.tracers[i];
            let Some(mut t) = installed.tracer.take() else {
                i += 1;
                continue;
            };
            let mut ev = TraceEvent::new(self, depth, event, arg);
            let r = t.event(&mut ev).map_err(|e| e.0);
            let disable = ev.disabled();
            // (A tracer cannot be removed while it runs: the list is as it was.)
            let installed = &mut self.trace.tracers[i];
            installed.tracer = Some(t);
            if disable {
                let (code, line) = at.get_or_insert_with(|| {
                    (self.frames[depth].code.clone(), self.frame_line(depth))
                });
                let installed = &mut self.trace.tracers[i];
                installed.disabled.insert(code, event, *line);
                if event == Event::Line && installed.disabled.all_lines(code) {
                    // Frames of this code may run untraced now.
                    self.trace.set_dirty();
                }
            }
            r?;
            i += 1;
        }
        Ok(())
    }

    /// After a frame was pushed: the `call` event, then the frame's mode.
    #[inline]
    pub(crate) fn enter_frame_hooks(&mut self) -> PyResult<()> {
        if self.frame_events_on() && !self.trace.suspended() {
            self.enter_frame_traced()?;
        }
        Ok(())
    }

    #[cold]
    pub(crate) fn enter_frame_traced(&mut self) -> PyResult<()> {
        self.close_dropped_before_call();
        let depth = self.frames.len() - 1;
        let r = self.emit(depth, Event::Call, &Value::None);
        self.recheck_mode(depth);
        r
    }

    /// Before a call event of the frame just pushed: generators its caller
    /// dropped are closed first, from the caller, as CPython closes them.
    pub(crate) fn close_dropped_before_call(&mut self) {
        if Vm::generators_to_close() {
            let f = self.frames.pop().unwrap();
            self.close_dropped_generators();
            self.frames.push(f);
        }
    }

    /// Whether frame `depth` must run in the traced loop now.
    pub(crate) fn recheck_mode(&mut self, depth: usize) {
        self.trace.clear_dirty();
        let want = self.trace.on() && !self.trace.suspended() && self.frame_wants_lines(depth);
        if let Some(f) = self.frames.get_mut(depth) {
            if want && !f.traced && f.ip > 0 {
                // Traced from the middle: the last instruction run counts as
                // the previous one, its line as the last line run (which
                // `trace_quiet` keeps).
                f.set_prev_ip((f.ip - 1) as u32);
                f.last_line = super::frame::line_near(&f.code, f.ip - 1);
            }
            f.traced = want;
        }
    }

    /// Whether some active tracer wants the line events of frame `depth`.
    #[inline(always)]
    fn frame_wants_lines(&self, depth: usize) -> bool {
        // `sys.setprofile`'s function takes no line events.
        let sys = SysTrace::is_active(self) && SysTrace::wants_lines(self, depth);
        if sys || self.trace.host_count() == 0 || self.line_sites.on() {
            // (With the sites on, the untraced loops report the lines.)
            return sys;
        }
        self.host_wants_lines(depth)
    }

    /// Whether some host tracer takes the line events of frame `depth`.
    #[inline]
    fn host_wants_lines(&self, depth: usize) -> bool {
        let code = &self.frames[depth].code;
        self.trace.tracers.iter().any(|t| {
            t.events.contains(Event::Opcode)
                || (t.events.contains(Event::Line) && !t.disabled.all_lines(code))
        })
    }

    /// The `return` event for the top frame.
    #[cold]
    pub(crate) fn return_hooks(&mut self, v: &Value) -> PyResult<()> {
        if self.trace.suspended() {
            return Ok(());
        }
        self.close_pending_generators();
        let depth = self.frames.len() - 1;
        self.emit(depth, Event::Return, v)
    }

    /// `c_call` / `c_return` / `c_exception` from the top frame.
    #[cold]
    pub(crate) fn c_event(&mut self, event: Event, f: &Value) -> PyResult<()> {
        if self.frames.is_empty() {
            return Ok(());
        }
        let depth = self.frames.len() - 1;
        self.emit(depth, event, f)
    }

    /// Before instruction `ip` of frame `fi` in the traced loop: true when
    /// it reports nothing, decided inline; else `trace_instruction` must
    /// run. Nothing to report means (CPython's rule, as `trace_instruction`
    /// applies it) the instruction has no line or the line of the one run
    /// before it, it was reached going forward, that one was not the first
    /// instruction (so not the RESUME opening the code), and no opcode
    /// events or generators to close are pending. Its effects are then
    /// those `trace_instruction` would have had. So for a RESUME, which
    /// reports nothing however it is reached.
    ///
    /// The common case is one flag of the instruction (`Code::quiet`): it
    /// continues the line of the one before it and is reached only from
    /// it. Such instructions are not recorded in `Frame::prev_ip`; the
    /// others are, and find the last instruction run from it (`last_run`).
    #[inline(always)]
    pub(crate) fn trace_quiet(
        &mut self,
        fi: usize,
        ip: usize,
        code: &crate::bytecode::Code,
    ) -> bool {
        debug_assert!(fi < self.frames.len());
        #[cfg(debug_assertions)]
        let shadow = std::mem::replace(&mut self.frames[fi].shadow_prev, ip as u32);
        // (Generators dropped wait here for the next instruction that is
        // not quiet, or the next call, return, exception or built-in's
        // call, which close them first: a quiet one shows nothing.)
        if self.trace.steady() && code.quiet(ip) {
            return true;
        }
        // SAFETY: `fi` is the running frame, as for the loop's `ip` store.
        let f = unsafe { self.frames.get_unchecked_mut(fi) };
        if !f.traced {
            // A trace function's frame (`push_trace_call`), run here while
            // tracing is suspended: as the untraced loop would run it.
            return true;
        }
        let steady = self.trace.steady() & !Vm::generators_to_close();
        let prev = last_run(f, ip);
        // (A fused instruction skips the next one, on its line: the one
        // recorded as run is then that fused one.)
        #[cfg(debug_assertions)]
        debug_assert!(
            prev == shadow
                || (shadow < prev
                    && prev < ip as u32
                    && code.instr_line(prev as usize) == code.instr_line(shadow as usize)),
            "{}: the instruction run before {ip}: {prev}, not {shadow}",
            code.qualname.as_str()
        );
        f.prev_ip = ip as u32;
        f.prev_exact = false;
        // 1: reached from the instruction before; 0: the same instruction
        // again, after a trace function `push_trace_call` ran for it.
        let step = (ip as u32).wrapping_sub(prev);
        if steady && (step == 0 || (step == 1 && code.continues_line(ip))) {
            return true;
        }
        f.ip = ip;
        // prev in 1..=ip (0 wraps to u32::MAX; u32::MAX, none yet, is out
        // too): reached by a forward jump, or a line starts.
        if prev.wrapping_sub(1) < ip as u32 && steady {
            let line = code.instr_line(ip);
            // prev <= ip: an instruction of this code too.
            if line == 0 || line == code.instr_line(prev as usize) {
                if line != 0 {
                    f.last_line = line;
                }
                return true;
            }
        } else if steady && code.instr(ip).op == crate::bytecode::Op::Resume {
            // A frame's first instruction: RESUME reports nothing.
            return true;
        }
        // For `trace_instruction`.
        f.prev_ip = prev;
        false
    }

    /// Before instruction `ip` of frame `fi` in the traced loop: line and
    /// opcode events. True when it pushed a trace function's frame for the
    /// loop to run (`push_trace_call`): the instruction runs after it.
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_instruction(&mut self, fi: usize, ip: usize) -> PyResult<bool> {
        if Vm::generators_to_close() {
            self.close_dropped_generators();
        }
        debug_assert!(fi < self.frames.len());
        // SAFETY: `fi` is the running frame, as for the loop's `ip` store.
        let f = unsafe { self.frames.get_unchecked_mut(fi) };
        let prev = f.prev_ip;
        f.prev_ip = ip as u32;
        let code = &*f.code;
        if code.instr(ip).op == crate::bytecode::Op::Resume {
            return Ok(false);
        }
        let line = code.instr_line(ip);
        if line != 0 {
            f.last_line = line;
            if code.starts_line_event(ip, prev) {
                if self.push_line_trace(fi) {
                    return Ok(true);
                }
                self.emit_at_instruction(fi, ip, Event::Line)?;
            }
        }
        // Where the frame is now: the line event may have set `f_lineno`.
        let ip = self.frames[fi].ip;
        if self.trace.opcodes()
            && self.frames[fi]
                .obj
                .as_ref()
                .is_some_and(|o| o.trace_opcodes.get())
        {
            self.emit_at_instruction(fi, ip, Event::Opcode)?;
        }
        if self.trace.is_dirty() || !self.trace.on() {
            self.recheck_mode(fi);
        }
        Ok(false)
    }

    /// `emit_to_host` for a line event at line `line` of frame `fi`, whose
    /// `ip` is one past the instruction that reports it, with tracing
    /// suspended meanwhile: the lean path of a coverage tracer, which may
    /// take one event per line run (`lines.rs`).
    #[inline(always)]
    pub(crate) fn emit_line_to_host(&mut self, fi: usize, line: u32) -> PyResult<()> {
        self.trace.set_suspended(true);
        let mut result = Ok(());
        for i in 0..self.trace.tracers.len() {
            let installed = &mut self.trace.tracers[i];
            if !installed.events.contains(Event::Line)
                || (!installed.disabled.is_empty() && self.tracer_skips_line(i, fi, line))
            {
                continue;
            }
            let installed = &mut self.trace.tracers[i];
            let Some(mut t) = installed.tracer.take() else {
                continue;
            };
            let mut ev = TraceEvent::new(self, fi, Event::Line, &Value::None);
            let r = t.event(&mut ev);
            let disable = ev.disabled();
            // (A tracer cannot be removed while it runs: the list is as it was.)
            self.trace.tracers[i].tracer = Some(t);
            if disable {
                self.disable_line(i, fi, line);
            }
            if let Err(e) = r {
                result = Err(e.0);
                break;
            }
        }
        self.trace.set_suspended(false);
        result
    }

    /// Whether tracer `i` disabled line `line` of frame `fi`'s code.
    #[cold]
    #[inline(never)]
    fn tracer_skips_line(&self, i: usize, fi: usize, line: u32) -> bool {
        self.trace.tracers[i]
            .disabled
            .contains(&self.frames[fi].code, Event::Line, line)
    }

    /// Tracer `i` disabled line `line` of frame `fi`'s code.
    #[cold]
    #[inline(never)]
    fn disable_line(&mut self, i: usize, fi: usize, line: u32) {
        let code = self.frames[fi].code.clone();
        self.trace.tracers[i]
            .disabled
            .insert(&code, Event::Line, line);
        self.drop_line_sites(&code, line);
    }

    /// A line or opcode event before instruction `ip`: during it, `f_lineno`
    /// is that instruction's line. (`emit`, inlined.)
    #[inline(always)]
    fn emit_at_instruction(&mut self, fi: usize, ip: usize, event: Event) -> PyResult<()> {
        if self.trace.suspended() || !self.trace.delivers(event) {
            return Ok(());
        }
        self.frames[fi].ip = ip + 1;
        self.trace.set_suspended(true);
        let outer = self.trace.delivering.replace((event, fi));
        let r = self.emit_to_all(fi, event, &Value::None);
        self.trace.delivering = outer;
        self.trace.set_suspended(false);
        if self.trace.pending_jump.is_some() {
            // `f_lineno` was set: the frame's ip is one past the target.
            self.finish_jump(&r);
        }
        self.frames[fi].ip -= 1;
        r
    }

    /// The frame object keeps its line and locals once the frame is gone.
    pub(crate) fn freeze_frame_object(&mut self, o: &Rc<FrameObj>, f: &Frame) {
        o.keep();
        let depth = self.frames.len();
        // The frame was just popped: compute from its record.
        let i = f.ip.saturating_sub(1);
        let l = f.code.line_at(i);
        let line = if l != 0 {
            l
        } else if f.last_line != 0 {
            f.last_line
        } else {
            super::frame::line_near(&f.code, i)
        };
        o.final_line.set(line);
        o.final_lasti.set(i as i64 * 2);
        if let Some(ns) = &f.locals {
            *o.locals.borrow_mut() = Some(ns.clone());
        } else {
            let end = (f.base + f.code.nlocalsplus()).min(self.stack.len());
            let slots = self
                .stack
                .get(f.base..end)
                .map(|s| s.to_vec())
                .unwrap_or_default();
            *o.frozen_slots.borrow_mut() = Some(slots);
        }
        o.live.set(None);
        let _ = depth;
    }

    /// Pops the value stack down to `len`, the top first, as CPython does
    /// when it unwinds (the order dropped generators are closed in).
    fn pop_stack_to(&mut self, len: usize) {
        while self.stack.len() > len {
            self.stack.pop();
        }
    }

    /// The frame at `depth` (locals from `base` up) is left by `exc`: its
    /// traceback entry keeps the locals, as CPython's keeps the frame.
    fn keep_locals_in_traceback(&mut self, exc: &Value, depth: usize, base: usize) {
        if self.stack.len() <= base {
            return;
        }
        if let Value::Instance(i) = exc {
            if let Some(tb) = &i.traceback() {
                if tb.depth == depth && tb.locals.borrow().is_empty() {
                    *tb.locals.borrow_mut() = self.stack.split_off(base);
                }
            }
        }
    }

    /// The `(type, value, traceback)` of an `exception` event.
    fn exception_event_arg(&self, exc: &Value) -> Value {
        Value::tuple(self.exc_info_triple(exc).to_vec())
    }

    /// `type(exc), exc, exc.__traceback__`: what `sys.exc_info()`, an
    /// `exception` event and `__exit__` receive.
    pub(crate) fn exc_info_triple(&self, exc: &Value) -> [Value; 3] {
        let tb = match exc {
            Value::Instance(i) => i.traceback(),
            _ => None,
        }
        .map(Value::Traceback)
        .unwrap_or(Value::None);
        [Value::Class(self.exc_class(exc)), exc.clone(), tb]
    }

    /// `for` met an error from its iterator in frame `fi`. A StopIteration
    /// (raised by a `__next__`, a `map` function, ...) ends the loop after
    /// an `exception` event, as CPython's FOR_ITER reports it to the trace
    /// function (whose own error is dropped there).
    #[cold]
    pub(crate) fn for_iter_error(&mut self, fi: usize, e: PyErr) -> PyResult<Option<Value>> {
        if !self.err_is(&e, crate::value::ExcType::StopIteration) {
            return Err(e);
        }
        if self.frame_events_on() && !self.trace.suspended() {
            let exc = self.materialize(e);
            let arg = self.exception_event_arg(&exc);
            let _ = self.emit(fi, Event::Exception, &arg);
        }
        Ok(None)
    }

    /// An exception raised by the instruction just executed in the top frame:
    /// record it (traceback, `exception` event) and unwind to a handler.
    /// Returns Err when it leaves the entry frame.
    pub(crate) fn raise_here(&mut self, err: PyErr) -> PyResult<()> {
        if self.recursion_capped() {
            self.trip_at_depth_cap(&err);
        }
        let exc = self.materialize(err);
        // Implicit chaining: raised while handling another exception.
        if !self.exc_info.is_none() && !self.exc_info.is(&exc) {
            if let Value::Instance(i) = &exc {
                if i.get_attr("__context__").is_none() {
                    i.set_attr(self.intern("__context__"), self.exc_info.clone());
                }
            }
        }
        self.unwind(exc, true)
    }

    /// A re-raise (`raise` with no operand, `Reraise`): no new traceback entry or event.
    /// `lookup_at`: where to look for a handler in the top frame when that
    /// is not the instruction before its `ip` (`Reraise 1` restored it).
    pub(crate) fn reraise(&mut self, err: PyErr, lookup_at: Option<u32>) -> PyResult<()> {
        let exc = self.materialize(err);
        self.unwind_from(exc, false, lookup_at)
    }

    fn unwind(&mut self, exc: Value, record: bool) -> PyResult<()> {
        self.unwind_from(exc, record, None)
    }

    fn unwind_from(
        &mut self,
        mut exc: Value,
        mut record: bool,
        mut lookup_at: Option<u32>,
    ) -> PyResult<()> {
        // Past a tripped limit nothing may catch or see the exception: no
        // handler, no traceback entry, no event (`limits.rs`).
        loop {
            let fi = self.frames.len() - 1;
            if record && !self.limit_tripped() {
                self.close_pending_generators();
                let line = self.frame_line(fi);
                if let Value::Instance(i) = &exc {
                    let next = i.take_traceback();
                    let f = &self.frames[fi];
                    i.set_traceback(Some(crate::gc::alloc(crate::value::TracebackObj {
                        code: f.code.clone(),
                        lineno: line,
                        next,
                        depth: fi,
                        locals: Default::default(),
                        globals: f.globals.clone(),
                        lasti: f.ip.saturating_sub(1) as u32,
                        frame: RefCell::new(f.obj.clone()),
                    })));
                }
                if self.frame_events_on() && !self.trace.suspended() {
                    let arg = self.exception_event_arg(&exc);
                    if let Err(e) = self.emit(fi, Event::Exception, &arg) {
                        // The trace function's own exception replaces this one.
                        let e = self.materialize(e);
                        return self.unwind(e, false);
                    }
                }
            }
            let tripped = self.limit_tripped();
            let f = &self.frames[fi];
            let raised_at = f.ip.saturating_sub(1) as u32;
            let at = lookup_at.take().unwrap_or(raised_at);
            if let Some(h) = f.code.handler_for(at).copied().filter(|_| !tripped) {
                let sp = f.base + f.code.nlocalsplus() + h.depth as usize;
                self.pop_stack_to(sp);
                if h.push_lasti {
                    self.stack.push(Value::Int(raised_at as i64));
                }
                self.stack.push(exc);
                let lines = self.line_sites.on();
                let f = &mut self.frames[fi];
                f.ip = h.target as usize;
                // The handler is not quiet (`Code::quiet`): its line event
                // looks at the instruction that raised, or re-raised (in
                // the `Lines` loop, if it is a site: `jump_to!`).
                f.prev_ip = at;
                f.prev_exact = !lines
                    || f.code.run_instr(h.target as usize).op == crate::bytecode::Op::TraceLine;
                self.close_pending_generators();
                return Ok(());
            }
            // Leave this frame as CPython does: its value stack goes first,
            // then the return event, then its locals.
            let locals_end = f.base + f.code.nlocalsplus();
            if self.stack.len() > locals_end {
                self.pop_stack_to(locals_end);
                self.close_pending_generators();
            }
            if self.frame_events_on() && !self.trace.suspended() && !tripped {
                if let Err(e) = self.emit(fi, Event::Return, &Value::None) {
                    let e = self.materialize(e);
                    let _ = e;
                }
            }
            let f = self.frames.pop().unwrap();
            if let Some(o) = &f.obj {
                self.freeze_frame_object(o, &f);
            }
            if let Some(g) = &f.gen {
                crate::vm::iter::GenState::finish_gen(g);
            }
            self.keep_locals_in_traceback(&exc, fi, f.base);
            self.stack.truncate(f.ret_slot);
            self.close_pending_generators();
            if f.is_entry || self.frames.is_empty() {
                return Err(PyErr::Obj(exc));
            }
            if let OnReturn::TraceEvent(cont) = f.on_return {
                if !self.fail_trace_call(cont) {
                    return Err(PyErr::Obj(exc));
                }
            }
            if matches!(&f.on_return, OnReturn::ClassBody(b) if b.c_traced)
                && self.trace.wants_c_events()
                && !tripped
            {
                // A failing profiler's error replaces the exception.
                if let Err(e) = self.build_class_c_event(Event::CException) {
                    exc = self.materialize(e);
                }
            }
            if self.frame_events_on() || self.frames.last().map(|f| f.traced).unwrap_or(false) {
                let top = self.frames.len() - 1;
                self.recheck_mode(top);
            }
            record = true;
        }
    }
}

/// The instruction run before instruction `ip` of traced frame `f`, not
/// a quiet one (`Code::quiet`), from the last one recorded: that one if
/// it is exact (a jump taken or an exception raised just before), `ip`
/// itself (run again after a trace function ran for it), or none yet;
/// else the instructions after it ran in a row up to `ip`.
#[inline(always)]
fn last_run(f: &Frame, ip: usize) -> u32 {
    let p = f.prev_ip;
    if f.prev_exact || p == ip as u32 || p == u32::MAX {
        p
    } else {
        ip as u32 - 1
    }
}
