//! Runtime values. A `Value` is 16 bytes: immediates for None, bool, small
//! int and float; reference-counted pointers for everything else.

pub mod class;
pub mod deque;
pub mod dict;
pub mod exc;
pub mod format;
pub mod func;
pub mod hash;
pub mod int;
pub mod list;
pub mod range;
pub mod repr;
pub mod set;
pub mod shape;
pub mod string;
pub mod unicode;
mod unicode14;

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

pub use class::{Class, Instance, TypeKind};
pub use deque::DequeObj;
pub use dict::{Dict, DictKey};
pub use exc::{ExcType, PyErr, PyResult};
pub use func::{BoundMethod, Builtin, Function, HostCallable, HostFn, Kwargs, NativeFn};
pub use list::ListObj;
pub use range::RangeObj;
pub use set::SetObj;
pub use string::{surrogate_escape, PyStr};

use crate::bytecode::Code;
use crate::vm::frame::FrameObj;
use crate::vm::iter::IterObj;

pub type Str = Rc<PyStr>;
pub type List = Rc<ListObj>;

/// `repr(C, u8)`: the tag is the first byte and every payload, a bool's
/// too, starts at offset 8, which `strong_count_cell` relies on. With the
/// payloads at one offset a value moves as tag and one aligned word: with
/// a bool's at offset 1 (plain `repr(u8)` or Rust's own layout), LLVM
/// moved bytes 1 to 16 as two overlapping words through the stack, and the
/// loads that could not take their data from the store before them stalled
/// the CPU (`perf record -e cpu-clock`: ~20% of deltablue's time on them).
#[derive(Default)]
#[repr(C, u8)]
pub enum Value {
    #[default]
    None = 0,
    Bool(bool) = 1,
    Int(i64) = 2,
    Float(f64) = 3,
    /// Internal marker, never seen by krait code: an unbound local slot, or
    /// the empty slot `PushNull` leaves below a callable.
    Null,
    Ellipsis,
    NotImplemented,
    // The variants above hold no reference: `is_immediate` tests them
    // with one comparison of the tag, as they come first.
    BigInt(Rc<BigInt>),
    Str(Str),
    List(List),
    Tuple(Rc<Vec<Value>>),
    Dict(Rc<RefCell<Dict>>),
    Set(Rc<RefCell<SetObj>>),
    FrozenSet(Rc<SetObj>),
    Range(Rc<RangeObj>),
    Slice(Rc<SliceObj>),
    Function(Rc<Function>),
    BoundMethod(Rc<BoundMethod>),
    Builtin(Rc<Builtin>),
    Class(Rc<Class>),
    Instance(Rc<Instance>),
    Iter(Rc<RefCell<IterObj>>),
    Code(Rc<Code>),
    Frame(Rc<FrameObj>),
    Module(Rc<ModuleObj>),
    /// `property`, `staticmethod`, `classmethod`, `super` and other descriptors.
    Descr(Rc<Descr>),
    Cell(Rc<RefCell<Value>>),
    Traceback(Rc<TracebackObj>),
    /// `collections.deque`.
    Deque(Rc<DequeObj>),
}

impl Value {
    /// None, a bool, a small int, a float or a marker: no reference
    /// count, no heap.
    #[inline(always)]
    pub fn is_immediate(&self) -> bool {
        matches!(
            self,
            Value::None
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::Null
                | Value::Ellipsis
                | Value::NotImplemented
        )
    }

    /// The strong count of the `Rc` a counted value holds. `Value` is
    /// `repr(C, u8)`, so every variant's payload starts at offset 8; each
    /// counted variant's payload is one `Rc`, a pointer to std's `RcInner`
    /// (`repr(C)`, the strong count first). One load reaches the count
    /// whatever the variant: a `match` over the variants' own `Rc`s left a
    /// jump table per clone. `tests::counted_layout` checks the layout for
    /// every counted variant.
    ///
    /// # Safety
    /// `self` is not an immediate.
    #[inline(always)]
    unsafe fn strong_count_cell(&self) -> &std::cell::Cell<usize> {
        debug_assert!(self.counted_layout_holds());
        &**(self as *const Value as *const *const std::cell::Cell<usize>).add(1)
    }

    /// What `strong_count_cell` relies on, checked the slow way for this
    /// value's variant (debug builds check it on every use).
    fn counted_layout_holds(&self) -> bool {
        // SAFETY: reads the payload word of a 16-byte value, and through
        // it the first word of an `Rc`'s allocation.
        let payload = unsafe { *(self as *const Value as *const usize).add(1) };
        macro_rules! check {
            ($($v:ident),*) => {
                match self {
                    $(Value::$v(r) => unsafe {
                        payload == std::mem::transmute_copy::<_, usize>(r)
                            && *(payload as *const usize) == Rc::strong_count(r)
                    },)*
                    _ => false,
                }
            };
        }
        check!(
            BigInt,
            Str,
            List,
            Tuple,
            Dict,
            Set,
            FrozenSet,
            Range,
            Slice,
            Function,
            BoundMethod,
            Builtin,
            Class,
            Instance,
            Iter,
            Code,
            Frame,
            Module,
            Descr,
            Cell,
            Traceback,
            Deque
        )
    }

    /// The count of the `Rc` a counted value holds goes up by one (for a
    /// bitwise copy to own).
    #[inline(always)]
    fn count_one_more(&self) {
        if self.is_immediate() {
            return;
        }
        // SAFETY: tested above.
        let count = unsafe { self.strong_count_cell() };
        let n = count.get().wrapping_add(1);
        count.set(n);
        if n == 0 {
            // As `Rc::clone` on overflow.
            std::process::abort();
        }
    }

    /// Drops with immediates skipped and the count lowered inline while
    /// others hold the value; the last reference goes out of line.
    #[inline(always)]
    pub fn drop_fast(self) {
        if self.is_immediate() {
            std::mem::forget(self);
            return;
        }
        // SAFETY: tested above.
        let count = unsafe { self.strong_count_cell() };
        let n = count.get();
        if n > 1 {
            count.set(n - 1);
            std::mem::forget(self);
        } else {
            drop_last(self);
        }
    }
}

/// `drop_fast` of a value's last reference: frees it.
#[inline(never)]
fn drop_last(v: Value) {
    drop(v);
}

impl Value {
    /// Reads a value as its tag byte and its payload word: two loads that
    /// each lie within whatever stores wrote the value (one 16-byte copy,
    /// or a tag byte and a word for a value made in place, which is how
    /// LLVM writes a new `Value::Float(x)`). One 16-byte load of a value
    /// written the second way cannot take its data from those stores, and
    /// the CPU stalls until they reach the cache: `perf record -e
    /// cpu-clock` put a tenth of nbody's time on such loads. (Volatile, so
    /// that LLVM does not merge them back into one.)
    ///
    /// # Safety
    /// `p` points to an initialized value; the result is a bitwise copy
    /// (the caller owns it only if it takes the value from `p`).
    #[inline(always)]
    pub unsafe fn read_split(p: *const Value) -> Value {
        let tag = std::ptr::read_volatile(p as *const u8);
        let payload = std::ptr::read_volatile((p as *const u64).add(1));
        let mut v = std::mem::MaybeUninit::<Value>::uninit();
        let q = v.as_mut_ptr();
        (q as *mut u8).write(tag);
        (q as *mut u64).add(1).write(payload);
        v.assume_init()
    }
}

impl Value {
    /// Writes `v` to `p` as its tag byte and its payload word, the two
    /// pieces `read_split` reads: a whole-value write copied the padding
    /// bytes after the tag too, through the Rust stack.
    ///
    /// # Safety
    /// `p` is valid for a write of a value (not dropped: overwritten).
    #[inline(always)]
    pub unsafe fn write_split(p: *mut Value, v: Value) {
        let v = std::mem::ManuallyDrop::new(v);
        let src = &*v as *const Value;
        let tag = *(src as *const u8);
        // (A payload may be shorter than its word: copied as maybe-uninit.)
        let payload = (src as *const std::mem::MaybeUninit<u64>).add(1).read();
        std::ptr::write(p as *mut u8, tag);
        std::ptr::write((p as *mut std::mem::MaybeUninit<u64>).add(1), payload);
    }

    /// Writes a bool, int or float to `p` as a tag byte and a whole
    /// payload word, from registers: `Value::Float(x)` written as a value
    /// was assembled on the Rust stack from a byte and a word and reloaded
    /// as one 16-byte piece, which cannot be store-forwarded (perf: a
    /// quarter of nbody's time on that reload), and a bool's one payload
    /// byte cannot forward to `read_split`'s word.
    ///
    /// # Safety
    /// `p` is valid for a write of a value (not dropped: overwritten).
    #[inline(always)]
    pub unsafe fn write_scalar(p: *mut Value, tag: ScalarTag, payload: u64) {
        std::ptr::write(p as *mut u8, tag as u8);
        std::ptr::write((p as *mut u64).add(1), payload);
    }
}

/// The tags of the values `Value::write_scalar` writes (`Value`'s
/// discriminants).
#[derive(Clone, Copy)]
#[repr(u8)]
pub enum ScalarTag {
    Bool = 1,
    Int = 2,
    Float = 3,
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        self.count_one_more();
        // SAFETY: an immediate owns nothing; a counted value's count was
        // just raised for the copy made here.
        unsafe { Value::read_split(self) }
    }
}

pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

pub struct ModuleObj {
    pub name: Str,
    pub dict: Rc<RefCell<Dict>>,
    /// While its code runs (an import in progress): a circular import
    /// sees it half made, and errors say so.
    pub initializing: std::cell::Cell<bool>,
}

impl ModuleObj {
    pub fn new(name: Str, dict: Rc<RefCell<Dict>>) -> ModuleObj {
        ModuleObj {
            name,
            dict,
            initializing: std::cell::Cell::new(false),
        }
    }
}

/// Descriptors and other small wrapper objects.
pub enum Descr {
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
        doc: Value,
        /// Set by `__set_name__` when a class statement defines it (its
        /// error messages name it then, as CPython's do).
        name: RefCell<Option<Str>>,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    /// `super()` bound to a class (the one *after* which lookup starts) and an object.
    Super {
        start_after: Rc<Class>,
        obj: Value,
    },
    /// `functools.partial(func, *args, **kwargs)`
    Partial {
        func: Value,
        args: Vec<Value>,
        kwargs: Kwargs,
    },
    /// `operator.itemgetter(*items)`, `attrgetter(*names)` (dotted names as
    /// given), `methodcaller(name, *args, **kwargs)` (the name first).
    Getter {
        kind: GetterKind,
        items: Vec<Value>,
        kwargs: Kwargs,
    },
    /// `re.Pattern`, `re.Match` and the scanner behind `re.finditer`.
    Re(Box<crate::builtins::ReObj>),
    /// What `functools.lru_cache` wraps a function in.
    LruCache(Box<crate::builtins::LruCache>),
}

/// Which of `operator`'s callable types a `Descr::Getter` is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GetterKind {
    Item,
    Attr,
    Method,
}

impl GetterKind {
    /// The type's name (`tp_name`: `operator.itemgetter`).
    pub fn type_name(self) -> &'static str {
        match self {
            GetterKind::Item => "operator.itemgetter",
            GetterKind::Attr => "operator.attrgetter",
            GetterKind::Method => "operator.methodcaller",
        }
    }
}

/// A traceback entry, linked to the next one inwards as CPython's are: an
/// exception passing a frame puts a new entry in front, in O(1).
pub struct TracebackObj {
    pub code: Rc<Code>,
    pub lineno: u32,
    pub next: Option<Rc<TracebackObj>>,
    /// The frame's place on the VM's frame stack.
    pub depth: usize,
    /// The locals of the frame once the exception has left it: kept as
    /// long as the traceback, as CPython's traceback keeps the frame (a
    /// generator among them is closed only when the exception goes).
    pub locals: RefCell<Vec<Value>>,
    /// The frame's globals (for a `tb_frame` made after the frame ended).
    pub globals: Rc<RefCell<Dict>>,
    /// The instruction that raised (`tb_lasti` is twice it).
    pub lasti: u32,
    /// `tb_frame`: the frame's object if it had one when the entry was
    /// made, else made when asked for (`Vm::traceback_frame`).
    pub frame: RefCell<Option<Rc<crate::vm::frame::FrameObj>>>,
}

impl Value {
    /// The built-in value an instance of a subclass of a built-in type is
    /// (`class L(list)`); any other value itself.
    #[inline]
    pub fn builtin_value(&self) -> &Value {
        match self {
            Value::Instance(i) => i.payload().unwrap_or(self),
            _ => self,
        }
    }
}

impl TracebackObj {
    /// The entries from the outermost frame inwards.
    pub fn entries(self: &Rc<TracebackObj>) -> Vec<(Rc<Code>, u32)> {
        let mut out = vec![];
        let mut cur = Some(self.clone());
        while let Some(t) = cur {
            out.push((t.code.clone(), t.lineno));
            cur = t.next.clone();
        }
        out
    }
}

impl Drop for TracebackObj {
    /// Unlinks the chain iteratively: a 100,000-frame traceback must not
    /// recurse 100,000 deep when it is freed.
    fn drop(&mut self) {
        // The innermost entries go first, as in CPython (the order the
        // frames' locals, generators among them, are released in).
        let mut chain = vec![];
        let mut next = self.next.take();
        while let Some(t) = next {
            match Rc::try_unwrap(t) {
                Ok(mut t) => {
                    next = t.next.take();
                    chain.push(t);
                }
                Err(_) => break,
            }
        }
        while chain.pop().is_some() {}
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }
    pub fn string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::from_string(s)))
    }
    // The allocations of containers go through `gc::alloc`, which tracks
    // them for the cycle collector.
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(crate::gc::alloc(ListObj::new(v)))
    }
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(crate::gc::alloc(v))
    }
    pub fn dict(d: Dict) -> Value {
        Value::Dict(crate::gc::alloc(RefCell::new(d)))
    }
    pub fn set(s: SetObj) -> Value {
        Value::Set(crate::gc::alloc(RefCell::new(s)))
    }
    pub fn frozenset(s: SetObj) -> Value {
        Value::FrozenSet(crate::gc::alloc(s))
    }
    pub fn from_bigint(b: BigInt) -> Value {
        int::normalize(b)
    }
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The name of the value's type, as `type(x).__name__` says.
    pub fn type_name(&self) -> String {
        match self {
            Value::Instance(i) => i.class.tp_name(),
            Value::Class(_) => "type".into(),
            _ => self.builtin_type_name().to_string(),
        }
    }

    /// Type names of the built-in (non-instance) values.
    pub fn builtin_type_name(&self) -> &'static str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) | Value::BigInt(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::Range(_) => "range",
            Value::Slice(_) => "slice",
            Value::Function(_) => "function",
            Value::BoundMethod(_) => "method",
            Value::Builtin(_) => "builtin_function_or_method",
            Value::Class(_) => "type",
            Value::Instance(_) => "object",
            Value::Iter(it) => it.borrow().type_name(),
            Value::Code(_) => "code",
            Value::Frame(_) => "frame",
            Value::Module(_) => "module",
            Value::Descr(d) => match &**d {
                Descr::Property { .. } => "property",
                Descr::StaticMethod(_) => "staticmethod",
                Descr::ClassMethod(_) => "classmethod",
                Descr::Super { .. } => "super",
                Descr::Partial { .. } => "functools.partial",
                Descr::Getter { kind, .. } => kind.type_name(),
                Descr::Re(o) => o.kind().1,
                Descr::LruCache(_) => "functools._lru_cache_wrapper",
            },
            Value::Cell(_) => "cell",
            Value::Traceback(_) => "traceback",
            Value::Deque(_) => "collections.deque",
            Value::Ellipsis => "ellipsis",
            Value::NotImplemented => "NotImplementedType",
            Value::Null => "NULL",
        }
    }

    /// Identity (`is`).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::NotImplemented, Value::NotImplemented) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are cached in CPython (-5..=256); identity of others is an accident.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of a heap value (used for `is` and `id`).
    pub fn ptr(&self) -> Option<usize> {
        Some(match self {
            Value::BigInt(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Str(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Set(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::FrozenSet(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::BoundMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Code(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Frame(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Descr(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Traceback(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Deque(r) => Rc::as_ptr(r) as *const u8 as usize,
            _ => return None,
        })
    }

    /// Truth value for the built-in types; `None` when a dunder must decide.
    #[inline]
    pub fn fast_truth(&self) -> Option<bool> {
        Some(match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::BigInt(_) => true,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::FrozenSet(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Deque(d) => !d.is_empty(),
            Value::Instance(_) => return None,
            _ => true,
        })
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", repr::repr_plain(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `strong_count_cell`'s layout, for the variants a test can make
    /// without an interpreter (debug builds check every use).
    #[test]
    fn counted_layout() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
        let samples = [
            Value::BigInt(Rc::new(BigInt::from(1) << 70)),
            Value::Str(Rc::new(PyStr::new("s"))),
            Value::List(Rc::new(ListObj::new(vec![Value::Int(1)]))),
            Value::Tuple(Rc::new(vec![])),
            Value::Cell(Rc::new(RefCell::new(Value::None))),
        ];
        for v in &samples {
            assert!(v.counted_layout_holds());
            let copies: Vec<Value> = (0..3).map(|_| v.clone()).collect();
            assert!(v.counted_layout_holds());
            // SAFETY: counted samples.
            assert_eq!(unsafe { v.strong_count_cell() }.get(), 4);
            for c in copies {
                c.drop_fast();
            }
            assert_eq!(unsafe { v.strong_count_cell() }.get(), 1);
        }
        assert!(!Value::Int(3).counted_layout_holds());
    }

    /// `write_scalar` makes the values the variants make.
    #[test]
    fn scalars_written_in_pieces() {
        type Check = dyn Fn(&Value) -> bool;
        let mut slot = std::mem::MaybeUninit::<Value>::uninit();
        let cases: [(ScalarTag, u64, &Check); 5] = [
            (ScalarTag::Bool, 1, &|v| matches!(v, Value::Bool(true))),
            (ScalarTag::Bool, 0, &|v| matches!(v, Value::Bool(false))),
            (ScalarTag::Int, -7i64 as u64, &|v| {
                matches!(v, Value::Int(-7))
            }),
            (
                ScalarTag::Float,
                2.5f64.to_bits(),
                &|v| matches!(v, Value::Float(f) if *f == 2.5),
            ),
            (ScalarTag::Int, i64::MAX as u64, &|v| {
                matches!(v, Value::Int(i64::MAX))
            }),
        ];
        for (tag, payload, is_expected) in cases {
            // SAFETY: a value is written, then read as one.
            let v = unsafe {
                Value::write_scalar(slot.as_mut_ptr(), tag, payload);
                slot.assume_init_read()
            };
            assert!(is_expected(&v));
        }
    }
}
