//! The VM's value stack: every frame's locals, cells and operand stack in
//! one `Vec`. The dispatch loop makes room for a frame's deepest stack
//! (`Code::stacksize`, computed from each opcode's stack effect) whenever
//! it (re)enters the frame, and capacity never shrinks, so the loop's own
//! pushes skip the capacity check, its pops the emptiness check and its
//! local-slot accesses the bounds check (`Code::check_operands` checked the
//! operands when the code was compiled).
//! Everything else uses the checked `Vec` methods through `Deref`.

use std::ops::{Deref, DerefMut};

use crate::value::Value;

#[derive(Default)]
pub struct ValueStack(Vec<Value>);

impl ValueStack {
    pub fn with_capacity(n: usize) -> ValueStack {
        ValueStack(Vec::with_capacity(n))
    }

    /// Makes room for `top` items in all: the dispatch loop calls it with the
    /// top of the frame it enters (`base + nlocalsplus + stacksize`).
    #[inline(always)]
    pub fn reserve_to(&mut self, top: usize) {
        if self.0.capacity() < top {
            self.grow_to(top);
        }
    }

    #[cold]
    #[inline(never)]
    fn grow_to(&mut self, top: usize) {
        self.0.reserve(top - self.0.len());
    }

    /// Pushes within the room `reserve_to` made for the running frame.
    /// The compiler computed that room from each opcode's stack effect, as
    /// CPython sizes its frames by `co_stacksize` and trusts it; a debug
    /// build (which CI runs the cases with) checks every push.
    #[inline(always)]
    pub fn push_fast(&mut self, v: Value) {
        let n = self.0.len();
        debug_assert!(
            n < self.0.capacity(),
            "a push outgrew the computed stack depth"
        );
        // SAFETY: see above.
        unsafe {
            Value::write_split(self.0.as_mut_ptr().add(n), v);
            self.0.set_len(n + 1);
        }
    }

    /// Stores `v` in slot `i` of the running frame's locals (as `slot`),
    /// dropping the value it held.
    #[inline(always)]
    pub fn store_slot(&mut self, i: usize, v: Value) {
        debug_assert!(i < self.0.len());
        // SAFETY: as for `slot`; the old value is read out and `v`
        // written in its place, each owned once.
        unsafe {
            let p = self.0.as_mut_ptr().add(i);
            let old = Value::read_split(p);
            Value::write_split(p, v);
            old.drop_fast();
        }
    }

    /// `push_fast` of a bool, int or float, written from registers
    /// (`Value::write_scalar`).
    #[inline(always)]
    pub fn push_bool(&mut self, b: bool) {
        self.push_scalar(crate::value::ScalarTag::Bool, b as u64);
    }

    #[inline(always)]
    pub fn push_int(&mut self, i: i64) {
        self.push_scalar(crate::value::ScalarTag::Int, i as u64);
    }

    #[inline(always)]
    pub fn push_float(&mut self, f: f64) {
        self.push_scalar(crate::value::ScalarTag::Float, f.to_bits());
    }

    #[inline(always)]
    fn push_scalar(&mut self, tag: crate::value::ScalarTag, payload: u64) {
        let n = self.0.len();
        debug_assert!(
            n < self.0.capacity(),
            "a push outgrew the computed stack depth"
        );
        // SAFETY: as for `push_fast`.
        unsafe {
            Value::write_scalar(self.0.as_mut_ptr().add(n), tag, payload);
            self.0.set_len(n + 1);
        }
    }

    /// Slot `i` of the running frame's locals (`base + operand`): the
    /// compiler checked the operand against the frame's `nlocalsplus`
    /// (`Code::check_operands`), and a running frame's locals are on the stack.
    #[inline(always)]
    pub fn slot(&self, i: usize) -> &Value {
        debug_assert!(i < self.0.len());
        // SAFETY: see above.
        unsafe { self.0.get_unchecked(i) }
    }

    #[inline(always)]
    pub fn slot_mut(&mut self, i: usize) -> &mut Value {
        debug_assert!(i < self.0.len());
        // SAFETY: as for `slot`.
        unsafe { self.0.get_unchecked_mut(i) }
    }

    /// `Vec::truncate` with immediates skipped inline (a frame's locals
    /// are mostly ints, floats and None); items go in order, bottom first,
    /// as CPython clears a frame's slots.
    #[inline]
    pub fn truncate_fast(&mut self, at: usize) {
        let len = self.0.len();
        if at >= len {
            return;
        }
        // SAFETY: the items from `at` to `len` are initialized and, once
        // the length is `at`, owned only here: each is read out once.
        unsafe {
            self.0.set_len(at);
            let p = self.0.as_ptr();
            for i in at..len {
                p.add(i).read().drop_fast();
            }
        }
    }

    /// Pushes unbound-local markers up to `top` items (a new frame's
    /// locals after its arguments), within room `reserve_to` made.
    #[inline(always)]
    pub fn fill_nulls_to(&mut self, top: usize) {
        let n = self.0.len();
        assert!(top <= self.0.capacity());
        if top > n {
            // SAFETY: there is room for `top` items; the length is set
            // once every item up to it is written.
            unsafe {
                let p = self.0.as_mut_ptr();
                for i in n..top {
                    p.add(i).write(Value::Null);
                }
                self.0.set_len(top);
            }
        }
    }

    /// Swaps items `i` and `j` of the running frame's stack (`Swap`), each
    /// read as `Value::read_split` reads it (a whole-value swap stalled on
    /// values just written in pieces).
    #[inline(always)]
    pub fn swap_fast(&mut self, i: usize, j: usize) {
        debug_assert!(i < self.0.len() && j < self.0.len());
        // SAFETY: both are initialized items of the stack; each is written
        // back in the other's place, so each is still owned once.
        unsafe {
            let p = self.0.as_mut_ptr();
            let a = Value::read_split(p.add(i));
            let b = Value::read_split(p.add(j));
            p.add(i).write(b);
            p.add(j).write(a);
        }
    }

    /// Removes the top `n` items, in order.
    pub fn take_top(&mut self, n: usize) -> Vec<Value> {
        let at = self.0.len() - n;
        self.0.split_off(at)
    }

    /// Moves the items from `at` on to the end of `dst` (a suspending
    /// generator's frame), leaving the stack `at` long.
    #[inline]
    pub fn move_tail_to(&mut self, at: usize, dst: &mut Vec<Value>) {
        let n = self.0.len() - at;
        dst.reserve(n);
        // SAFETY: `n` initialized items move from the stack's tail to the
        // room just reserved in `dst`; both lengths are set so each item is
        // owned exactly once.
        unsafe {
            let len = dst.len();
            std::ptr::copy_nonoverlapping(self.0.as_ptr().add(at), dst.as_mut_ptr().add(len), n);
            self.0.set_len(at);
            dst.set_len(len + n);
        }
    }

    /// Moves the items from `at` on into `dst` (exactly as many), leaving
    /// the stack `at` long. `dst`'s old items are overwritten unread: they
    /// must hold nothing (immediates, as `Default` makes them).
    #[inline(always)]
    pub fn move_tail_into(&mut self, at: usize, dst: &mut [Value]) {
        let n = self.0.len() - at;
        assert_eq!(n, dst.len());
        debug_assert!(dst.iter().all(|v| v.is_immediate()));
        // SAFETY: `n` initialized items move from the stack's tail over
        // `dst`'s immediates (nothing to drop); the stack's length is set
        // so each item is owned exactly once. (Item by item: the few
        // arguments of a call cost less than a call of `memcpy`.)
        unsafe {
            let src = self.0.as_ptr().add(at);
            for (i, d) in dst.iter_mut().enumerate() {
                std::ptr::write(d, std::ptr::read(src.add(i)));
            }
            self.0.set_len(at);
        }
    }

    /// Pops an operand the running instruction's stack effect says is
    /// there (above the frame's locals, so the stack is not empty).
    #[inline(always)]
    pub fn pop_fast(&mut self) -> Value {
        let n = self.0.len();
        debug_assert!(n > 0);
        // SAFETY: see above.
        unsafe {
            self.0.set_len(n - 1);
            Value::read_split(self.0.as_ptr().add(n - 1))
        }
    }
}

impl Deref for ValueStack {
    type Target = Vec<Value>;
    #[inline(always)]
    fn deref(&self) -> &Vec<Value> {
        &self.0
    }
}

impl DerefMut for ValueStack {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        &mut self.0
    }
}
