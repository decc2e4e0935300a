//! The list object: a `Vec<Value>` behind a borrow flag or, for a long
//! list built by repeating bools or ints (`[False] * n`, `[0] * n`, the
//! sieve and table idiom), a compact vector of them: 1 or 8 bytes an item
//! instead of a value's 16 (CPython's list spends 8 on a pointer). As in
//! PyPy's list strategies, the compact form serves indexing, stores and
//! appends of its own kind, iteration and `len`; anything else asks for
//! the values (`borrow`, `borrow_mut`), which turns the list into the
//! general form for good. A compact list holds no references, so the
//! cycle collector finds nothing in it.

use std::cell::{BorrowError, BorrowMutError, Ref, RefCell, RefMut};

use super::Value;

/// Repetitions shorter than this stay general: the saving is small and
/// every later generalization would copy.
const COMPACT_MIN_LEN: usize = 256;

#[derive(Default)]
pub struct ListObj {
    data: RefCell<ListData>,
}

#[derive(Default)]
struct ListData {
    /// The items, unless `compact` holds them (then this is empty).
    values: Vec<Value>,
    compact: Compact,
}

#[derive(Default)]
enum Compact {
    #[default]
    General,
    Bools(Vec<bool>),
    Ints(Vec<i64>),
}

/// Where an index lands in a list of `len` items (negative from the end).
#[inline(always)]
pub fn list_slot(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&j).then_some(j as usize)
}

impl ListObj {
    pub fn new(values: Vec<Value>) -> ListObj {
        ListObj {
            data: RefCell::new(ListData {
                values,
                compact: Compact::General,
            }),
        }
    }

    /// `src * k` in compact form, when it is long enough and `src` all
    /// bools or all ints; `None` otherwise (the caller builds values).
    /// The caller has checked that the total length can be allocated.
    pub fn compact_repeat(src: &[Value], k: usize) -> Option<ListObj> {
        let total = src.len().checked_mul(k)?;
        // Beyond what values could hold, the general path's MemoryError.
        if !(COMPACT_MIN_LEN..=isize::MAX as usize / std::mem::size_of::<Value>()).contains(&total)
        {
            return None;
        }
        let compact = if src.iter().all(|v| matches!(v, Value::Bool(_))) {
            let one: Vec<bool> = src.iter().map(|v| matches!(v, Value::Bool(true))).collect();
            let mut items = Vec::new();
            items.try_reserve_exact(total).ok()?;
            for _ in 0..k {
                items.extend_from_slice(&one);
            }
            Compact::Bools(items)
        } else if src.iter().all(|v| matches!(v, Value::Int(_))) {
            let one: Vec<i64> = src
                .iter()
                .map(|v| if let Value::Int(i) = v { *i } else { 0 })
                .collect();
            let mut items = Vec::new();
            items.try_reserve_exact(total).ok()?;
            for _ in 0..k {
                items.extend_from_slice(&one);
            }
            Compact::Ints(items)
        } else {
            return None;
        };
        Some(ListObj {
            data: RefCell::new(ListData {
                values: Vec::new(),
                compact,
            }),
        })
    }

    /// The items as values, the list made general first if it is compact.
    /// Panics, as `RefCell::borrow` does, while it is borrowed mutably.
    #[inline]
    pub fn borrow(&self) -> Ref<'_, Vec<Value>> {
        self.generalize();
        Ref::map(self.data.borrow(), |d| &d.values)
    }

    /// The items as values to change, the list made general first.
    #[inline]
    pub fn borrow_mut(&self) -> RefMut<'_, Vec<Value>> {
        self.generalize();
        RefMut::map(self.data.borrow_mut(), |d| &mut d.values)
    }

    pub fn try_borrow_mut(&self) -> Result<RefMut<'_, Vec<Value>>, BorrowMutError> {
        let mut d = self.data.try_borrow_mut()?;
        d.generalize();
        Ok(RefMut::map(d, |d| &mut d.values))
    }

    /// The values that hold references, for the cycle collector: a compact
    /// list's are none, and looking must not change the list.
    pub fn try_borrow_references(&self) -> Result<Ref<'_, Vec<Value>>, BorrowError> {
        self.data.try_borrow().map(|d| Ref::map(d, |d| &d.values))
    }

    #[inline(always)]
    fn generalize(&self) {
        if let Ok(d) = self.data.try_borrow() {
            if matches!(d.compact, Compact::General) {
                return;
            }
            drop(d);
            self.data.borrow_mut().generalize();
        }
    }

    pub fn len(&self) -> usize {
        self.data.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `i` (negative from the end), `None` when out of range.
    #[inline(always)]
    pub fn get(&self, i: i64) -> Option<Value> {
        let d = self.data.borrow();
        if let Compact::General = d.compact {
            let j = list_slot(i, d.values.len())?;
            return Some(d.values[j].clone());
        }
        d.compact_get(i)
    }

    /// Gives `push` copies of the items, last first (what unpacking
    /// leaves on a stack), when the list is general and holds exactly `n`;
    /// false, with nothing pushed, otherwise.
    #[inline(always)]
    pub fn unpack_reversed(&self, n: usize, mut push: impl FnMut(Value)) -> bool {
        let d = self.data.borrow();
        if !matches!(d.compact, Compact::General) || d.values.len() != n {
            return false;
        }
        for v in d.values.iter().rev() {
            push(v.clone());
        }
        true
    }

    /// Item `i` counted from the start, for iteration.
    #[inline(always)]
    pub fn get_index(&self, i: usize) -> Option<Value> {
        let d = self.data.borrow();
        if let Compact::General = d.compact {
            return d.values.get(i).cloned();
        }
        d.compact_get(i.try_into().ok()?)
    }

    /// Stores `v` as item `i` (negative from the end); gives `v` back when
    /// `i` is out of range.
    #[inline(always)]
    pub fn set(&self, i: i64, v: Value) -> Result<(), Value> {
        let mut d = self.data.borrow_mut();
        if let Compact::General = d.compact {
            let Some(j) = list_slot(i, d.values.len()) else {
                return Err(v);
            };
            // SAFETY: item `j` is read out (as `read_split` reads) and `v`
            // written in its place: each owned once.
            let old = unsafe {
                let slot: *mut Value = &mut d.values[j];
                let old = Value::read_split(slot);
                slot.write(v);
                old
            };
            // The old item is dropped once the list is let go.
            drop(d);
            old.drop_fast();
            return Ok(());
        }
        d.compact_set(i, v)
    }

    /// Appends `v`; panics, as `RefCell::borrow_mut` does, while the list
    /// is borrowed.
    pub fn push(&self, v: Value) {
        if let Err(v) = self.try_push(v) {
            self.borrow_mut().push(v);
        }
    }

    /// Appends `v`, or gives it back while the list is borrowed.
    #[inline]
    pub fn try_push(&self, v: Value) -> Result<(), Value> {
        let Ok(mut d) = self.data.try_borrow_mut() else {
            return Err(v);
        };
        match (&mut d.compact, &v) {
            (Compact::General, _) => d.values.push(v),
            (Compact::Bools(b), Value::Bool(x)) => b.push(*x),
            (Compact::Ints(i), Value::Int(x)) => i.push(*x),
            _ => {
                d.generalize();
                d.values.push(v);
            }
        }
        Ok(())
    }
}

impl ListData {
    #[cold]
    fn generalize(&mut self) {
        match std::mem::take(&mut self.compact) {
            Compact::General => {}
            Compact::Bools(b) => self.values = b.into_iter().map(Value::Bool).collect(),
            Compact::Ints(i) => self.values = i.into_iter().map(Value::Int).collect(),
        }
    }

    fn compact_get(&self, i: i64) -> Option<Value> {
        match &self.compact {
            Compact::General => None,
            Compact::Bools(b) => Some(Value::Bool(b[list_slot(i, b.len())?])),
            Compact::Ints(n) => Some(Value::Int(n[list_slot(i, n.len())?])),
        }
    }

    fn len(&self) -> usize {
        match &self.compact {
            Compact::General => self.values.len(),
            Compact::Bools(b) => b.len(),
            Compact::Ints(n) => n.len(),
        }
    }

    fn compact_set(&mut self, i: i64, v: Value) -> Result<(), Value> {
        let Some(j) = list_slot(i, self.len()) else {
            return Err(v);
        };
        match (&mut self.compact, &v) {
            (Compact::Bools(b), Value::Bool(x)) => b[j] = *x,
            (Compact::Ints(n), Value::Int(x)) => n[j] = *x,
            _ => {
                self.generalize();
                self.values[j] = v;
            }
        }
        Ok(())
    }
}
