//! "Did you mean" for an uncaught `NameError`/`AttributeError`, as CPython
//! 3.11's Python/suggestions.c computes it when printing the exception.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::{Class, Dict, ExcType, PyErr, Str, TypeKind, Value};

use super::Vm;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        MOVE_COST
    } else if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// suggestions.c's levenshtein_distance over UTF-8 bytes: common prefix and
/// suffix trimmed, anything past `max_cost` reported as `max_cost + 1`.
fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first()) {
        if x != y {
            break;
        }
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last()) {
        if x != y {
            break;
        }
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// suggestions.c's calculate_suggestions: the closest candidate (the first
/// of equally close ones) within a third of the characters involved.
fn closest<'a>(dir: &[&'a str], name: &str) -> Option<&'a str> {
    if dir.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &item in dir {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d - 1);
        }
        let d = levenshtein(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(s, _)| s)
}

fn dict_names(d: &Dict) -> Vec<String> {
    d.iter()
        .filter_map(|(k, _)| match k {
            Value::Str(s) => Some(s.as_str().to_string()),
            _ => None,
        })
        .collect()
}

fn cpython_dir(name: &str) -> Option<&'static str> {
    // bool's dir() is int's.
    let name = if name == "bool" { "int" } else { name };
    CPYTHON_DIRS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, d)| *d)
}

impl Vm {
    /// A NameError for `name` with its `name` attribute set, as CPython's
    /// format_exc_check_arg does (the printer's suggestion needs it).
    #[cold]
    pub(crate) fn name_error(&mut self, msg: String, name: &Str) -> PyErr {
        let exc = self.materialize(PyErr::new(ExcType::NameError, msg));
        if let Value::Instance(i) = &exc {
            i.set_attr(self.intern("name"), Value::Str(name.clone()));
        }
        PyErr::Obj(exc)
    }

    /// An AttributeError leaving an attribute lookup gets the lookup's
    /// `name` and `obj`, unless it has them (CPython's
    /// set_attribute_error_context).
    #[cold]
    pub(crate) fn attr_error_context(&mut self, e: PyErr, obj: &Value, name: &Str) -> PyErr {
        if !self.err_is(&e, ExcType::AttributeError) {
            return e;
        }
        let exc = self.materialize(e);
        if let Value::Instance(i) = &exc {
            let set = |v: Option<Value>| v.is_some_and(|v| !v.is_none());
            if !set(i.get_attr("name")) && !set(i.get_attr("obj")) {
                i.set_attr(self.intern("name"), Value::Str(name.clone()));
                i.set_attr(self.intern("obj"), obj.clone());
            }
        }
        PyErr::Obj(exc)
    }

    /// What the traceback printer appends to an exception's last line:
    /// `. Did you mean: 'x'?` for a NameError or AttributeError (exactly
    /// those types) with a close name, else nothing.
    pub(crate) fn suggestion_suffix(
        &mut self,
        exc: &Value,
        globals: Option<&Rc<RefCell<Dict>>>,
    ) -> String {
        let Value::Instance(inst) = exc else {
            return String::new();
        };
        let Some(Value::Str(name)) = inst.get_attr("name") else {
            return String::new();
        };
        let is = |t| Rc::ptr_eq(&inst.class, &self.types.exc(t));
        let found = if is(ExcType::AttributeError) {
            match inst.get_attr("obj") {
                Some(obj) => {
                    let dir = self.dir_like_cpython(&obj);
                    let dir: Vec<&str> = dir.iter().map(String::as_str).collect();
                    closest(&dir, name.as_str()).map(str::to_string)
                }
                None => None,
            }
        } else if is(ExcType::NameError) {
            self.name_suggestion(inst, name.as_str(), globals)
        } else {
            None
        };
        match found {
            Some(s) => format!(". Did you mean: '{}'?", s),
            None => String::new(),
        }
    }

    /// The innermost frame's local names (co_localsplusnames), then the
    /// globals, then the builtins: the first list with a close name wins.
    fn name_suggestion(
        &mut self,
        inst: &crate::value::Instance,
        name: &str,
        globals: Option<&Rc<RefCell<Dict>>>,
    ) -> Option<String> {
        let code = inst.traceback()?.entries().pop()?.0;
        let mut locals: Vec<&str> = code.varnames.iter().map(|s| s.as_str()).collect();
        for c in &code.cellvars {
            if !code.varnames.contains(c) {
                locals.push(c.as_str());
            }
        }
        locals.extend(code.freevars.iter().map(|s| s.as_str()));
        if let Some(s) = closest(&locals, name) {
            return Some(s.to_string());
        }
        if let Some(g) = globals {
            let names = dict_names(&g.borrow());
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            if let Some(s) = closest(&names, name) {
                return Some(s.to_string());
            }
        }
        // CPython's builtins, then any a host added.
        let mut names: Vec<String> = CPYTHON_BUILTINS.split(' ').map(str::to_string).collect();
        for n in dict_names(&self.builtins.borrow()) {
            if !names.contains(&n) {
                names.push(n);
            }
        }
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        closest(&names, name).map(str::to_string)
    }

    /// `dir(obj)` as CPython lists it, for the suggestions: built-in types
    /// and modules by CPython's own lists, user classes by their dicts.
    fn dir_like_cpython(&mut self, obj: &Value) -> Vec<String> {
        let mut names: Vec<String> = vec![];
        let add_class = |names: &mut Vec<String>, c: &Rc<Class>| {
            for k in c.mro() {
                if k.is_user {
                    names.extend(
                        k.dict
                            .borrow()
                            .keys()
                            .filter(|n| n.as_str() != "__qualname__")
                            .map(|n| n.as_str().to_string()),
                    );
                    for n in ["__dict__", "__weakref__", "__module__", "__doc__"] {
                        names.push(n.to_string());
                    }
                    continue;
                }
                let key = match k.kind {
                    TypeKind::Exception(_) => "BaseException",
                    _ => k.name.as_str(),
                };
                match cpython_dir(key) {
                    Some(d) => names.extend(d.split(' ').map(str::to_string)),
                    None => names.extend(k.dict.borrow().keys().map(|n| n.as_str().to_string())),
                }
            }
        };
        match obj {
            Value::Instance(i) => {
                names.extend(
                    i.attr_names()
                        .iter()
                        .filter_map(|k| k.as_str().map(str::to_string)),
                );
                add_class(&mut names, &i.class);
            }
            Value::Class(c) => add_class(&mut names, c),
            Value::Module(m) => match cpython_dir(&format!("module {}", m.name.as_str())) {
                Some(d) => names.extend(d.split(' ').map(str::to_string)),
                None => names.extend(dict_names(&m.dict.borrow())),
            },
            v => {
                let c = self.types.type_of(v);
                add_class(&mut names, &c);
            }
        }
        names.sort();
        names.dedup();
        names
    }
}

/// `dir()` of CPython 3.11's built-in values by type name, and of the
/// modules krait provides (generated from python3; space-separated, sorted).
const CPYTHON_DIRS: &[(&str, &str)] = &[
    (
        "object",
        "__class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ \
         __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ __ne__ __new__ \
         __reduce__ __reduce_ex__ __repr__ __setattr__ __sizeof__ __str__ __subclasshook__",
    ),
    (
        "int",
        "__abs__ __add__ __and__ __bool__ __ceil__ __class__ __delattr__ __dir__ __divmod__ \
         __doc__ __eq__ __float__ __floor__ __floordiv__ __format__ __ge__ __getattribute__ \
         __getnewargs__ __getstate__ __gt__ __hash__ __index__ __init__ __init_subclass__ \
         __int__ __invert__ __le__ __lshift__ __lt__ __mod__ __mul__ __ne__ __neg__ __new__ \
         __or__ __pos__ __pow__ __radd__ __rand__ __rdivmod__ __reduce__ __reduce_ex__ __repr__ \
         __rfloordiv__ __rlshift__ __rmod__ __rmul__ __ror__ __round__ __rpow__ __rrshift__ \
         __rshift__ __rsub__ __rtruediv__ __rxor__ __setattr__ __sizeof__ __str__ __sub__ \
         __subclasshook__ __truediv__ __trunc__ __xor__ as_integer_ratio bit_count bit_length \
         conjugate denominator from_bytes imag numerator real to_bytes",
    ),
    (
        "float",
        "__abs__ __add__ __bool__ __ceil__ __class__ __delattr__ __dir__ __divmod__ __doc__ \
         __eq__ __float__ __floor__ __floordiv__ __format__ __ge__ __getattribute__ \
         __getformat__ __getnewargs__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ \
         __int__ __le__ __lt__ __mod__ __mul__ __ne__ __neg__ __new__ __pos__ __pow__ __radd__ \
         __rdivmod__ __reduce__ __reduce_ex__ __repr__ __rfloordiv__ __rmod__ __rmul__ \
         __round__ __rpow__ __rsub__ __rtruediv__ __setattr__ __sizeof__ __str__ __sub__ \
         __subclasshook__ __truediv__ __trunc__ as_integer_ratio conjugate fromhex hex imag \
         is_integer real",
    ),
    (
        "str",
        "__add__ __class__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ \
         __getattribute__ __getitem__ __getnewargs__ __getstate__ __gt__ __hash__ __init__ \
         __init_subclass__ __iter__ __le__ __len__ __lt__ __mod__ __mul__ __ne__ __new__ \
         __reduce__ __reduce_ex__ __repr__ __rmod__ __rmul__ __setattr__ __sizeof__ __str__ \
         __subclasshook__ capitalize casefold center count encode endswith expandtabs find \
         format format_map index isalnum isalpha isascii isdecimal isdigit isidentifier islower \
         isnumeric isprintable isspace istitle isupper join ljust lower lstrip maketrans \
         partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit \
         rstrip split splitlines startswith strip swapcase title translate upper zfill",
    ),
    (
        "list",
        "__add__ __class__ __class_getitem__ __contains__ __delattr__ __delitem__ __dir__ \
         __doc__ __eq__ __format__ __ge__ __getattribute__ __getitem__ __getstate__ __gt__ \
         __hash__ __iadd__ __imul__ __init__ __init_subclass__ __iter__ __le__ __len__ __lt__ \
         __mul__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __reversed__ __rmul__ \
         __setattr__ __setitem__ __sizeof__ __str__ __subclasshook__ append clear copy count \
         extend index insert pop remove reverse sort",
    ),
    (
        "tuple",
        "__add__ __class__ __class_getitem__ __contains__ __delattr__ __dir__ __doc__ __eq__ \
         __format__ __ge__ __getattribute__ __getitem__ __getnewargs__ __getstate__ __gt__ \
         __hash__ __init__ __init_subclass__ __iter__ __le__ __len__ __lt__ __mul__ __ne__ \
         __new__ __reduce__ __reduce_ex__ __repr__ __rmul__ __setattr__ __sizeof__ __str__ \
         __subclasshook__ count index",
    ),
    (
        "dict",
        "__class__ __class_getitem__ __contains__ __delattr__ __delitem__ __dir__ __doc__ \
         __eq__ __format__ __ge__ __getattribute__ __getitem__ __getstate__ __gt__ __hash__ \
         __init__ __init_subclass__ __ior__ __iter__ __le__ __len__ __lt__ __ne__ __new__ \
         __or__ __reduce__ __reduce_ex__ __repr__ __reversed__ __ror__ __setattr__ __setitem__ \
         __sizeof__ __str__ __subclasshook__ clear copy fromkeys get items keys pop popitem \
         setdefault update values",
    ),
    (
        "set",
        "__and__ __class__ __class_getitem__ __contains__ __delattr__ __dir__ __doc__ __eq__ \
         __format__ __ge__ __getattribute__ __getstate__ __gt__ __hash__ __iand__ __init__ \
         __init_subclass__ __ior__ __isub__ __iter__ __ixor__ __le__ __len__ __lt__ __ne__ \
         __new__ __or__ __rand__ __reduce__ __reduce_ex__ __repr__ __ror__ __rsub__ __rxor__ \
         __setattr__ __sizeof__ __str__ __sub__ __subclasshook__ __xor__ add clear copy \
         difference difference_update discard intersection intersection_update isdisjoint \
         issubset issuperset pop remove symmetric_difference symmetric_difference_update union \
         update",
    ),
    (
        "frozenset",
        "__and__ __class__ __class_getitem__ __contains__ __delattr__ __dir__ __doc__ __eq__ \
         __format__ __ge__ __getattribute__ __getstate__ __gt__ __hash__ __init__ \
         __init_subclass__ __iter__ __le__ __len__ __lt__ __ne__ __new__ __or__ __rand__ \
         __reduce__ __reduce_ex__ __repr__ __ror__ __rsub__ __rxor__ __setattr__ __sizeof__ \
         __str__ __sub__ __subclasshook__ __xor__ copy difference intersection isdisjoint \
         issubset issuperset symmetric_difference union",
    ),
    (
        "NoneType",
        "__bool__ __class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ \
         __getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ \
         __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __sizeof__ __str__ \
         __subclasshook__",
    ),
    (
        "range",
        "__bool__ __class__ __contains__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ \
         __getattribute__ __getitem__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ \
         __iter__ __le__ __len__ __lt__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ \
         __reversed__ __setattr__ __sizeof__ __str__ __subclasshook__ count index start step \
         stop",
    ),
    (
        "BaseException",
        "__cause__ __class__ __context__ __delattr__ __dict__ __dir__ __doc__ __eq__ __format__ \
         __ge__ __getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ \
         __lt__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __setstate__ \
         __sizeof__ __str__ __subclasshook__ __suppress_context__ __traceback__ add_note args \
         with_traceback",
    ),
    (
        "module math",
        "__doc__ __file__ __loader__ __name__ __package__ __spec__ acos acosh asin asinh atan \
         atan2 atanh cbrt ceil comb copysign cos cosh degrees dist e erf erfc exp exp2 expm1 \
         fabs factorial floor fmod frexp fsum gamma gcd hypot inf isclose isfinite isinf isnan \
         isqrt lcm ldexp lgamma log log10 log1p log2 modf nan nextafter perm pi pow prod \
         radians remainder sin sinh sqrt tan tanh tau trunc ulp",
    ),
    (
        "module time",
        "CLOCK_BOOTTIME CLOCK_MONOTONIC CLOCK_MONOTONIC_RAW CLOCK_PROCESS_CPUTIME_ID \
         CLOCK_REALTIME CLOCK_TAI CLOCK_THREAD_CPUTIME_ID _STRUCT_TM_ITEMS __doc__ __loader__ \
         __name__ __package__ __spec__ altzone asctime clock_getres clock_gettime \
         clock_gettime_ns clock_settime clock_settime_ns ctime daylight get_clock_info gmtime \
         localtime mktime monotonic monotonic_ns perf_counter perf_counter_ns process_time \
         process_time_ns pthread_getcpuclockid sleep strftime strptime struct_time thread_time \
         thread_time_ns time time_ns timezone tzname tzset",
    ),
    (
        "module functools",
        "GenericAlias RLock WRAPPER_ASSIGNMENTS WRAPPER_UPDATES _CacheInfo _HashedSeq \
         _NOT_FOUND __all__ __builtins__ __cached__ __doc__ __file__ __loader__ __name__ \
         __package__ __spec__ _c3_merge _c3_mro _compose_mro _convert _find_impl _ge_from_gt \
         _ge_from_le _ge_from_lt _gt_from_ge _gt_from_le _gt_from_lt _initial_missing \
         _le_from_ge _le_from_gt _le_from_lt _lru_cache_wrapper _lt_from_ge _lt_from_gt \
         _lt_from_le _make_key _unwrap_partial cache cached_property cmp_to_key get_cache_token \
         lru_cache namedtuple partial partialmethod recursive_repr reduce singledispatch \
         singledispatchmethod total_ordering update_wrapper wraps",
    ),
    (
        "module sys",
        "__breakpointhook__ __displayhook__ __doc__ __excepthook__ __interactivehook__ \
         __loader__ __name__ __package__ __spec__ __stderr__ __stdin__ __stdout__ \
         __unraisablehook__ _base_executable _clear_type_cache _current_exceptions \
         _current_frames _debugmallocstats _framework _getframe _getquickenedcount _git _home \
         _stdlib_dir _xoptions abiflags addaudithook api_version argv audit base_exec_prefix \
         base_prefix breakpointhook builtin_module_names byteorder call_tracing copyright \
         displayhook dont_write_bytecode exc_info excepthook exception exec_prefix executable \
         exit flags float_info float_repr_style get_asyncgen_hooks \
         get_coroutine_origin_tracking_depth get_int_max_str_digits getallocatedblocks \
         getdefaultencoding getdlopenflags getfilesystemencodeerrors getfilesystemencoding \
         getprofile getrecursionlimit getrefcount getsizeof getswitchinterval gettrace \
         hash_info hexversion implementation int_info intern is_finalizing maxsize maxunicode \
         meta_path modules orig_argv path path_hooks path_importer_cache platform platlibdir \
         prefix pycache_prefix set_asyncgen_hooks set_coroutine_origin_tracking_depth \
         set_int_max_str_digits setdlopenflags setprofile setrecursionlimit setswitchinterval \
         settrace stderr stdin stdlib_module_names stdout thread_info unraisablehook version \
         version_info warnoptions",
    ),
];

/// CPython 3.11's builtins in their dict's order (a script's, `site` loaded).
const CPYTHON_BUILTINS: &str =
    "__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs all \
     any ascii bin breakpoint callable chr compile delattr dir divmod eval exec format \
     getattr globals hasattr hash hex id input isinstance issubclass iter aiter len locals \
     max min next anext oct ord pow print repr round setattr sorted sum vars None Ellipsis \
     NotImplemented False True bool memoryview bytearray bytes classmethod complex dict \
     enumerate filter float frozenset property int list map object range reversed set slice \
     staticmethod str super tuple type zip __debug__ BaseException BaseExceptionGroup \
     Exception GeneratorExit KeyboardInterrupt SystemExit ArithmeticError AssertionError \
     AttributeError BufferError EOFError ImportError LookupError MemoryError NameError \
     OSError ReferenceError RuntimeError StopAsyncIteration StopIteration SyntaxError \
     SystemError TypeError ValueError Warning FloatingPointError OverflowError \
     ZeroDivisionError BytesWarning DeprecationWarning EncodingWarning FutureWarning \
     ImportWarning PendingDeprecationWarning ResourceWarning RuntimeWarning SyntaxWarning \
     UnicodeWarning UserWarning BlockingIOError ChildProcessError ConnectionError \
     FileExistsError FileNotFoundError InterruptedError IsADirectoryError \
     NotADirectoryError PermissionError ProcessLookupError TimeoutError IndentationError \
     IndexError KeyError ModuleNotFoundError NotImplementedError RecursionError \
     UnboundLocalError UnicodeError BrokenPipeError ConnectionAbortedError \
     ConnectionRefusedError ConnectionResetError TabError UnicodeDecodeError \
     UnicodeEncodeError UnicodeTranslateError ExceptionGroup EnvironmentError IOError open \
     quit exit copyright credits license help";
