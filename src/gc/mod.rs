//! The cycle collector. Values are `Rc`s, which free everything but
//! reference cycles; this finds unreachable cycles by trial deletion, as
//! CPython's `Modules/gcmodule.c` does, without knowing the roots:
//!
//! 1. every tracked container starts with `gc_refs = Rc::strong_count`;
//! 2. each reference from one tracked container of the set to another
//!    takes one off the target: what is left counts references from
//!    outside (the VM's stacks, Rust locals, untracked objects, older
//!    generations);
//! 3. containers left above zero are reachable, and so is everything they
//!    reach; the rest is garbage, freed by taking the contents out of its
//!    mutable containers (every cycle passes through one).
//!
//! Containers are tracked when allocated (`alloc`), through a thread-local
//! list of weak handles per generation; collections run by allocation
//! count with CPython's three generations and thresholds (700, 10, 10),
//! and a full collection only once the long-lived objects doubled (CPython
//! waits for a quarter more; a collection here costs more per object), so
//! a program building large live structures stays linear. Allocations
//! drop the handles of objects that died young; each collection those of
//! the others.

mod visit;

use std::cell::RefCell;
use std::rc::Rc;

pub(crate) use visit::Traceable;
use visit::{Obj, Tracked, Trash};

/// CPython's default thresholds (`gc.get_threshold()`).
const THRESHOLDS: [i64; 3] = [700, 10, 10];

/// The collector's state: an interpreter's own, kept in the thread-local
/// `GC` while a call runs inside it and in its `vm::isolate::Isolate`
/// between calls (`swap_current`).
pub(crate) struct State {
    /// Weak handles on the tracked containers, youngest generation first.
    gens: [Vec<Tracked>; 3],
    /// As CPython's `generations[i].count`: allocations since the last
    /// collection, then collections of the generation below since the
    /// last collection of this one.
    count: [i64; 3],
    threshold: [i64; 3],
    /// Where `track` looks next for a dead handle in generation 0.
    cursor: usize,
    enabled: bool,
    collecting: bool,
    /// Objects in the oldest generation after the last full collection.
    long_lived_total: usize,
}

impl State {
    /// Nothing tracked, CPython's thresholds, enabled.
    pub(crate) const fn new() -> State {
        State {
            gens: [Vec::new(), Vec::new(), Vec::new()],
            count: [0; 3],
            threshold: THRESHOLDS,
            cursor: 0,
            enabled: true,
            collecting: false,
            long_lived_total: 0,
        }
    }
}

thread_local! {
    /// The current interpreter's state (or the thread's own, outside any
    /// `Interpreter` call).
    static GC: RefCell<State> = const { RefCell::new(State::new()) };
}

/// Swaps `s` with the thread's current state (`vm::isolate`). Never while
/// a collection runs: collections run no krait code and call no host.
pub(crate) fn swap_current(s: &mut State) {
    GC.with(|g| std::mem::swap(&mut *g.borrow_mut(), s));
}

/// Whether the thread-local state is still there (not during the thread's
/// exit, once it is destroyed).
pub(crate) fn available() -> bool {
    GC.try_with(|_| ()).is_ok()
}

/// Allocates a container and tracks it (unless it can never be part of a
/// cycle, like a tuple of ints). Every allocation of a traceable type goes
/// through here.
#[inline]
pub fn alloc<T: Traceable>(v: T) -> Rc<T> {
    let track = v.worth_tracking();
    let rc = Rc::new(v);
    if track {
        self::track(T::handle(&rc));
    }
    rc
}

/// Tracks a container allocated untracked with `Rc::new`, once it could
/// become part of garbage: a frame object, while its frame runs, is held
/// by the frame's record (so it cannot be garbage), and most frame objects
/// die with their frame; one still held when its frame ends is tracked then
/// (`Vm::keep_frame_object`). Each object is tracked at most once.
pub(crate) fn track_late<T: Traceable>(rc: &Rc<T>) {
    track(T::handle(rc));
}

#[inline]
fn track(t: Tracked) {
    // (At thread exit the registry may be gone: the object is then simply
    // not tracked.)
    let due = GC.try_with(|g| {
        let mut s = g.borrow_mut();
        let s = &mut *s;
        let young = &mut s.gens[0];
        // Two handles looked at per allocation: those of objects that died
        // young go (with their memory) long before the next collection,
        // and count as CPython's deallocations do, so a program that
        // frees what it allocates is rarely interrupted.
        for _ in 0..2 {
            if s.cursor >= young.len() {
                s.cursor = 0;
                if young.is_empty() {
                    break;
                }
            }
            if young[s.cursor].is_alive() {
                s.cursor += 1;
            } else {
                young.swap_remove(s.cursor);
                s.count[0] -= 1;
            }
        }
        young.push(t);
        s.count[0] += 1;
        s.count[0] > s.threshold[0] && s.threshold[0] != 0 && s.enabled && !s.collecting
    });
    if due == Ok(true) {
        collect_generations();
    }
}

/// Picks the oldest generation due, as CPython's `gc_collect_generations`.
#[cold]
#[inline(never)]
fn collect_generations() {
    let gen = GC.with(|g| {
        let s = g.borrow();
        let pending = s.gens[2].len().saturating_sub(s.long_lived_total);
        (0..3)
            .rev()
            .find(|&i| s.count[i] > s.threshold[i] && (i < 2 || pending >= s.long_lived_total))
    });
    if let Some(gen) = gen {
        collect(gen);
    }
}

/// Collects generations `0..=gen`; returns the number of unreachable
/// objects found (0 when a collection is already running).
pub fn collect(gen: usize) -> usize {
    let gen = gen.min(2);
    let older = (gen + 1).min(2);
    let Some(young) = GC.with(|g| {
        let mut s = g.borrow_mut();
        if s.collecting {
            return None;
        }
        s.collecting = true;
        // (Generation 0 keeps its buffer: it fills again at once.)
        let mut young = Vec::with_capacity(s.gens[..=gen].iter().map(Vec::len).sum());
        for i in 0..=gen {
            young.append(&mut s.gens[i]);
        }
        s.cursor = 0;
        if gen < 2 {
            s.count[gen + 1] += 1;
        }
        for c in &mut s.count[..=gen] {
            *c = 0;
        }
        Some(young)
    }) else {
        return 0;
    };
    // Strong references for the duration: the dead ones' handles go now.
    let objs: Vec<Obj> = young.into_iter().filter_map(|t| t.upgrade()).collect();
    let garbage = find_garbage(&objs);
    let mut trash = Trash::default();
    for &i in &garbage {
        objs[i].clear(&mut trash);
    }
    let found = garbage.len();
    let mut is_garbage = vec![false; objs.len()];
    for &i in &garbage {
        is_garbage[i] = true;
    }
    GC.with(|g| {
        let mut s = g.borrow_mut();
        let dst = &mut s.gens[older];
        dst.extend(
            objs.iter()
                .zip(&is_garbage)
                .filter(|(_, &dead)| !dead)
                .map(|(o, _)| o.downgrade()),
        );
    });
    // Nothing is borrowed any more: the contents can go.
    drop(trash);
    GC.with(|g| {
        let mut s = g.borrow_mut();
        // Garbage still held (by other garbage not freed yet, or a
        // container that could not be cleared) stays tracked.
        for (o, _) in objs.iter().zip(&is_garbage).filter(|(_, &dead)| dead) {
            if o.strong() > 1 {
                let h = o.downgrade();
                s.gens[older].push(h);
            }
        }
        if gen == 2 {
            s.long_lived_total = s.gens[2].len();
        }
    });
    drop(objs);
    GC.with(|g| g.borrow_mut().collecting = false);
    found
}

/// Trial deletion over `objs`: the indexes of those unreachable from outside.
fn find_garbage(objs: &[Obj]) -> Vec<usize> {
    let index = Index::new(objs);
    // Our own strong reference is not one from outside.
    let mut refs: Vec<isize> = objs.iter().map(|o| o.strong() as isize - 1).collect();
    let mut reachable = vec![false; objs.len()];
    let mut work: Vec<u32> = vec![];
    for (i, o) in objs.iter().enumerate() {
        let seen = o.visit(&mut |child| {
            if let Some(j) = index.get(child) {
                refs[j as usize] -= 1;
            }
        });
        // A container borrowed mutably right now cannot be looked into:
        // it counts as reachable and its contents as referenced from outside.
        if !seen {
            reachable[i] = true;
            work.push(i as u32);
        }
    }
    // Nothing left without outside references: nothing to find (the
    // common case of young objects all still in use).
    if refs.iter().zip(&reachable).all(|(&r, &seen)| r > 0 || seen) {
        return vec![];
    }
    for (i, &r) in refs.iter().enumerate() {
        if r > 0 && !reachable[i] {
            reachable[i] = true;
            work.push(i as u32);
        }
    }
    while let Some(i) = work.pop() {
        objs[i as usize].visit(&mut |child| {
            if let Some(j) = index.get(child) {
                if !reachable[j as usize] {
                    reachable[j as usize] = true;
                    work.push(j);
                }
            }
        });
    }
    (0..objs.len()).filter(|&i| !reachable[i]).collect()
}

/// The objects of a collection by address, with the range their
/// addresses span (most references from them lead elsewhere: older
/// objects, classes, code, and are told apart without hashing).
struct Index {
    map: rustc_hash::FxHashMap<usize, u32>,
    lo: usize,
    hi: usize,
}

impl Index {
    fn new(objs: &[Obj]) -> Index {
        let mut map =
            rustc_hash::FxHashMap::with_capacity_and_hasher(objs.len(), Default::default());
        let (mut lo, mut hi) = (usize::MAX, 0);
        for (i, o) in objs.iter().enumerate() {
            let a = o.addr();
            lo = lo.min(a);
            hi = hi.max(a);
            map.insert(a, i as u32);
        }
        Index { map, lo, hi }
    }

    #[inline(always)]
    fn get(&self, addr: usize) -> Option<u32> {
        if addr < self.lo || addr > self.hi {
            return None;
        }
        self.map.get(&addr).copied()
    }
}

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(on: bool) {
    GC.with(|g| g.borrow_mut().enabled = on);
}

/// `gc.isenabled()`
pub fn is_enabled() -> bool {
    GC.with(|g| g.borrow().enabled)
}

/// `gc.get_threshold()`
pub fn threshold() -> [i64; 3] {
    GC.with(|g| g.borrow().threshold)
}

/// How many tracked containers of the current interpreter are alive (for
/// tests; not cheap).
#[cfg(test)]
pub(crate) fn live_tracked() -> usize {
    GC.with(|g| {
        let s = g.borrow();
        s.gens.iter().flatten().filter(|t| t.is_alive()).count()
    })
}

/// `gc.set_threshold(...)`: generation 0's threshold at 0 disables
/// automatic collection, as in CPython.
pub fn set_threshold(t: [i64; 3]) {
    GC.with(|g| g.borrow_mut().threshold = t);
}

#[cfg(test)]
mod tests;
