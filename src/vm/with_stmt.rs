//! The two instructions of a `with` statement: entering the context
//! manager and handing it the exception that left the body.

use super::Vm;
use crate::value::{PyErr, PyResult, Value};

impl Vm {
    /// `BeforeWith`: `mgr -- exit entered`. As CPython's BEFORE_WITH, both
    /// methods are looked up on the type, `__exit__` is bound before
    /// `__enter__` runs, and a missing one is a TypeError.
    pub(crate) fn before_with(&mut self) -> PyResult<()> {
        let mgr = self.stack.pop().expect("BeforeWith has its operand");
        let cls = self.types.type_of(&mgr);
        let Some(enter) = cls.lookup("__enter__") else {
            return Err(not_a_context_manager(&mgr, ""));
        };
        let Some(exit) = cls.lookup("__exit__") else {
            return Err(not_a_context_manager(&mgr, " (missed __exit__ method)"));
        };
        let exit = self.bind_class_attr(exit, &mgr, &cls)?;
        self.stack.push(exit);
        let entered = self.call_special(&enter, &mgr, [])?;
        self.stack.push(entered);
        Ok(())
    }

    /// `WithExceptStart`: `exit lasti prev exc -- exit lasti prev exc res`,
    /// calling `exit(type(exc), exc, traceback)`.
    pub(crate) fn with_except_start(&mut self) -> PyResult<()> {
        let n = self.stack.len();
        let exc = self.stack[n - 1].clone();
        let exit = self.stack[n - 4].clone();
        let res = self.call_value(&exit, self.exc_info_triple(&exc).to_vec(), vec![])?;
        self.stack.push(res);
        Ok(())
    }
}

#[cold]
fn not_a_context_manager(mgr: &Value, missed: &str) -> PyErr {
    PyErr::type_error(format!(
        "'{}' object does not support the context manager protocol{missed}",
        mgr.type_name()
    ))
}
