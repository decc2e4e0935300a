//! `frame.f_lineno = N` from a trace function: the jump a debugger's
//! "jump" command makes, with CPython 3.11's rules and messages
//! (`frame_setlineno` in its Objects/frameobject.c).
//!
//! Where a jump may land is decided on a model of the value stack: for
//! each instruction, the kinds of the items below it (`mark_stacks`). A
//! jump is allowed to a line start whose stack is a prefix of the current
//! one, item kinds matching (an iterator must stay an iterator, an
//! exception an exception); the items above it are popped. The model is
//! CPython's, to the bit (3 bits an item in an `i64`, top lowest, and the
//! same comparisons), so that the same jumps pass and fail with the same
//! messages.
//!
//! The trace function runs above the frame on the one value stack, so the
//! frame's position changes at once (its `f_lineno` reads the new line)
//! but the popping waits until the trace function has returned
//! (`Vm::apply_pending_jump`).

use std::rc::Rc;

use crate::bytecode::{Code, Op};
use crate::trace::Event;
use crate::value::{PyErr, PyResult, Value};

use super::frame::FrameObj;
use super::Vm;

/// The kind of one modelled stack item.
const ITERATOR: i64 = 1;
const EXCEPT: i64 = 2;
const OBJECT: i64 = 3;
const NULL: i64 = 4;
const LASTI: i64 = 5;

/// A modelled value stack: `BITS` bits an item, the top in the lowest.
type Stack = i64;
const BITS: u32 = 3;
const MASK: i64 = (1 << BITS) - 1;
const EMPTY: Stack = 0;
/// Not reached by the analysis.
const UNINITIALIZED: Stack = -2;
/// Deeper than 21 items.
const OVERFLOWED: Stack = -1;
const MAX_ENTRIES: u32 = 63 / BITS;
const WILL_OVERFLOW: u64 = 1 << ((MAX_ENTRIES - 1) * BITS);

fn push(s: Stack, kind: i64) -> Stack {
    if s as u64 >= WILL_OVERFLOW {
        OVERFLOWED
    } else {
        (s << BITS) | kind
    }
}

fn pop(s: Stack) -> Stack {
    s >> BITS
}

fn top(s: Stack) -> i64 {
    s & MASK
}

/// The kind of item `n` (1: the top).
fn peek(s: Stack, n: u32) -> i64 {
    (s >> (BITS * (n - 1))) & MASK
}

fn swap(s: Stack, n: u32) -> Stack {
    let other = peek(s, n);
    let shift = BITS * (n - 1);
    let low = (s & !(MASK << shift)) | (top(s) << shift);
    (low & !MASK) | other
}

/// The stack cut to its `level` lowest items, as CPython cuts it (by value).
fn pop_to_level(mut s: Stack, level: u32) -> Stack {
    if level == 0 {
        return EMPTY;
    }
    let level_max = MASK << ((level - 1) * BITS);
    while s > level_max {
        s = pop(s);
    }
    s
}

fn depth(mut s: Stack) -> usize {
    let mut n = 0;
    while s > 0 {
        n += 1;
        s = pop(s);
    }
    n
}

fn compatible_kind(from: i64, to: i64) -> bool {
    match to {
        0 => false,
        OBJECT => from != NULL,
        NULL => true,
        _ => from == to,
    }
}

fn compatible_stack(mut from: Stack, mut to: Stack) -> bool {
    if from < 0 || to < 0 {
        return false;
    }
    while from > to {
        from = pop(from);
    }
    while from != 0 {
        if !compatible_kind(top(from), top(to)) {
            return false;
        }
        from = pop(from);
        to = pop(to);
    }
    to == 0
}

fn explain_incompatible_stack(to: Stack) -> &'static str {
    match to {
        OVERFLOWED => "stack is too deep to analyze",
        UNINITIALIZED => "can't jump into an exception handler, or code may be unreachable",
        _ => match top(to) {
            EXCEPT => "can't jump into an 'except' block as there's no exception",
            LASTI => "can't jump into a re-raising block as there's no location",
            ITERATOR => "can't jump into the body of a for loop",
            _ => "incompatible stacks",
        },
    }
}

/// The modelled stack before each instruction (and one past the end).
fn mark_stacks(code: &Code) -> Vec<Stack> {
    let len = code.instrs.len();
    let mut stacks = vec![UNINITIALIZED; len + 1];
    stacks[0] = EMPTY;
    let mut todo = true;
    while todo {
        todo = false;
        // A target reached from later code is scanned again in another pass.
        let mut set = |stacks: &mut Vec<Stack>, i: usize, j: usize, s: Stack| {
            if j <= i && stacks[j] == UNINITIALIZED {
                todo = true;
            }
            stacks[j] = s;
        };
        for i in 0..len {
            let mut next = stacks[i];
            if next == UNINITIALIZED {
                continue;
            }
            let ins = code.instrs[i];
            let (a, j) = (ins.arg, ins.arg as usize);
            match ins.op {
                Op::PopJumpIfFalse
                | Op::PopJumpIfTrue
                | Op::PopJumpIfNone
                | Op::PopJumpIfNotNone => {
                    next = pop(next);
                    set(&mut stacks, i, j, next);
                    stacks[i + 1] = next;
                }
                Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                    set(&mut stacks, i, j, next);
                    stacks[i + 1] = pop(next);
                }
                Op::Send => {
                    set(&mut stacks, i, j, pop(next));
                    stacks[i + 1] = next;
                }
                Op::Jump => set(&mut stacks, i, j, next),
                Op::GetIter => stacks[i + 1] = push(pop(next), ITERATOR),
                Op::ForIter => {
                    set(&mut stacks, i, j, pop(next));
                    stacks[i + 1] = push(next, OBJECT);
                }
                Op::PushExcInfo => stacks[i + 1] = push(next, EXCEPT),
                Op::PopExcept => stacks[i + 1] = pop(next),
                Op::ReturnValue | Op::RaiseVarargs | Op::Reraise => {}
                Op::PushNull => stacks[i + 1] = push(next, NULL),
                Op::LoadMethod => stacks[i + 1] = push(push(pop(next), NULL), OBJECT),
                Op::Call | Op::CallKw => {
                    let n = a + if ins.op == Op::Call { 2 } else { 3 };
                    for _ in 0..n {
                        next = pop(next);
                    }
                    stacks[i + 1] = push(next, OBJECT);
                }
                Op::Swap | Op::SwapStoreSubscr => stacks[i + 1] = swap(next, a),
                Op::Copy | Op::CopySubscr => stacks[i + 1] = push(next, peek(next, a)),
                op => {
                    let delta = op.stack_effect(a, false);
                    for _ in delta..0 {
                        next = pop(next);
                    }
                    for _ in 0..delta {
                        next = push(next, OBJECT);
                    }
                    stacks[i + 1] = next;
                }
            }
        }
        for e in &code.exc_table {
            let (start, target) = (e.start as usize, e.target as usize);
            if stacks[start] != UNINITIALIZED && stacks[target] == UNINITIALIZED {
                todo = true;
                let mut s = pop_to_level(stacks[start], e.depth);
                if e.push_lasti {
                    s = push(s, LASTI);
                }
                stacks[target] = push(s, EXCEPT);
            }
        }
    }
    stacks
}

/// Per instruction: the line it starts (0: none), as CPython's line
/// table marks starts (a line that goes on after lineless instructions
/// does not start again).
fn line_starts(code: &Code) -> Vec<u32> {
    let mut last = 0;
    code.lines
        .iter()
        .map(|&l| {
            if l != 0 && l != last {
                last = l;
                l
            } else {
                0
            }
        })
        .collect()
}

/// A jump made during an event, its popping left for when the trace
/// function has returned.
pub(crate) struct PendingJump {
    /// The frame's depth on the frame stack.
    depth: usize,
    /// Where the frame was when the event came (its last instruction).
    from_ip: usize,
    /// The frame's own stack as the event left it, modelled.
    start: Stack,
    /// The target's stack: what is kept of `start`.
    keep: usize,
    /// The event was a generator's yield: it resumes at the target.
    from_yield: bool,
}

impl Vm {
    /// `frame.f_lineno = value`.
    pub(crate) fn set_frame_lineno(&mut self, f: &Rc<FrameObj>, value: &Value) -> PyResult<()> {
        if !matches!(value, Value::Int(_) | Value::BigInt(_)) {
            return Err(PyErr::value_error("lineno must be an integer"));
        }
        let live = f.live.get().filter(|&d| d < self.frames.len());
        // The event being traced, as CPython's `tracing_what`: outside any,
        // what it was last reset to, a call.
        let (event, event_depth) = self
            .event_being_traced()
            .unwrap_or((Event::Call, usize::MAX));
        let suspended = live.is_some_and(|d| self.at_yield(d));
        match event {
            Event::Line => {}
            Event::Call => {
                return Err(PyErr::value_error(
                    "can't jump from the 'call' trace event of a new frame",
                ))
            }
            Event::Return if suspended => {}
            _ => {
                return Err(PyErr::value_error(
                    "can only jump from a 'line' trace event",
                ))
            }
        }
        if !f.has_trace() {
            return Err(PyErr::value_error(
                "f_lineno can only be set by a trace function",
            ));
        }
        let requested = match value {
            Value::Int(n) if i32::try_from(*n).is_ok() => *n,
            _ => return Err(PyErr::value_error("lineno out of range")),
        };
        let code = f.code.clone();
        if requested < code.firstlineno as i64 {
            return Err(PyErr::value_error(format!(
                "line {requested} comes before the current code block"
            )));
        }
        let starts = line_starts(&code);
        let Some(line) = starts
            .iter()
            .copied()
            .filter(|&l| l != 0 && l as i64 >= requested)
            .min()
        else {
            return Err(PyErr::value_error(format!(
                "line {requested} comes after the current code block"
            )));
        };
        let Some(d) = live.filter(|&d| d == event_depth) else {
            return Err(PyErr::value_error(
                "krait can only jump in the frame whose event is being traced",
            ));
        };
        let stacks = mark_stacks(&code);
        let lasti = self.frames[d].ip - 1;
        let start = stacks[lasti];
        let mut best: Option<(Stack, usize)> = None;
        let mut failure: Option<&str> = None;
        for (i, _) in starts.iter().enumerate().filter(|(_, &l)| l == line) {
            let target = stacks[i];
            if compatible_stack(start, target) {
                if best.is_none_or(|(s, _)| target > s) {
                    best = Some((target, i));
                }
            } else if best.is_none() && failure.is_none() {
                failure = Some(match start {
                    OVERFLOWED => "stack to deep to analyze",
                    UNINITIALIZED => "can't jump from unreachable code",
                    _ => explain_incompatible_stack(target),
                });
            }
        }
        let Some((target_stack, target)) = best else {
            return Err(PyErr::value_error(
                failure.unwrap_or("cannot find bytecode for specified line"),
            ));
        };
        // The frame's stack as it is: a jump already made in this event
        // popped nothing yet; a yield's value has left it.
        let pending = match self.trace.pending_jump.take() {
            Some(p) => PendingJump {
                keep: depth(target_stack),
                ..p
            },
            None => PendingJump {
                depth: d,
                from_ip: lasti,
                start: if suspended { pop(start) } else { start },
                keep: depth(target_stack),
                from_yield: suspended,
            },
        };
        self.trace.pending_jump = Some(pending);
        // During the event the frame's `ip` is one past the instruction
        // it is at (`f_lineno` and `f_lasti` read the target from now).
        self.frames[d].ip = target + 1;
        Ok(())
    }

    /// The event a trace function is running for and its frame's depth:
    /// one `Vm::emit` delivers (`TraceHub::delivering`), or the one whose
    /// trace function the dispatch loop runs (the frame below the nearest
    /// `OnReturn::TraceEvent` record; found here, so that the loop's line
    /// events store nothing for it).
    fn event_being_traced(&self) -> Option<(Event, usize)> {
        if !self.trace.suspended() {
            return None;
        }
        if let Some(d) = self.trace.delivering {
            return Some(d);
        }
        self.frames
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, f)| match f.on_return {
                super::frame::OnReturn::TraceEvent(cont) if i > 0 => Some((cont.event(), i - 1)),
                _ => None,
            })
    }

    /// Whether frame `d` is a generator's at the `return` event of a yield
    /// (CPython's "suspended" state). A frame with no locals and nothing
    /// left on its stack looks "cleared" to CPython instead (its state
    /// test reads `stacktop == 0` first), and so it is here.
    fn at_yield(&self, d: usize) -> bool {
        let f = &self.frames[d];
        if f.gen.is_none() || f.ip == 0 || f.code.instrs[f.ip - 1].op != Op::YieldValue {
            return false;
        }
        f.code.nlocalsplus() > 0 || depth(pop(mark_stacks(&f.code)[f.ip - 1])) > 0
    }

    /// After the trace function of the event that set `f_lineno` returned:
    /// the items above the target's stack are popped (an exception being
    /// handled becomes the handled one again as its item goes, as
    /// `PopExcept` does), and the frame goes on at the target, whose line
    /// was reported. For a yield, the generator is marked to resume there.
    /// The frame's `ip` is still one past the target, as during the event.
    #[cold]
    #[inline(never)]
    pub(crate) fn apply_pending_jump(&mut self) {
        let Some(j) = self.trace.pending_jump.take() else {
            return;
        };
        let mut s = j.start;
        let mut n = depth(s);
        while n > j.keep {
            let v = self.stack.pop().unwrap_or_default();
            if top(s) == EXCEPT {
                self.exc_info = v;
            }
            s = pop(s);
            n -= 1;
        }
        let f = &mut self.frames[j.depth];
        let target = f.ip - 1;
        f.set_prev_ip(target as u32);
        f.last_line = f.code.line_at(target);
        if j.from_yield {
            if let Some(g) = &f.gen {
                if let super::iter::IterObj::Generator(st) = &mut *g.borrow_mut() {
                    st.jumped = true;
                }
            }
        }
    }

    /// The trace function that set `f_lineno` raised: the jump is not
    /// made, and the error is raised where the frame was.
    #[cold]
    pub(crate) fn discard_pending_jump(&mut self) {
        if let Some(j) = self.trace.pending_jump.take() {
            self.frames[j.depth].ip = j.from_ip + 1;
        }
    }
}
