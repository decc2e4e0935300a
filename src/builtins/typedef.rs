//! One definition per built-in type and module: its name, its methods or
//! functions, and a type's data attributes.
//!
//! Each method comes with the parameters it takes, from which the call
//! checks the receiver and the argument count before the native runs, in
//! CPython's words for that kind of function. Its body then reads `args`
//! knowing their number.
//!
//! Each data attribute (CPython's member and getset descriptors: `int.real`,
//! `frame.f_lineno`, `function.__defaults__`) is a getter; `Vm::getattr_str`
//! finds the value's definition (`builtins::typedef_of`) and scans its
//! `attrs` before the class's methods. A type whose attributes are not a
//! fixed list (a function's `__dict__`, `super`'s walk along the MRO) reads
//! the rest in its `getattr`, as CPython's `tp_getattro`. Writable ones
//! (`f_trace`, a function's `__name__`) are assigned in `Vm::setattr`.
//!
//! The types with a definition: `str`, `list`, `tuple`, `dict`, `set`,
//! `frozenset`, `range`, `slice`, `int` (and `bool`), `float`, `generator`,
//! `code`, `frame`, `traceback`, `function`, `method`,
//! `builtin_function_or_method`, `cell`, `property`, `staticmethod`,
//! `classmethod`, `super`, `functools.partial`, `re.Pattern`, `re.Match`
//! and the scanner.

use crate::value::{Kwargs, NativeFn, PyErr, PyResult, Value};
use crate::vm::Vm;

/// How a built-in method takes the arguments after its receiver.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Params {
    /// `METH_NOARGS`: `list.copy() takes no arguments (1 given)`.
    NoArgs,
    /// `METH_O`: `list.append() takes exactly one argument (0 given)`.
    One,
    /// Argument Clinic, positional only, from `min` to `max`:
    /// `insert expected 2 arguments, got 1`.
    Positional(u8, u8),
    /// `PyArg_ParseTuple`, from `min` to `max`:
    /// `find() takes at least 1 argument (0 given)`.
    Tuple(u8, u8),
    /// `METH_VARARGS`: any number of positional arguments.
    Varargs,
    /// Reads its arguments, keywords included, itself.
    Own,
    /// A function CPython writes in Python (`random.randint`): its
    /// arguments bound as a Python function's (`PySig::bind`), and its
    /// calls report no `c_call`/`c_return` (CPython reports its frame's
    /// `call`/`return`, in the library's file, which krait has not).
    Python(&'static PySig),
}

/// The parameters of a function CPython writes in Python.
#[derive(PartialEq, Eq, Debug)]
pub struct PySig {
    /// `Random.randint`: Python's messages name the qualified name.
    pub qualname: &'static str,
    /// Positional-or-keyword names first, then keyword-only ones.
    pub names: &'static [&'static str],
    /// How many of `names` may be given by position.
    pub positional: u8,
    /// How many leading names have no default.
    pub required: u8,
    /// A bound method (`random.randint` is `Random().randint`): the counts
    /// in CPython's messages include `self`.
    pub method: bool,
}

/// The most parameters a `PySig` has.
pub const PY_PARAMS: usize = 5;

/// A method of a built-in type, or a function of a built-in module.
pub struct FnDef {
    pub name: &'static str,
    /// The type's or module's name, for messages and `__qualname__`
    /// (empty for the built-in functions).
    pub owner: &'static str,
    /// For a method, whether a value may be its receiver (`list.append(1,
    /// 2)` may not); None for a module's function.
    pub receives: Option<fn(&Value) -> bool>,
    pub params: Params,
    pub func: NativeFn,
}

/// A built-in type: the methods `builtins::install` puts in its class
/// dict, and the data attributes its values have.
pub struct TypeDef {
    pub methods: &'static [FnDef],
    /// Scanned in order on each read: the hot ones (`f_lineno`) first.
    pub attrs: &'static [AttrDef],
    /// The attributes not in `attrs`, by name: None when there is no such
    /// attribute (the class's methods are looked up next).
    pub getattr: Option<GetAttr>,
}

/// A data attribute of a built-in type: reads it from a value of the type.
pub struct AttrDef {
    pub name: &'static str,
    pub get: fn(&mut Vm, &Value) -> PyResult<Value>,
}

/// A type's lookup of the attributes it does not list.
pub type GetAttr = fn(&mut Vm, &Value, &str) -> PyResult<Option<Value>>;

impl AttrDef {
    pub const fn new(name: &'static str, get: fn(&mut Vm, &Value) -> PyResult<Value>) -> AttrDef {
        AttrDef { name, get }
    }
}

impl TypeDef {
    /// The data attribute `name`, if the type has one by that name. A scan
    /// of a short static list, no hashing: debuggers read `frame.f_lineno`
    /// on every event.
    #[inline]
    pub fn attr(&self, name: &str) -> Option<&'static AttrDef> {
        self.attrs.iter().find(|a| same_name(a.name, name))
    }
}

/// `a == b` for attribute names, without the call to `memcmp` that `==`
/// makes: a few word compares for names of 4 to 16 bytes (most of them).
#[inline(always)]
fn same_name(a: &str, b: &str) -> bool {
    let (a, b, n) = (a.as_bytes(), b.as_bytes(), a.len());
    if n != b.len() {
        return false;
    }
    // Two overlapping words cover the name.
    fn word<const W: usize>(s: &[u8], i: usize) -> [u8; W] {
        let mut w = [0; W];
        w.copy_from_slice(&s[i..i + W]);
        w
    }
    match n {
        8..=16 => word::<8>(a, 0) == word::<8>(b, 0) && word::<8>(a, n - 8) == word::<8>(b, n - 8),
        4..=7 => word::<4>(a, 0) == word::<4>(b, 0) && word::<4>(a, n - 4) == word::<4>(b, n - 4),
        _ => a == b,
    }
}

/// A built-in module's functions (its other attributes are values the
/// module's `install` makes).
pub struct ModuleDef {
    pub name: &'static str,
    pub functions: &'static [FnDef],
}

impl FnDef {
    /// A built-in type's method: `receives` says which values may be its
    /// receiver.
    pub const fn method(
        owner: &'static str,
        receives: fn(&Value) -> bool,
        name: &'static str,
        params: Params,
        func: NativeFn,
    ) -> FnDef {
        FnDef {
            name,
            owner,
            receives: Some(receives),
            params,
            func,
        }
    }

    /// A module's function that CPython writes in Python.
    pub const fn python(owner: &'static str, sig: &'static PySig, func: NativeFn) -> FnDef {
        FnDef {
            // `Random.randint`: the name after the class's.
            name: split_last(sig.qualname),
            owner,
            receives: None,
            params: Params::Python(sig),
            func,
        }
    }

    /// Whether this stands for Python code in CPython (no `c_*` events).
    #[inline]
    pub fn is_python(&self) -> bool {
        matches!(self.params, Params::Python(_))
    }

    /// A module's function.
    pub const fn function(
        owner: &'static str,
        name: &'static str,
        params: Params,
        func: NativeFn,
    ) -> FnDef {
        FnDef {
            name,
            owner,
            receives: None,
            params,
            func,
        }
    }
}

/// `(1 given)` and friends.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl FnDef {
    /// Checks a call's receiver (`args[0]`) and arguments as CPython's
    /// method descriptor and the method's argument parsing would. The
    /// checks are a few compares; the messages are made only on failure.
    #[inline]
    pub fn check(&self, args: &[Value], kw_given: bool) -> PyResult<()> {
        self.check_receiver(args)?;
        let n = args.len() - self.receives.is_some() as usize;
        if self.params_fit(n, kw_given) {
            Ok(())
        } else {
            Err(self.params_error(n, kw_given))
        }
    }

    /// The receiver's check alone: CPython's profiler binds the method to
    /// it before the `c_call` event, so a wrong one raises before the event.
    #[inline]
    pub fn check_receiver(&self, args: &[Value]) -> PyResult<()> {
        match (self.receives, args.first()) {
            (None, _) => Ok(()),
            (Some(receives), Some(v)) if receives(v) => Ok(()),
            _ => Err(self.receiver_error(args)),
        }
    }

    #[cold]
    fn receiver_error(&self, args: &[Value]) -> PyErr {
        let (owner, name) = (self.owner, self.name);
        match args.first() {
            None => PyErr::type_error(format!("unbound method {owner}.{name}() needs an argument")),
            Some(v) => PyErr::type_error(format!(
                "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
                tp_name(owner),
                v.type_name()
            )),
        }
    }

    /// Whether `n` arguments after the receiver (and keywords, if given) fit.
    #[inline]
    fn params_fit(&self, n: usize, kw_given: bool) -> bool {
        match self.params {
            Params::Own | Params::Python(_) => true,
            _ if kw_given => false,
            Params::NoArgs => n == 0,
            Params::One => n == 1,
            Params::Positional(min, max) | Params::Tuple(min, max) => {
                n >= min as usize && n <= max as usize
            }
            Params::Varargs => true,
        }
    }

    /// CPython's message for arguments that do not fit, by kind.
    #[cold]
    fn params_error(&self, n: usize, kw_given: bool) -> PyErr {
        let name = self.name;
        // `list.append`, `math.sqrt`; a built-in function by its name.
        let qualname = match self.owner {
            "" => name.to_string(),
            owner => format!("{owner}.{name}"),
        };
        if kw_given {
            return PyErr::type_error(format!("{qualname}() takes no keyword arguments"));
        }
        let msg = match self.params {
            Params::NoArgs => format!("{qualname}() takes no arguments ({n} given)"),
            Params::One => format!("{qualname}() takes exactly one argument ({n} given)"),
            Params::Positional(min, max) => {
                let (min, max) = (min as usize, max as usize);
                if min == max {
                    format!("{name} expected {min} argument{}, got {n}", plural(min))
                } else if n < min {
                    format!(
                        "{name} expected at least {min} argument{}, got {n}",
                        plural(min)
                    )
                } else {
                    format!(
                        "{name} expected at most {max} argument{}, got {n}",
                        plural(max)
                    )
                }
            }
            Params::Tuple(min, _) if n < min as usize => {
                format!(
                    "{name}() takes at least {min} argument{} ({n} given)",
                    plural(min as usize)
                )
            }
            Params::Tuple(_, max) => {
                format!(
                    "{name}() takes at most {max} argument{} ({n} given)",
                    plural(max as usize)
                )
            }
            Params::Own | Params::Varargs | Params::Python(_) => {
                unreachable!("{name}: these always fit")
            }
        };
        PyErr::type_error(msg)
    }
}

/// A type's `tp_name`, as descriptors' messages give it: the types of
/// `_collections` are `collections.deque` and so on.
pub(crate) fn tp_name(owner: &str) -> String {
    match owner {
        "deque" | "defaultdict" | "OrderedDict" => format!("collections.{owner}"),
        _ => owner.to_string(),
    }
}

/// A class's `tp_name`: a user class's name, or a native type of
/// `_collections`' dotted name (`collections.defaultdict`).
pub(crate) fn class_tp_name(c: &crate::value::Class) -> String {
    match c.module.as_str() {
        "collections" => tp_name(c.name.as_str()),
        _ => c.name.as_str().to_string(),
    }
}

/// What follows the last `.` of `s` (`const`, for `FnDef::python`).
const fn split_last(s: &'static str) -> &'static str {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 && b[i - 1] != b'.' {
        i -= 1;
    }
    match std::str::from_utf8(b.split_at(i).1) {
        Ok(tail) => tail,
        Err(_) => s,
    }
}

impl PySig {
    /// Binds a call's arguments to the parameters as CPython binds a Python
    /// function's, with its messages: `Some` for each parameter given.
    pub fn bind(&self, args: &[Value], kw: &Kwargs) -> PyResult<[Option<Value>; PY_PARAMS]> {
        let mut out: [Option<Value>; PY_PARAMS] = Default::default();
        let positional = self.positional as usize;
        for (slot, v) in out.iter_mut().zip(args.iter().take(positional)) {
            *slot = Some(v.clone());
        }
        // Keywords first: CPython reports a bad keyword before too many
        // positional arguments.
        for (k, v) in kw {
            match self.names.iter().position(|n| *n == k.as_str()) {
                None => {
                    return Err(self.err(format!(
                        "got an unexpected keyword argument '{}'",
                        k.as_str()
                    )))
                }
                Some(i) if out[i].is_some() || (i < positional && i < args.len()) => {
                    return Err(
                        self.err(format!("got multiple values for argument '{}'", k.as_str()))
                    )
                }
                Some(i) => out[i] = Some(v.clone()),
            }
        }
        if args.len() > positional {
            return Err(self.too_many(args.len(), kw));
        }
        let missing: Vec<&str> = (0..self.required as usize)
            .filter(|&i| out[i].is_none())
            .map(|i| self.names[i])
            .collect();
        if !missing.is_empty() {
            let names: Vec<String> = missing.iter().map(|n| format!("'{n}'")).collect();
            let list = match names.len() {
                1 => names[0].clone(),
                2 => format!("{} and {}", names[0], names[1]),
                n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
            };
            return Err(self.err(format!(
                "missing {} required positional argument{}: {list}",
                missing.len(),
                plural(missing.len())
            )));
        }
        Ok(out)
    }

    #[cold]
    fn err(&self, msg: String) -> PyErr {
        PyErr::type_error(format!("{}() {msg}", self.qualname))
    }

    /// CPython's `too_many_positional`.
    #[cold]
    fn too_many(&self, given: usize, kw: &Kwargs) -> PyErr {
        let me = self.method as usize;
        let (max, min) = (self.positional as usize + me, self.required as usize + me);
        let given = given + me;
        let takes = match min == max {
            true => format!("{max} positional argument{}", plural(max)),
            false => format!("from {min} to {max} positional arguments"),
        };
        let kwonly = kw
            .iter()
            .filter(|(k, _)| self.names[self.positional as usize..].contains(&k.as_str()))
            .count();
        let extra = match kwonly {
            0 => String::new(),
            n => format!(
                " positional argument{} (and {n} keyword-only argument{})",
                plural(given),
                plural(n)
            ),
        };
        let verb = if given == 1 && kwonly == 0 {
            "was"
        } else {
            "were"
        };
        self.err(format!("takes {takes} but {given}{extra} {verb} given"))
    }
}
