//! `dict`: insertion-ordered, keyed by hashable values with Python equality
//! (`1`, `1.0` and `True` are the same key).

use num_bigint::BigInt;

use super::hash;
use super::set::KeyEq;
use super::{ExcType, PyErr, PyResult, Value};

/// A hashable value with its hash computed once.
#[derive(Clone)]
pub struct DictKey {
    pub hash: i64,
    pub value: Value,
}

impl DictKey {
    /// The key for a value of a built-in hashable type. Instances hash by
    /// identity here; the VM handles a user `__hash__` before calling this.
    pub fn new(value: Value) -> PyResult<DictKey> {
        let hash = builtin_hash(&value)?;
        Ok(DictKey { hash, value })
    }
    /// The key for a name already held as a `str` (its hash is cached).
    pub fn name(s: &super::Str) -> DictKey {
        DictKey {
            hash: s.hash() as i64,
            value: Value::Str(s.clone()),
        }
    }

    pub fn str(s: &str) -> DictKey {
        let v = super::string::intern(s);
        DictKey {
            hash: v.hash() as i64,
            value: Value::Str(v),
        }
    }
}

/// `hash(v)` for values whose hash needs no krait code.
pub fn builtin_hash(v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::None => 0x5f3759df,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => hash::hash_i64(*i),
        Value::BigInt(b) => hash::hash_bigint(b),
        Value::Float(f) => hash::hash_f64(*f),
        Value::Str(s) => s.hash() as i64,
        Value::Tuple(items) => crate::vm::with_native_stack(|| {
            let mut hs = Vec::with_capacity(items.len());
            for it in items.iter() {
                hs.push(builtin_hash(it)?);
            }
            Ok(hash::hash_tuple(&hs))
        })?,
        Value::FrozenSet(s) => s.frozen_hash(),
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Deque(_) => {
            return Err(PyErr::new(
                ExcType::TypeError,
                format!("unhashable type: '{}'", v.builtin_type_name()),
            ))
        }
        Value::Slice(_) => return Err(PyErr::type_error("unhashable type: 'slice'")),
        Value::Descr(d) if matches!(&**d, super::Descr::Re(o) if crate::builtins::re_hash(o).is_some()) => {
            match &**d {
                super::Descr::Re(o) => crate::builtins::re_hash(o).unwrap_or(0),
                _ => 0,
            }
        }
        // Methods hash as they compare: by the object's identity and the function.
        Value::BoundMethod(m) => identity_hash(&m.self_) ^ builtin_hash(&m.func)?,
        Value::Builtin(b) => match &b.bound_self {
            Some(s) => identity_hash(s) ^ super::hash::hash_str(b.name) as i64,
            None => identity_hash(v),
        },
        other => match other.ptr() {
            Some(p) => (p >> 4) as i64,
            None => 0,
        },
    })
}

/// The hash of an object's identity (`object.__hash__`).
fn identity_hash(v: &Value) -> i64 {
    match v.ptr() {
        Some(p) => (p >> 4) as i64,
        None => match v {
            Value::Int(i) => hash::hash_i64(*i),
            Value::Bool(b) => *b as i64,
            _ => 0,
        },
    }
}

/// Equality of keys where it needs no krait code; a key with a user
/// `__eq__` compares by identity only (the VM's lookups run the real
/// comparison).
pub fn key_eq(a: &Value, b: &Value) -> bool {
    fast_key_eq(a, b).unwrap_or(false)
}

/// Key equality as CPython's lookups test it (identity, then `==`), when it
/// needs no krait code; `None` when it may run a user `__eq__`.
#[inline]
pub fn fast_key_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => {
            Some(std::rc::Rc::ptr_eq(x, y) || x.as_str() == y.as_str())
        }
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        _ if a.is(b) => Some(true),
        _ => other_key_eq(a, b),
    }
}

fn other_key_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        // As tuplerichcompare: items first (identity, then ==), then lengths.
        (Value::Tuple(x), Value::Tuple(y)) => crate::vm::with_native_stack(|| {
            for (p, q) in x.iter().zip(y.iter()) {
                if !fast_key_eq(p, q)? {
                    return Some(false);
                }
            }
            Some(x.len() == y.len())
        }),
        (Value::FrozenSet(x), Value::FrozenSet(y)) => {
            if x.has_user_keys() || y.has_user_keys() {
                None
            } else {
                Some(x.same_items(y))
            }
        }
        (Value::Instance(_), _) | (_, Value::Instance(_)) => {
            if has_user_eq(a) || has_user_eq(b) {
                None
            } else if !a.builtin_value().is(a) || !b.builtin_value().is(b) {
                // Instances of subclasses of built-in types: as their values.
                crate::vm::with_native_stack(|| fast_key_eq(a.builtin_value(), b.builtin_value()))
            } else {
                Some(false)
            }
        }
        (Value::BoundMethod(_) | Value::Builtin(_), _) => Some(super::func::same_method(a, b)),
        _ => Some(match (num_of(a), num_of(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        }),
    }
}

fn has_user_eq(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if i.class.lookup_user("__eq__").is_some())
}

/// Whether comparing `v` with any key never runs krait code.
pub fn is_plain_key(v: &Value) -> bool {
    match v {
        Value::Instance(_) => false,
        Value::Tuple(t) => crate::vm::with_native_stack(|| t.iter().all(is_plain_key)),
        Value::FrozenSet(s) => !s.has_user_keys(),
        _ => true,
    }
}

/// A number as an exact comparable form, for cross-type key equality.
#[derive(PartialEq)]
enum Num {
    Int(BigInt),
    Float(f64),
}

fn num_of(v: &Value) -> Option<Num> {
    Some(match v {
        Value::Bool(b) => Num::Int(BigInt::from(*b as i64)),
        Value::Int(i) => Num::Int(BigInt::from(*i)),
        Value::BigInt(b) => Num::Int((**b).clone()),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.is_finite() {
                Num::Int(super::int::float_to_big(*f))
            } else {
                Num::Float(*f)
            }
        }
        _ => return None,
    })
}

/// Where a probe stands: the index slot to look at next and the
/// perturbation (CPython's open addressing: `i = 5*i + 1 + perturb`).
#[derive(Clone, Copy)]
pub struct Cursor {
    i: usize,
    perturb: u64,
}

impl Cursor {
    #[inline]
    fn start(hash: i64, mask: usize) -> Cursor {
        Cursor {
            i: hash as u64 as usize & mask,
            perturb: hash as u64,
        }
    }
    #[inline]
    fn next(&mut self, mask: usize) {
        self.perturb >>= PERTURB_SHIFT;
        self.i = (self
            .i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(self.perturb as usize))
            & mask;
    }
}

const PERTURB_SHIFT: u32 = 5;
/// CPython's PyDict_MINSIZE: the index a dict's first key allocates.
const MIN_SIZE: usize = 8;
/// The largest index a presized dict starts with (CPython's
/// `log2_max_presize`).
const MAX_PRESIZE: usize = 1 << 17;

/// CPython's USABLE_FRACTION: entries an index of `size` slots holds.
fn usable_fraction(size: usize) -> usize {
    size * 2 / 3
}
/// CPython's `calculate_log2_keysize`, as a size: the least power of two
/// at least `min` and at least MIN_SIZE.
/// (On 64-bit Linux it rounds `(min | 8) - 1` up, so 1..=7 give 16.)
fn keysize_for(min: usize) -> usize {
    let m = ((min | MIN_SIZE) - 1) | (MIN_SIZE - 1);
    1 << (usize::BITS - m.leading_zeros())
}
/// CPython's `estimate_log2_keysize`: an index that holds `n` entries.
fn presize_for(n: usize) -> usize {
    keysize_for((n * 3).div_ceil(2))
}
const EMPTY: u64 = u64::MAX;
const DUMMY: u64 = u64::MAX - 1;

/// An index slot for entry `ix`: the entry's position in the low half and
/// the high half of its hash in the other, so most probes that miss are
/// told apart without loading the entry.
#[inline(always)]
fn slot_for(hash: i64, ix: usize) -> u64 {
    (hash as u64 & 0xffff_ffff_0000_0000) | ix as u64
}

/// What one probe step found.
pub enum Probe {
    /// The key is at entry `ix` (index slot `slot`).
    Found {
        slot: usize,
        ix: usize,
    },
    Absent,
    /// Entry `ix` has the key's hash but telling whether the keys are equal
    /// may run krait code (a user `__eq__`): the VM compares them, then
    /// resumes the probe at `resume` when they differ.
    Compare {
        ix: usize,
        resume: Cursor,
    },
}

/// The dict itself, laid out as CPython's compact dict: entries in
/// insertion order (a deleted one leaves a hole until the next rebuild)
/// and an open-addressing index of entry positions.
#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Option<(DictKey, Value)>>,
    /// `slot_for` entries (or EMPTY/DUMMY); empty or a power of two long.
    indices: Vec<u64>,
    used: usize,
    /// Entries that may still be appended before a resize (CPython's
    /// `dk_usable`): deleted entries keep their place until then, so an
    /// iterator meets deletions and re-insertions where CPython's does.
    usable: usize,
    /// Every key is an exact str (CPython's DICT_KEYS_UNICODE): the first
    /// other key makes CPython resize, which moves the entries.
    str_keys: bool,
    /// Changes whenever the set of keys or their places change (a key
    /// added or removed, a rebuild): a cached entry position stays valid
    /// while it does not (name caches of `LoadGlobal`/`LoadName`). Unique
    /// across an interpreter's dicts; 0 for a dict never changed.
    keys_version: u64,
    /// Changes whenever entries move (rebuilds, clear): a lookup that ran
    /// krait code restarts then, as CPython's does when `ma_keys` changes.
    layout: u64,
}

thread_local! {
    /// The current interpreter's next version (see `keys_version`); each
    /// interpreter counts its own (`vm::isolate`), so that a version is
    /// never given twice in one, whichever threads it ran on.
    static NEXT_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// Swaps `next` with the current interpreter's next version (`vm::isolate`).
pub(crate) fn swap_next_version(next: &mut u64) {
    NEXT_VERSION.with(|v| *next = v.replace(*next));
}

fn next_version() -> u64 {
    NEXT_VERSION.with(|v| {
        let n = v.get();
        v.set(n + 1);
        n
    })
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    /// Identifies the current set and placement of the keys (see `keys_version`).
    #[inline]
    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }
    /// The entry position of a name (`find_plain`), for name caches.
    #[inline]
    pub fn index_of(&self, key: &DictKey) -> Option<usize> {
        self.find_plain(key).map(|(_, ix)| ix)
    }
    /// Identifies the current placement of the entries (see `layout`).
    #[inline]
    pub fn layout(&self) -> u64 {
        self.layout
    }

    /// The first probe step of a lookup of `key`.
    #[inline(always)]
    pub fn probe(&self, key: &DictKey) -> Probe {
        if self.indices.is_empty() {
            return Probe::Absent;
        }
        self.probe_from(key, Cursor::start(key.hash, self.indices.len() - 1))
    }

    /// Continues a probe: compares keys that need no krait code itself,
    /// identity first (so a NaN key is found by identity).
    #[inline(always)]
    pub fn probe_from(&self, key: &DictKey, mut cur: Cursor) -> Probe {
        let indices = &self.indices[..];
        let mask = indices.len().wrapping_sub(1);
        if indices.is_empty() {
            return Probe::Absent;
        }
        let tag = key.hash as u64 & 0xffff_ffff_0000_0000;
        loop {
            let e = indices[cur.i & mask];
            if e & 0xffff_ffff_0000_0000 == tag && e < DUMMY {
                let ix = (e & 0xffff_ffff) as usize;
                if let Some(Some((k, _))) = self.entries.get(ix) {
                    if k.hash == key.hash {
                        match fast_key_eq(&k.value, &key.value) {
                            Some(true) => return Probe::Found { slot: cur.i, ix },
                            Some(false) => {}
                            None => {
                                cur.next(mask);
                                return Probe::Compare { ix, resume: cur };
                            }
                        }
                    }
                }
            } else if e == EMPTY {
                return Probe::Absent;
            }
            cur.next(mask);
        }
    }

    /// The key stored in entry `ix`, if that entry is live.
    pub fn key_at(&self, ix: usize) -> Option<&Value> {
        self.entries.get(ix)?.as_ref().map(|(k, _)| &k.value)
    }

    /// The index slot that points at entry `ix` (after a VM-run comparison
    /// said the key there is equal).
    pub fn slot_of(&self, hash: i64, ix: usize) -> Option<usize> {
        let mask = self.indices.len().wrapping_sub(1);
        if self.indices.is_empty() {
            return None;
        }
        let mut cur = Cursor::start(hash, mask);
        loop {
            match self.indices[cur.i] {
                EMPTY => return None,
                j if j != DUMMY && (j & 0xffff_ffff) as usize == ix => return Some(cur.i),
                _ => cur.next(mask),
            }
        }
    }

    /// Lookup where stored keys with a user `__eq__` compare by identity
    /// only (names, attribute dicts, built-in values): the VM's
    /// `dict_lookup` runs the real comparison.
    /// (Its own tight loop: name lookups in module code and attribute
    /// dicts are hot.)
    #[inline]
    fn find_plain(&self, key: &DictKey) -> Option<(usize, usize)> {
        let indices = &self.indices[..];
        if indices.is_empty() {
            return None;
        }
        let mask = indices.len() - 1;
        let mut cur = Cursor::start(key.hash, mask);
        loop {
            let e = indices[cur.i & mask];
            if e == EMPTY {
                return None;
            }
            if (e ^ key.hash as u64) >> 32 == 0 && e != DUMMY {
                let ix = e as u32 as usize;
                if let Some(Some((k, _))) = self.entries.get(ix) {
                    if k.hash == key.hash && key_eq(&k.value, &key.value) {
                        return Some((cur.i & mask, ix));
                    }
                }
            }
            cur.next(mask);
        }
    }

    /// Lookup comparing with `eq` where krait code may run (the dict must
    /// not change meanwhile: a snapshot).
    pub fn find_with(
        &self,
        key: &DictKey,
        eq: &mut impl KeyEq,
    ) -> PyResult<Option<(usize, usize)>> {
        let mut p = self.probe(key);
        loop {
            match p {
                Probe::Found { slot, ix } => return Ok(Some((slot, ix))),
                Probe::Absent => return Ok(None),
                Probe::Compare { ix, resume } => {
                    if let Some(k) = self.key_at(ix) {
                        if eq.eq(k, &key.value)? {
                            return Ok(self.slot_of(key.hash, ix).map(|s| (s, ix)));
                        }
                    }
                    p = self.probe_from(key, resume)
                }
            }
        }
    }

    pub fn contains_with(&self, key: &DictKey, eq: &mut impl KeyEq) -> PyResult<bool> {
        Ok(self.find_with(key, eq)?.is_some())
    }

    #[inline]
    pub fn get(&self, key: &DictKey) -> Option<&Value> {
        let (_, ix) = self.find_plain(key)?;
        self.value_at(ix)
    }
    /// The value of entry `ix`, if that entry is live.
    #[inline]
    pub fn value_at(&self, ix: usize) -> Option<&Value> {
        self.entries.get(ix)?.as_ref().map(|(_, v)| v)
    }
    /// Lookup by string (names, attribute dicts).
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        self.get(&DictKey::str(key))
    }
    pub fn contains(&self, key: &DictKey) -> bool {
        self.find_plain(key).is_some()
    }

    pub fn insert(&mut self, key: DictKey, value: Value) {
        match self.find_plain(&key) {
            Some((_, ix)) => self.replace_value(ix, value),
            None => self.insert_new(key, value),
        }
    }
    /// Replaces the value of entry `ix` (a dict keeps the first key object it saw).
    pub fn replace_value(&mut self, ix: usize, value: Value) {
        if let Some(Some((_, v))) = self.entries.get_mut(ix) {
            *v = value;
        }
    }
    /// Adds a key known to be absent.
    pub fn insert_new(&mut self, key: DictKey, value: Value) {
        self.keys_version = next_version();
        let is_str = matches!(key.value, Value::Str(_));
        if self.indices.is_empty() {
            self.str_keys = is_str;
            self.resize(MIN_SIZE);
        } else if self.str_keys && !is_str {
            self.str_keys = false;
            self.resize(keysize_for(self.used * 3));
        }
        if self.usable == 0 {
            // CPython's insertion_resize: GROWTH_RATE is used*3.
            self.resize(keysize_for(self.used * 3));
        }
        let mask = self.indices.len() - 1;
        let mut cur = Cursor::start(key.hash, mask);
        while self.indices[cur.i] < DUMMY {
            cur.next(mask);
        }
        self.indices[cur.i] = slot_for(key.hash, self.entries.len());
        self.entries.push(Some((key, value)));
        self.used += 1;
        self.usable -= 1;
    }
    /// Drops the holes and rebuilds the index with `size` slots (a power
    /// of two), of which CPython's usable fraction takes entries.
    fn resize(&mut self, size: usize) {
        self.layout = next_version();
        self.keys_version = self.layout;
        self.entries.retain(|e| e.is_some());
        self.indices.clear();
        self.indices.resize(size, EMPTY);
        let mask = size - 1;
        for (n, e) in self.entries.iter().enumerate() {
            if let Some((k, _)) = e {
                let mut cur = Cursor::start(k.hash, mask);
                while self.indices[cur.i] != EMPTY {
                    cur.next(mask);
                }
                self.indices[cur.i] = slot_for(k.hash, n);
            }
        }
        self.usable = usable_fraction(size) - self.used;
    }
    /// An empty dict sized for `n` entries, as CPython's
    /// `_PyDict_NewPresized` makes for displays and keyword arguments.
    /// `str_keys`: the keys to come are all exact strs.
    pub fn with_capacity(n: usize, str_keys: bool) -> Dict {
        let mut d = Dict::new();
        if n > usable_fraction(MIN_SIZE) {
            d.str_keys = str_keys;
            d.resize(presize_for(n).min(MAX_PRESIZE));
        }
        d
    }
    /// Makes room before `n` entries from a dict or set are added (CPython's
    /// `dict_merge` and `dict.fromkeys` resize once up front);
    /// `str_keys`: they are all exact strs.
    pub fn reserve(&mut self, n: usize, str_keys: bool) {
        if usable_fraction(self.indices.len()) < n {
            self.str_keys = (self.indices.is_empty() || self.str_keys) && str_keys;
            self.resize(presize_for(self.used + n));
        }
    }
    /// Whether every key is an exact str, as CPython's key kind says.
    pub fn has_str_keys(&self) -> bool {
        self.str_keys
    }
    /// The start of merging `other` into this dict: an empty dict takes a
    /// copy of a fresh, hole-free `other` with its layout (CPython clones
    /// the keys then; true: nothing left to merge), otherwise room is made.
    pub fn start_merge(&mut self, other: &Dict) -> bool {
        let size = other.indices.len();
        if self.used == 0
            && other.used == other.entries.len()
            && (size == MIN_SIZE || usable_fraction(size / 2) < other.used)
        {
            let layout = next_version();
            *self = other.clone();
            self.layout = layout;
            return true;
        }
        self.reserve(other.used, other.str_keys);
        false
    }
    /// `dict.copy()`, `dict(d)` and `{**d}` of a dict: a dense enough dict
    /// is cloned with its layout (holes included), as CPython clones its
    /// keys; a sparse one is re-inserted into a fresh, presized dict.
    pub fn copy(&self) -> Dict {
        if self.used == 0 {
            return Dict::new();
        }
        let mut c = if self.used >= self.entries.len() * 2 / 3 {
            self.clone()
        } else {
            let mut c = Dict::new();
            c.reserve(self.used, self.str_keys);
            for (k, v) in self.entries() {
                c.insert_new(k.clone(), v.clone());
            }
            c
        };
        c.layout = next_version();
        c
    }
    pub fn set_str(&mut self, key: &str, value: Value) {
        self.insert(DictKey::str(key), value)
    }
    pub fn remove(&mut self, key: &DictKey) -> Option<Value> {
        let (slot, ix) = self.find_plain(key)?;
        self.remove_at(slot, ix)
    }
    /// Moves entry `ix`, found at index slot `slot`, to the end of the
    /// order, comparing no keys (`lru_cache`'s hits).
    pub fn move_to_end(&mut self, slot: usize, ix: usize) {
        let Some((k, v)) = self.entries.get_mut(ix).and_then(Option::take) else {
            return;
        };
        self.indices[slot] = DUMMY;
        self.used -= 1;
        self.insert_new(k, v);
    }
    /// Removes the first entry in order (`lru_cache` dropping its least
    /// recently used), comparing no keys.
    pub fn remove_first(&mut self) -> Option<Value> {
        let ix = self.entries.iter().position(Option::is_some)?;
        let hash = self.entries[ix].as_ref()?.0.hash;
        let slot = self.slot_of(hash, ix)?;
        self.remove_at(slot, ix)
    }
    /// Removes entry `ix`, found at index slot `slot`.
    pub fn remove_at(&mut self, slot: usize, ix: usize) -> Option<Value> {
        self.keys_version = next_version();
        let (_, v) = self.entries.get_mut(ix)?.take()?;
        self.indices[slot] = DUMMY;
        self.used -= 1;
        Some(v)
    }
    /// Moves the contents out, leaving this dict empty (with a new version).
    pub fn take(&mut self) -> Dict {
        let d = std::mem::take(self);
        self.clear();
        d
    }
    pub fn clear(&mut self) {
        self.keys_version = next_version();
        self.layout = next_version();
        self.entries.clear();
        self.indices.clear();
        self.used = 0;
        self.usable = 0;
    }
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.entries().map(|(k, _)| &k.value)
    }
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.entries().map(|(_, v)| v)
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries().map(|(k, v)| (&k.value, v))
    }
    pub fn entries(&self) -> impl Iterator<Item = (&DictKey, &Value)> {
        self.entries.iter().flatten().map(|(k, v)| (k, v))
    }
    /// The first live entry at position `pos` or later, with its position
    /// (iterators keep positions, which stay valid while the size does).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, &Value, &Value)> {
        self.entries
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, e)| e.as_ref().map(|(k, v)| (i, &k.value, v)))
    }
    /// The positions of the live entries, in insertion order.
    pub fn live_positions(&self) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| self.entries[i].is_some())
            .collect()
    }
    /// The key and value at entry position `ix`, if live.
    pub fn entry_at(&self, ix: usize) -> Option<(&Value, &Value)> {
        self.entries.get(ix)?.as_ref().map(|(k, v)| (&k.value, v))
    }
    /// The `i`-th live entry in insertion order.
    pub fn get_index(&self, i: usize) -> Option<(&Value, &Value)> {
        self.iter().nth(i)
    }
    /// Removes and returns the last inserted item (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        self.keys_version = next_version();
        while let Some(last) = self.entries.pop() {
            if let Some((k, v)) = last {
                let n = self.entries.len();
                if let Some(slot) = self.slot_of(k.hash, n) {
                    self.indices[slot] = DUMMY;
                }
                self.used -= 1;
                return Some((k.value, v));
            }
        }
        None
    }
}
