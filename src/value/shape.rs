//! Hidden classes ("shapes"). Instances that gained the same attributes in
//! the same order share one `Shape`, which says at which slot each name
//! sits; an instance keeps only its values. An attribute access cached at
//! its instruction (`vm::attr_cache`) then checks the instance's shape and
//! indexes its slots, with no hashing.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::Str;

/// Attributes an instance keeps in slots; one more moves it to a map.
pub const MAX_SLOTS: usize = 32;
/// Shapes a shape leads to (one per name added next); beyond it, instances
/// move to a map, so programs that add ever-new names cannot grow the
/// shape tree without bound.
const MAX_TRANSITIONS: usize = 32;
/// Shapes that may exist at once in an interpreter (the same reason).
const MAX_SHAPES: usize = 100_000;

pub struct Shape {
    /// The attribute names, in the order they were added: slot i holds names[i].
    names: Vec<Str>,
    /// The shapes reached by adding one more name (that name is their last).
    next: RefCell<Vec<Rc<Shape>>>,
}

/// An interpreter's shape trees: their roots, and how many shapes they
/// hold besides (`vm::isolate`).
pub(crate) struct Roots {
    root: Rc<Shape>,
    exception: Rc<Shape>,
    count: usize,
}

impl Roots {
    pub(crate) fn new() -> Roots {
        let empty = || {
            Rc::new(Shape {
                names: Vec::new(),
                next: RefCell::new(Vec::new()),
            })
        };
        Roots {
            root: empty(),
            exception: empty(),
            count: 0,
        }
    }
}

thread_local! {
    /// The current interpreter's (or the thread's own, outside any
    /// `Interpreter` call). An `UnsafeCell`, not a `RefCell`: making an
    /// instance reads it (a borrow flag cost `classes` 0.3% more
    /// instructions), and no reference into it outlives the functions
    /// below, none of which can re-enter another.
    static ROOTS: std::cell::UnsafeCell<Roots> = std::cell::UnsafeCell::new(Roots::new());
    /// Its shapes but the roots (`Roots::count` while it is not current).
    static COUNT: Cell<usize> = const { Cell::new(0) };
}

/// Swaps `r` with the current interpreter's shape trees (`vm::isolate`).
pub(crate) fn swap_roots(r: &mut Roots) {
    // SAFETY: the only reference into `ROOTS` for the swap's duration
    // (see `ROOTS`); moving `Roots` runs no code.
    ROOTS.with(|cur| unsafe { std::ptr::swap(cur.get(), r) });
    r.count = COUNT.with(|c| c.replace(r.count));
}

/// Whether the thread-local roots are still there (not once the thread's
/// exit destroyed them).
pub(crate) fn roots_available() -> bool {
    ROOTS.try_with(|_| ()).is_ok()
}

impl Drop for Shape {
    fn drop(&mut self) {
        // (A root was never counted: dropping one touches no thread-local.)
        if !self.names.is_empty() {
            let _ = COUNT.try_with(|c| c.set(c.get().saturating_sub(1)));
        }
    }
}

impl Shape {
    /// The shape of an instance with no attributes.
    #[inline]
    pub fn root() -> Rc<Shape> {
        // SAFETY: the only reference into `ROOTS` while it lives (see
        // `ROOTS`); cloning an `Rc` runs no code.
        ROOTS.with(|r| unsafe { (*r.get()).root.clone() })
    }

    /// The shape of an exception instance with no attributes: exceptions'
    /// shapes are apart from others', so a cached store never reaches one.
    pub fn exception_root() -> Rc<Shape> {
        // SAFETY: as in `root`.
        ROOTS.with(|r| unsafe { (*r.get()).exception.clone() })
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn names(&self) -> &[Str] {
        &self.names
    }

    /// The slot of `name`. A shape holds interned names only, so an
    /// interned name matches by identity alone.
    #[inline]
    pub fn index_of(&self, name: &Str) -> Option<usize> {
        if let Some(i) = self.names.iter().position(|n| Rc::ptr_eq(n, name)) {
            return Some(i);
        }
        if name.is_interned() {
            return None;
        }
        self.index_of_str(name.as_str())
    }

    pub fn index_of_str(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n.as_str() == name)
    }

    /// The shape after adding `name` (absent from this one), or None when
    /// the instance should keep its attributes in a map instead.
    pub fn with(self: &Rc<Shape>, name: &Str) -> Option<Rc<Shape>> {
        if self.names.len() >= MAX_SLOTS {
            return None;
        }
        let mut next = self.next.borrow_mut();
        if let Some(s) = next
            .iter()
            .find(|s| s.names.last().is_some_and(|n| n.as_str() == name.as_str()))
        {
            return Some(s.clone());
        }
        if next.len() >= MAX_TRANSITIONS || COUNT.with(|c| c.get()) >= MAX_SHAPES {
            return None;
        }
        COUNT.with(|c| c.set(c.get() + 1));
        let mut names = self.names.clone();
        names.push(match name.is_interned() {
            true => name.clone(),
            false => super::string::intern(name.as_str()),
        });
        let s = Rc::new(Shape {
            names,
            next: RefCell::new(Vec::new()),
        });
        next.push(s.clone());
        Some(s)
    }
}

/// An inline cache of one attribute name of a code object (`LoadAttr` or
/// `StoreAttr` of `names[i]`): what the last instance access found, valid
/// while the instance has `shape` (held, so its address cannot be reused)
/// and no property was defined since (`epoch`).
#[derive(Clone, Default)]
pub struct AttrCache {
    /// For a store that adds the attribute: the class it was allowed for
    /// (checked when the program has `__slots__`; held, so that its
    /// address cannot be reused).
    pub class: Option<Rc<super::Class>>,
    pub shape: Option<Rc<Shape>>,
    /// For a store that adds the attribute: the shape it leads to.
    pub next: Option<Rc<Shape>>,
    pub index: usize,
    pub epoch: u64,
}

impl AttrCache {
    /// The shape this entry is for, when `epoch` is still current (the
    /// instance's own shape is checked by the slot access).
    #[inline]
    pub fn current(&self, epoch: u64) -> Option<&Rc<Shape>> {
        match &self.shape {
            Some(s) if self.epoch == epoch => Some(s),
            _ => None,
        }
    }
}

/// A `LoadMethod` cache entry of one name of a code object: the function
/// (or built-in method) instances of `class` with `shape` get, valid while
/// no class dict changed since (`epoch`). The shape says the instance has
/// no attribute of that name shadowing the method.
#[derive(Clone, Default)]
pub struct MethodCache {
    /// Held, so that their addresses cannot be reused.
    pub class: Option<Rc<super::Class>>,
    pub shape: Option<Rc<Shape>>,
    pub method: super::Value,
    pub epoch: u64,
}
