//! Many interpreters in one process, sharing no state.
//!
//! Most of an interpreter's state is its `Vm`. What code reaches without
//! a `Vm` at hand lives in thread-locals, read there as cheaply as any
//! global: the cycle collector's registry (`gc::alloc`), the interned strs
//! (the compiler, `DictKey::str`), the shape trees (`Instance::new`), the
//! dict version counter (`Dict::keys_version`, which the name caches trust
//! never to repeat), the NaN payload counter, and the queue of dropped
//! generators for the VM to close (`GenState::drop`). Each
//! `Interpreter` owns an `Isolate`, its own set of these, which is swapped
//! into the thread-locals when a call enters the interpreter and swapped
//! back out when it leaves (`Interpreter::entered`). Nesting works: a host
//! function called by interpreter A that runs interpreter B swaps B's set
//! in (A's waits in B's `Isolate` meanwhile) and A's back when B returns.
//! Outside every interpreter's call the thread-locals hold the thread's
//! own set, which code using a `Vm` directly runs with.
//!
//! Between calls nothing outside an interpreter (no thread-local, no
//! global) holds an `Rc` of its objects: that is what lets an
//! `Interpreter` move to another thread (see its `unsafe impl Send`).

use crate::gc;
use crate::value::dict::swap_next_version;
use crate::value::hash::swap_next_nan;
use crate::value::shape::{self, Roots};
use crate::value::string::{self, InternTable};
use crate::vm::iter::{self, GenGlobals};

/// An interpreter's share of the thread-locals, while it is not running.
pub(crate) struct Isolate {
    gc: gc::State,
    interned: InternTable,
    shapes: Roots,
    dict_version: u64,
    nan: u64,
    gens: GenGlobals,
}

impl Isolate {
    /// A fresh set: nothing tracked or interned, no shapes.
    pub(crate) fn new() -> Isolate {
        Isolate {
            gc: gc::State::new(),
            interned: InternTable::default(),
            shapes: Roots::new(),
            dict_version: 1,
            nan: 1,
            gens: GenGlobals::default(),
        }
    }

    /// Swaps this set with the thread's current one: once to enter (this
    /// set becomes current, and this holds the one it replaced), once
    /// more to leave.
    pub(crate) fn swap_current(&mut self) {
        gc::swap_current(&mut self.gc);
        string::swap_interned(&mut self.interned);
        shape::swap_roots(&mut self.shapes);
        swap_next_version(&mut self.dict_version);
        swap_next_nan(&mut self.nan);
        iter::swap_gen_globals(&mut self.gens);
    }

    /// Whether the thread-locals are there to swap with: not while the
    /// thread exits, once they are destroyed.
    pub(crate) fn available() -> bool {
        gc::available()
            && string::interned_available()
            && shape::roots_available()
            && iter::gen_globals_available()
    }
}

/// For an interpreter being dropped, its VM gone, while its set is current:
/// what is left of its objects goes (cycles, the frames of dropped
/// generators, the shape trees), so that what its `Isolate` then holds
/// drops without touching any thread-local (weak handles, interned strs,
/// two bare shape roots).
pub(crate) fn release_current() {
    loop {
        let found = gc::collect(2);
        let dropped = iter::forget_dropped_generators();
        if found == 0 && !dropped {
            break;
        }
    }
    let mut trees = Roots::new();
    shape::swap_roots(&mut trees);
    drop(trees);
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use crate::value::shape::Shape;
    use crate::value::{string, Dict, Value};
    use crate::Interpreter;

    /// The version a dict made now gets at its first key.
    fn next_dict_version() -> u64 {
        let mut d = Dict::new();
        d.set_str("k", Value::None);
        d.keys_version()
    }

    #[test]
    fn dict_versions_never_repeat_in_an_interpreter_across_threads() {
        let mut it = Interpreter::new();
        let v1 = it.entered(|_| next_dict_version());
        let (mut it, v2, there) = std::thread::spawn(move || {
            let v2 = it.entered(|_| next_dict_version());
            (it, v2, next_dict_version())
        })
        .join()
        .unwrap();
        let v3 = it.entered(|_| next_dict_version());
        assert!(v1 < v2 && v2 < v3, "{v1} {v2} {v3}");
        // The other thread's own count started over: the versions are the
        // interpreter's, not the thread's.
        assert!(there < v1, "{there} {v1}");
    }

    #[test]
    fn interned_strs_and_shapes_are_each_interpreters_own() {
        let addr = || {
            (
                Rc::as_ptr(&string::intern("spam")) as usize,
                Rc::as_ptr(&Shape::root()) as usize,
            )
        };
        let mut a = Interpreter::new();
        let mut b = Interpreter::new();
        let in_a = a.entered(|_| addr());
        let in_b = b.entered(|_| addr());
        let here = addr();
        assert!(in_a.0 != in_b.0 && in_a.0 != here.0);
        assert!(in_a.1 != in_b.1 && in_a.1 != here.1);
        // The same ones again, after a run on another thread.
        let mut a = std::thread::spawn(move || {
            a.run("class C:\n    pass\nc = C()\nc.spam = 1\n").unwrap();
            a
        })
        .join()
        .unwrap();
        assert_eq!(a.entered(|_| addr()), in_a);
        assert_eq!(b.entered(|_| addr()), in_b);
        assert_eq!(addr(), here);
    }

    #[test]
    fn a_dropped_interpreter_leaves_nothing_in_the_thread() {
        let mut it = Interpreter::new();
        // A generator with handlers, suspended, in a cycle; shapes.
        it.run(
            "class C:\n    pass\ndef g():\n    try:\n        yield 1\n    finally:\n        pass\n\
             c = C()\nc.x = 1\nc.gen = g()\nnext(c.gen)\nc.me = c\n",
        )
        .unwrap();
        let before = (
            crate::gc::live_tracked(),
            super::iter::WITH_HANDLERS.with(|n| n.get()),
        );
        drop(it);
        assert_eq!(
            (
                crate::gc::live_tracked(),
                super::iter::WITH_HANDLERS.with(|n| n.get()),
            ),
            before
        );
    }
}
