//! One definition per built-in type and module: its name and its methods
//! or functions, each with the parameters it takes, from which the call
//! checks the receiver and the argument count before the native runs, in
//! CPython's words for that kind of function. Its body then reads `args`
//! knowing their number.
//!
//! The types so defined: `str`, `list`, `tuple`, `dict`, `set`,
//! `frozenset`, `range`, `int`, `float`.

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
    /// method descriptor and the method's argument parsing would.
    pub fn check(&self, args: &[Value], kw_given: bool) -> PyResult<()> {
        self.check_receiver(args)?;
        self.check_params(args, kw_given)
    }

    /// The receiver's check alone: CPython's profiler binds the method to
    /// it before the `c_call` event, so a wrong one raises before the event.
    pub fn check_receiver(&self, args: &[Value]) -> PyResult<()> {
        let (owner, name) = (self.owner, self.name);
        let Some(receives) = self.receives else {
            return Ok(());
        };
        match args.first() {
            None => Err(PyErr::type_error(format!(
                "unbound method {owner}.{name}() needs an argument"
            ))),
            Some(v) if !receives(v) => Err(PyErr::type_error(format!(
                "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
                v.type_name()
            ))),
            Some(_) => Ok(()),
        }
    }

    /// The arguments' check, after the receiver's.
    fn check_params(&self, args: &[Value], kw_given: bool) -> PyResult<()> {
        let name = self.name;
        if self.params == Params::Own {
            return Ok(());
        }
        // `list.append`, `math.sqrt`; a built-in function by its name.
        let qualname = match self.owner {
            "" => name.to_string(),
            owner => format!("{owner}.{name}"),
        };
        if kw_given {
            return Err(PyErr::type_error(format!(
                "{qualname}() takes no keyword arguments"
            )));
        }
        let n = args.len() - self.receives.is_some() as usize;
        let msg = match self.params {
            Params::NoArgs if n != 0 => {
                format!("{qualname}() takes no arguments ({n} given)")
            }
            Params::One if n != 1 => {
                format!("{qualname}() takes exactly one argument ({n} given)")
            }
            Params::Positional(min, max) => {
                let (min, max) = (min as usize, max as usize);
                if n >= min && n <= max {
                    return Ok(());
                }
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
            Params::Tuple(min, max) => {
                let (min, max) = (min as usize, max as usize);
                if n < min {
                    format!(
                        "{name}() takes at least {min} argument{} ({n} given)",
                        plural(min)
                    )
                } else if n > max {
                    format!(
                        "{name}() takes at most {max} argument{} ({n} given)",
                        plural(max)
                    )
                } else {
                    return Ok(());
                }
            }
            _ => return Ok(()),
        };
        Err(PyErr::type_error(msg))
    }
}
