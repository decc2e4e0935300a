//! Line events for the host's tracers, paid only where they can fire.
//!
//! While the host's tracers are the only ones and take only `line` events
//! (`TraceHub::lines_only`), frames run in the `Lines` mode of the
//! dispatch loop, which reads each code object's `Code::run` array rather
//! than `Code::instrs`. There, as CPython 3.12 instruments code for
//! `sys.monitoring`, an instruction where a line event may fire (one that
//! is not `Code::quiet`, has a line and is no RESUME: a site) is
//! `TraceLine`, which applies CPython 3.11's rule (`Vm::trace_instruction`'s)
//! and goes on with the instruction it stands for. Every other instruction
//! runs as untraced. A line that every line tracer disabled has no site.
//!
//! The rule needs the instruction run just before the site. A site is
//! reached from the instruction before it (or a fused head before that, on
//! the same line), unless a jump to it was taken: the loop's jumps to a
//! site record where they came from (`Frame::prev_ip`, `prev_exact`), as an
//! exception's handler is told by the unwinder (`Vm::unwind_from`).

use std::rc::{Rc, Weak};

use crate::bytecode::{Code, Instr, Op};
use crate::trace::Event;
use crate::value::{PyResult, Value};

use super::Vm;

/// The code objects compiled for a VM (their constants hold every other
/// one), and whether their `run` arrays are instrumented now.
#[derive(Default)]
pub(crate) struct LineSites {
    roots: Vec<Weak<Code>>,
    /// `roots.len()` after dead entries were last dropped.
    kept: usize,
    on: bool,
}

impl LineSites {
    /// Whether the untraced loops report the host's line events.
    #[inline(always)]
    pub fn on(&self) -> bool {
        self.on
    }
}

impl Vm {
    /// Whether some tracer may take events other than lines (calls,
    /// returns, exceptions): tracing is on, and not only for the host's
    /// line tracers, whose events the untraced loops report here.
    #[inline(always)]
    pub(crate) fn frame_events_on(&self) -> bool {
        self.trace.on() && !self.line_sites.on()
    }

    /// A code object compiled for this VM: instrumented now if lines are
    /// reported, and whenever they are later.
    pub(crate) fn adopt_code(&mut self, code: &Rc<Code>) {
        let sites = &mut self.line_sites;
        if sites.roots.len() >= 2 * sites.kept.max(32) {
            sites.roots.retain(|w| w.strong_count() > 0);
            sites.kept = sites.roots.len();
        }
        sites.roots.push(Rc::downgrade(code));
        if sites.on {
            each_code(code, &mut |c| self.instrument(c));
        }
    }

    /// After tracing changed: the sites are instrumented while only the
    /// host's line tracers are on (anew, for the tracers now installed),
    /// and removed otherwise.
    pub(crate) fn update_line_sites(&mut self) {
        let want = self.trace.on() && self.trace.lines_only();
        if !want && !self.line_sites.on {
            return;
        }
        if want && !self.line_sites.on {
            // Frames under way go on from their next instruction as if
            // the one before it ran last.
            for f in &mut self.frames {
                f.prev_ip = (f.ip as u32).wrapping_sub(1);
                f.prev_exact = false;
            }
        }
        self.line_sites.on = want;
        let roots: Vec<Rc<Code>> = self
            .line_sites
            .roots
            .iter()
            .filter_map(Weak::upgrade)
            .collect();
        for code in &roots {
            if want {
                each_code(code, &mut |c| self.instrument(c));
            } else {
                each_code(code, &mut restore);
            }
        }
    }

    /// Makes `code.run` the instrumented copy of `code.instrs`.
    fn instrument(&self, code: &Code) {
        for (i, (cell, ins)) in code.run.iter().zip(&code.instrs).enumerate() {
            let line = code.instr_line(i);
            let site = !code.quiet(i)
                && line != 0
                && ins.op != Op::Resume
                && !self.line_off_everywhere(code, line);
            let op = if site { Op::TraceLine } else { ins.op };
            cell.set(Instr { op, arg: ins.arg });
        }
    }

    /// Whether every tracer that takes line events disabled `line` of `code`.
    fn line_off_everywhere(&self, code: &Code, line: u32) -> bool {
        let mut any = false;
        for t in &self.trace.tracers {
            if t.events.contains(Event::Line) {
                if !t.disabled.contains(code, Event::Line, line) {
                    return false;
                }
                any = true;
            }
        }
        any
    }

    /// A tracer disabled `line` of `code`: when all did, its sites are
    /// sites no more.
    pub(crate) fn drop_line_sites(&mut self, code: &Code, line: u32) {
        if !self.line_sites.on || !self.line_off_everywhere(code, line) {
            return;
        }
        for (i, (cell, ins)) in code.run.iter().zip(&code.instrs).enumerate() {
            if code.instr_line(i) == line {
                cell.set(*ins);
            }
        }
    }

    /// `TraceLine` at instruction `x` of frame `fi` (running, its `ip`
    /// one past `x`): `trace_instruction`'s line event, from the untraced
    /// loop. True when the frame must now run in the traced loop (a trace
    /// function was set meanwhile): it runs `x` again there, quietly.
    #[cold]
    #[inline(never)]
    pub(crate) fn line_site(&mut self, fi: usize, x: usize) -> PyResult<bool> {
        if Vm::generators_to_close() {
            self.close_dropped_generators();
        }
        debug_assert!(fi < self.frames.len());
        // SAFETY: `fi` is the running frame, as for the loop's `ip` store.
        let f = unsafe { self.frames.get_unchecked_mut(fi) };
        // The instruction run before: the one before this, or a jump's.
        let prev = if f.prev_exact {
            f.prev_ip
        } else {
            (x as u32).wrapping_sub(1)
        };
        f.prev_ip = x as u32;
        f.prev_exact = false;
        let code = &*f.code;
        let line = code.instr_line(x);
        f.last_line = line;
        if code.starts_line_event(x, prev) && !self.trace.suspended() {
            self.emit_line_to_host(fi, line)?;
        }
        if self.trace.is_dirty() {
            self.recheck_mode(fi);
            return Ok(self.frames[fi].traced);
        }
        Ok(false)
    }
}

/// `f` on `code` and on the code objects among its constants, theirs, ...
fn each_code(code: &Code, f: &mut impl FnMut(&Code)) {
    f(code);
    for c in &code.consts {
        if let Value::Code(inner) = c {
            each_code(inner, f);
        }
    }
}

/// `code.run`: `code.instrs` again.
fn restore(code: &Code) {
    for (cell, ins) in code.run.iter().zip(&code.instrs) {
        cell.set(*ins);
    }
}
