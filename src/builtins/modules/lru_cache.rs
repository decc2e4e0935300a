//! `functools.lru_cache` and `functools.cache`: CPython's C
//! `_lru_cache_wrapper`. Its calls are native, as CPython's are: the cached
//! function's frame has the caller's frame as `f_back`, a profiler sees no
//! `c_call` for the wrapper, and the call enters a recursion level of its
//! own (" while calling a Python object"), so a memoized recursion reaches
//! the limit at CPython's depth.
//!
//! Keys are made as `lru_cache_make_key` makes them (one exact int or str
//! argument is its own key; else a tuple of the arguments, a marker and the
//! keyword items, and with `typed` their types) and hashed once per call.
//! The cache is a dict in least-recently-used order: a hit moves its entry
//! to the end, a full bounded cache drops its first entry.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::builtins::typedef::{AttrDef, FnDef, Params::*, PySig, TypeDef};
use crate::value::{Descr, Dict, DictKey, Instance, Kwargs, PyErr, PyResult, Str, Value};
use crate::vm::Vm;

/// An `_lru_cache_wrapper`.
pub struct LruCache {
    pub func: Value,
    /// The `maxsize` the cache was made with (an int or None), as
    /// `cache_info()` and `cache_parameters()` give it.
    maxsize_given: Value,
    typed: Value,
    /// `typed`'s truth, taken when the wrapper was made.
    typed_flag: bool,
    /// None: unbounded; Some(0): nothing is kept, every call a miss.
    limit: Option<usize>,
    /// Key to result, least recently used first.
    pub cache: Rc<RefCell<Dict>>,
    hits: Cell<i64>,
    misses: Cell<i64>,
    /// The wrapper's `__dict__`: what `update_wrapper` copied, and the
    /// program's own attributes.
    pub dict: Rc<RefCell<Dict>>,
    /// Separates the positional arguments from the keyword items in a key.
    pub kwd_mark: Value,
}

impl LruCache {
    /// Every value it holds, for the collector.
    pub fn for_each_value(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.func);
        f(&self.maxsize_given);
        f(&self.typed);
        f(&Value::Dict(self.cache.clone()));
        f(&Value::Dict(self.dict.clone()));
        f(&self.kwd_mark);
    }
}

/// The wrapper type: its methods, its `__dict__`, and the attributes
/// that dict holds (`cache_parameters`, what `update_wrapper` copied).
pub static TYPE: TypeDef = TypeDef {
    methods: &[
        FnDef::method(TYPE_NAME, is_lru, "cache_info", NoArgs, cache_info),
        FnDef::method(TYPE_NAME, is_lru, "cache_clear", NoArgs, cache_clear),
    ],
    attrs: &[AttrDef::new("__dict__", |_, v| {
        Ok(Value::Dict(lru_of(v).dict.clone()))
    })],
    getattr: Some(|_, v, name| Ok(lru_of(v).dict.borrow().get_str(name).cloned())),
};

/// `wrapper.name = v`: into the wrapper's `__dict__`.
pub fn set_attr(w: &Value, name: &Str, v: Value) {
    lru_of(w).dict.borrow_mut().insert(DictKey::name(name), v);
}

const TYPE_NAME: &str = "functools._lru_cache_wrapper";

fn is_lru(v: &Value) -> bool {
    matches!(v, Value::Descr(d) if matches!(**d, Descr::LruCache(_)))
}

fn lru_of(v: &Value) -> &LruCache {
    match v {
        Value::Descr(d) => match &**d {
            Descr::LruCache(c) => c,
            _ => unreachable!("FnDef::check tested the receiver"),
        },
        _ => unreachable!("FnDef::check tested the receiver"),
    }
}

/// `lru_cache` and `cache` are Python in CPython (no `c_call`).
pub(super) static LRU_CACHE: PySig = PySig {
    qualname: "lru_cache",
    names: &["maxsize", "typed"],
    positional: 2,
    required: 0,
    method: false,
};
pub(super) static CACHE: PySig = PySig {
    qualname: "cache",
    names: &["user_function"],
    positional: 1,
    required: 1,
    method: false,
};

/// `functools.lru_cache(maxsize=128, typed=False)`, and
/// `lru_cache(user_function)`.
pub(super) fn lru_cache(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [maxsize, typed, ..] = LRU_CACHE.bind(args, kw)?;
    let mut maxsize = maxsize.unwrap_or(Value::Int(128));
    let typed = typed.unwrap_or(Value::Bool(false));
    match &maxsize {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            // A negative size is taken as 0.
            let negative = match &maxsize {
                Value::Int(n) => *n < 0,
                Value::BigInt(b) => b.sign() == num_bigint::Sign::Minus,
                _ => false,
            };
            if negative {
                maxsize = Value::Int(0);
            }
        }
        Value::None => {}
        f if crate::builtins::functions::is_callable(f) && matches!(typed, Value::Bool(_)) => {
            // `@lru_cache` without parentheses: the function came as maxsize.
            let func = f.clone();
            return make_wrapper(vm, func, Value::Int(128), typed);
        }
        _ => {
            return Err(PyErr::type_error(
                "Expected first argument to be an integer, a callable, or None",
            ))
        }
    }
    // The decorator: `lru_cache(...)(user_function)`.
    let apply = vm.modules["functools"].clone();
    let f = vm.getattr(&apply, "_lru_cache_apply")?;
    Ok(Value::Descr(crate::gc::alloc(Descr::Partial {
        func: f,
        args: vec![maxsize, typed],
        kwargs: vec![],
    })))
}

/// What `lru_cache(maxsize, typed)` returns, applied to the function.
pub(super) fn lru_cache_apply(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    match (args, kw.as_slice()) {
        ([maxsize, typed, func], []) => {
            make_wrapper(vm, func.clone(), maxsize.clone(), typed.clone())
        }
        _ => Err(PyErr::type_error(format!(
            "decorating_function() takes 1 positional argument but {} were given",
            args.len().saturating_sub(2) + kw.len()
        ))),
    }
}

/// `functools.cache(user_function)`: `lru_cache(maxsize=None)`.
pub(super) fn cache(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    match (args, kw.as_slice()) {
        ([func], []) => make_wrapper(vm, func.clone(), Value::None, Value::Bool(false)),
        ([], []) => Err(PyErr::type_error(
            "cache() missing 1 required positional argument: 'user_function'",
        )),
        (_, [(k, _), ..]) if args.len() <= 1 => Err(PyErr::type_error(format!(
            "cache() got some positional-only arguments passed as keyword arguments: '{}'",
            k.as_str()
        ))),
        _ => Err(PyErr::type_error(format!(
            "cache() takes 1 positional argument but {} were given",
            args.len()
        ))),
    }
}

fn make_wrapper(vm: &mut Vm, func: Value, maxsize: Value, typed: Value) -> PyResult<Value> {
    if !crate::builtins::functions::is_callable(&func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let limit = match &maxsize {
        Value::None => None,
        Value::Int(n) => Some((*n).max(0) as usize),
        Value::Bool(b) => Some(*b as usize),
        // Past any size a dict reaches.
        _ => Some(usize::MAX),
    };
    let typed_flag = vm.truthy(&typed)?;
    let kwd_mark = Value::Instance(crate::gc::alloc(Instance::new(vm.types.object.clone())));
    let wrapper = Value::Descr(crate::gc::alloc(Descr::LruCache(Box::new(LruCache {
        func: func.clone(),
        maxsize_given: maxsize.clone(),
        typed: typed.clone(),
        typed_flag,
        limit,
        cache: Rc::new(RefCell::new(Dict::new())),
        hits: Cell::new(0),
        misses: Cell::new(0),
        dict: Rc::new(RefCell::new(Dict::new())),
        kwd_mark,
    }))));
    // `cache_parameters`, first in the wrapper's `__dict__` as in CPython's.
    let params = vm.getattr(&vm.modules["functools"].clone(), "_lru_cache_parameters")?;
    let params = Value::Descr(crate::gc::alloc(Descr::Partial {
        func: params,
        args: vec![maxsize, typed],
        kwargs: vec![],
    }));
    let name = vm.intern("cache_parameters");
    vm.setattr(&wrapper, &name, params)?;
    super::functools::update_wrapper(vm, &wrapper, &func)?;
    Ok(wrapper)
}

/// The `cache_parameters()` of a wrapper: `{'maxsize': ..., 'typed': ...}`.
pub(super) fn cache_parameters(_vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let mut d = Dict::new();
    d.set_str("maxsize", args.first().cloned().unwrap_or_default());
    d.set_str("typed", args.get(1).cloned().unwrap_or_default());
    Ok(Value::dict(d))
}

/// A call of the wrapper `w` (a `Descr::LruCache`).
pub fn call(vm: &mut Vm, w: &Value, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let c = lru_of(w);
    if c.limit == Some(0) {
        c.misses.set(c.misses.get() + 1);
        let func = c.func.clone();
        return vm.call_value(&func, args, kwargs);
    }
    let typed = c.typed_flag;
    let key = make_key(vm, &c.kwd_mark, &args, &kwargs, typed);
    let key = vm.hash_key(key)?;
    let cache = c.cache.clone();
    if let Some((slot, ix)) = vm.dict_lookup(&cache, &key)? {
        c.hits.set(c.hits.get() + 1);
        let mut d = cache.borrow_mut();
        let result = d.value_at(ix).cloned().unwrap_or_default();
        if c.limit.is_some() {
            d.move_to_end(slot, ix);
        }
        return Ok(result);
    }
    c.misses.set(c.misses.get() + 1);
    let (func, limit) = (c.func.clone(), c.limit);
    let result = vm.call_value(&func, args, kwargs)?;
    match limit {
        None => vm.dict_set(&cache, key, result.clone())?,
        Some(limit) => {
            // The call may have cached this key meanwhile: that entry stays.
            if vm.dict_lookup(&cache, &key)?.is_some() {
                return Ok(result);
            }
            let full = cache.borrow().len() >= limit;
            if full {
                cache.borrow_mut().remove_first();
            }
            vm.dict_set(&cache, key, result.clone())?;
        }
    }
    Ok(result)
}

/// CPython's `lru_cache_make_key`.
fn make_key(vm: &Vm, mark: &Value, args: &[Value], kwargs: &Kwargs, typed: bool) -> Value {
    if !typed && kwargs.is_empty() {
        if let [one @ (Value::Int(_) | Value::BigInt(_) | Value::Str(_))] = args {
            return one.clone();
        }
        return Value::tuple(args.to_vec());
    }
    let mut key = args.to_vec();
    if !kwargs.is_empty() {
        key.push(mark.clone());
        for (k, v) in kwargs {
            key.push(Value::Str(k.clone()));
            key.push(v.clone());
        }
    }
    if typed {
        for v in args.iter().chain(kwargs.iter().map(|(_, v)| v)) {
            key.push(Value::Class(vm.types.type_of(v)));
        }
    }
    Value::tuple(key)
}

fn cache_info(vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let c = lru_of(&args[0]);
    let fields = vec![
        Value::Int(c.hits.get()),
        Value::Int(c.misses.get()),
        c.maxsize_given.clone(),
        Value::Int(c.cache.borrow().len() as i64),
    ];
    let info_type = super::functools::cache_info_type(vm)?;
    vm.call_value(&info_type, fields, vec![])
}

fn cache_clear(_vm: &mut Vm, args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    let c = lru_of(&args[0]);
    c.hits.set(0);
    c.misses.set(0);
    // Dropped after the borrow ends: a key's or result's clean-up may run code.
    let old = c.cache.borrow_mut().take();
    drop(old);
    Ok(Value::None)
}
