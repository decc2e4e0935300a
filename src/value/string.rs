//! `str` objects: UTF-8 text with a cached hash, immutable once shared (a
//! uniquely held one may grow in place: `s += x` in a loop, see `push_str`).

use std::cell::Cell;

pub struct PyStr {
    /// A `String` (not `Box<str>`) so that appends in place amortize.
    s: String,
    /// Number of characters (code points); strings index by character.
    chars: usize,
    hash: Cell<Option<u64>>,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr {
            chars: if s.is_ascii() {
                s.len()
            } else {
                s.chars().count()
            },
            s: s.to_string(),
            hash: Cell::new(None),
        }
    }
    pub fn from_string(mut s: String) -> PyStr {
        if s.capacity() > 2 * s.len() + 64 {
            s.shrink_to_fit();
        }
        PyStr {
            chars: if s.is_ascii() {
                s.len()
            } else {
                s.chars().count()
            },
            s,
            hash: Cell::new(None),
        }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// Appends `t` in place: only for a string nobody else sees yet
    /// (`Rc::get_mut`), so `str` stays immutable to krait code.
    pub fn push_str(&mut self, t: &str) {
        self.chars += if t.is_ascii() {
            t.len()
        } else {
            t.chars().count()
        };
        self.s.push_str(t);
        self.hash.set(None);
    }
    /// Length in characters, as `len()` counts.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }
    /// The character at `index` (0-based, already bounds-checked by the caller).
    pub fn char_at(&self, index: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(index).map(|b| *b as char)
        } else {
            self.s.chars().nth(index)
        }
    }
    /// The substring of characters `[start, end)`.
    pub fn char_slice(&self, start: usize, end: usize) -> &str {
        if self.is_ascii() {
            &self.s[start..end]
        } else {
            let mut it = self.s.char_indices();
            let b0 = it.nth(start).map(|(i, _)| i).unwrap_or(self.s.len());
            let b1 = if end > start {
                self.s
                    .char_indices()
                    .nth(end)
                    .map(|(i, _)| i)
                    .unwrap_or(self.s.len())
            } else {
                b0
            };
            &self.s[b0..b1]
        }
    }
    /// The string's hash (computed once).
    #[inline]
    pub fn hash(&self) -> u64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let h = super::hash::hash_str(&self.s);
        self.hash.set(Some(h));
        h
    }
}

impl std::fmt::Debug for PyStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", &*self.s)
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        // Interned names are usually the very same object.
        std::ptr::eq(self, other) || self.s == other.s
    }
}

thread_local! {
    static INTERNED: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, std::rc::Rc<PyStr>>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// The shared `str` object for an identifier: names in code objects,
/// attribute and global dict keys all use it, so lookups compare pointers.
pub fn intern(s: &str) -> std::rc::Rc<PyStr> {
    INTERNED.with(|m| {
        if let Some(v) = m.borrow().get(s) {
            return v.clone();
        }
        let v = std::rc::Rc::new(PyStr::new(s));
        m.borrow_mut().insert(s.into(), v.clone());
        v
    })
}
impl Eq for PyStr {}

impl std::hash::Hash for PyStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(PyStr::hash(self))
    }
}
