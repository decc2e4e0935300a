//! Limits for untrusted scripts: a step budget, a deadline, a memory cap,
//! a recursion cap, sizes of single objects, and an interrupt another
//! thread can send. All per VM.
//!
//! Running code passes two kinds of places again and again: backward jumps
//! (every loop iteration) and `Resume` (every call of krait code), plus the
//! items a built-in takes from an iterator. Each is a *step*: one decrement
//! of a countdown (`Shared::ticks`). When it reaches zero, the cold
//! `Vm::poll` does the rest: Ctrl-C, the interrupt and deadline flags, the
//! step budget and the memory in use. With no limit set the countdown runs
//! all the same (it took the place of the Ctrl-C test at backward jumps),
//! and a poll comes every `INTERVAL` steps.
//!
//! The countdown lives beside the flags in an allocation shared with the
//! interrupt handles and the deadline's timer thread, so that another
//! thread can *poke* it: set it to 1, so the next step polls, however slow
//! the steps are (each may be a long built-in). The timer thread sleeps
//! until the deadline, sets `timed_out` and pokes; the VM never reads the
//! clock.
//!
//! A limit reached *trips*: the VM records which (`LimitState::tripped`),
//! and from then on no exception handler runs (`Vm::unwind_from` skips
//! them, `except BaseException`, `finally` and `with` alike), no tracer
//! hears of the unwinding, and every step raises again, so native code
//! that swallowed the error cannot let the script go on. The host gets
//! `Error::Limit` naming the limit.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use crate::value::{ExcType, PyErr, PyResult};

use super::Vm;

/// Steps between two polls (at most: a step budget ending sooner, or a
/// poke, makes it shorter). Debug builds poll every few steps, so that the
/// tests run the polls' paths everywhere (in traced frames, generators,
/// native loops).
const INTERVAL: u32 = if cfg!(debug_assertions) { 7 } else { 1024 };
/// After the deadline, the timer pokes again this often until the run
/// ends (a poke can be lost when it meets the loop's own store).
const REPOKE: Duration = Duration::from_millis(1);
/// Requests for more bytes than this are checked against the memory cap
/// as they are made; smaller ones are left to the polls.
const MEM_CHECK_BYTES: usize = 32 * 1024;

/// Limits on what a script run by an [`Interpreter`](crate::Interpreter)
/// may use. Each is `None` (no limit) by default; set them with
/// [`Interpreter::set_limits`](crate::Interpreter::set_limits). The budgets
/// (steps, time, memory) start again at each run.
///
/// ```
/// use std::time::Duration;
/// let limits = krait::Limits {
///     max_steps: Some(10_000_000),
///     timeout: Some(Duration::from_secs(2)),
///     max_memory: Some(64 << 20),
///     ..krait::Limits::default()
/// };
/// let mut interp = krait::Interpreter::new();
/// interp.set_limits(limits);
/// let err = interp.run_source("<hostile>", "while True:\n    pass\n").unwrap_err();
/// assert!(matches!(err, krait::Error::Limit(e) if e.kind == krait::LimitKind::Steps));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Limits {
    /// Steps a run may take: a step is a loop iteration (a backward jump
    /// in krait code), the start of a frame (a call of a krait function,
    /// a module or class body, a generator's first run), or an item a
    /// built-in takes from an iterator (`sum(range(n))` takes n). The
    /// step after the last one allowed stops the run. Counted exactly,
    /// whatever else is set.
    pub max_steps: Option<u64>,
    /// Wall-clock time a run may take, from its start. A thread the run
    /// starts sleeps until then and makes the script's next step stop it,
    /// so a single long built-in operation (sorting a huge list) finishes
    /// first, but nothing else does.
    pub timeout: Option<Duration>,
    /// Bytes a run may add to what the interpreter's thread holds
    /// (see the README's "Limits": counted by krait's allocator,
    /// [`SmallAlloc`](crate::SmallAlloc), which the host must install as its
    /// `#[global_allocator]` for the running total; without it, only each
    /// single request is compared with the cap). A request that would
    /// pass it (`[0] * 10**9`, `"a" * 10**10`) fails before anything is
    /// allocated.
    pub max_memory: Option<usize>,
    /// The deepest a script may recurse (frames plus the native levels
    /// `sys.getrecursionlimit` counts). The script may raise its own
    /// recursion limit with `sys.setrecursionlimit`, but reaching this
    /// depth stops the run; a limit of its own below it still raises
    /// a `RecursionError` the script can catch, as in CPython.
    pub max_depth: Option<usize>,
    /// The most bytes (of UTF-8 text: characters, for ASCII) one str may
    /// have, checked where a str is made or grows by more than one item
    /// at a time (`*`, `+`, `+=`, `join`, `replace`, `%` and format
    /// widths, padding, repr of containers).
    pub max_str_bytes: Option<usize>,
    /// The most items one list, tuple, dict, set or deque may have,
    /// checked where one is made or grows by more than one item at a time
    /// (`*`, `+`, `+=`, `extend`, materializing a range, `list(...)` of a
    /// sized iterable). Growing by `append` is bounded by `max_memory`.
    pub max_items: Option<usize>,
    /// The most bits one int may have, checked before arithmetic that
    /// makes it (`**`, `<<`, `*`, `+`, `math.factorial`...).
    pub max_int_bits: Option<u64>,
}

/// Which limit stopped a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LimitKind {
    /// [`Limits::max_steps`].
    Steps,
    /// [`Limits::timeout`].
    Timeout,
    /// [`Limits::max_memory`].
    Memory,
    /// [`Limits::max_depth`].
    Recursion,
    /// [`Limits::max_str_bytes`], [`Limits::max_items`] or
    /// [`Limits::max_int_bits`].
    Size,
    /// [`InterruptHandle::interrupt`].
    Interrupted,
}

/// A run stopped by a limit: which one, and a sentence saying what
/// passed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitExceeded {
    /// The limit reached.
    pub kind: LimitKind,
    /// What happened, e.g. "a str of 10000000000 bytes: more than the
    /// memory cap of 67108864 bytes allows".
    pub message: String,
}

impl std::fmt::Display for LimitExceeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "limit exceeded: {}", self.message)
    }
}

impl std::error::Error for LimitExceeded {}

/// Stops the script an interpreter runs from any thread: the run ends
/// with [`LimitKind::Interrupted`] at its next step (or, inside a long
/// built-in operation, once it returns). An interrupt sent while nothing
/// runs stops the next run at its first step. Get one with
/// [`Interpreter::interrupt_handle`](crate::Interpreter::interrupt_handle).
#[derive(Debug, Clone)]
pub struct InterruptHandle(Arc<Shared>);

impl InterruptHandle {
    /// Asks the running script to stop.
    pub fn interrupt(&self) {
        self.0.interrupted.store(true, Ordering::Relaxed);
        self.0.poke();
    }
}

/// What other threads may touch: the countdown and the flags it makes the
/// VM look at.
#[derive(Debug)]
pub(crate) struct Shared {
    /// Steps left until the next poll: never 0 outside `Vm::poll`. Only
    /// the VM's thread decrements it (a plain load and store: no locked
    /// instruction); another thread only sets it to 1.
    ticks: AtomicU32,
    /// Set by an `InterruptHandle`.
    interrupted: AtomicBool,
    /// Set by the run's timer thread at its deadline.
    timed_out: AtomicBool,
}

impl Shared {
    /// Makes the VM's next step poll.
    fn poke(&self) {
        self.ticks.store(1, Ordering::Relaxed);
    }
}

/// The thread that wakes at a run's deadline; dropping the sender stops it.
struct Timer {
    stop: mpsc::Sender<()>,
    thread: std::thread::JoinHandle<()>,
}

impl Timer {
    /// Sleeps until `deadline` (or until stopped), then raises the flag and
    /// pokes until stopped. None when no thread can be made: the polls
    /// then read the clock (`LimitState::deadline`).
    fn start(shared: Arc<Shared>, deadline: Instant) -> Option<Timer> {
        let (stop, waiting) = mpsc::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("krait-deadline".into())
            .spawn(move || {
                let mut wait = deadline.saturating_duration_since(Instant::now());
                while let Err(mpsc::RecvTimeoutError::Timeout) = waiting.recv_timeout(wait) {
                    shared.timed_out.store(true, Ordering::Relaxed);
                    shared.poke();
                    wait = REPOKE;
                }
            })
            .ok()?;
        Some(Timer { stop, thread })
    }

    /// Stops the thread and waits for it: no poke of this run's comes later.
    fn finish(self) {
        drop(self.stop);
        let _ = self.thread.join();
    }
}

/// The VM's side of the limits: the countdown the loop decrements, the
/// budgets left, and whether a limit tripped.
pub(crate) struct LimitState {
    /// The countdown and the flags (see `Shared`).
    shared: Arc<Shared>,
    /// What the countdown started from at the last poll.
    reload: u32,
    /// Steps taken in this run up to the last poll.
    steps_done: u64,
    limits: Limits,
    /// The running run's deadline timer.
    timer: Option<Timer>,
    /// The deadline, read by the polls only when no timer thread could be
    /// made.
    deadline: Option<Instant>,
    /// A limit is set or an interrupt handle was handed out: the loop
    /// counts steps (`run::Limited`).
    on: bool,
    /// An interrupt handle was handed out (it cannot be taken back).
    handle_out: bool,
    /// Where the frame that left the loop for a poll goes on, and whether
    /// it jumped there (`run::Exit::Poll`).
    pub(crate) poll_exit: (usize, bool),
    /// `alloc::thread_live_bytes()` at the start of the run.
    mem_base: isize,
    /// The limit reached in this run, if any.
    tripped: Option<LimitExceeded>,
    /// Some size limit or the memory cap is set.
    sizes_on: bool,
    /// Requests above these go to the cold check (`usize::MAX`: none set).
    str_ceiling: usize,
    items_ceiling: usize,
    int_bits_ceiling: u64,
    /// What `sys.setrecursionlimit` last asked for; the VM's limit is
    /// this or `max_depth`, the lower.
    script_recursion_limit: usize,
}

impl Default for LimitState {
    fn default() -> Self {
        LimitState {
            shared: Arc::new(Shared {
                ticks: AtomicU32::new(INTERVAL),
                interrupted: AtomicBool::new(false),
                timed_out: AtomicBool::new(false),
            }),
            reload: INTERVAL,
            steps_done: 0,
            limits: Limits::default(),
            timer: None,
            deadline: None,
            on: false,
            handle_out: false,
            poll_exit: (0, false),
            mem_base: 0,
            tripped: None,
            sizes_on: false,
            str_ceiling: usize::MAX,
            items_ceiling: usize::MAX,
            int_bits_ceiling: u64::MAX,
            script_recursion_limit: 1000,
        }
    }
}

impl LimitState {
    /// Starts the countdown to the next poll: `INTERVAL` steps, fewer if
    /// the step budget ends before.
    fn rearm(&mut self) {
        let mut n = INTERVAL;
        if let Some(max) = self.limits.max_steps {
            // The step after the last allowed one must reach a poll.
            let left = max.saturating_sub(self.steps_done).saturating_add(1);
            n = n.min(left.min(u32::MAX as u64) as u32);
        }
        if self.tripped.is_some() {
            n = 1;
        }
        self.reload = n.max(1);
        self.shared.ticks.store(self.reload, Ordering::Relaxed);
    }

    /// Stops the deadline's timer, if one runs.
    fn stop_timer(&mut self) {
        if let Some(t) = self.timer.take() {
            t.finish();
        }
    }
}

/// The exception a tripped limit raises in the script (which cannot catch
/// it: only what unwinds differs).
fn limit_error(kind: LimitKind, message: &str) -> PyErr {
    match kind {
        LimitKind::Memory | LimitKind::Size => PyErr::new(ExcType::MemoryError, message),
        LimitKind::Recursion => PyErr::new(ExcType::RecursionError, message),
        LimitKind::Steps | LimitKind::Timeout | LimitKind::Interrupted => {
            PyErr::new(ExcType::KeyboardInterrupt, message)
        }
    }
}

impl Vm {
    /// Sets the limits of the runs to come (and of the one running, if a
    /// native function calls this).
    pub fn set_limits(&mut self, limits: Limits) {
        let mem = limits.max_memory.map(|m| m.min(MEM_CHECK_BYTES));
        let st = &mut self.limits;
        st.str_ceiling = limits
            .max_str_bytes
            .unwrap_or(usize::MAX)
            .min(mem.unwrap_or(usize::MAX));
        st.items_ceiling = limits
            .max_items
            .unwrap_or(usize::MAX)
            .min(mem.map_or(usize::MAX, |m| m / 16));
        st.int_bits_ceiling = limits
            .max_int_bits
            .unwrap_or(u64::MAX)
            .min(mem.map_or(u64::MAX, |m| m as u64 * 8));
        st.on = limits != Limits::default() || st.handle_out;
        st.sizes_on = limits.max_memory.is_some()
            || limits.max_str_bytes.is_some()
            || limits.max_items.is_some()
            || limits.max_int_bits.is_some();
        st.limits = limits;
        let asked = st.script_recursion_limit;
        self.set_recursion_limit(asked);
        self.limits.rearm();
    }

    /// The limits set.
    pub fn limits(&self) -> &Limits {
        &self.limits.limits
    }

    /// A handle that stops this VM's running script from any thread.
    pub fn interrupt_handle(&mut self) -> InterruptHandle {
        self.limits.on = true;
        self.limits.handle_out = true;
        InterruptHandle(self.limits.shared.clone())
    }

    /// Whether the loop counts steps (`run::Limited`): a limit is set or
    /// an interrupt handle was handed out.
    #[inline]
    pub(crate) fn limits_on(&self) -> bool {
        self.limits.on
    }

    /// At the start of a run: the budgets start again, and the deadline's
    /// timer starts.
    pub(crate) fn begin_limited_run(&mut self) {
        let st = &mut self.limits;
        st.stop_timer();
        st.tripped = None;
        st.steps_done = 0;
        st.shared.timed_out.store(false, Ordering::Relaxed);
        // A timeout too far to represent is no deadline.
        st.deadline = st
            .limits
            .timeout
            .and_then(|t| Instant::now().checked_add(t));
        if let Some(d) = st.deadline {
            st.timer = Timer::start(st.shared.clone(), d);
            if st.timer.is_some() {
                st.deadline = None;
            }
        }
        if st.limits.max_memory.is_some() {
            st.mem_base = crate::alloc::thread_live_bytes();
        }
        st.rearm();
        // An interrupt sent since the last run stops this one at once.
        if st.shared.interrupted.load(Ordering::Relaxed) {
            st.shared.poke();
        }
    }

    /// At the end of a run, its cleanup done: the limit it tripped, if
    /// any. The VM is ready for the next run.
    pub(crate) fn end_limited_run(&mut self) -> Option<LimitExceeded> {
        self.limits.stop_timer();
        let tripped = self.limits.tripped.take()?;
        // Handlers were skipped, so nothing restored what they would have.
        self.exc_info = crate::value::Value::None;
        self.limits.rearm();
        Some(tripped)
    }

    /// Whether a limit tripped in this run: no handler may run.
    #[inline]
    pub(crate) fn limit_tripped(&self) -> bool {
        self.limits.tripped.is_some()
    }

    /// One step (see the module documentation): true when it is time for
    /// `poll`.
    #[inline(always)]
    pub(crate) fn tick(&mut self) -> bool {
        let c = &self.limits.shared.ticks;
        let t = c.load(Ordering::Relaxed) - 1;
        c.store(t, Ordering::Relaxed);
        t == 0
    }

    /// `tick`, then `poll` when due: for native loops.
    #[inline(always)]
    pub(crate) fn step(&mut self) -> PyResult<()> {
        if self.tick() {
            return self.poll();
        }
        Ok(())
    }

    /// The countdown reached zero: Ctrl-C, the interrupt, the budgets.
    #[cold]
    #[inline(never)]
    pub(crate) fn poll(&mut self) -> PyResult<()> {
        let st = &mut self.limits;
        // (Too many if a poke cut the countdown short: a poke means a flag
        // below, looked at first, which ends the run.)
        st.steps_done += st.reload as u64;
        if let Some(t) = &st.tripped {
            let e = limit_error(t.kind, &t.message);
            st.rearm();
            return Err(e);
        }
        if super::run::interrupt_pending() {
            st.rearm();
            return Err(super::run::take_interrupt());
        }
        if st.shared.interrupted.swap(false, Ordering::Relaxed) {
            return Err(self.trip(LimitKind::Interrupted, "interrupted by the host".into()));
        }
        let late = match st.deadline {
            // No timer thread: the clock, every poll.
            Some(d) => Instant::now() >= d,
            None => st.shared.timed_out.load(Ordering::Relaxed),
        };
        if late {
            let t = st.limits.timeout.unwrap_or_default();
            return Err(self.trip(LimitKind::Timeout, format!("ran longer than {t:?}")));
        }
        if let Some(max) = st.limits.max_steps {
            if st.steps_done > max {
                return Err(self.trip(LimitKind::Steps, format!("more than {max} steps")));
            }
        }
        if let Some(cap) = st.limits.max_memory {
            let used = self.memory_used();
            if used > cap {
                return Err(self.trip(
                    LimitKind::Memory,
                    format!("the script's memory grew by {used} bytes, more than the cap of {cap}"),
                ));
            }
        }
        self.limits.rearm();
        Ok(())
    }

    /// Records that limit `kind` was reached (the first one stays) and
    /// returns the error to raise: from now on nothing can catch it.
    #[cold]
    #[inline(never)]
    pub(crate) fn trip(&mut self, kind: LimitKind, message: String) -> PyErr {
        let e = limit_error(kind, &message);
        let st = &mut self.limits;
        if st.tripped.is_none() {
            st.tripped = Some(LimitExceeded { kind, message });
        }
        st.rearm();
        e
    }

    /// Bytes the running script added to the thread's memory (0 when
    /// krait's allocator is not the global one: nothing is counted).
    pub(crate) fn memory_used(&self) -> usize {
        let now = crate::alloc::thread_live_bytes();
        now.saturating_sub(self.limits.mem_base).max(0) as usize
    }

    /// Before making (or growing to) a str of `bytes` bytes.
    #[inline(always)]
    pub(crate) fn check_str_size(&mut self, bytes: usize) -> PyResult<()> {
        if bytes > self.limits.str_ceiling {
            return self.str_too_big(bytes);
        }
        Ok(())
    }

    /// Before making (or growing to) a list, tuple, dict, set or deque of
    /// `n` items.
    #[inline(always)]
    pub(crate) fn check_items(&mut self, n: usize) -> PyResult<()> {
        if n > self.limits.items_ceiling {
            return self.items_too_many(n);
        }
        Ok(())
    }

    /// Before making an int of about `bits` bits.
    #[inline(always)]
    pub(crate) fn check_int_bits(&mut self, bits: u64) -> PyResult<()> {
        if bits > self.limits.int_bits_ceiling {
            return self.int_too_big(bits);
        }
        Ok(())
    }

    /// Whether any size or memory limit is set (for checks that cost
    /// something to prepare).
    #[inline(always)]
    pub(crate) fn sizes_limited(&self) -> bool {
        self.limits.sizes_on
    }

    #[cold]
    #[inline(never)]
    fn str_too_big(&mut self, bytes: usize) -> PyResult<()> {
        if let Some(max) = self.limits.limits.max_str_bytes {
            if bytes > max {
                return Err(self.trip(
                    LimitKind::Size,
                    format!("a str of {bytes} bytes: more than the limit of {max}"),
                ));
            }
        }
        self.check_room(bytes, "a str")
    }

    #[cold]
    #[inline(never)]
    fn items_too_many(&mut self, n: usize) -> PyResult<()> {
        if let Some(max) = self.limits.limits.max_items {
            if n > max {
                return Err(self.trip(
                    LimitKind::Size,
                    format!("a container of {n} items: more than the limit of {max}"),
                ));
            }
        }
        self.check_room(n.saturating_mul(16), "a container")
    }

    #[cold]
    #[inline(never)]
    fn int_too_big(&mut self, bits: u64) -> PyResult<()> {
        if let Some(max) = self.limits.limits.max_int_bits {
            if bits > max {
                return Err(self.trip(
                    LimitKind::Size,
                    format!("an int of {bits} bits: more than the limit of {max}"),
                ));
            }
        }
        self.check_room((bits / 8).min(usize::MAX as u64) as usize, "an int")
    }

    /// Whether `bytes` more fit under the memory cap.
    fn check_room(&mut self, bytes: usize, what: &str) -> PyResult<()> {
        let Some(cap) = self.limits.limits.max_memory else {
            return Ok(());
        };
        let used = self.memory_used();
        if used.saturating_add(bytes) > cap {
            return Err(self.trip(
                LimitKind::Memory,
                format!(
                    "{what} of {bytes} bytes: more than the memory cap of {cap} bytes allows \
                     ({used} in use)"
                ),
            ));
        }
        Ok(())
    }

    /// `sys.getrecursionlimit()`: the limit the script set (the VM's own
    /// may be lower, capped by `Limits::max_depth`).
    pub fn script_recursion_limit(&self) -> usize {
        self.limits.script_recursion_limit
    }

    /// Whether the recursion limit reached is the host's cap, not the
    /// script's own: then the `RecursionError` is a tripped limit.
    #[inline]
    pub(crate) fn recursion_capped(&self) -> bool {
        self.recursion_limit() < self.limits.script_recursion_limit
    }

    /// A `RecursionError` raised at the host's cap (`recursion_capped`):
    /// the recursion limit tripped, and nothing can catch it. (Raised where
    /// the depth is within a few levels of the cap; the error itself is
    /// made where the depth is checked, in CPython's words.)
    #[cold]
    #[inline(never)]
    pub(crate) fn trip_at_depth_cap(&mut self, err: &PyErr) {
        if self.err_is(err, ExcType::RecursionError)
            && self.recursion_depth() + 50 >= self.recursion_limit()
        {
            self.trip_depth_cap();
        }
    }

    /// The host's recursion cap is reached: a tripped limit.
    #[cold]
    #[inline(never)]
    pub(crate) fn trip_depth_cap(&mut self) {
        let cap = self.recursion_limit();
        self.trip(
            LimitKind::Recursion,
            format!("maximum recursion depth exceeded (the host's cap of {cap})"),
        );
    }

    /// The recursion limit the VM applies when the script asks for `n`.
    pub(crate) fn capped_recursion_limit(&mut self, n: usize) -> usize {
        self.limits.script_recursion_limit = n;
        n.min(self.limits.limits.max_depth.unwrap_or(usize::MAX))
    }
}

/// About how many bits `a op b` needs (an upper bound, up to a bit), found
/// from the operands' sizes before computing.
pub(crate) fn int_result_bits(
    a: &num_bigint::BigInt,
    b: &num_bigint::BigInt,
    op: crate::bytecode::BinOpKind,
) -> u64 {
    use crate::bytecode::BinOpKind as K;
    use num_traits::{Signed, ToPrimitive};
    let (x, y) = (a.bits(), b.bits());
    match op {
        K::Add | K::Sub => x.max(y) + 1,
        K::Mul => x + y,
        // A negative exponent makes a float; |a| <= 1 stays small.
        K::Pow if b.is_negative() || x <= 1 => x.max(1),
        K::Pow => b.to_u64().map_or(u64::MAX, |e| x.saturating_mul(e)),
        K::LShift if b.is_negative() || x == 0 => x,
        K::LShift => b.to_u64().map_or(u64::MAX, |s| x.saturating_add(s)),
        _ => x.max(y),
    }
}
