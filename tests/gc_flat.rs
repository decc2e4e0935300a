//! A host that runs scripts again and again, or makes and drops
//! interpreters, stays flat in memory: the cycles each run leaves (a
//! function and its globals, a class and its methods, self-referencing
//! objects) are reclaimed by the cycle collector. Measured by counting,
//! not by time or RSS: the bytes this test's thread has allocated and not
//! freed.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use krait::Interpreter;

struct Counting;

thread_local! {
    // Per thread: the tests run side by side.
    static LIVE_BYTES: Cell<isize> = const { Cell::new(0) };
}

fn count(delta: isize) {
    let _ = LIVE_BYTES.try_with(|b| b.set(b.get() + delta));
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        count(l.size() as isize);
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        count(-(l.size() as isize));
        System.dealloc(p, l)
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        count(new as isize - l.size() as isize);
        System.realloc(p, l, new)
    }
}

#[global_allocator]
static A: Counting = Counting;

fn live_bytes() -> isize {
    LIVE_BYTES.with(|b| b.get())
}

const SCRIPT: &str = "\
class Node:
    def __init__(self, parent):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)
    def walk(self):
        return 1 + sum(c.walk() for c in self.children)

def make(n):
    root = Node(None)
    for i in range(n):
        Node(root)
    return root

def adder(k):
    def add(x):
        return x + k
    return add

root = make(10)
total = root.walk() + adder(3)(4)
d = {}
d['self'] = d
";

#[test]
fn rerunning_a_script_stays_flat() {
    let mut it = Interpreter::new();
    // Automatic collection only: the bytes live level off (a run leaves
    // about 14 KB in cycles: 10,000 runs would keep 140 MB).
    let start = live_bytes();
    let mut peak_early = 0;
    for i in 0..10_000 {
        it.run_source("<flat>", SCRIPT).unwrap();
        let n = live_bytes() - start;
        if i < 2_000 {
            peak_early = peak_early.max(n);
        } else {
            assert!(
                n <= 2 * peak_early,
                "run {i}: {n} bytes more than at the start, at most {peak_early} in the first 2000 runs"
            );
        }
    }
    assert!(peak_early < 10 << 20, "{peak_early} bytes");
    // After a full collection, what one run leaves, again and again
    // (once the buffers kept for the thread and the VM have grown).
    it.collect_garbage();
    let bytes0 = live_bytes();
    for _ in 0..1_000 {
        it.run_source("<flat>", SCRIPT).unwrap();
    }
    it.collect_garbage();
    let grown = live_bytes() - bytes0;
    // Without the collector each run kept ~14 KB.
    assert!(grown < 4 * 1024, "{grown} bytes more after 1,000 runs");
}

#[test]
fn dropped_interpreters_leave_nothing() {
    // Each interpreter's garbage is collected once it is dropped: the
    // collector's own buffers grow to the most garbage one pass meets, so
    // leaving it to the automatic passes would measure their timing.
    let run_one = || {
        let mut it = Interpreter::new();
        it.run_source("<drop>", SCRIPT).unwrap();
        drop(it);
    };
    // (The first ones grow buffers kept for the thread.)
    for _ in 0..100 {
        run_one();
    }
    let bytes0 = live_bytes();
    for _ in 0..300 {
        run_one();
    }
    let grown = live_bytes() - bytes0;
    assert!(
        grown < 4 * 1024,
        "{grown} bytes more after 300 interpreters"
    );
}

/// Frame objects are tracked only once they outlive their frame: cycles
/// through them (a frame kept in its own locals, frames a tracer saw and
/// read `f_locals` of) are still reclaimed.
const FRAME_CYCLES: &str = "\
import sys

class Holder:
    pass

def keeps_its_frame():
    h = Holder()
    h.frame = sys._getframe()
    return h

def tracer(frame, event, arg):
    frame.f_locals
    return tracer

def traced(n):
    x = [n]
    x.append(x)
    return len(x)

keeps_its_frame()
sys.settrace(tracer)
traced(3)
sys.settrace(None)
";

#[test]
fn frame_object_cycles_are_reclaimed() {
    let mut it = Interpreter::new();
    for _ in 0..1_200 {
        it.run_source("<frames>", FRAME_CYCLES).unwrap();
    }
    it.collect_garbage();
    let bytes0 = live_bytes();
    for _ in 0..1_000 {
        it.run_source("<frames>", FRAME_CYCLES).unwrap();
    }
    it.collect_garbage();
    // A cycle kept alive through an untracked frame object would keep its
    // tracked containers (the Holder, the list) too: some 100 KB.
    let grown = live_bytes() - bytes0;
    assert!(grown < 4 * 1024, "{grown} bytes more after 1,000 runs");
}
