//! Inline caches for instance attributes and methods (and, in the method
//! cache, built-in types' methods). `LoadAttr` and `StoreAttr` on an
//! instance first try what the code object's cache for that name says: for
//! an instance of the same shape (`value::shape`), the attribute is slot
//! `i`, or a store adds it as slot `i` and moves the instance to the next
//! shape. A load also takes slot `i` of an instance of another shape that
//! has the name there (instances of a class that gained attributes in the
//! same order and stopped at different points: CPython's shared keys).
//! Whatever the class: with no program-defined attribute hook
//! (`Vm::attr_hooks` is 0), only a property of the same name in the class
//! chain could come before an instance attribute, and names that ever were
//! properties are not cached (`Vm::property_names`; adding one makes every
//! entry stale through `Vm::shape_epoch`). Exceptions' instances have
//! shapes of their own (`Shape::exception_root`) and stores to them are not
//! cached: `e.args = x` converts x. `__slots__` only limit which names an
//! instance may gain: with them in the program, a cached store that adds an
//! attribute also checks the class it was made for.

use std::rc::Rc;

use crate::bytecode::Code;
use crate::value::shape::{AttrCache, MethodCache};
use crate::value::{Class, Instance, Str, Value};

use super::attrs::{HOOK_DESCRIPTOR, HOOK_GETATTRIBUTE, HOOK_SLOTS};
use super::Vm;

impl Vm {
    /// `inst.names[i]` from the cache, if it applies. A reference, for the
    /// caller to clone where the value goes: an `Option<Value>` moved out
    /// of here was copied through the stack in overlapping pieces whose
    /// reloads stalled the CPU (see `Value`).
    ///
    /// # Safety
    /// The caller clones the value out before any krait code runs.
    #[inline]
    pub(crate) unsafe fn cached_load<'a>(
        &self,
        code: &Code,
        i: usize,
        inst: &'a Instance,
    ) -> Option<&'a Value> {
        if self.attr_hooks & !HOOK_SLOTS != 0 {
            return None;
        }
        // SAFETY: nothing below can borrow the cache mutably (`peek`).
        let cache = unsafe { peek(&code.attr_cache) }?;
        let e = cache.get(2 * i)?;
        let shape = e.current(self.shape_epoch)?;
        if e.next.is_some() {
            return None;
        }
        match inst.slot_get(shape, e.index) {
            Some(v) => Some(v),
            None => self.load_other_shape(code, i, e.index, inst),
        }
    }

    /// `cached_load` for an instance of another shape than the entry's:
    /// slot `index` when its shape has the name there, and the entry then
    /// made for its shape (the next instance is likely shaped the same).
    ///
    /// # Safety
    /// As `cached_load`.
    // Never inlined: PGO finds it warm and inlined it into `dispatch`,
    // whose hot arms then spilled registers (richards +6% instructions).
    #[cold]
    #[inline(never)]
    unsafe fn load_other_shape<'a>(
        &self,
        code: &Code,
        i: usize,
        index: usize,
        inst: &'a Instance,
    ) -> Option<&'a Value> {
        let v = inst.slot_get_named(index, &code.names[i])?;
        if let (Some(shape), Ok(mut cache)) = (inst.shape(), code.attr_cache.try_borrow_mut()) {
            if let Some(e) = cache.get_mut(2 * i) {
                e.shape = Some(shape);
            }
        }
        Some(v)
    }

    /// `inst.names[i] = v` through the cache; gives `v` back when it does not apply.
    /// Not inlined: in `dispatch` (where PGO put it) it cost the hot arms
    /// registers, more than the call costs.
    #[inline(never)]
    pub(crate) fn cached_store(
        &self,
        code: &Code,
        i: usize,
        inst: &Instance,
        v: Value,
    ) -> Result<(), Value> {
        if self.attr_hooks & !HOOK_SLOTS != 0 {
            return Err(v);
        }
        let cache = code.attr_cache.borrow();
        let Some(e) = cache.get(2 * i + 1) else {
            return Err(v);
        };
        let Some(shape) = e.current(self.shape_epoch) else {
            return Err(v);
        };
        if e.next.is_some() && self.attr_hooks & HOOK_SLOTS != 0 {
            match &e.class {
                Some(c) if Rc::ptr_eq(c, &inst.class) => {}
                _ => return Err(v),
            }
        }
        inst.slot_set(shape, e.next.as_ref(), e.index, v)
    }

    /// After a load of `name` from `inst` the slow way: caches where it
    /// was when the class chain cannot come first.
    #[cold]
    pub(crate) fn fill_load_cache(
        &mut self,
        code: &Code,
        i: usize,
        inst: &Rc<Instance>,
        name: &Str,
    ) {
        if self.attr_hooks & !HOOK_SLOTS != 0 || !self.instance_attr_wins(name) {
            return;
        }
        let Some(shape) = inst.shape() else { return };
        let Some(index) = shape.index_of(name) else {
            return;
        };
        self.put_cache(code, 2 * i, shape, None, index, None);
    }

    /// After a store of `name` into `inst` the slow way (`before`: its
    /// shape then): caches the slot written or the shape change made.
    #[cold]
    pub(crate) fn fill_store_cache(
        &mut self,
        code: &Code,
        i: usize,
        inst: &Rc<Instance>,
        name: &Str,
        before: Option<Rc<crate::value::shape::Shape>>,
    ) {
        if self.attr_hooks & !HOOK_SLOTS != 0
            || name.as_str().starts_with("__")
            || inst.class.is_exception()
            || !self.instance_attr_wins(name)
        {
            return;
        }
        let (Some(before), Some(after)) = (before, inst.shape()) else {
            return;
        };
        let Some(index) = after.index_of(name) else {
            return;
        };
        if Rc::ptr_eq(&before, &after) {
            self.put_cache(code, 2 * i + 1, after, None, index, None);
        } else if index == before.len() && after.len() == index + 1 {
            // An attribute added: allowed for this class (its `__slots__`).
            let class = Some(inst.class.clone());
            self.put_cache(code, 2 * i + 1, before, Some(after), index, class);
        }
    }

    /// No class has a data descriptor (a property) for `name`.
    fn instance_attr_wins(&self, name: &Str) -> bool {
        !self.property_names.contains(name.as_str())
    }

    /// Entry `at`: `2 * i` for loads of `names[i]`, `2 * i + 1` for stores
    /// (a store is cached under stricter conditions than a load).
    fn put_cache(
        &self,
        code: &Code,
        at: usize,
        shape: Rc<crate::value::shape::Shape>,
        next: Option<Rc<crate::value::shape::Shape>>,
        index: usize,
        class: Option<Rc<crate::value::Class>>,
    ) {
        let mut cache = code.attr_cache.borrow_mut();
        if cache.len() <= at {
            cache.resize((2 * code.names.len()).max(at + 1), AttrCache::default());
        }
        cache[at] = AttrCache {
            class,
            shape: Some(shape),
            next,
            index,
            epoch: self.shape_epoch,
        };
    }

    /// `LoadMethod` of `names[i]` on `inst` from the cache (a reference, as
    /// `cached_load` gives).
    ///
    /// # Safety
    /// The caller clones the method out before any krait code runs.
    #[inline]
    pub(crate) unsafe fn cached_method<'a>(
        &self,
        code: &'a Code,
        i: usize,
        inst: &Instance,
    ) -> Option<&'a Value> {
        if self.attr_hooks & HOOK_GETATTRIBUTE != 0 {
            return None;
        }
        // SAFETY: nothing below can borrow the cache mutably (`peek`).
        let cache = unsafe { peek(&code.method_cache) }?;
        let entries = cache.get(i * METHOD_WAYS..(i + 1) * METHOD_WAYS)?;
        // The first entry inline (most sites see one class), the others out of line.
        match method_entry_hit(&entries[0], self.class_epoch, inst) {
            Some(m) => Some(m),
            None => other_method_entries(&entries[1..], self.class_epoch, inst),
        }
    }

    /// `LoadAttr` of `names[i]` on class `c` itself (`Strength.REQUIRED`,
    /// `Base.method`) from the cache. Its entries share the method cache,
    /// told apart by having no shape.
    #[inline(never)]
    pub(crate) fn cached_class_attr(&self, code: &Code, i: usize, c: &Rc<Class>) -> Option<Value> {
        let cache = code.method_cache.borrow();
        let first = cache.get(i * METHOD_WAYS)?;
        let hit = |e: &MethodCache| match (&e.class, &e.shape) {
            (Some(k), None) if e.epoch == self.class_epoch && Rc::ptr_eq(k, c) => {
                Some(e.method.clone())
            }
            _ => None,
        };
        hit(first).or_else(|| {
            cache[i * METHOD_WAYS + 1..(i + 1) * METHOD_WAYS]
                .iter()
                .find_map(hit)
        })
    }

    /// After `LoadAttr` of `name` on user class `c` the slow way: caches the
    /// value when `getattr_str` returns what the class chain holds as is
    /// (not a descriptor it binds or calls, not a name answered from
    /// elsewhere); any change to a class dict makes it stale (`class_epoch`).
    #[cold]
    pub(crate) fn fill_class_attr_cache(
        &mut self,
        code: &Code,
        i: usize,
        c: &Rc<Class>,
        name: &Str,
    ) {
        if !c.is_user || name.as_str().starts_with("__") {
            return;
        }
        let Some(v) = self.class_attr(c, name) else {
            return;
        };
        match v {
            Value::Descr(_) | Value::Builtin(_) => return,
            Value::Instance(_) if self.attr_hooks & HOOK_DESCRIPTOR != 0 => return,
            _ => {}
        }
        let entry = MethodCache {
            class: Some(c.clone()),
            shape: None,
            method: v,
            epoch: self.class_epoch,
        };
        put_method_entry(code, i, entry);
    }

    /// After `LoadMethod` found `method` in the class of `inst` the slow way.
    #[cold]
    pub(crate) fn fill_method_cache(
        &self,
        code: &Code,
        i: usize,
        inst: &Rc<Instance>,
        method: &Value,
    ) {
        if self.attr_hooks & HOOK_GETATTRIBUTE != 0 {
            return;
        }
        let Some(shape) = inst.shape() else { return };
        let entry = MethodCache {
            class: Some(inst.class.clone()),
            shape: Some(shape),
            method: method.clone(),
            epoch: self.class_epoch,
        };
        put_method_entry(code, i, entry);
    }
}

impl Vm {
    /// `LoadMethod` of `names[i]` on `obj`, a value of a built-in type
    /// (`Types::fixed_type_of`), from the cache: pushes the method (and
    /// returns true) when an entry for that type holds it. Built-in types'
    /// dicts never change (`list.x = 1` is a TypeError), so an entry stays
    /// valid; its epoch (`BUILTIN_TYPE_EPOCH`) keeps other lookups off it.
    #[inline(always)]
    pub(crate) fn push_cached_builtin_method(
        &mut self,
        code: &Code,
        i: usize,
        obj: &Value,
    ) -> bool {
        let Some(class) = self.types.fixed_type_of(obj) else {
            return false;
        };
        // SAFETY: nothing below can borrow the cache mutably (`peek`); the
        // method is cloned out before anything else runs.
        let Some(cache) = (unsafe { peek(&code.method_cache) }) else {
            return false;
        };
        let Some(entries) = cache.get(i * METHOD_WAYS..(i + 1) * METHOD_WAYS) else {
            return false;
        };
        for e in entries {
            if e.epoch == BUILTIN_TYPE_EPOCH
                && e.class.as_ref().is_some_and(|k| Rc::ptr_eq(k, class))
            {
                let m = e.method.clone();
                self.stack.push_fast(m);
                return true;
            }
        }
        false
    }

    /// After `LoadMethod` found `method` for `obj`, a value of a built-in
    /// type, the slow way (`Vm::load_method`).
    #[cold]
    pub(crate) fn fill_builtin_method_cache(
        &self,
        code: &Code,
        i: usize,
        obj: &Value,
        method: &Value,
    ) {
        let Some(class) = self.types.fixed_type_of(obj) else {
            return;
        };
        if !matches!(method, Value::Builtin(b) if b.bound_self.is_none()) {
            return;
        }
        let entry = MethodCache {
            class: Some(class.clone()),
            shape: None,
            method: method.clone(),
            epoch: BUILTIN_TYPE_EPOCH,
        };
        put_method_entry(code, i, entry);
    }
}

/// The epoch of the method cache's entries for built-in types' methods:
/// `class_epoch` counts up from 0 and never gets there, so neither
/// `cached_class_attr` nor `cached_method` takes them, nor they theirs.
const BUILTIN_TYPE_EPOCH: u64 = u64::MAX;

/// A `RefCell`'s contents read without taking a borrow (no flag written
/// and restored): for the caches' hit paths, which compare and clone out.
/// None while it is mutably borrowed.
///
/// # Safety
/// The caller does nothing that could borrow the cell mutably while it
/// holds the reference (cloning a `Value` runs no krait code).
#[inline(always)]
pub(crate) unsafe fn peek<T>(cell: &std::cell::RefCell<T>) -> Option<&T> {
    cell.try_borrow_unguarded().ok()
}

#[inline(always)]
fn method_entry_hit<'a>(e: &'a MethodCache, epoch: u64, inst: &Instance) -> Option<&'a Value> {
    match (&e.class, &e.shape) {
        (Some(c), Some(s))
            if e.epoch == epoch && Rc::ptr_eq(c, &inst.class) && inst.has_shape(s) =>
        {
            Some(&e.method)
        }
        _ => None,
    }
}

#[inline(never)]
fn other_method_entries<'a>(
    entries: &'a [MethodCache],
    epoch: u64,
    inst: &Instance,
) -> Option<&'a Value> {
    entries
        .iter()
        .find_map(|e| method_entry_hit(e, epoch, inst))
}

/// Entries per name in the method cache: a call site that sees instances of
/// a few classes (or shapes) in turn, as `task.fn(...)` over several task
/// classes does, keeps one entry for each.
const METHOD_WAYS: usize = 4;

/// Puts `entry` first among the entries of `names[i]`, the others moving
/// down one place (the last is dropped).
fn put_method_entry(code: &Code, i: usize, entry: MethodCache) {
    let mut cache = code.method_cache.borrow_mut();
    if cache.len() < (i + 1) * METHOD_WAYS {
        let n = code.names.len().max(i + 1) * METHOD_WAYS;
        cache.resize(n, MethodCache::default());
    }
    let ways = &mut cache[i * METHOD_WAYS..(i + 1) * METHOD_WAYS];
    ways.rotate_right(1);
    ways[0] = entry;
}
