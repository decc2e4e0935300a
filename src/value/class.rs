//! Classes (built-in types and user classes alike) and their instances.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use indexmap::IndexMap;
use rustc_hash::FxBuildHasher;

use super::{Dict, DictKey, ExcType, Str, Value};

/// Attribute dictionaries: names to values, in definition order.
use super::shape::Shape;

pub type AttrMap = IndexMap<Str, Value, FxBuildHasher>;

/// What built-in behaviour a class has (its own, or inherited from a built-in base).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeKind {
    Object,
    Type,
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    Code,
    Frame,
    Traceback,
    Cell,
    Iterator,
    Ellipsis,
    NotImplementedType,
    Partial,
    /// `functools._lru_cache_wrapper` (made by `lru_cache`, not by a call).
    LruCache,
    /// `operator.itemgetter`, `attrgetter`, `methodcaller`.
    Getter(super::GetterKind),
    /// The iterator types callable as built-ins: `map(f, xs)` makes one.
    Map,
    Filter,
    Zip,
    Reversed,
    Enumerate,
    /// An `itertools` type: its index in `itertools_iter::Kind::ALL`.
    Itertools(u8),
    /// `collections.deque`.
    Deque,
    /// A built-in exception class, or a user class deriving from one.
    Exception(ExcType),
}

pub struct Class {
    pub name: Str,
    pub qualname: Str,
    pub module: Str,
    pub base: Option<Rc<Class>>,
    pub kind: TypeKind,
    /// True for classes made by a `class` statement.
    pub is_user: bool,
    pub dict: RefCell<AttrMap>,
    /// The most attribute slots an instance has had: an instance's slot
    /// vector is sized for that many at its first growth, as the class's
    /// instances tend to end alike.
    pub slot_hint: Cell<u32>,
}

impl Class {
    /// A class krait makes itself (a built-in type, a module's type, a
    /// host's type): `name` in `module`, deriving from `base`. `is_user`:
    /// looked up as a class statement's (its dict's dunders count).
    pub fn native(
        module: &str,
        name: &str,
        base: Option<Rc<Class>>,
        kind: TypeKind,
        is_user: bool,
        dict: AttrMap,
    ) -> Rc<Class> {
        let s = |x: &str| Rc::new(super::PyStr::new(x));
        Rc::new(Class {
            name: s(name),
            qualname: s(name),
            module: s(module),
            base,
            kind,
            is_user,
            dict: RefCell::new(dict),
            slot_hint: Default::default(),
        })
    }

    /// The name messages give the class's instances (CPython's
    /// `tp_name`): a class statement's is its name; `_collections`'s dict
    /// subclasses, C types in CPython, are named with their module.
    pub fn tp_name(&self) -> String {
        let name = self.name.as_str();
        match name {
            "defaultdict" | "OrderedDict"
                if self.is_user && self.module.as_str() == "collections" =>
            {
                format!("collections.{name}")
            }
            _ => name.to_string(),
        }
    }

    /// Finds an attribute along the base chain (the MRO of single inheritance).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        self.lookup_hashed(HashedName::new(name))
    }

    /// `lookup` with the name's hash already known (interned names).
    pub fn lookup_str(&self, name: &Str) -> Option<Value> {
        self.lookup_hashed(HashedName::of(name))
    }

    fn lookup_hashed(&self, key: HashedName<'_>) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(&key) {
            return Some(v.clone());
        }
        let mut cur = self.base.as_ref();
        while let Some(c) = cur {
            if let Some(v) = c.dict.borrow().get(&key) {
                return Some(v.clone());
            }
            cur = c.base.as_ref();
        }
        None
    }

    /// Like `lookup`, but only in user-defined classes (for dunder dispatch).
    pub fn lookup_user(&self, name: &str) -> Option<Value> {
        if !self.is_user {
            return None;
        }
        let key = HashedName::new(name);
        if let Some(v) = self.dict.borrow().get(&key) {
            return Some(v.clone());
        }
        let mut cur = self.base.as_ref();
        while let Some(c) = cur {
            if !c.is_user {
                return None;
            }
            if let Some(v) = c.dict.borrow().get(&key) {
                return Some(v.clone());
            }
            cur = c.base.as_ref();
        }
        None
    }

    /// `issubclass(self, other)`
    pub fn is_subclass(self: &Rc<Class>, other: &Rc<Class>) -> bool {
        let mut cur = Some(self.clone());
        while let Some(c) = cur {
            if Rc::ptr_eq(&c, other) {
                return true;
            }
            cur = c.base.clone();
        }
        false
    }

    pub fn is_exception(&self) -> bool {
        matches!(self.kind, TypeKind::Exception(_))
    }

    pub fn is_exception_or_user(&self) -> bool {
        self.is_user || self.is_exception()
    }

    /// The MRO as a list of classes (self first).
    pub fn mro(self: &Rc<Class>) -> Vec<Rc<Class>> {
        let mut out = vec![];
        let mut cur = Some(self.clone());
        while let Some(c) = cur {
            cur = c.base.clone();
            out.push(c);
        }
        out
    }
}

/// An instance of a user class (including user and built-in exceptions).
pub struct Instance {
    pub class: Rc<Class>,
    pub(crate) attrs: RefCell<AttrStore>,
    /// For exceptions: (code, line) of each frame passed, outermost first.
    /// A `Cell` (8 bytes, where a `RefCell` takes 16), read through
    /// `traceback()`: every instance has it, few ever use it.
    traceback: Cell<Option<Rc<super::TracebackObj>>>,
    /// For an instance of a subclass of a built-in type (`class L(list)`):
    /// the built-in value it is (a list, a str...), which the type's
    /// methods and operators work on. Set when the instance is made.
    payload: Option<Box<Payload>>,
}

/// What an instance is besides its attributes: the built-in value an
/// instance of a subclass of a built-in type is, or a host object's data.
enum Payload {
    Builtin(Value),
    Host(HostData),
}

/// A host object's Rust value (`krait::UserData`), and its type for the
/// downcast.
pub struct HostData {
    pub type_id: std::any::TypeId,
    pub data: RefCell<Box<dyn std::any::Any + Send>>,
}

/// Where an instance keeps its attributes. Most instances keep their
/// values in slots laid out by a shared `Shape`; one that deletes an
/// attribute or gains very many moves them to a name map; once the program
/// holds the `__dict__`, the attributes live in that dict (a real one, so
/// changes made through it and through attributes are the same changes).
pub(crate) enum AttrStore {
    Slots(Rc<Shape>, Vec<Value>),
    /// Boxed: rare, and much larger than the slots.
    Map(Box<AttrMap>),
    Dict(Rc<RefCell<Dict>>),
}

impl AttrStore {
    /// Moves slot-kept attributes into a name map (same order).
    fn move_to_map(&mut self) {
        if let AttrStore::Slots(shape, values) = self {
            let m: AttrMap = shape
                .names()
                .iter()
                .cloned()
                .zip(std::mem::take(values))
                .collect();
            *self = AttrStore::Map(Box::new(m));
        }
    }
}

impl TypeKind {
    /// The built-in types a class statement may derive from (besides
    /// `object` and the exceptions): their instances carry a payload.
    pub fn subclassable(self) -> bool {
        matches!(
            self,
            TypeKind::Int
                | TypeKind::Float
                | TypeKind::Str
                | TypeKind::List
                | TypeKind::Tuple
                | TypeKind::Dict
                | TypeKind::Set
                | TypeKind::Deque
        )
    }

    /// Whether instances of this built-in type are changed in place (an
    /// instance of a subclass starts empty, and `__init__` fills it).
    pub fn mutable_payload(self) -> bool {
        matches!(
            self,
            TypeKind::List | TypeKind::Dict | TypeKind::Set | TypeKind::Deque
        )
    }
}

impl Instance {
    pub fn new(class: Rc<Class>) -> Instance {
        let root = match class.is_exception() {
            true => Shape::exception_root(),
            false => Shape::root(),
        };
        Instance {
            class,
            attrs: RefCell::new(AttrStore::Slots(root, Vec::new())),
            traceback: Cell::new(None),
            payload: None,
        }
    }

    /// An instance of `class`, a subclass of a built-in type, that is
    /// `payload` (a value of that type).
    pub fn with_payload(class: Rc<Class>, payload: Value) -> Instance {
        Instance {
            payload: Some(Box::new(Payload::Builtin(payload))),
            ..Instance::new(class)
        }
    }

    /// The built-in value an instance of a subclass of a built-in type is.
    #[inline]
    pub fn payload(&self) -> Option<&Value> {
        match self.payload.as_deref() {
            Some(Payload::Builtin(v)) => Some(v),
            _ => None,
        }
    }

    /// An instance of a host's type (`krait::UserData`) holding `data`.
    pub fn with_host(class: Rc<Class>, data: HostData) -> Instance {
        Instance {
            payload: Some(Box::new(Payload::Host(data))),
            ..Instance::new(class)
        }
    }

    /// A host object's data.
    #[inline]
    pub fn host(&self) -> Option<&HostData> {
        match self.payload.as_deref() {
            Some(Payload::Host(h)) => Some(h),
            _ => None,
        }
    }

    /// The exception's traceback (`__traceback__`).
    #[inline]
    pub fn traceback(&self) -> Option<Rc<super::TracebackObj>> {
        // SAFETY: the cell is read and its `Rc` cloned with nothing run in
        // between that could set it.
        unsafe { (*self.traceback.as_ptr()).clone() }
    }

    /// Calls `f` with the traceback without cloning it (the collector's
    /// visit, which must not see a count it added itself); `f` must not
    /// set the traceback.
    pub(crate) fn visit_traceback(&self, f: impl FnOnce(&Rc<super::TracebackObj>)) {
        // SAFETY: nothing sets the cell while `f` runs (see above).
        if let Some(tb) = unsafe { &*self.traceback.as_ptr() } {
            f(tb);
        }
    }

    pub fn set_traceback(&self, tb: Option<Rc<super::TracebackObj>>) {
        self.traceback.set(tb);
    }

    pub(crate) fn take_traceback(&self) -> Option<Rc<super::TracebackObj>> {
        self.traceback.take()
    }

    /// Where a new attribute slot goes: sized at the first growth for as
    /// many slots as the class's instances have had.
    #[inline]
    fn push_slot(&self, values: &mut Vec<Value>, v: Value) {
        let n = values.len() + 1;
        let hint = self.class.slot_hint.get() as usize;
        if n > hint {
            self.class.slot_hint.set(n as u32);
        }
        if values.len() == values.capacity() {
            values.reserve_exact(hint.max(n) - values.len());
        }
        values.push(v);
    }
    pub fn get_attr(&self, name: &str) -> Option<Value> {
        match &*self.attrs.borrow() {
            AttrStore::Slots(shape, values) => shape.index_of_str(name).map(|i| values[i].clone()),
            AttrStore::Map(m) => m.get(&NameRef(name)).cloned(),
            AttrStore::Dict(d) => d.borrow().get_str(name).cloned(),
        }
    }
    /// `get_attr` for an interned or otherwise held name (its hash is cached).
    #[inline]
    pub fn get_attr_str(&self, name: &Str) -> Option<Value> {
        match &*self.attrs.borrow() {
            AttrStore::Slots(shape, values) => shape.index_of(name).map(|i| values[i].clone()),
            AttrStore::Map(m) => m.get(name).cloned(),
            AttrStore::Dict(d) => d.borrow().get(&DictKey::name(name)).cloned(),
        }
    }
    pub fn has_attr(&self, name: &Str) -> bool {
        match &*self.attrs.borrow() {
            AttrStore::Slots(shape, _) => shape.index_of(name).is_some(),
            AttrStore::Map(m) => m.contains_key(name),
            AttrStore::Dict(d) => d.borrow().contains(&DictKey::name(name)),
        }
    }
    pub fn set_attr(&self, name: Str, v: Value) {
        let mut store = self.attrs.borrow_mut();
        if let AttrStore::Slots(shape, values) = &mut *store {
            if let Some(i) = shape.index_of(&name) {
                values[i] = v;
                return;
            }
            if let Some(next) = shape.with(&name) {
                *shape = next;
                self.push_slot(values, v);
                return;
            }
            store.move_to_map();
        }
        match &mut *store {
            AttrStore::Map(m) => {
                m.insert(name, v);
            }
            AttrStore::Dict(d) => d.borrow_mut().insert(DictKey::name(&name), v),
            AttrStore::Slots(..) => unreachable!("moved to a map above"),
        }
    }
    /// Removes an attribute; false when there was none.
    pub fn del_attr(&self, name: &Str) -> bool {
        let mut store = self.attrs.borrow_mut();
        if let AttrStore::Slots(shape, _) = &*store {
            if shape.index_of(name).is_none() {
                return false;
            }
            store.move_to_map();
        }
        match &mut *store {
            AttrStore::Map(m) => m.shift_remove(name).is_some(),
            AttrStore::Dict(d) => d.borrow_mut().remove(&DictKey::name(name)).is_some(),
            AttrStore::Slots(..) => false,
        }
    }
    /// The attribute names, in insertion order (`dir`).
    pub fn attr_names(&self) -> Vec<Value> {
        match &*self.attrs.borrow() {
            AttrStore::Slots(shape, _) => shape
                .names()
                .iter()
                .map(|k| Value::Str(k.clone()))
                .collect(),
            AttrStore::Map(m) => m.keys().map(|k| Value::Str(k.clone())).collect(),
            AttrStore::Dict(d) => d.borrow().keys().cloned().collect(),
        }
    }
    /// `obj.__dict__`: from now on the attributes live in the dict returned.
    pub fn dict(&self) -> Rc<RefCell<Dict>> {
        let mut store = self.attrs.borrow_mut();
        store.move_to_map();
        let d = match &mut *store {
            AttrStore::Dict(d) => return d.clone(),
            AttrStore::Map(m) => {
                let mut d = Dict::new();
                for (k, v) in std::mem::take(&mut **m) {
                    d.insert(DictKey::name(&k), v);
                }
                crate::gc::alloc(RefCell::new(d))
            }
            AttrStore::Slots(..) => unreachable!("moved to a map above"),
        };
        *store = AttrStore::Dict(d.clone());
        d
    }
    /// `obj.__dict__ = d`
    pub fn set_dict(&self, d: Rc<RefCell<Dict>>) {
        *self.attrs.borrow_mut() = AttrStore::Dict(d);
    }

    /// The shape of an instance keeping its attributes in slots (None:
    /// in a map or dict), for inline caches.
    #[inline]
    pub fn shape(&self) -> Option<Rc<Shape>> {
        match &*self.attrs.borrow() {
            AttrStore::Slots(shape, _) => Some(shape.clone()),
            _ => None,
        }
    }
    /// Whether the instance keeps its attributes in slots of `shape`.
    #[inline]
    pub fn has_shape(&self, shape: &Rc<Shape>) -> bool {
        // SAFETY: as in `slot_get`.
        matches!(unsafe { self.attrs.try_borrow_unguarded() }, Ok(AttrStore::Slots(s, _)) if Rc::ptr_eq(s, shape))
    }
    /// Slot `i`'s value, when the instance still has `shape`.
    #[inline]
    ///
    /// # Safety
    /// The caller clones the value out before anything can change the
    /// instance's attributes (the borrow flag is not taken:
    /// `RefCell::try_borrow_unguarded`).
    pub unsafe fn slot_get(&self, shape: &Rc<Shape>, i: usize) -> Option<&Value> {
        match self.attrs.try_borrow_unguarded() {
            Ok(AttrStore::Slots(s, values)) if Rc::ptr_eq(s, shape) => values.get(i),
            _ => None,
        }
    }

    /// Slot `i` when the instance's shape has `name` there (a cached load
    /// made for another shape); as `slot_get` otherwise.
    ///
    /// # Safety
    /// As `slot_get`.
    #[cold]
    pub unsafe fn slot_get_named(&self, i: usize, name: &Str) -> Option<&Value> {
        match self.attrs.try_borrow_unguarded() {
            Ok(AttrStore::Slots(s, values))
                if s.names().get(i).is_some_and(|n| Rc::ptr_eq(n, name)) =>
            {
                values.get(i)
            }
            _ => None,
        }
    }

    /// Stores into slot `i` when the instance has `shape`, or adds the
    /// attribute that leads from `shape` to `next` (slot `i` = the old
    /// length). Gives `v` back when the instance is shaped otherwise.
    #[inline]
    pub fn slot_set(
        &self,
        shape: &Rc<Shape>,
        next: Option<&Rc<Shape>>,
        i: usize,
        v: Value,
    ) -> Result<(), Value> {
        let mut store = self.attrs.borrow_mut();
        let AttrStore::Slots(s, values) = &mut *store else {
            return Err(v);
        };
        if !Rc::ptr_eq(s, shape) {
            return Err(v);
        }
        match next {
            None => match values.get_mut(i) {
                Some(slot) => {
                    let old = std::mem::replace(slot, v);
                    drop(store);
                    old.drop_fast();
                    Ok(())
                }
                None => Err(v),
            },
            Some(next) if values.len() == i => {
                *s = next.clone();
                self.push_slot(values, v);
                Ok(())
            }
            Some(_) => Err(v),
        }
    }
}

/// Looks a name up in an `AttrMap` by `&str`, hashing it as `PyStr` does.
#[derive(Clone, Copy)]
pub struct NameRef<'a>(pub &'a str);

impl std::hash::Hash for NameRef<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(super::hash::hash_str(self.0))
    }
}

impl indexmap::Equivalent<Str> for NameRef<'_> {
    fn equivalent(&self, key: &Str) -> bool {
        key.as_str() == self.0
    }
}

/// A name with its hash computed once, for lookups along a class chain.
#[derive(Clone, Copy)]
pub struct HashedName<'a> {
    pub s: &'a str,
    pub hash: u64,
}

impl<'a> HashedName<'a> {
    pub fn new(s: &'a str) -> HashedName<'a> {
        HashedName {
            s,
            hash: super::hash::hash_str(s),
        }
    }
    pub fn of(name: &'a Str) -> HashedName<'a> {
        HashedName {
            s: name.as_str(),
            hash: name.hash(),
        }
    }
}

impl std::hash::Hash for HashedName<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash)
    }
}

impl indexmap::Equivalent<Str> for HashedName<'_> {
    fn equivalent(&self, key: &Str) -> bool {
        key.as_str() == self.s
    }
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);
