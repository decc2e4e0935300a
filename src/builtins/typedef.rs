//! One definition per built-in type and module: its name and its methods
//! or functions, each with the parameters it takes, from which the call
//! checks the receiver and the argument count before the native runs, in
//! CPython's words for that kind of function. Its body then reads `args`
//! knowing their number.
//!
//! The types so defined: `str`, `list`, `tuple`, `dict`, `set`,
//! `frozenset`, `range`, `int`, `float`, `generator`, `code`.

use crate::value::{NativeFn, PyErr, PyResult, Value};

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
}

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

/// A built-in type: what `builtins::install` puts in its class dict.
pub struct TypeDef {
    pub name: &'static str,
    pub methods: &'static [FnDef],
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
                "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
                v.type_name()
            )),
        }
    }

    /// Whether `n` arguments after the receiver (and keywords, if given) fit.
    #[inline]
    fn params_fit(&self, n: usize, kw_given: bool) -> bool {
        match self.params {
            Params::Own => true,
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
            Params::Own | Params::Varargs => unreachable!("{name}: these always fit"),
        };
        PyErr::type_error(msg)
    }
}
