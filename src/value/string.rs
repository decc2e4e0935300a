//! `str` objects: UTF-8 text with a cached hash, immutable once shared (a
//! uniquely held one may grow in place: `s += x` in a loop, see `push_str`).
//!
//! Lone surrogates (U+D800..U+DFFF, e.g. `'\udc80'`, `chr(0xd800)`) cannot be
//! held in Rust text: each is stored as the code point `SURROGATE_SHIFT`
//! above it, U+FD800..U+FDFFF, in the middle of plane 15 (private use, away
//! from the plane's edges that programs test). Those 2048 code points
//! themselves are therefore not representable: what would create one raises
//! an error naming the limit.

use std::borrow::Cow;
use std::cell::Cell;
use std::cmp::Ordering;

/// Distance from a lone surrogate to the character that stands for it.
pub const SURROGATE_SHIFT: u32 = 0xF0000;

/// The character for code point `cp` (a lone surrogate maps as above).
pub fn char_for_code(cp: u32) -> Option<char> {
    if (0xD800..0xE000).contains(&cp) {
        char::from_u32(cp + SURROGATE_SHIFT)
    } else {
        char::from_u32(cp)
    }
}

/// The code point a stored character stands for (`ord()`).
#[inline]
pub fn code_of(c: char) -> u32 {
    let n = c as u32;
    if is_surrogate(c) {
        n - SURROGATE_SHIFT
    } else {
        n
    }
}

/// Whether `c` is the stand-in of a lone surrogate.
#[inline]
pub fn is_surrogate(c: char) -> bool {
    (0xFD800..0xFE000).contains(&(c as u32))
}

/// The error for a real code point krait keeps for surrogates.
pub fn unrepresentable(cp: u32) -> String {
    format!(
        "krait cannot represent U+{cp:05X}: code points U+FD800..U+FDFFF stand for lone \
         surrogates in krait strings"
    )
}

/// Bytes as Python's `surrogateescape` decodes them (`sys.argv`, undecodable
/// input): valid UTF-8 as is, each other byte as the surrogate U+DC80+byte.
/// A real character krait cannot hold is refused (its code point).
pub fn surrogate_escape(bytes: &[u8]) -> Result<String, u32> {
    let mut out = String::new();
    for chunk in bytes.utf8_chunks() {
        if let Some(c) = chunk.valid().chars().find(|&c| is_surrogate(c)) {
            return Err(c as u32);
        }
        out.push_str(chunk.valid());
        for &b in chunk.invalid() {
            out.push(char_for_code(0xDC00 + b as u32).unwrap_or('\u{fffd}'));
        }
    }
    Ok(out)
}

/// Length in characters, and whether the text may hold surrogate stand-ins.
#[inline]
fn text_facts(s: &str) -> (usize, bool) {
    if s.is_ascii() {
        (s.len(), false)
    } else {
        (s.chars().count(), s.as_bytes().contains(&0xF3))
    }
}

/// Whether text may hold surrogate stand-ins (U+C0000..U+FFFFF lead with 0xF3):
/// a byte test, so strings without them pay nothing more.
#[inline]
pub fn may_hold_surrogates(s: &str) -> bool {
    !s.is_ascii() && s.as_bytes().contains(&0xF3)
}

pub struct PyStr {
    /// A `String` (not `Box<str>`) so that appends in place amortize.
    s: String,
    /// Number of characters (code points); strings index by character.
    chars: usize,
    hash: Cell<Option<u64>>,
    /// The text may hold surrogate stand-ins (see the module comment).
    surr: bool,
    /// Made by `intern`: equal interned strings are the same object.
    interned: bool,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_string())
    }
    pub fn from_string(mut s: String) -> PyStr {
        if s.capacity() > 2 * s.len() + 64 {
            s.shrink_to_fit();
        }
        let (chars, surr) = text_facts(&s);
        PyStr {
            chars,
            surr,
            s,
            hash: Cell::new(None),
            interned: false,
        }
    }
    /// Whether this is the interned copy of its text (`intern`).
    #[inline]
    pub fn is_interned(&self) -> bool {
        self.interned
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    /// Appends `t` in place: only for a string nobody else sees yet
    /// (`Rc::get_mut`), so `str` stays immutable to krait code.
    pub fn push_str(&mut self, t: &str) {
        let (chars, surr) = text_facts(t);
        self.chars += chars;
        self.surr |= surr;
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
    /// Whether the string holds a lone surrogate.
    pub fn has_surrogates(&self) -> bool {
        self.surr && self.s.chars().any(is_surrogate)
    }
    /// Code point order, as Python compares strings (byte order is that,
    /// except for surrogate stand-ins, which sort above every character).
    pub fn cmp_code_points(&self, other: &PyStr) -> Ordering {
        if !(self.surr || other.surr) {
            return self.s.cmp(&other.s);
        }
        self.s
            .chars()
            .map(code_of)
            .cmp(other.s.chars().map(code_of))
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

/// The interned strs of an interpreter (`vm::isolate`).
pub(crate) type InternTable = rustc_hash::FxHashMap<Box<str>, std::rc::Rc<PyStr>>;

thread_local! {
    /// The current interpreter's table (or the thread's own, outside any
    /// `Interpreter` call).
    static INTERNED: std::cell::RefCell<InternTable> =
        std::cell::RefCell::new(InternTable::default());
}

/// Swaps `t` with the current interpreter's table (`vm::isolate`).
pub(crate) fn swap_interned(t: &mut InternTable) {
    INTERNED.with(|m| std::mem::swap(&mut *m.borrow_mut(), t));
}

/// Whether the thread-local table is still there (not once the thread's
/// exit destroyed it).
pub(crate) fn interned_available() -> bool {
    INTERNED.try_with(|_| ()).is_ok()
}

/// The shared `str` object for an identifier: names in code objects,
/// attribute and global dict keys all use it, so lookups compare pointers.
pub fn intern(s: &str) -> std::rc::Rc<PyStr> {
    INTERNED.with(|m| {
        if let Some(v) = m.borrow().get(s) {
            return v.clone();
        }
        let mut p = PyStr::new(s);
        p.interned = true;
        let v = std::rc::Rc::new(p);
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

/// Text as CPython's UTF-8 stdio streams encode it: a lone surrogate
/// U+DC80..U+DCFF is the byte it escapes under `surrogateescape` (the
/// handler of C-like locales); other surrogates give the message of the
/// `UnicodeEncodeError` (CPython reports a whole run of surrogates).
pub fn encode_utf8(s: &str, surrogateescape: bool) -> Result<Cow<'_, [u8]>, String> {
    if !may_hold_surrogates(s) || !s.chars().any(is_surrogate) {
        return Ok(Cow::Borrowed(s.as_bytes()));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if !is_surrogate(chars[i]) {
            let mut buf = [0u8; 4];
            out.extend_from_slice(chars[i].encode_utf8(&mut buf).as_bytes());
            i += 1;
            continue;
        }
        let end = i + chars[i..].iter().take_while(|&&c| is_surrogate(c)).count();
        let mut start = i;
        if surrogateescape {
            while start < end && (0xDC80..0xDD00).contains(&code_of(chars[start])) {
                out.push(code_of(chars[start]) as u8);
                start += 1;
            }
            if start == end {
                i = end;
                continue;
            }
        }
        return Err(if end - start == 1 {
            format!(
                "'utf-8' codec can't encode character '\\u{:04x}' in position {}: surrogates not allowed",
                code_of(chars[start]),
                start
            )
        } else {
            format!(
                "'utf-8' codec can't encode characters in position {}-{}: surrogates not allowed",
                start,
                end - 1
            )
        });
    }
    Ok(Cow::Owned(out))
}

/// Text for stderr, whose handler is `backslashreplace`: a lone surrogate as `\udXXX`.
pub fn backslash_surrogates(s: &str) -> Cow<'_, str> {
    if !may_hold_surrogates(s) || !s.chars().any(is_surrogate) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_surrogate(c) {
            out.push_str(&format!("\\u{:04x}", code_of(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}
