//! Errors inside the VM. Native code raises a built-in exception cheaply as
//! `PyErr::new(ExcType::TypeError, msg)`; the VM turns it into an exception
//! instance when krait code can see it.

use super::Value;

/// The built-in exception classes, in hierarchy order (parents first),
/// each named as CPython's class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // A variant is the built-in class of its name.
pub enum ExcType {
    BaseException,
    SystemExit,
    KeyboardInterrupt,
    GeneratorExit,
    Exception,
    StopIteration,
    ArithmeticError,
    FloatingPointError,
    OverflowError,
    ZeroDivisionError,
    AssertionError,
    AttributeError,
    BufferError,
    EOFError,
    ImportError,
    ModuleNotFoundError,
    LookupError,
    IndexError,
    KeyError,
    MemoryError,
    NameError,
    UnboundLocalError,
    OSError,
    ReferenceError,
    RuntimeError,
    NotImplementedError,
    RecursionError,
    SyntaxError,
    IndentationError,
    TabError,
    SystemError,
    TypeError,
    ValueError,
    UnicodeError,
    UnicodeEncodeError,
    PermissionError,
}

impl ExcType {
    /// Every built-in exception class, parents first.
    pub const ALL: &'static [ExcType] = &[
        ExcType::BaseException,
        ExcType::SystemExit,
        ExcType::KeyboardInterrupt,
        ExcType::GeneratorExit,
        ExcType::Exception,
        ExcType::StopIteration,
        ExcType::ArithmeticError,
        ExcType::FloatingPointError,
        ExcType::OverflowError,
        ExcType::ZeroDivisionError,
        ExcType::AssertionError,
        ExcType::AttributeError,
        ExcType::BufferError,
        ExcType::EOFError,
        ExcType::ImportError,
        ExcType::ModuleNotFoundError,
        ExcType::LookupError,
        ExcType::IndexError,
        ExcType::KeyError,
        ExcType::MemoryError,
        ExcType::NameError,
        ExcType::UnboundLocalError,
        ExcType::OSError,
        ExcType::ReferenceError,
        ExcType::RuntimeError,
        ExcType::NotImplementedError,
        ExcType::RecursionError,
        ExcType::SyntaxError,
        ExcType::IndentationError,
        ExcType::TabError,
        ExcType::SystemError,
        ExcType::TypeError,
        ExcType::ValueError,
        ExcType::UnicodeError,
        ExcType::UnicodeEncodeError,
        ExcType::PermissionError,
    ];

    /// The class's name, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        use ExcType::*;
        match self {
            BaseException => "BaseException",
            SystemExit => "SystemExit",
            KeyboardInterrupt => "KeyboardInterrupt",
            GeneratorExit => "GeneratorExit",
            Exception => "Exception",
            StopIteration => "StopIteration",
            ArithmeticError => "ArithmeticError",
            FloatingPointError => "FloatingPointError",
            OverflowError => "OverflowError",
            ZeroDivisionError => "ZeroDivisionError",
            AssertionError => "AssertionError",
            AttributeError => "AttributeError",
            BufferError => "BufferError",
            EOFError => "EOFError",
            ImportError => "ImportError",
            ModuleNotFoundError => "ModuleNotFoundError",
            LookupError => "LookupError",
            IndexError => "IndexError",
            KeyError => "KeyError",
            MemoryError => "MemoryError",
            NameError => "NameError",
            UnboundLocalError => "UnboundLocalError",
            OSError => "OSError",
            ReferenceError => "ReferenceError",
            RuntimeError => "RuntimeError",
            NotImplementedError => "NotImplementedError",
            RecursionError => "RecursionError",
            SyntaxError => "SyntaxError",
            IndentationError => "IndentationError",
            TabError => "TabError",
            SystemError => "SystemError",
            TypeError => "TypeError",
            ValueError => "ValueError",
            UnicodeError => "UnicodeError",
            UnicodeEncodeError => "UnicodeEncodeError",
            PermissionError => "PermissionError",
        }
    }

    /// The class it derives from (None for `BaseException`).
    pub fn parent(self) -> Option<ExcType> {
        use ExcType::*;
        Some(match self {
            BaseException => return None,
            SystemExit | KeyboardInterrupt | GeneratorExit | Exception => BaseException,
            ArithmeticError | AssertionError | AttributeError | BufferError | EOFError
            | ImportError | LookupError | MemoryError | NameError | OSError | ReferenceError
            | RuntimeError | StopIteration | SyntaxError | SystemError | TypeError | ValueError => {
                Exception
            }
            FloatingPointError | OverflowError | ZeroDivisionError => ArithmeticError,
            ModuleNotFoundError => ImportError,
            IndexError | KeyError => LookupError,
            UnboundLocalError => NameError,
            NotImplementedError | RecursionError => RuntimeError,
            IndentationError => SyntaxError,
            TabError => IndentationError,
            UnicodeError => ValueError,
            UnicodeEncodeError => UnicodeError,
            PermissionError => OSError,
        })
    }
}

/// An exception in flight.
#[derive(Clone, Debug)]
pub enum PyErr {
    /// A built-in exception not yet materialized: type and message (`None`: no args).
    New(ExcType, Option<String>),
    /// A built-in exception with arbitrary args (`KeyError(key)`, `StopIteration(value)`).
    Args(ExcType, Vec<Value>),
    /// An exception instance (any class deriving from BaseException).
    Obj(Value),
}

impl PyErr {
    pub fn new(t: ExcType, msg: impl Into<String>) -> PyErr {
        PyErr::New(t, Some(msg.into()))
    }
    pub fn bare(t: ExcType) -> PyErr {
        PyErr::New(t, None)
    }
    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::TypeError, msg)
    }
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::ValueError, msg)
    }
    pub fn index_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::IndexError, msg)
    }
    pub fn attribute_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::AttributeError, msg)
    }
    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::ZeroDivisionError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcType::OverflowError, msg)
    }
    /// `KeyError(key)`: the key itself is the argument.
    pub fn key_error(key: Value) -> PyErr {
        PyErr::Args(ExcType::KeyError, vec![key])
    }
}

pub type PyResult<T> = Result<T, PyErr>;
