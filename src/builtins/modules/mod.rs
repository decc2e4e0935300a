//! The built-in modules, one file each: `sys`, `math`, `functools`,
//! `time`, `gc`, `linecache`, `itertools` (with `itertools_iter`), `json`. A module's functions are a `ModuleDef` (their parameters
//! checked by the call, `typedef.rs`); its other attributes are made here.

mod functools;
mod gc;
mod itertools;
mod itertools_iter;
mod json;
mod linecache;
mod math;
mod sys;
mod time;

use std::cell::RefCell;
use std::rc::Rc;

pub(in crate::builtins) use functools::partial;
pub(in crate::builtins) use itertools::construct as itertools_construct;
pub(crate) use itertools::repr as itertools_repr;
pub(crate) use itertools_iter::{next as itertools_next, It as ItertoolsState};
pub(in crate::builtins) use sys::read_stdin_line;

use super::typedef::ModuleDef;
use crate::value::{Builtin, Dict, ModuleObj, Value};
use crate::vm::Vm;

/// Makes module `def` with `consts` besides its functions, and registers
/// it under its name.
fn module(vm: &mut Vm, def: &'static ModuleDef, consts: Vec<(&'static str, Value)>) -> Value {
    let mut d = Dict::new();
    d.set_str("__name__", Value::str(def.name));
    for f in def.functions {
        d.set_str(f.name, Value::Builtin(Rc::new(Builtin::from_def(f))));
    }
    for (n, v) in consts {
        d.set_str(n, v);
    }
    let m = Value::Module(crate::gc::alloc(ModuleObj::new(
        vm.intern(def.name),
        crate::gc::alloc(RefCell::new(d)),
    )));
    vm.modules.insert(def.name.to_string(), m.clone());
    m
}

pub fn install(vm: &mut Vm) {
    sys::install(vm);
    math::install(vm);
    functools::install(vm);
    itertools::install(vm);
    json::install(vm);
    module(vm, &gc::MODULE, vec![]);
    module(vm, &time::MODULE, vec![]);
    module(vm, &linecache::MODULE, vec![]);
}
