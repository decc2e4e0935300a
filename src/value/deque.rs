//! `collections.deque`'s object: a ring buffer (`VecDeque`), O(1) at both
//! ends, with an optional bound. Its methods are in
//! `builtins/modules/collections.rs`.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use super::Value;

pub struct DequeObj {
    pub items: RefCell<VecDeque<Value>>,
    /// `maxlen`: a full deque drops an item at the other end for each one
    /// added. A Cell: `deque.__init__` may be called again on it.
    pub maxlen: Cell<Option<usize>>,
    /// Bumped by every change of the deque's length or order but `reverse`
    /// and item assignment (as CPython's `state`): an iterator made before
    /// raises "deque mutated during iteration".
    pub state: Cell<u64>,
}

impl DequeObj {
    pub fn new(items: VecDeque<Value>, maxlen: Option<usize>) -> DequeObj {
        DequeObj {
            items: RefCell::new(items),
            maxlen: Cell::new(maxlen),
            state: Cell::new(0),
        }
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    pub fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    /// Appends at the right (or left), dropping from the other end past
    /// `maxlen`; what is dropped is returned, to be dropped by the caller
    /// once no borrow is held (dropping may run code).
    #[must_use]
    pub fn push(&self, v: Value, left: bool) -> Option<Value> {
        self.bump();
        let mut items = self.items.borrow_mut();
        match self.maxlen.get() {
            Some(0) => return Some(v),
            _ if left => items.push_front(v),
            _ => items.push_back(v),
        }
        match self.maxlen.get() {
            Some(m) if items.len() > m => {
                if left {
                    items.pop_back()
                } else {
                    items.pop_front()
                }
            }
            _ => None,
        }
    }
}
