//! The dispatch loop. It is compiled three times: `Plain` has no
//! per-instruction trace test at all; `Traced` reports line and opcode
//! events; `Limited` is `Plain` counting steps for the limits of an
//! embedded script (`limits.rs`), which `Traced` does too. A frame's mode is
//! chosen when it starts and re-checked where hooks can change (after calls
//! return); a change of mode leaves the loop and re-enters it in the other
//! instantiation. `Limited` is chosen for a VM with a limit set or an
//! interrupt handle out, so that without them `Plain` is the loop it was:
//! a step's decrement in its arms, however cheap, moved PGO's register
//! allocation of the whole loop (fib +10%, nbody +7% instructions).

use std::rc::Rc;

use crate::bytecode::{BinOpKind, CmpKind, Instr, Op};
use crate::value::list::list_slot;
use crate::value::{Dict, ExcType, PyErr, PyResult, TypeKind, Value};

use super::frame::OnReturn;
use super::iter::{GenStep, IterObj};
use super::trace_call::TraceCont;
use super::Vm;

pub(crate) trait Mode {
    const TRACED: bool;
    /// Backward jumps and frame starts are steps (`limits.rs`); else
    /// backward jumps only look at Ctrl-C.
    const STEPS: bool;
    /// Runs `Code::run`, where the host's line tracers' sites are
    /// (`lines.rs`); the other modes run `Code::instrs`.
    const LINES: bool;
}
pub(crate) struct Plain;
pub(crate) struct Traced;
pub(crate) struct Limited;
pub(crate) struct Lines;
impl Mode for Plain {
    const TRACED: bool = false;
    const STEPS: bool = false;
    const LINES: bool = false;
}
impl Mode for Traced {
    const TRACED: bool = true;
    const STEPS: bool = true;
    const LINES: bool = false;
}
impl Mode for Limited {
    const TRACED: bool = false;
    const STEPS: bool = true;
    const LINES: bool = false;
}
impl Mode for Lines {
    const TRACED: bool = false;
    const STEPS: bool = true;
    const LINES: bool = true;
}

pub(crate) enum Exit {
    /// The entry frame returned (or yielded) this value.
    Return(Value),
    /// The top frame wants the other loop.
    Switch,
    /// A step's countdown ran out (`limits.rs`): `Vm::poll` runs outside
    /// the loop, whose hot paths then share no registers with a call.
    /// Where the top frame goes on is in `Vm::poll_exit`.
    Poll,
}

impl Vm {
    /// Runs until the entry frame on top of the frame stack returns.
    pub(crate) fn run_loop(&mut self) -> PyResult<Value> {
        loop {
            // A trace function the loop pushed (`vm/trace_call.rs`) runs in
            // the traced loop too: the frame its event is about does next.
            let traced = self
                .frames
                .last()
                .is_some_and(|f| f.traced || matches!(f.on_return, OnReturn::TraceEvent(_)));
            let r = if traced {
                self.dispatch::<Traced>()
            } else if self.line_sites.on() {
                self.dispatch::<Lines>()
            } else if self.limits_on() {
                self.dispatch::<Limited>()
            } else {
                self.dispatch::<Plain>()
            };
            match r {
                Ok(Exit::Return(v)) => return Ok(v),
                Ok(Exit::Switch) => continue,
                Ok(Exit::Poll) => self.after_poll()?,
                Err(e) => return Err(e),
            }
        }
    }

    /// Leaves the loop for a poll: the top frame goes on at `resume_at` if
    /// it finds nothing, or raises from the instruction before its `ip`;
    /// `jumped`: that instruction was a jump taken to `resume_at`.
    #[inline(always)]
    fn poll_exit(&mut self, resume_at: usize, jumped: bool) -> PyResult<Exit> {
        self.limits.poll_exit = (resume_at, jumped);
        Ok(Exit::Poll)
    }

    /// `Exit::Poll`: the poll, then the top frame goes on where the step
    /// would have taken it, or the poll's error is raised there.
    #[cold]
    #[inline(never)]
    fn after_poll(&mut self) -> PyResult<()> {
        let (resume_at, jumped) = self.limits.poll_exit;
        if let Err(e) = self.poll() {
            return self.raise_here(e);
        }
        let lines = self.line_sites.on();
        let f = self.frames.last_mut().unwrap();
        if jumped && (f.traced || (lines && f.code.run_instr(resume_at).op == Op::TraceLine)) {
            // What `jump_to!` records for the target's line event.
            f.prev_ip = (f.ip - 1) as u32;
            f.prev_exact = true;
        }
        f.ip = resume_at;
        Ok(())
    }

    fn dispatch<M: Mode>(&mut self) -> PyResult<Exit> {
        let mut fi = self.frames.len() - 1;
        // The running frame's code, borrowed from its record rather than
        // counted: the record holds it while the loop runs the frame, and
        // `reload!` re-reads it whenever the running frame changes.
        // SAFETY: as for the per-instruction `ip` store below.
        let mut code: &crate::bytecode::Code = unsafe { &*Rc::as_ptr(&self.frames[fi].code) };
        let mut base = self.frames[fi].base;
        let mut ip = self.frames[fi].ip;
        self.stack.reserve_to(base + code.frame_size());

        // Reloads the cached frame state after the frame stack changed; leaves
        // the loop if the new top frame runs in the other mode.
        macro_rules! reload {
            () => {{
                fi = self.frames.len() - 1;
                let f = &self.frames[fi];
                // The traced loop also runs trace functions' frames
                // (`Vm::push_trace_call`), untraced while tracing is suspended.
                if f.traced != M::TRACED && !(M::TRACED && self.trace.suspended()) {
                    return Ok(Exit::Switch);
                }
                // SAFETY: as above.
                code = unsafe { &*Rc::as_ptr(&f.code) };
                base = f.base;
                ip = f.ip;
                self.stack.reserve_to(base + code.frame_size());
            }};
        }
        // After an instruction that ran krait code in a nested run (a
        // `with` item's `__enter__`/`__exit__`, a module's code): that code
        // may have changed the tracing, so this frame's mode is rechecked.
        macro_rules! after_nested_run {
            () => {{
                if self.trace.is_dirty() {
                    recheck_mode!();
                }
                reload!();
            }};
        }
        // Tracing changed: frame `fi`'s mode is rechecked, and the loop
        // left when the host's line tracers' sites came or went.
        macro_rules! recheck_mode {
            () => {{
                self.recheck_mode(fi);
                if !M::TRACED && M::LINES != self.line_sites.on() {
                    return Ok(Exit::Switch);
                }
            }};
        }
        // Makes frame `fi` the running one: `reload!` without its checks,
        // for a frame known to run in this mode with its room made.
        macro_rules! run_frame {
            () => {{
                // SAFETY: as above.
                let f = unsafe { self.frames.get_unchecked(fi) };
                code = unsafe { &*Rc::as_ptr(&f.code) };
                base = f.base;
                ip = f.ip;
            }};
        }

        // A jump taken from the instruction before `ip`: the traced loop
        // records it as the last instruction run, for the target's line
        // event (`Vm::trace_quiet`; the target is never quiet); the `Lines`
        // loop when the target is a site (`Vm::line_site`).
        macro_rules! jump_to {
            ($target:expr) => {{
                let target = $target;
                if M::TRACED || (M::LINES && code.run_instr(target).op == Op::TraceLine) {
                    // SAFETY: as for the `ip` store below.
                    let f = unsafe { self.frames.get_unchecked_mut(fi) };
                    f.prev_ip = (ip - 1) as u32;
                    f.prev_exact = true;
                }
                ip = target;
            }};
        }

        'dispatch: loop {
            let err: PyErr = 'op: {
                // `LoadFast` of slot `arg`, ending the instruction.
                macro_rules! load_fast {
                    ($arg:expr) => {{
                        let v = self.stack.slot(base + $arg as usize);
                        if let Value::Null = v {
                            break 'op self.unbound_local(code, $arg as usize);
                        }
                        let v = v.clone();
                        self.stack.push_fast(v);
                        continue 'dispatch;
                    }};
                }
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'op e,
                        }
                    };
                }
                // Most instructions of a traced frame report nothing: one inline test.
                if M::TRACED && !self.trace_quiet(fi, ip, code) {
                    match self.trace_instruction(fi, ip) {
                        Ok(false) => {
                            if !self.frames[fi].traced {
                                // Its line was looked at: in the `Lines`
                                // loop it runs again as the last one run.
                                self.frames[fi].prev_exact = true;
                                return Ok(Exit::Switch);
                            }
                            // A line event may have set `f_lineno`.
                            ip = self.frames[fi].ip;
                        }
                        // A trace function's frame: it runs first, here,
                        // in the room `push_trace_frame` made.
                        Ok(true) => {
                            fi = self.frames.len() - 1;
                            run_frame!();
                            continue 'dispatch;
                        }
                        Err(e) => {
                            // Raised by a tracer: it happens at this instruction.
                            ip += 1;
                            break 'op e;
                        }
                    }
                }
                debug_assert!(
                    self.stack.len() <= base + code.frame_size(),
                    "{}: the stack outgrew its computed depth at {ip}",
                    code.qualname.as_str()
                );
                // With the host's line tracers' sites (`vm/lines.rs`).
                let mut instr = if M::LINES {
                    code.run_instr(ip)
                } else {
                    code.instr(ip)
                };
                ip += 1;
                let arg = instr.arg;
                // Published for whatever looks at the frame (tracebacks,
                // f_lineno, calls): as CPython 3.11 stores `prev_instr`, on
                // every instruction, which costs less than telling apart
                // those that need it.
                debug_assert!(fi < self.frames.len());
                // SAFETY: the running frame's record stays on the frame stack
                // until the loop leaves it: nested runs push and pop only
                // above it, and this loop's returns and unwinding reload `fi`.
                unsafe { self.frames.get_unchecked_mut(fi).ip = ip };
                // (`'redo`: the instruction a `TraceLine` stands for.)
                'redo: loop {
                    match instr.op {
                        // A site of `vm/lines.rs`, then the instruction it
                        // stands for (the other modes never meet one).
                        Op::TraceLine if M::LINES => {
                            match self.line_site(fi, ip - 1) {
                                Ok(false) => {}
                                Ok(true) => {
                                    // Runs it again in the traced loop.
                                    self.frames[fi].ip = ip - 1;
                                    return Ok(Exit::Switch);
                                }
                                Err(e) => break 'op e,
                            }
                            instr = code.instr(ip - 1);
                            continue 'redo;
                        }
                        Op::LoadFast => load_fast!(arg),
                        Op::LoadConst => {
                            self.stack.push_fast(code.konst(arg as usize).clone());
                            continue 'dispatch;
                        }
                        Op::LoadFastAttr if !(M::TRACED && self.trace.opcodes()) => {
                            let v = self.stack.slot(base + arg as usize);
                            if let Value::Instance(inst) = v {
                                let name = code.instr(ip).arg as usize;
                                // SAFETY: cloned out at once.
                                if let Some(r) = unsafe { self.cached_load(code, name, inst) } {
                                    let r = r.clone();
                                    self.stack.push_fast(r);
                                    ip += 1;
                                    continue 'dispatch;
                                }
                            }
                            load_fast!(arg);
                        }
                        Op::LoadFastMethod if !(M::TRACED && self.trace.opcodes()) => {
                            let v = self.stack.slot(base + arg as usize);
                            if let Value::Instance(inst) = v {
                                let name = code.instr(ip).arg as usize;
                                // SAFETY: cloned out at once.
                                if let Some(m) = unsafe { self.cached_method(code, name, inst) } {
                                    let m = m.clone();
                                    let v = v.clone();
                                    self.stack.push_fast(m);
                                    self.stack.push_fast(v);
                                    ip += 1;
                                    continue 'dispatch;
                                }
                            }
                            load_fast!(arg);
                        }
                        Op::LoadFastStoreAttr if !(M::TRACED && self.trace.opcodes()) => {
                            let v = self.stack.pop_fast();
                            let target = self.stack.slot(base + arg as usize);
                            let missed = match target {
                                Value::Instance(inst) => {
                                    let name = code.instr(ip).arg as usize;
                                    self.cached_store(code, name, inst, v)
                                }
                                _ => Err(v),
                            };
                            match missed {
                                Ok(()) => {
                                    ip += 1;
                                    continue 'dispatch;
                                }
                                Err(v) => self.stack.push_fast(v),
                            }
                            load_fast!(arg);
                        }
                        // With opcode events on, each instruction of a pair runs
                        // on its own, so each reports its event.
                        Op::LoadFastAttr | Op::LoadFastMethod | Op::LoadFastStoreAttr => {
                            load_fast!(arg)
                        }
                        Op::LoadFastPair | Op::LoadFastConst
                            if M::TRACED && self.trace.opcodes() =>
                        {
                            load_fast!(arg & 0xffff)
                        }
                        Op::LoadFastConst => {
                            let a = (arg & 0xffff) as usize;
                            let va = self.stack.slot(base + a);
                            if let Value::Null = va {
                                break 'op self.unbound_local(code, a);
                            }
                            let va = va.clone();
                            self.stack.push_fast(va);
                            self.stack
                                .push_fast(code.konst((arg >> 16) as usize).clone());
                            ip += 1;
                            continue 'dispatch;
                        }
                        Op::LoadFastPair => {
                            let (a, b) = ((arg & 0xffff) as usize, (arg >> 16) as usize);
                            let va = self.stack.slot(base + a);
                            if let Value::Null = va {
                                break 'op self.unbound_local(code, a);
                            }
                            let va = va.clone();
                            let vb = self.stack.slot(base + b);
                            if let Value::Null = vb {
                                // The error belongs to the second load.
                                self.stack.push_fast(va);
                                ip += 1;
                                break 'op self.unbound_local(code, b);
                            }
                            let vb = vb.clone();
                            self.stack.push_fast(va);
                            self.stack.push_fast(vb);
                            ip += 1;
                            continue 'dispatch;
                        }
                        Op::StoreFast => {
                            let v = self.stack.pop_fast();
                            self.stack.store_slot(base + arg as usize, v);
                            continue 'dispatch;
                        }
                        Op::Jump => {
                            if !M::STEPS && (arg as usize) < ip && interrupt_pending() {
                                break 'op take_interrupt();
                            }
                            // A backward jump is a step (`limits.rs`).
                            if M::STEPS && (arg as usize) < ip && self.tick() {
                                return self.poll_exit(arg as usize, true);
                            }
                            jump_to!(arg as usize);
                            continue 'dispatch;
                        }
                        Op::PopTop => {
                            self.stack.pop_fast().drop_fast();
                            continue 'dispatch;
                        }
                        Op::PushNull => {
                            self.stack.push_fast(Value::Null);
                            continue 'dispatch;
                        }
                        Op::Resume if M::STEPS => {
                            // A frame's start is a step (`limits.rs`).
                            if self.tick() {
                                return self.poll_exit(ip, false);
                            }
                            continue 'dispatch;
                        }
                        // (`TraceLine`: never met here. Only `Code::run` holds
                        // it, which only the `Lines` mode runs, whose arm above
                        // takes it; `Code::check_operands` makes sure `instrs`
                        // does not.)
                        Op::Nop | Op::Resume | Op::TraceLine => {
                            debug_assert!(matches!(instr.op, Op::Nop | Op::Resume));
                            // Not an empty arm: one would make the loop head its
                            // own successor, and LLVM then keeps one shared
                            // dispatch jump instead of a copy per arm (see
                            // .cargo/config.toml).
                            // SAFETY: an empty asm block does nothing.
                            unsafe {
                                std::arch::asm!("", options(nomem, nostack, preserves_flags))
                            };
                            continue 'dispatch;
                        }

                        Op::CopySubscr if !(M::TRACED && self.trace.opcodes()) => {
                            let n = self.stack.len();
                            if let (Value::List(l), Value::Int(i)) =
                                (self.stack.slot(n - 2), self.stack.slot(n - 1))
                            {
                                if let Some(v) = l.get(*i) {
                                    self.stack.push_fast(v);
                                    ip += 2;
                                    continue 'dispatch;
                                }
                            }
                            let v = self.stack.slot(n - arg as usize).clone();
                            self.stack.push_fast(v);
                        }
                        Op::SwapStoreSubscr if !(M::TRACED && self.trace.opcodes()) => {
                            let n = self.stack.len();
                            if let (Value::List(l), Value::Int(i)) =
                                (self.stack.slot(n - 3), self.stack.slot(n - 2))
                            {
                                let (l, i) = (Rc::as_ptr(l), *i);
                                let v = self.stack.pop_fast();
                                // SAFETY: the list stays in its stack slot
                                // (`n - 3`) until the pops below.
                                match unsafe { &*l }.set(i, v) {
                                    Ok(()) => {
                                        self.stack.pop_fast().drop_fast();
                                        self.stack.pop_fast().drop_fast();
                                        ip += 2;
                                        continue 'dispatch;
                                    }
                                    Err(v) => self.stack.push_fast(v),
                                }
                            }
                            self.stack.swap_fast(n - 1, n - arg as usize);
                        }
                        // (The fused runs when they do not take their fast path,
                        // or trace opcodes, run their first instruction here.)
                        Op::Copy | Op::CopySubscr => {
                            let v = self.stack.slot(self.stack.len() - arg as usize).clone();
                            self.stack.push_fast(v);
                        }
                        Op::Swap | Op::SwapStoreSubscr => {
                            let n = self.stack.len();
                            self.stack.swap_fast(n - 1, n - arg as usize);
                        }
                        Op::DeleteFast => {
                            if let Value::Null = self.stack.slot(base + arg as usize) {
                                break 'op self.unbound_local(code, arg as usize);
                            }
                            *self.stack.slot_mut(base + arg as usize) = Value::Null;
                        }
                        Op::LoadDeref => {
                            let v = match self.stack.slot(base + arg as usize) {
                                Value::Cell(c) => c.borrow().clone(),
                                _ => Value::Null,
                            };
                            if let Value::Null = v {
                                break 'op self.unbound_deref(code, arg as usize);
                            }
                            self.stack.push_fast(v);
                        }
                        Op::StoreDeref => {
                            let v = self.stack.pop_fast();
                            if let Value::Cell(c) = self.stack.slot(base + arg as usize) {
                                *c.borrow_mut() = v;
                            }
                        }
                        Op::DeleteDeref => {
                            let old = match self.stack.slot(base + arg as usize) {
                                Value::Cell(c) => c.replace(Value::Null),
                                _ => Value::Null,
                            };
                            if let Value::Null = old {
                                break 'op self.unbound_deref(code, arg as usize);
                            }
                        }
                        Op::LoadClosure => {
                            let v = self.stack.slot(base + arg as usize).clone();
                            self.stack.push_fast(v);
                        }
                        Op::LoadClassDeref => {
                            let name = code.slot_name(arg as usize).clone();
                            let found = self.frames[fi]
                                .locals
                                .as_ref()
                                .and_then(|ns| ns.borrow().get_str(name.as_str()).cloned());
                            let v = match found {
                                Some(v) => v,
                                None => match self.stack.slot(base + arg as usize) {
                                    Value::Cell(c) => c.borrow().clone(),
                                    _ => Value::Null,
                                },
                            };
                            if let Value::Null = v {
                                break 'op self.unbound_deref(code, arg as usize);
                            }
                            self.stack.push_fast(v);
                        }
                        Op::LoadGlobal => {
                            // SAFETY: cloned out at once.
                            let hit = unsafe {
                                self.cached_global(code, arg as usize, &self.frames[fi].globals)
                            };
                            if let Some(v) = hit {
                                let v = v.clone();
                                self.stack.push_fast(v);
                                continue 'dispatch;
                            }
                            let globals = self.frames[fi].globals.clone();
                            let v = tri!(self.load_global_slow(code, arg as usize, &globals));
                            self.stack.push_fast(v);
                        }
                        Op::StoreGlobal => {
                            let v = self.stack.pop_fast();
                            self.store_global_cached(
                                code,
                                arg as usize,
                                &self.frames[fi].globals,
                                v,
                            );
                        }
                        Op::DeleteGlobal => {
                            let name = code.names[arg as usize].clone();
                            let key = crate::value::DictKey::name(&name);
                            if self.frames[fi].globals.borrow_mut().remove(&key).is_none() {
                                break 'op self.name_error(
                                    format!("name '{}' is not defined", name.as_str()),
                                    &name,
                                );
                            }
                        }
                        Op::LoadName => {
                            let f = &self.frames[fi];
                            if let Some(ns) = &f.locals {
                                if Rc::ptr_eq(ns, &f.globals) {
                                    // Module code: its namespace is the globals.
                                    // SAFETY: cloned out at once.
                                    let v =
                                        match unsafe { self.cached_global(code, arg as usize, ns) }
                                        {
                                            Some(v) => v.clone(),
                                            None => {
                                                let globals = ns.clone();
                                                tri!(self.load_global_slow(
                                                    code,
                                                    arg as usize,
                                                    &globals
                                                ))
                                            }
                                        };
                                    self.stack.push_fast(v);
                                    continue 'dispatch;
                                }
                            }
                            let name = code.names[arg as usize].clone();
                            let key = crate::value::DictKey::name(&name);
                            let local = self.frames[fi]
                                .locals
                                .as_ref()
                                .and_then(|ns| ns.borrow().get(&key).cloned());
                            let v = match local {
                                Some(v) => v,
                                None => tri!(self.load_global(fi, &name)),
                            };
                            self.stack.push_fast(v);
                        }
                        Op::StoreName => {
                            let v = self.stack.pop_fast();
                            let f = &self.frames[fi];
                            if let Some(ns) = &f.locals {
                                if Rc::ptr_eq(ns, &f.globals) {
                                    self.store_global_cached(code, arg as usize, ns, v);
                                    continue 'dispatch;
                                }
                            }
                            let name = code.names[arg as usize].clone();
                            let key = crate::value::DictKey::name(&name);
                            let ns = self.frames[fi]
                                .locals
                                .clone()
                                .unwrap_or_else(|| self.frames[fi].globals.clone());
                            ns.borrow_mut().insert(key, v);
                        }
                        Op::DeleteName => {
                            let name = code.names[arg as usize].clone();
                            let key = crate::value::DictKey::name(&name);
                            let ns = self.frames[fi]
                                .locals
                                .clone()
                                .unwrap_or_else(|| self.frames[fi].globals.clone());
                            if ns.borrow_mut().remove(&key).is_none() {
                                break 'op self.name_error(
                                    format!("name '{}' is not defined", name.as_str()),
                                    &name,
                                );
                            }
                        }
                        Op::LoadAttr => {
                            let obj = self.stack.pop_fast();
                            if let Value::Instance(inst) = &obj {
                                // SAFETY: cloned out at once.
                                if let Some(v) =
                                    unsafe { self.cached_load(code, arg as usize, inst) }
                                {
                                    let v = v.clone();
                                    self.stack.push_fast(v);
                                    obj.drop_fast();
                                    continue 'dispatch;
                                }
                            } else if let Value::Class(c) = &obj {
                                if let Some(v) = self.cached_class_attr(code, arg as usize, c) {
                                    self.stack.push_fast(v);
                                    obj.drop_fast();
                                    continue 'dispatch;
                                }
                            } else if let Value::Module(m) = &obj {
                                match self.load_module_attr(code, arg as usize, &obj, m) {
                                    Ok(v) => self.stack.push_fast(v),
                                    Err(e) => {
                                        let name = &code.names[arg as usize];
                                        break 'op self.attr_error_context(e, &obj, name);
                                    }
                                }
                                obj.drop_fast();
                                continue 'dispatch;
                            }
                            let name = &code.names[arg as usize];
                            let v = match self.getattr_str(&obj, name) {
                                Ok(v) => v,
                                Err(e) => break 'op self.attr_error_context(e, &obj, name),
                            };
                            match &obj {
                                Value::Instance(inst) => {
                                    self.fill_load_cache(code, arg as usize, inst, name)
                                }
                                Value::Class(c) => {
                                    self.fill_class_attr_cache(code, arg as usize, c, name)
                                }
                                _ => {}
                            }
                            self.stack.push_fast(v);
                            obj.drop_fast();
                        }
                        Op::StoreAttr => {
                            let obj = self.stack.pop_fast();
                            let v = self.stack.pop_fast();
                            let name = &code.names[arg as usize];
                            if let Value::Instance(inst) = &obj {
                                let Err(v) = self.cached_store(code, arg as usize, inst, v) else {
                                    obj.drop_fast();
                                    continue 'dispatch;
                                };
                                let before = inst.shape();
                                tri!(self.setattr(&obj, name, v));
                                self.fill_store_cache(code, arg as usize, inst, name, before);
                            } else {
                                tri!(self.setattr(&obj, name, v));
                            }
                            if self.trace.is_dirty() && !M::TRACED {
                                recheck_mode!();
                                reload!();
                            }
                        }
                        Op::DeleteAttr => {
                            let obj = self.stack.pop_fast();
                            tri!(self.delattr(&obj, &code.names[arg as usize]));
                        }
                        Op::LoadMethod => {
                            let obj = self.stack.pop_fast();
                            if let Value::Instance(inst) = &obj {
                                // SAFETY: cloned out at once.
                                if let Some(m) =
                                    unsafe { self.cached_method(code, arg as usize, inst) }
                                {
                                    let m = m.clone();
                                    self.stack.push_fast(m);
                                    self.stack.push_fast(obj);
                                    continue 'dispatch;
                                }
                            }
                            tri!(self.load_method_at(code, arg as usize, obj));
                        }
                        Op::Call | Op::CallKw | Op::CallEx => {
                            let pushed = match instr.op {
                                Op::Call => {
                                    let slot = self.stack.len() - arg as usize - 2;
                                    // (Refused while anything traces, but the host's
                                    // line tracers: `plain_call_limit`.)
                                    if !M::TRACED {
                                        if let Some(new_base) =
                                            self.enter_simple_call(slot, arg as usize)
                                        {
                                            // The new frame runs here, untraced:
                                            // what `reload!` would read.
                                            fi += 1;
                                            // SAFETY: as in `reload!`.
                                            code = unsafe {
                                                &*Rc::as_ptr(&self.frames.get_unchecked(fi).code)
                                            };
                                            base = new_base;
                                            ip = 0;
                                            continue 'dispatch;
                                        }
                                    }
                                    tri!(self.call_at(slot, arg as usize, None))
                                }
                                Op::CallKw => {
                                    let names = match self.stack.pop() {
                                        Some(Value::Tuple(t)) => t,
                                        _ => Rc::new(vec![]),
                                    };
                                    let slot = self.stack.len() - arg as usize - 2;
                                    tri!(self.call_at(slot, arg as usize, Some(names)))
                                }
                                _ => tri!(self.call_ex(arg)),
                            };
                            if pushed {
                                reload!();
                            } else if self.trace.is_dirty() {
                                recheck_mode!();
                                reload!();
                            }
                        }
                        Op::BinaryOp => {
                            let b = self.stack.pop_fast();
                            let a = self.stack.pop_fast();
                            // Ints and floats: pushed from registers, nothing to drop.
                            if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
                                if let Some(r) = fast_int_op(*x, *y, arg) {
                                    std::mem::forget((a, b));
                                    self.stack.push_int(r);
                                    continue 'dispatch;
                                }
                            } else if let Some(r) = fast_float_op(&a, &b, arg) {
                                std::mem::forget((a, b));
                                self.stack.push_float(r);
                                continue 'dispatch;
                            }
                            let r = match (&a, &b) {
                                (Value::Str(_), Value::Str(_))
                                    if !M::TRACED && !M::STEPS && arg == INPLACE_ADD =>
                                {
                                    self.str_append(a, &b, code.instrs[ip], base)
                                }
                                // Under limits, the size first.
                                (Value::Str(x), Value::Str(y))
                                    if !M::TRACED && arg == INPLACE_ADD =>
                                {
                                    tri!(self.check_str_size(x.as_str().len() + y.as_str().len()));
                                    self.str_append(a, &b, code.instrs[ip], base)
                                }
                                _ => tri!(self.binary_op(a, b, arg)),
                            };
                            self.stack.push_fast(r);
                        }
                        Op::UnaryNegative => {
                            let a = self.stack.pop_fast();
                            let r = tri!(self.unary_neg(a));
                            self.stack.push_fast(r);
                        }
                        Op::UnaryPositive => {
                            let a = self.stack.pop_fast();
                            let r = tri!(self.unary_pos(a));
                            self.stack.push_fast(r);
                        }
                        Op::UnaryInvert => {
                            let a = self.stack.pop_fast();
                            let r = tri!(self.unary_invert(a));
                            self.stack.push_fast(r);
                        }
                        Op::UnaryNot => {
                            let a = self.stack.pop_fast();
                            let t = tri!(self.truthy(&a));
                            self.stack.push_bool(!t);
                            a.drop_fast();
                        }
                        Op::CompareOp => {
                            let n = self.stack.len();
                            let (a, b) = (self.stack.slot(n - 2), self.stack.slot(n - 1));
                            if let Some(r) = fast_compare(a, b, arg)
                                .or_else(|| identity_compare(self.rich_compare_defined, a, b, arg))
                            {
                                self.stack.truncate_fast(n - 2);
                                // Untraced, a compare feeding a jump (same line) decides it at once.
                                if !M::TRACED {
                                    // (Not with a site of `vm/lines.rs`.)
                                    let next = if M::LINES {
                                        code.run_instr(ip)
                                    } else {
                                        code.instr(ip)
                                    };
                                    if next.op == Op::PopJumpIfFalse || next.op == Op::PopJumpIfTrue
                                    {
                                        ip = if r == (next.op == Op::PopJumpIfTrue) {
                                            if !M::STEPS
                                                && (next.arg as usize) < ip
                                                && interrupt_pending()
                                            {
                                                self.frames[fi].ip = ip + 1;
                                                break 'op take_interrupt();
                                            }
                                            if M::STEPS && (next.arg as usize) < ip && self.tick() {
                                                // As raised by the jump.
                                                self.frames[fi].ip = ip + 1;
                                                return self.poll_exit(next.arg as usize, true);
                                            }
                                            if M::LINES
                                                && code.run_instr(next.arg as usize).op
                                                    == Op::TraceLine
                                            {
                                                // As `jump_to!` records it.
                                                let f = &mut self.frames[fi];
                                                f.prev_ip = ip as u32;
                                                f.prev_exact = true;
                                            }
                                            next.arg as usize
                                        } else {
                                            ip + 1
                                        };
                                        continue 'dispatch;
                                    }
                                }
                                self.stack.push_bool(r);
                                continue 'dispatch;
                            }
                            let b = self.stack.pop_fast();
                            let a = self.stack.pop_fast();
                            let r = tri!(self.compare(&a, &b, CmpKind::from_arg(arg)));
                            self.stack.push_fast(r);
                            a.drop_fast();
                            b.drop_fast();
                        }
                        Op::IsOp => {
                            let b = self.stack.pop_fast();
                            let a = self.stack.pop_fast();
                            self.stack.push_bool(a.is(&b) != (arg == 1));
                            a.drop_fast();
                            b.drop_fast();
                        }
                        Op::ContainsOp => {
                            let b = self.stack.pop_fast();
                            let a = self.stack.pop_fast();
                            let r = tri!(self.contains(&b, &a));
                            self.stack.push_bool(r != (arg == 1));
                            a.drop_fast();
                            b.drop_fast();
                        }
                        Op::BinarySubscr => {
                            let k = self.stack.pop_fast();
                            let c = self.stack.pop_fast();
                            let r = match (&c, &k) {
                                (Value::List(l), Value::Int(i)) => match l.get(*i) {
                                    Some(v) => v,
                                    None => {
                                        break 'op PyErr::index_error("list index out of range")
                                    }
                                },
                                (Value::Tuple(t), Value::Int(i)) => match list_slot(*i, t.len()) {
                                    Some(j) => t[j].clone(),
                                    None => {
                                        break 'op PyErr::index_error("tuple index out of range")
                                    }
                                },
                                (Value::Instance(_), _) => match self.push_getitem_frame(&c, &k) {
                                    Some(pushed) => {
                                        tri!(pushed);
                                        drop((c, k));
                                        reload!();
                                        continue 'dispatch;
                                    }
                                    None => tri!(self.getitem(&c, &k)),
                                },
                                _ => tri!(self.getitem(&c, &k)),
                            };
                            self.stack.push_fast(r);
                            c.drop_fast();
                            k.drop_fast();
                        }
                        Op::StoreSubscr => {
                            let k = self.stack.pop_fast();
                            let c = self.stack.pop_fast();
                            let v = self.stack.pop_fast();
                            let v = match (&c, &k) {
                                (Value::List(l), Value::Int(i)) => match l.set(*i, v) {
                                    Ok(()) => {
                                        c.drop_fast();
                                        k.drop_fast();
                                        continue 'dispatch;
                                    }
                                    Err(v) => v,
                                },
                                _ => v,
                            };
                            tri!(self.setitem(&c, k, v));
                        }
                        Op::DeleteSubscr => {
                            let k = self.stack.pop_fast();
                            let c = self.stack.pop_fast();
                            tri!(self.delitem(&c, k));
                        }
                        Op::BuildSlice => {
                            let step = if arg == 3 {
                                self.stack.pop_fast()
                            } else {
                                Value::None
                            };
                            let stop = self.stack.pop_fast();
                            let start = self.stack.pop_fast();
                            self.stack
                                .push_fast(Value::Slice(Rc::new(crate::value::SliceObj {
                                    start,
                                    stop,
                                    step,
                                })));
                        }
                        Op::BuildTuple => {
                            let items = self.stack.take_top(arg as usize);
                            self.stack.push_fast(Value::tuple(items));
                        }
                        Op::BuildList => {
                            let items = self.stack.take_top(arg as usize);
                            self.stack.push_fast(Value::list(items));
                        }
                        Op::BuildSet => {
                            let items = self.stack.take_top(arg as usize);
                            let s = crate::gc::alloc(std::cell::RefCell::new(
                                crate::value::SetObj::new(),
                            ));
                            for it in items {
                                let k = tri!(self.hash_key(it));
                                tri!(self.set_add(&s, k));
                            }
                            self.stack.push_fast(Value::Set(s));
                        }
                        Op::BuildMap => {
                            let items = self.stack.take_top(2 * arg as usize);
                            let str_keys =
                                items.iter().step_by(2).all(|k| matches!(k, Value::Str(_)));
                            let d = Dict::with_capacity(arg as usize, str_keys);
                            let d = crate::gc::alloc(std::cell::RefCell::new(d));
                            let mut it = items.into_iter();
                            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                                let k = tri!(self.hash_key(k));
                                tri!(self.dict_set(&d, k, v));
                            }
                            self.stack.push_fast(Value::Dict(d));
                        }
                        Op::BuildConstKeyMap => {
                            let keys = self.stack.pop_fast();
                            let vals = self.stack.take_top(arg as usize);
                            let str_keys = match &keys {
                                Value::Tuple(keys) => {
                                    keys.iter().all(|k| matches!(k, Value::Str(_)))
                                }
                                _ => false,
                            };
                            let mut d = Dict::with_capacity(arg as usize, str_keys);
                            if let Value::Tuple(keys) = keys {
                                for (k, v) in keys.iter().zip(vals) {
                                    d.insert(tri!(self.hash_key(k.clone())), v);
                                }
                            }
                            self.stack.push_fast(Value::dict(d));
                        }
                        Op::BuildString => {
                            let items = self.stack.take_top(arg as usize);
                            if M::STEPS {
                                // Under limits, the size first.
                                let len = |v: &Value| match v {
                                    Value::Str(p) => p.as_str().len(),
                                    _ => 0,
                                };
                                tri!(self.check_str_size(items.iter().map(len).sum()));
                            }
                            let mut s = String::new();
                            for it in &items {
                                if let Value::Str(p) = it {
                                    s.push_str(p.as_str());
                                }
                            }
                            self.stack.push_fast(Value::string(s));
                        }
                        Op::FormatValue => {
                            let spec = if arg & 4 != 0 { self.stack.pop() } else { None };
                            let v = self.stack.pop_fast();
                            let v = match arg & 3 {
                                1 => Value::string(tri!(self.str_of(&v))),
                                2 => Value::string(tri!(self.repr(&v))),
                                3 => Value::string(tri!(self.ascii(&v))),
                                _ => v,
                            };
                            let spec_s = spec
                                .as_ref()
                                .and_then(|s| s.as_str().map(|x| x.to_string()))
                                .unwrap_or_default();
                            let r = if spec_s.is_empty() {
                                match &v {
                                    Value::Str(_) => v,
                                    Value::Instance(_) => {
                                        Value::string(tri!(self.format_value(&v, "")))
                                    }
                                    _ => Value::string(tri!(self.str_of(&v))),
                                }
                            } else {
                                Value::string(tri!(self.format_value(&v, &spec_s)))
                            };
                            self.stack.push_fast(r);
                        }
                        Op::ListAppend => {
                            let v = self.stack.pop_fast();
                            let n = self.stack.len();
                            if let Value::List(l) = &self.stack[n - arg as usize] {
                                l.borrow_mut().push(v);
                            }
                        }
                        Op::SetAdd => {
                            let v = self.stack.pop_fast();
                            let k = tri!(self.hash_key(v));
                            let n = self.stack.len();
                            if let Value::Set(s) = &self.stack[n - arg as usize] {
                                let s = s.clone();
                                tri!(self.set_add(&s, k));
                            }
                        }
                        Op::MapAdd => {
                            let v = self.stack.pop_fast();
                            let k = self.stack.pop_fast();
                            let k = tri!(self.hash_key(k));
                            let n = self.stack.len();
                            if let Value::Dict(d) = &self.stack[n - arg as usize] {
                                let d = d.clone();
                                tri!(self.dict_set(&d, k, v));
                            }
                        }
                        Op::ListExtend => {
                            let it = self.stack.pop_fast();
                            let items = match self.collect_sized(&it) {
                                Ok(items) => items,
                                Err(_) if !self.is_iterable(&it) => {
                                    break 'op PyErr::type_error(format!(
                                        "Value after * must be an iterable, not {}",
                                        it.type_name()
                                    ))
                                }
                                Err(e) => break 'op e,
                            };
                            let n = self.stack.len();
                            let target = self.stack[n - arg as usize].clone();
                            if let Value::List(l) = target {
                                l.borrow_mut().extend(items);
                            }
                        }
                        Op::SetUpdate => {
                            let it = self.stack.pop_fast();
                            let n = self.stack.len();
                            let target = self.stack[n - arg as usize].clone();
                            tri!(crate::builtins::set_methods::set_update(self, &target, &it));
                        }
                        Op::DictUpdate | Op::DictMerge => {
                            let m = self.stack.pop_fast();
                            let n = self.stack.len();
                            let target = self.stack[n - arg as usize].clone();
                            tri!(self.dict_merge(&target, &m, instr.op == Op::DictMerge));
                        }
                        Op::ListToTuple => {
                            let v = self.stack.pop_fast();
                            if let Value::List(l) = v {
                                let items = l.borrow().clone();
                                self.stack.push_fast(Value::tuple(items));
                            }
                        }
                        Op::UnpackSequence => {
                            let seq = self.stack.pop_fast();
                            let n = arg as usize;
                            // The items go into the room the frame was given
                            // (the stack effect counts them).
                            match seq {
                                // A tuple of the right length is unpacked in place:
                                // moved out when nothing else holds it.
                                Value::Tuple(t) if t.len() == n => match Rc::try_unwrap(t) {
                                    Ok(items) => {
                                        for v in items.into_iter().rev() {
                                            self.stack.push_fast(v);
                                        }
                                    }
                                    Err(t) => {
                                        for v in t.iter().rev() {
                                            self.stack.push_fast(v.clone());
                                        }
                                    }
                                },
                                Value::List(l) => {
                                    if !l.unpack_reversed(n, |v| self.stack.push_fast(v)) {
                                        tri!(self.unpack(Value::List(l), n, None));
                                    }
                                }
                                seq => tri!(self.unpack(seq, n, None)),
                            }
                        }
                        Op::UnpackEx => {
                            let seq = self.stack.pop_fast();
                            tri!(self.unpack(
                                seq,
                                (arg & 0xff) as usize,
                                Some((arg >> 8) as usize)
                            ));
                        }
                        Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                            let v = self.stack.pop_fast();
                            let t = match v {
                                Value::Bool(b) => b,
                                _ => match v.fast_truth() {
                                    Some(t) => t,
                                    None => tri!(self.truthy(&v)),
                                },
                            };
                            v.drop_fast();
                            if t == (instr.op == Op::PopJumpIfTrue) {
                                if !M::STEPS && (arg as usize) < ip && interrupt_pending() {
                                    break 'op take_interrupt();
                                }
                                if M::STEPS && (arg as usize) < ip && self.tick() {
                                    return self.poll_exit(arg as usize, true);
                                }
                                jump_to!(arg as usize);
                            }
                        }
                        Op::PopJumpIfNone => {
                            let v = self.stack.pop_fast();
                            if v.is_none() {
                                jump_to!(arg as usize);
                            }
                            v.drop_fast();
                        }
                        Op::PopJumpIfNotNone => {
                            let v = self.stack.pop_fast();
                            if !v.is_none() {
                                jump_to!(arg as usize);
                            }
                            v.drop_fast();
                        }
                        Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                            let v = self.stack.last().unwrap().clone();
                            let t = tri!(self.truthy(&v));
                            if t == (instr.op == Op::JumpIfTrueOrPop) {
                                jump_to!(arg as usize);
                            } else {
                                self.stack.pop();
                            }
                        }
                        Op::GetIter => {
                            let v = self.stack.pop_fast();
                            let it = tri!(self.get_iter(v));
                            self.stack.push_fast(it);
                        }
                        Op::ForIter => {
                            let top = self.stack.last().unwrap();
                            let next = match top {
                                Value::Iter(it) => {
                                    let mut b = it.borrow_mut();
                                    match &mut *b {
                                        IterObj::Range { next, step, left } => {
                                            if *left > 0 {
                                                let v = *next;
                                                *next = next.wrapping_add(*step);
                                                *left -= 1;
                                                Some(Value::Int(v))
                                            } else {
                                                None
                                            }
                                        }
                                        IterObj::List { list, index } => {
                                            let v = list.get_index(*index);
                                            *index += v.is_some() as usize;
                                            v
                                        }
                                        _ => {
                                            drop(b);
                                            let it = top.clone();
                                            tri!(self.for_iter_next(fi, &it))
                                        }
                                    }
                                }
                                _ => {
                                    let it = top.clone();
                                    tri!(self.for_iter_next(fi, &it))
                                }
                            };
                            match next {
                                Some(v) => self.stack.push_fast(v),
                                None => {
                                    self.stack.pop_fast().drop_fast();
                                    jump_to!(arg as usize);
                                }
                            }
                        }
                        Op::ReturnValue => {
                            let v = self.stack.pop_fast();
                            // SAFETY: as for the `ip` store above.
                            if !M::TRACED && unsafe { self.frames.get_unchecked(fi) }.plain_return {
                                debug_assert!(self.plain_return_holds(fi));
                                // What `return_from_frame` does in its common
                                // case, the caller running on in this loop.
                                self.pop_plain_frame(v);
                                fi -= 1;
                                run_frame!();
                                continue 'dispatch;
                            }
                            if M::TRACED {
                                let leaves = if let Some(cont) = self.trace_call_returns_here(fi) {
                                    if cont == TraceCont::Line {
                                        // A line event's trace function, the
                                        // common case: the frame below runs the
                                        // instruction the event came before, in
                                        // its mode (the event changed none) and
                                        // with the room made when it started.
                                        self.pop_line_trace(fi, v);
                                        fi -= 1;
                                        run_frame!();
                                        continue 'dispatch;
                                    }
                                    tri!(self.pop_trace_call(v))
                                } else {
                                    tri!(self.return_traced(v))
                                };
                                // (The value it leaves with comes on the stack,
                                // not in the result: a small result, read back
                                // whole at once, does not stall.)
                                if leaves {
                                    let v = self.stack.pop_fast();
                                    return Ok(Exit::Return(v));
                                }
                                reload!();
                                continue 'dispatch;
                            }
                            // (A profiler alone takes `return_from_frame`'s
                            // hooks; so does a trace function's frame, returning
                            // there too, should it have switched `settrace` off.)
                            let leaves = if self.trace.on() && !self.trace.sys_trace.is_none() {
                                tri!(self.return_traced(v))
                            } else {
                                match tri!(self.return_from_frame(v)) {
                                    Some(v) => {
                                        self.stack.push(v);
                                        true
                                    }
                                    None => false,
                                }
                            };
                            if leaves {
                                let v = self.stack.pop_fast();
                                return Ok(Exit::Return(v));
                            }
                            reload!();
                        }
                        Op::YieldValue => {
                            let mut v = self.stack.pop_fast();
                            // SAFETY: as for the `ip` store above.
                            if unsafe { self.frames.get_unchecked(fi) }.sink {
                                match self.sink_item(v) {
                                    Ok(()) => {
                                        // Taken: the frame runs on as if resumed at once.
                                        self.stack.push_fast(Value::None);
                                        continue 'dispatch;
                                    }
                                    Err(back) => v = back,
                                }
                            }
                            // (Only the traced loop: the untraced one keeps its
                            // code as lean as it was without this.)
                            let v = if M::TRACED && self.trace.on() {
                                match tri!(self.yield_traced(v)) {
                                    Some(v) => v,
                                    // Its return event's trace function runs first.
                                    None => {
                                        reload!();
                                        continue 'dispatch;
                                    }
                                }
                            } else {
                                tri!(self.yield_from_frame(v))
                            };
                            return Ok(Exit::Return(v));
                        }
                        Op::GetYieldFromIter => {
                            let v = self.stack.pop_fast();
                            let it = tri!(self.yield_from_iter(v));
                            self.stack.push_fast(it);
                        }
                        Op::Send => {
                            let v = self.stack.pop_fast();
                            let sub = self.stack.last().unwrap().clone();
                            match tri!(self.send_into(fi, &sub, v)) {
                                GenStep::Yielded(y) => self.stack.push_fast(y),
                                GenStep::Returned(r) => {
                                    self.stack.pop_fast().drop_fast();
                                    self.stack.push_fast(r);
                                    jump_to!(arg as usize);
                                }
                            }
                        }
                        Op::MakeFunction => {
                            let code_v = self.stack.pop_fast();
                            let f = tri!(self.make_function(fi, code_v, arg));
                            self.stack.push_fast(f);
                        }
                        Op::BuildClass => {
                            tri!(self.build_class(arg));
                            reload!();
                        }
                        Op::RaiseVarargs => {
                            let e = match arg {
                                0 => {
                                    let cur = self.exc_info.clone();
                                    if cur.is_none() {
                                        break 'op PyErr::new(
                                            ExcType::RuntimeError,
                                            "No active exception to reraise",
                                        );
                                    }
                                    // A bare raise re-raises without a new traceback entry or event.
                                    self.reraise(PyErr::Obj(cur), None)?;
                                    reload!();
                                    continue 'dispatch;
                                }
                                1 => {
                                    let e = self.stack.pop_fast();
                                    tri!(self.make_raise(e, None))
                                }
                                _ => {
                                    let cause = self.stack.pop_fast();
                                    let e = self.stack.pop_fast();
                                    tri!(self.make_raise(e, Some(cause)))
                                }
                            };
                            break 'op e;
                        }
                        Op::Reraise => {
                            let exc = self.stack.pop_fast();
                            let mut lookup_at = None;
                            if arg != 0 {
                                // As CPython, the frame goes back to the instruction that
                                // first raised (its f_lasti and f_lineno, e.g. in the
                                // 'return' event) while handlers are still looked up from
                                // the re-raise itself.
                                let at = self.stack.len() - arg as usize;
                                if let Value::Int(lasti) = self.stack[at] {
                                    lookup_at = Some(ip as u32 - 1);
                                    self.frames[fi].ip = lasti as usize + 1;
                                }
                            }
                            // On failure the frames are already unwound.
                            self.reraise(PyErr::Obj(exc), lookup_at)?;
                            reload!();
                        }
                        Op::BeforeWith => {
                            tri!(self.before_with());
                            after_nested_run!();
                        }
                        Op::WithExceptStart => {
                            tri!(self.with_except_start());
                            after_nested_run!();
                        }
                        Op::PushExcInfo => {
                            let exc = self.stack.pop_fast();
                            let prev = std::mem::replace(&mut self.exc_info, exc.clone());
                            self.stack.push_fast(prev);
                            self.stack.push_fast(exc);
                        }
                        Op::PopExcept => {
                            self.exc_info = self.stack.pop_fast();
                        }
                        Op::CheckExcMatch => {
                            let t = self.stack.pop_fast();
                            let exc = self.stack.last().unwrap().clone();
                            let m = tri!(self.exc_matches(&exc, &t));
                            self.stack.push_fast(Value::Bool(m));
                        }
                        Op::LoadAssertionError => {
                            self.stack
                                .push_fast(Value::Class(self.types.exc(ExcType::AssertionError)));
                        }
                        Op::ImportName => {
                            let fromlist = self.stack.pop_fast();
                            let level = self.stack.pop_fast();
                            let globals = self.frames[fi].globals.clone();
                            let name = code.names[arg as usize].clone();
                            let m =
                                tri!(self.import_name(name.as_str(), &fromlist, &level, &globals));
                            self.stack.push_fast(m);
                            after_nested_run!();
                        }
                        Op::ImportFrom => {
                            let m = self.stack.last().unwrap().clone();
                            let v = tri!(self.import_from(&m, &code.names[arg as usize]));
                            self.stack.push_fast(v);
                        }
                        Op::ImportStar => {
                            let m = self.stack.pop_fast();
                            let f = &self.frames[fi];
                            let ns = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                            tri!(self.import_star(&m, &ns));
                        }
                    }
                    break;
                }
                continue 'dispatch;
            };
            // An exception: find a handler here or in a caller.
            if fi + 1 == self.frames.len() {
                self.frames[fi].ip = ip;
            }
            self.raise_here(err)?;
            reload!();
        }
    }

    #[cold]
    fn unbound_local(&self, code: &crate::bytecode::Code, slot: usize) -> PyErr {
        PyErr::new(
            ExcType::UnboundLocalError,
            format!(
                "cannot access local variable '{}' where it is not associated with a value",
                code.slot_name(slot).as_str()
            ),
        )
    }

    #[cold]
    fn unbound_deref(&mut self, code: &crate::bytecode::Code, slot: usize) -> PyErr {
        let name = code.slot_name(slot).as_str();
        if slot < code.varnames.len() + code.cellvars.len() {
            PyErr::new(
                ExcType::UnboundLocalError,
                format!(
                    "cannot access local variable '{}' where it is not associated with a value",
                    name
                ),
            )
        } else {
            let msg = format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", name);
            self.name_error(msg, code.slot_name(slot))
        }
    }

    /// Leaves the top frame with `v`. Returns `Some(v)` when that frame was
    /// the entry frame (the loop ends), `None` to go on in the caller.
    fn return_from_frame(&mut self, v: Value) -> PyResult<Option<Value>> {
        if self.frame_events_on() {
            self.return_hooks(&v)?;
        }
        self.leave_frame(v)
    }

    /// `return_from_frame` while something traces: the return of a trace
    /// function `push_trace_call` pushed (`pop_trace_call`: its traced
    /// frame goes on, or returns if the event was its return), or one whose
    /// return event's trace function runs first (`push_return_trace_call`;
    /// the loop then runs the frame on top). True: the loop leaves, with
    /// the value on top of the stack.
    #[cold]
    #[inline(never)]
    fn return_traced(&mut self, v: Value) -> PyResult<bool> {
        if self
            .trace_call_returns_here(self.frames.len() - 1)
            .is_some()
        {
            return self.return_from_trace_call(v);
        }
        // A profiler alone, or a trace function's own calls: the event, if
        // any, goes through `return_hooks`.
        let v = if self.trace.suspended() || self.trace.sys_trace.is_none() {
            v
        } else {
            match self.return_event_in_loop(v) {
                Ok(()) => return Ok(false),
                Err(v) => v,
            }
        };
        let left = self.return_from_frame(v)?;
        self.leaving_with(left)
    }

    /// `pop_trace_call`, out of `return_traced`'s way.
    #[inline(never)]
    fn return_from_trace_call(&mut self, v: Value) -> PyResult<bool> {
        self.pop_trace_call(v)
    }

    /// `push_return_trace_call` for a return, out of `return_traced`'s way.
    #[inline(never)]
    fn return_event_in_loop(&mut self, v: Value) -> Result<(), Value> {
        self.push_return_trace_call(v, super::trace_call::TraceCont::Return)
    }

    /// A return's outcome as `return_traced` gives it: true when the loop
    /// leaves, with the value `v` holds put on the stack.
    #[inline(always)]
    pub(crate) fn leaving_with(&mut self, v: Option<Value>) -> PyResult<bool> {
        match v {
            Some(v) => {
                self.stack.push(v);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// `return_from_frame` after its `return` event.
    #[inline(always)]
    pub(crate) fn leave_frame(&mut self, v: Value) -> PyResult<Option<Value>> {
        // The common case: a function frame nobody looked at returns to
        // krait code. What the general path below does, with its other
        // cases known not to apply.
        let top = self.frames.last().unwrap();
        if top.gen.is_none() && matches!(top.on_return, OnReturn::Push) {
            if top.obj.is_some() {
                self.release_top_frame_object();
            }
            // Taken apart so that only the fields that hold something are
            // dropped, inline, instead of through the record's drop glue.
            let super::frame::Frame {
                code,
                globals,
                func,
                locals,
                ret_slot,
                on_return,
                is_entry,
                obj,
                gen,
                ..
            } = self.frames.pop().unwrap();
            debug_assert!(obj.is_none() && gen.is_none());
            std::mem::forget((on_return, obj, gen));
            self.stack.truncate_fast(ret_slot);
            self.close_pending_generators();
            if is_entry {
                drop((func, locals, globals, code));
                return Ok(Some(v));
            }
            self.stack.push(v);
            drop((func, locals, globals, code));
            if self.frame_events_on() || self.frames.last().is_some_and(|f| f.traced) {
                let top = self.frames.len() - 1;
                self.recheck_mode(top);
            }
            return Ok(None);
        }
        self.return_from_frame_slow(v)
    }

    /// What `Frame::plain_return` promises of the top frame `fi`, checked
    /// the slow way (debug builds, on every inline return): a function
    /// frame returning its value to an untraced caller, with no frame
    /// object or generator, while nothing traces or only the host's line
    /// tracers (`lines.rs`).
    fn plain_return_holds(&self, fi: usize) -> bool {
        let top = &self.frames[fi];
        (!self.trace.on() || self.line_sites.on())
            && top.gen.is_none()
            && top.obj.is_none()
            && !top.is_entry
            && matches!(top.on_return, OnReturn::Push)
            // A frame that is no entry was called from the frame below.
            && { debug_assert!(fi > 0); true }
            && !self.frames[fi - 1].traced
            && !top.traced
    }

    /// Pops the top frame, whose `plain_return` is set, and pushes its value
    /// where its callable was.
    #[inline(always)]
    fn pop_plain_frame(&mut self, v: Value) {
        let super::frame::Frame {
            code,
            globals,
            func,
            locals,
            ret_slot,
            on_return,
            obj,
            gen,
            ..
        } = self.frames.pop().unwrap();
        std::mem::forget((on_return, obj, gen));
        self.stack.truncate_fast(ret_slot);
        self.stack.push_fast(v);
        drop((func, locals, globals, code));
    }

    /// The returning (top) frame's frame object goes; if something still
    /// holds it, it keeps the frame's last line and locals.
    #[inline(never)]
    fn release_top_frame_object(&mut self) {
        let f = self.frames.last_mut().unwrap();
        if let Some(o) = f.obj.take() {
            // Nobody else holds the frame object: nothing can look at it later.
            if Rc::strong_count(&o) > 1 {
                let f = self.frames.pop().unwrap();
                self.freeze_frame_object(&o, &f);
                self.frames.push(f);
            }
        }
    }

    #[inline(never)]
    fn return_from_frame_slow(&mut self, v: Value) -> PyResult<Option<Value>> {
        self.release_top_frame_object();
        let f = self.frames.pop().unwrap();
        if let Some(g) = &f.gen {
            crate::vm::iter::GenState::finish_gen(g);
            self.stack.truncate_fast(f.ret_slot);
            // What `resume_gen_with` gives as the StopIteration's value.
            return Ok(Some(v));
        }
        self.stack.truncate_fast(f.ret_slot);
        // Generators this frame held are closed as it goes, as in CPython.
        self.close_pending_generators();
        let result = match f.on_return {
            OnReturn::Push => v,
            OnReturn::Init(inst) => {
                if !v.is_none() {
                    return Err(PyErr::type_error(format!(
                        "__init__() should return None, not '{}'",
                        v.type_name()
                    )));
                }
                inst
            }
            OnReturn::ClassBody(body) => self.finish_class(*body, v)?,
            OnReturn::TraceEvent(cont) => {
                return Ok(if self.finish_trace_call(cont, v)? {
                    self.stack.pop()
                } else {
                    None
                });
            }
        };
        if f.is_entry {
            return Ok(Some(result));
        }
        self.stack.push(result);
        if self.frame_events_on() || self.frames.last().map(|f| f.traced).unwrap_or(false) {
            let top = self.frames.len() - 1;
            self.recheck_mode(top);
        }
        Ok(None)
    }
}

/// `CompareOp` of two ints, two floats or two strs, where no dunder can
/// take part (NaN compares false but for `!=`, as in CPython).
#[inline(always)]
fn fast_compare(a: &Value, b: &Value, arg: u32) -> Option<bool> {
    #[inline(always)]
    fn by<T: PartialOrd>(k: CmpKind, x: &T, y: &T) -> bool {
        match k {
            CmpKind::Lt => x < y,
            CmpKind::Le => x <= y,
            CmpKind::Eq => x == y,
            CmpKind::Ne => x != y,
            CmpKind::Gt => x > y,
            CmpKind::Ge => x >= y,
        }
    }
    let k = CmpKind::from_arg(arg);
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(by(k, x, y)),
        (Value::Float(x), Value::Float(y)) => Some(by(k, x, y)),
        (Value::Str(x), Value::Str(y)) => Some(match k {
            CmpKind::Eq => **x == **y,
            CmpKind::Ne => **x != **y,
            _ => by(k, &x.cmp_code_points(y), &std::cmp::Ordering::Equal),
        }),
        _ => None,
    }
}

/// `a == b` and `a != b` where an operand is an instance of a class that
/// derives from `object` or an exception, while no user class ever defined
/// a rich comparison (`Vm::rich_compare_defined`): no `__eq__` but `object`'s, which
/// answers by identity, as every built-in type's `__eq__` does when given
/// such an instance (CPython returns `NotImplemented` from both, then
/// compares identities). Anything else goes to `Vm::compare`.
#[inline(always)]
fn identity_compare(rich_compare_defined: bool, a: &Value, b: &Value, arg: u32) -> Option<bool> {
    fn plain_instance(v: &Value) -> bool {
        matches!(v, Value::Instance(i)
            if matches!(i.class.kind, TypeKind::Object | TypeKind::Exception(_)))
    }
    let k = CmpKind::from_arg(arg);
    if rich_compare_defined || !matches!(k, CmpKind::Eq | CmpKind::Ne) {
        return None;
    }
    let a_inst = matches!(a, Value::Instance(_));
    let b_inst = matches!(b, Value::Instance(_));
    if !(a_inst || b_inst) || (a_inst && !plain_instance(a)) || (b_inst && !plain_instance(b)) {
        return None;
    }
    Some(a.is(b) == (k == CmpKind::Eq))
}

/// Whether Ctrl-C was pressed (a plain load: cheap on a backward jump of
/// the `Plain` loop; `Vm::poll` reads it for the others).
#[inline(always)]
pub(crate) fn interrupt_pending() -> bool {
    super::SIGINT_PENDING.load(std::sync::atomic::Ordering::Relaxed)
}

/// The `KeyboardInterrupt` a pending Ctrl-C becomes.
#[cold]
pub(crate) fn take_interrupt() -> PyErr {
    super::SIGINT_PENDING.store(false, std::sync::atomic::Ordering::Relaxed);
    PyErr::bare(ExcType::KeyboardInterrupt)
}

/// `BinaryOp`'s operand for `+=`.
const INPLACE_ADD: u32 = BinOpKind::Add as u32 + BinOpKind::COUNT;

impl Vm {
    /// `s += t` for strings. When the next instruction stores the result
    /// back into the local `s` came from, that local's reference is let go
    /// first, so a string nobody else holds grows in place (amortized, as
    /// CPython's `BINARY_OP_INPLACE_ADD_UNICODE`): a loop of `s += x` is
    /// linear, not quadratic.
    fn str_append(&mut self, a: Value, b: &Value, next: Instr, base: usize) -> Value {
        let (Value::Str(mut x), Value::Str(y)) = (a, b) else {
            unreachable!("str_append on strings only")
        };
        if next.op == Op::StoreFast {
            let slot = base + next.arg as usize;
            if matches!(&self.stack[slot], Value::Str(l) if Rc::ptr_eq(l, &x)) {
                self.stack[slot] = Value::Null;
            }
        }
        if let Some(s) = Rc::get_mut(&mut x) {
            s.push_str(y.as_str());
            return Value::Str(x);
        }
        let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
        s.push_str(x.as_str());
        s.push_str(y.as_str());
        Value::string(s)
    }
}

/// Float arithmetic (an int operand converted) that cannot fail; None to
/// take the slow path (division by zero, powers other than a positive
/// float's finite ones, ints too big for a float).
#[inline]
fn fast_float_op(a: &Value, b: &Value, arg: u32) -> Option<f64> {
    let as_f = |v: &Value| match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) if i.unsigned_abs() < (1 << 53) => Some(*i as f64),
        _ => None,
    };
    let (x, y) = (as_f(a)?, as_f(b)?);
    let (k, _) = BinOpKind::from_arg(arg);
    Some(match k {
        BinOpKind::Add => x + y,
        BinOpKind::Sub => x - y,
        BinOpKind::Mul => x * y,
        BinOpKind::TrueDiv if y != 0.0 => x / y,
        // A finite power of a positive float: C's pow, as CPython's
        // float_pow calls it; an overflow takes the slow path's error.
        BinOpKind::Pow if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    })
}

/// Integer arithmetic that cannot overflow or fail; None to take the slow path.
#[inline]
fn fast_int_op(x: i64, y: i64, arg: u32) -> Option<i64> {
    let (k, _) = BinOpKind::from_arg(arg);
    Some(match k {
        BinOpKind::Add => x.checked_add(y)?,
        BinOpKind::Sub => x.checked_sub(y)?,
        BinOpKind::Mul => x.checked_mul(y)?,
        BinOpKind::FloorDiv if y != 0 => {
            let q = x.checked_div(y)?;
            if (x % y != 0) && ((x < 0) != (y < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinOpKind::Mod if y != 0 => {
            let r = x.checked_rem(y)?;
            if r != 0 && ((r < 0) != (y < 0)) {
                r + y
            } else {
                r
            }
        }
        BinOpKind::And => x & y,
        BinOpKind::Or => x | y,
        BinOpKind::Xor => x ^ y,
        _ => return None,
    })
}
