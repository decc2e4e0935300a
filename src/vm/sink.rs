//! Generators drained by native consumers: `list(genexpr)`, `tuple(...)`,
//! `set(...)`, `sum(...)`, `max(...)`, `any(...)`.
//!
//! Resuming a generator for each item means moving its frame onto the
//! frame stack, entering the dispatch loop, and leaving it again at the
//! `yield`. A consumer that only stores or adds what it gets can instead
//! resume the generator once with a `Sink`: its `YieldValue` hands the item
//! to the sink and the frame runs on, in the same loop, as if it had been
//! suspended and resumed at once. That is only done while nothing could
//! tell the difference: no tracer, or only a trace function the loop runs
//! (`Vm::sink_item_traced`: the `return` and `call` events of each item
//! reported around the sink's step, without leaving the loop), the
//! consumer's step runs no krait code (appending; adding an
//! int, str or float to a set; adding two ints), and the resumption would
//! pass the recursion check. Any other item is yielded the ordinary way
//! and the consumer takes it with its general code, then resumes.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::{DictKey, ExcType, PyResult, SetObj, Value};

use super::iter::IterObj;
use super::Vm;

/// What a consumer does with an item, when that runs no krait code.
pub(crate) enum Sink {
    /// Appends every item (`list()`, `tuple()`, `collect`).
    Items(Vec<Value>),
    /// Adds ints, strs, floats, None and bools while the set holds no key
    /// whose comparison runs krait code (`set()`, `frozenset()`).
    Set(SetObj),
    /// Adds ints (and bools) while the total fits an i64 (`sum()`).
    SumInt(i64),
    /// The greatest (`max`) or least (`min`) int so far.
    BestInt { best: Option<i64>, max: bool },
    /// Items whose truth is known without krait code and is not `stop_on`
    /// (`any()` stops at a true item, `all()` at a false one).
    Truth { stop_on: bool },
}

impl Sink {
    /// Takes `v`, or gives it back when taking it could run krait code.
    #[inline]
    fn offer(&mut self, v: Value) -> Result<(), Value> {
        match self {
            Sink::Items(items) => items.push(v),
            Sink::Set(s) => {
                if s.has_user_keys() {
                    return Err(v);
                }
                let hash = match &v {
                    Value::Int(i) => crate::value::hash::hash_i64(*i),
                    Value::Str(s) => s.hash() as i64,
                    Value::Float(_) | Value::None | Value::Bool(_) => {
                        match crate::value::dict::builtin_hash(&v) {
                            Ok(h) => h,
                            Err(_) => return Err(v),
                        }
                    }
                    _ => return Err(v),
                };
                s.insert_plain(DictKey { hash, value: v });
            }
            Sink::SumInt(total) => {
                let b = match v {
                    Value::Int(b) => b,
                    Value::Bool(b) => b as i64,
                    _ => return Err(v),
                };
                match total.checked_add(b) {
                    Some(t) => *total = t,
                    None => return Err(v),
                }
            }
            Sink::BestInt { best, max } => {
                let Value::Int(b) = v else {
                    return Err(v);
                };
                // As min()/max(): the first of equal items stays.
                *best = match *best {
                    Some(a) if (if *max { b > a } else { b < a }) => Some(b),
                    Some(a) => Some(a),
                    None => Some(b),
                };
            }
            Sink::Truth { stop_on } => match v.fast_truth() {
                Some(t) if t != *stop_on => {}
                _ => return Err(v),
            },
        }
        Ok(())
    }
}

/// The generator behind iterator `it`, if it is one.
pub(crate) fn generator_of(it: &Value) -> Option<Rc<RefCell<IterObj>>> {
    match it {
        Value::Iter(c) if matches!(&*c.borrow(), IterObj::Generator(_)) => Some(c.clone()),
        _ => None,
    }
}

impl Vm {
    /// `YieldValue` in a frame resumed with a sink: Ok when the sink took
    /// the item and the frame runs on (the `yield` evaluating to None).
    #[inline]
    pub(crate) fn sink_item(&mut self, v: Value) -> Result<(), Value> {
        if self.frame_events_on() || self.resumption_at_limit() {
            return Err(v);
        }
        match self.sinks.last_mut() {
            Some(s) => s.offer(v),
            None => Err(v),
        }
    }

    /// The `return` event of a yield in a traced frame resumed with a sink
    /// was reported (its trace function ran in the loop, `yield_after_trace`):
    /// if the sink takes `v`, the frame is resumed at once, in place, with
    /// the `call` event a resumption reports pushed for the loop to run.
    /// Nothing runs between the two events that could tell the difference
    /// from suspending and resuming: the sink's step runs no krait code and
    /// reports no event (only `setprofile` sees native calls, and then the
    /// loop does not run the trace function). Err: nothing done, `v` given
    /// back, and the frame is suspended the ordinary way.
    pub(crate) fn sink_item_traced(&mut self, v: Value) -> Result<(), Value> {
        let fi = self.frames.len() - 1;
        // Whether the call event's trace function runs in the loop is
        // decided before the item is taken: if it raises, `fail_trace_call`
        // finishes the generator as `resume_gen` does.
        if self.resumption_at_limit() || !self.call_event_in_loop(fi) {
            return Err(v);
        }
        match self.sinks.last_mut() {
            Some(s) => s.offer(v)?,
            None => return Err(v),
        }
        // As `resume_gen` leaves the frame: the yield's value (None) on
        // its stack, its mode decided after the call event.
        self.stack.push(Value::None);
        self.frames[fi].traced = false;
        let pushed = self.push_trace_call(fi, super::trace_call::TraceCont::Call);
        debug_assert!(pushed, "call_event_in_loop said it would be");
        Ok(())
    }

    /// Whether the resumption a sink's taking an item stands for, checked
    /// one frame lower by `resume_gen`, may pass the recursion limit: the
    /// ordinary way then decides.
    #[inline]
    fn resumption_at_limit(&self) -> bool {
        self.frames.len() + self.native_depth + self.init_frames.len() > self.recursion_limit
    }

    /// Resumes generator `g` with `sink` taking what it can: Some(item) is
    /// an item the sink did not take (the generator is suspended after it,
    /// as after any yield), None the end. A StopIteration error is taken as
    /// the end, as `next_value` does.
    pub(crate) fn resume_into(
        &mut self,
        g: &Rc<RefCell<IterObj>>,
        sink: &mut Sink,
    ) -> PyResult<Option<Value>> {
        self.sinks
            .push(std::mem::replace(sink, Sink::Items(Vec::new())));
        let r = self.resume_gen(g, true);
        *sink = self.sinks.pop().expect("the sink pushed above");
        match r {
            Err(e) if self.err_is(&e, ExcType::StopIteration) => Ok(None),
            r => r,
        }
    }

    /// Appends everything generator `g` yields to `out` (`collect`'s loop).
    pub(crate) fn drain_generator(
        &mut self,
        g: &Rc<RefCell<IterObj>>,
        out: Vec<Value>,
    ) -> PyResult<Vec<Value>> {
        // Generators have no length hint: room for a few items at once.
        let mut out = out;
        out.reserve(8);
        let mut sink = Sink::Items(out);
        while let Some(v) = self.resume_into(g, &mut sink)? {
            if let Sink::Items(items) = &mut sink {
                items.push(v);
            }
        }
        match sink {
            Sink::Items(items) => Ok(items),
            _ => unreachable!("an Items sink stays one"),
        }
    }
}
