//! The built-in modules, one file each: `sys`, `math`, `functools`,
//! `time`, `gc`, `linecache`, `random`, `string`, `operator`, `itertools`
//! (with `itertools_iter`), `json`, `re` (with `re_parse`), `_heapq`, `bisect`,
//! `_collections` (`deque`, `defaultdict`, `OrderedDict`; the rest of
//! `collections` is frozen Python). A module's functions are a `ModuleDef`
//! (their parameters checked by the call, `typedef.rs`); its other
//! attributes are made here. Modules CPython writes in Python may be
//! written in Python here too: `frozen.rs` keeps their source (`py/`).

mod bisect;
mod collections;
mod frozen;
mod functools;
mod gc;
mod heapq;
mod itertools;
mod itertools_iter;
mod json;
mod linecache;
mod lru_cache;
mod math;
mod operator;
mod random;
mod re;
mod re_parse;
mod string;
mod sys;
mod time;
pub use time::Clock;

use std::cell::RefCell;
use std::rc::Rc;

pub(crate) use collections::{
    binop as deque_binop, compare as deque_compare, construct as deque_construct,
    contains as deque_contains, delitem as deque_delitem, getitem as deque_getitem,
    iter as deque_iter, iter_step as deque_iter_step, repr as deque_repr, setitem as deque_setitem,
};
pub(crate) use frozen::{frozen_module, FrozenModule};
pub(in crate::builtins) use functools::{partial, PARTIAL};
pub(in crate::builtins) use itertools::construct as itertools_construct;
pub(crate) use itertools::repr as itertools_repr;
pub(crate) use itertools_iter::{next as itertools_next, It as ItertoolsState};
pub(in crate::builtins) use lru_cache::TYPE as LRU_CACHE;
pub(crate) use lru_cache::{call as lru_cache_call, set_attr as lru_cache_setattr, LruCache};
pub(crate) use operator::call_getter;
pub(in crate::builtins) use operator::make_getter;
pub(crate) use random::MtState;
pub(crate) use re::{
    hash as re_hash, match_getitem as re_match_getitem, repr as re_repr,
    same_pattern as re_same_pattern, ReCache, ReObj, TYPES as RE_TYPES,
};

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

/// CPython runs a library function written in Python as frames, with
/// C calls inside, each a level against the recursion limit; krait's
/// native for it runs at its caller's depth. `chain` is the nesting its
/// code reaches once warm (measured on CPython 3.11), in the order it
/// first reaches each level: `P` a Python frame (the function's own
/// first), `C` a counted C call. Raises CPython's RecursionError for the
/// first level that would pass the limit.
fn python_levels(vm: &mut Vm, chain: &str) -> crate::value::PyResult<()> {
    if !vm.levels_may_reach_limit(chain.len()) {
        return Ok(());
    }
    let room = vm.recursion_limit().saturating_sub(vm.recursion_depth());
    match chain.as_bytes().get(room) {
        None => Ok(()),
        Some(b'C') => Err(Vm::recursion_error_in(" while calling a Python object")),
        Some(_) => Err(vm.recursion_error()),
    }
}

/// Makes the modules every interpreter starts with (`sys`); the others
/// are made when first imported (`install_on_import`), so an interpreter
/// pays for the modules its program uses.
pub fn install(vm: &mut Vm) {
    sys::install(vm);
}

/// What makes native module `name` (with its submodules), if krait has it.
fn installer(name: &str) -> Option<fn(&mut Vm)> {
    Some(match name {
        "math" => math::install,
        "functools" => functools::install,
        "random" => random::install,
        "string" => string::install,
        "operator" => operator::install,
        "itertools" => itertools::install,
        "json" => json::install,
        "re" => re::install,
        "_heapq" => heapq::install,
        "bisect" => bisect::install,
        "_collections" => collections::install,
        "gc" => |vm| drop(module(vm, &gc::MODULE, vec![])),
        "time" => |vm| drop(module(vm, &time::MODULE, vec![])),
        "linecache" => |vm| drop(module(vm, &linecache::MODULE, vec![])),
        _ => return None,
    })
}

/// Makes native module `name` if krait has it; false if it has none.
pub fn install_on_import(vm: &mut Vm, name: &str) -> bool {
    match installer(name) {
        Some(install) => {
            install(vm);
            true
        }
        None => false,
    }
}

/// Whether krait has a native module `name` (made yet or not).
pub fn has_native_module(vm: &Vm, name: &str) -> bool {
    vm.modules.contains_key(name) || installer(name).is_some()
}
