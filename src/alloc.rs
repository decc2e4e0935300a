//! A small-object allocator in front of the system's, as CPython's pymalloc
//! is in front of malloc: krait allocates and frees many small blocks
//! (lists, instances, slices, bound methods, frame objects), and glibc's
//! `free` often takes its slow path (`_int_free`) for them. Blocks of up to
//! `MAX_SMALL` bytes are rounded up to their size class and, when freed, kept
//! on a per-thread list for their size class, from which the next request
//! of that class is served with a few instructions. A list holds at most
//! `MAX_KEPT` blocks; beyond that, and for bigger blocks, the system
//! allocator does the work. The CLI installs it (`src/main.rs`); a host may
//! too, as its `#[global_allocator]`.
//!
//! It also counts, per thread, the bytes it holds from the system
//! (`thread_live_bytes`): the memory cap of `Limits::max_memory` reads it.
//! Only the calls into the system allocator count, so the small-block
//! fast paths cost nothing more.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::ptr;

/// The largest block served from the size-class lists.
const MAX_SMALL: usize = 256;
/// Size classes: 24, 40, ..., 264 bytes (`class_of`).
const CLASSES: usize = (MAX_SMALL + 15 - 24) / 16 + 1;
/// Free blocks kept per size class and thread (at most about 2 MiB for
/// the biggest class): memory a program freed goes back to the system past this.
const MAX_KEPT: u32 = 8192;

/// Free blocks of one size class, linked through their first word.
struct FreeList {
    head: Cell<*mut u8>,
    len: Cell<u32>,
}

thread_local! {
    // No destructor and a constant initializer: usable in every state of
    // the thread, its exit included (what a thread keeps is then lost).
    static FREE: [FreeList; CLASSES] = const {
        [const { FreeList { head: Cell::new(ptr::null_mut()), len: Cell::new(0) } }; CLASSES]
    };
}

thread_local! {
    /// Bytes this thread took from the system allocator through
    /// `SmallAlloc` and has not given back, blocks kept on the lists
    /// included. (A block freed on another thread counts there.)
    static HELD: Cell<isize> = const { Cell::new(0) };
}

/// Counts `delta` bytes taken from (or given back to) the system.
#[inline(always)]
fn held(delta: isize) {
    let _ = HELD.try_with(|h| h.set(h.get() + delta));
}

/// The system's block, counted. Out of line, as the system call is: the
/// allocator's fast paths are inlined everywhere, and stay as small as
/// they were (more code in them moved PGO's inlining in the dispatch loop:
/// fib +10% instructions).
#[inline(never)]
unsafe fn system_alloc(layout: Layout) -> *mut u8 {
    let p = System.alloc(layout);
    if !p.is_null() {
        held(layout.size() as isize);
    }
    p
}

/// A block resized by the system, counted.
#[inline(never)]
unsafe fn system_realloc(p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
    let q = System.realloc(p, layout, new_size);
    if !q.is_null() {
        held(new_size as isize - layout.size() as isize);
    }
    q
}

/// A block back to the system, counted.
#[inline(never)]
unsafe fn system_dealloc(p: *mut u8, layout: Layout) {
    held(-(layout.size() as isize));
    System.dealloc(p, layout)
}

/// Bytes of live blocks this thread allocated through `SmallAlloc` and
/// has not freed (less those freed by other threads, plus those it freed
/// for them): what the memory cap compares. Always 0 when `SmallAlloc` is
/// not the global allocator.
pub fn thread_live_bytes() -> isize {
    let held = HELD.try_with(Cell::get).unwrap_or(0);
    let kept = FREE
        .try_with(|lists| {
            (0..CLASSES)
                .map(|c| lists[c].len.get() as isize * class_layout(c).size() as isize)
                .sum::<isize>()
        })
        .unwrap_or(0);
    held - kept
}

/// Whether `SmallAlloc` is the global allocator (so `thread_live_bytes`
/// counts): a block too big for the lists moves the count.
fn counts_memory() -> bool {
    let before = HELD.try_with(Cell::get).unwrap_or(0);
    let probe: Vec<u8> = Vec::with_capacity(4 * MAX_SMALL);
    let after = HELD.try_with(Cell::get).unwrap_or(0);
    drop(std::hint::black_box(probe));
    after != before
}

/// The global allocator krait's command line uses: small blocks from
/// per-thread free lists, and a count of the bytes live, which the memory
/// cap (`Limits::max_memory`) reads. A host that sets a memory cap makes
/// it its global allocator:
///
/// ```
/// #[global_allocator]
/// static ALLOC: krait::SmallAlloc = krait::SmallAlloc;
/// # fn main() { assert!(krait::SmallAlloc::is_global()); }
/// ```
pub struct SmallAlloc;

impl SmallAlloc {
    /// Whether `SmallAlloc` is the process's global allocator: without
    /// it, `Limits::max_memory` keeps no running total, and compares only
    /// each single request with the cap.
    pub fn is_global() -> bool {
        counts_memory()
    }
}

/// The size class of `layout`, if it is small: class `c` holds blocks of
/// `16 * c + 24` bytes, which fill a glibc chunk exactly (a request of `n`
/// bytes takes a chunk of `n + 8` rounded up to 16, at least 32).
#[inline(always)]
fn class_of(layout: Layout) -> Option<usize> {
    if layout.size() <= MAX_SMALL && layout.align() <= 16 {
        Some((layout.size() + 15).saturating_sub(24) / 16)
    } else {
        None
    }
}

/// The layout the system allocator sees for size class `c`.
#[inline(always)]
fn class_layout(c: usize) -> Layout {
    // SAFETY: 16 * c + 24 is non-zero and 16 a power of two.
    unsafe { Layout::from_size_align_unchecked(16 * c + 24, 16) }
}

unsafe impl GlobalAlloc for SmallAlloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(c) = class_of(layout) else {
            return system_alloc(layout);
        };
        let block = FREE.with(|lists| {
            let l = &lists[c];
            let head = l.head.get();
            if !head.is_null() {
                // SAFETY: a kept block is at least 16 bytes and holds the next link.
                l.head.set(unsafe { *(head as *mut *mut u8) });
                l.len.set(l.len.get() - 1);
            }
            head
        });
        if block.is_null() {
            system_alloc(class_layout(c))
        } else {
            block
        }
    }

    #[inline]
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        let Some(c) = class_of(layout) else {
            return system_dealloc(p, layout);
        };
        let kept = FREE.with(|lists| {
            let l = &lists[c];
            if l.len.get() >= MAX_KEPT {
                return false;
            }
            // SAFETY: the block is ours again, at least 16 bytes, 16-aligned.
            unsafe { *(p as *mut *mut u8) = l.head.get() };
            l.head.set(p);
            l.len.set(l.len.get() + 1);
            true
        });
        if !kept {
            system_dealloc(p, class_layout(c));
        }
    }

    #[inline]
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = class_of(layout);
        // SAFETY: the caller guarantees new_size with this alignment is a valid layout.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        let new = class_of(new_layout);
        match (old, new) {
            (None, None) => system_realloc(p, layout, new_size),
            (Some(a), Some(b)) if a == b => p,
            _ => {
                let q = self.alloc(new_layout);
                if !q.is_null() {
                    ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
                    self.dealloc(p, layout);
                }
                q
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Blocks of every small size and some big ones keep their contents
    /// through reallocation within and across size classes, and freed
    /// blocks are handed out again.
    #[test]
    fn blocks_keep_contents_across_classes() {
        let a = SmallAlloc;
        let sizes = [1, 7, 8, 16, 24, 25, 40, 41, 100, 255, 256, 257, 1000, 5000];
        for &from in &sizes {
            for &to in &sizes {
                unsafe {
                    let l = Layout::from_size_align(from, 8).unwrap();
                    let p = a.alloc(l);
                    assert!(!p.is_null());
                    for i in 0..from {
                        *p.add(i) = (i % 251) as u8;
                    }
                    let q = a.realloc(p, l, to);
                    assert!(!q.is_null());
                    for i in 0..from.min(to) {
                        assert_eq!(*q.add(i), (i % 251) as u8, "{from} -> {to} at {i}");
                    }
                    a.dealloc(q, Layout::from_size_align(to, 8).unwrap());
                }
            }
        }
        unsafe {
            let l = Layout::from_size_align(48, 16).unwrap();
            let p = a.alloc(l);
            assert_eq!(p as usize % 16, 0);
            a.dealloc(p, l);
            // The same class serves the next request from its list.
            let q = a.alloc(Layout::from_size_align(41, 8).unwrap());
            assert_eq!(p, q);
            a.dealloc(q, Layout::from_size_align(41, 8).unwrap());
        }
    }
}
