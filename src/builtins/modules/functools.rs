//! The `functools` module (and the `partial` type).

use super::module;
use std::rc::Rc;

use crate::builtins::typedef::{AttrDef, FnDef, ModuleDef, Params::*, PySig, TypeDef};
use crate::builtins::{check_args, native};
use crate::bytecode::CmpKind;
use crate::value::{Descr, ExcType, Kwargs, NativeFn, PyErr, PyResult, Value};
use crate::vm::Vm;

/// Each checks its own arguments: their messages are irregular.
static MODULE: ModuleDef = ModuleDef {
    name: "functools",
    functions: &[
        FnDef::function("functools", "reduce", Own, reduce),
        FnDef::python("functools", &WRAPS, wraps),
        FnDef::function("functools", "_wraps_apply", Own, wraps_apply),
        FnDef::function("functools", "cmp_to_key", Own, cmp_to_key),
        FnDef::python("functools", &UPDATE_WRAPPER, update_wrapper_fn),
        FnDef::python(
            "functools",
            &super::lru_cache::LRU_CACHE,
            super::lru_cache::lru_cache,
        ),
        FnDef::python(
            "functools",
            &super::lru_cache::CACHE,
            super::lru_cache::cache,
        ),
        FnDef::function(
            "functools",
            "_lru_cache_apply",
            Own,
            super::lru_cache::lru_cache_apply,
        ),
        FnDef::function(
            "functools",
            "_lru_cache_parameters",
            Own,
            super::lru_cache::cache_parameters,
        ),
    ],
};

/// `functools.partial`: what it was made with.
pub(crate) static PARTIAL: TypeDef = TypeDef {
    methods: &[],
    attrs: &[
        AttrDef::new("func", |_, v| Ok(made_with(v).0.clone())),
        AttrDef::new("args", |_, v| Ok(Value::tuple(made_with(v).1.to_vec()))),
        AttrDef::new("keywords", |_, v| {
            let mut d = crate::value::Dict::new();
            for (k, v) in made_with(v).2 {
                d.set_str(k.as_str(), v.clone());
            }
            Ok(Value::dict(d))
        }),
    ],
    getattr: None,
};

/// A partial's function, arguments and keywords.
fn made_with(v: &Value) -> (&Value, &[Value], &Kwargs) {
    match v {
        Value::Descr(d) => match &**d {
            Descr::Partial { func, args, kwargs } => (func, args, kwargs),
            _ => unreachable!("partial attribute of another descriptor"),
        },
        _ => unreachable!("partial attribute of another value"),
    }
}

pub(super) fn install(vm: &mut Vm) {
    let partial = Value::Class(vm.types.partial.clone());
    module(vm, &MODULE, vec![("partial", partial)]);
}

/// CPython's `NAME() takes no keyword arguments`.
fn no_keywords(qualname: &str, kw: &Kwargs) -> PyResult<()> {
    match kw.is_empty() {
        true => Ok(()),
        false => Err(PyErr::type_error(format!(
            "{qualname}() takes no keyword arguments"
        ))),
    }
}

pub(in crate::builtins) fn partial(_vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error(
            "type 'partial' takes at least one argument",
        ));
    }
    if !crate::builtins::functions::is_callable(&args[0]) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    // Nested partials flatten, as in CPython.
    if let Value::Descr(d) = &args[0] {
        if let Descr::Partial {
            func,
            args: pa,
            kwargs: pk,
        } = &**d
        {
            let mut a = pa.clone();
            a.extend(args[1..].iter().cloned());
            let mut k = pk.clone();
            for (n, v) in kw {
                k.retain(|(m, _)| m.as_str() != n.as_str());
                k.push((n.clone(), v.clone()));
            }
            return Ok(Value::Descr(crate::gc::alloc(Descr::Partial {
                func: func.clone(),
                args: a,
                kwargs: k,
            })));
        }
    }
    Ok(Value::Descr(crate::gc::alloc(Descr::Partial {
        func: args[0].clone(),
        args: args[1..].to_vec(),
        kwargs: kw.clone(),
    })))
}

fn reduce(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_keywords("reduce", kw)?;
    check_args("reduce", args, 2, 3)?;
    let it = match vm.get_iter(args[1].clone()) {
        Err(e) if vm.err_is(&e, ExcType::TypeError) => {
            return Err(PyErr::type_error("reduce() arg 2 must support iteration"))
        }
        r => r?,
    };
    let mut acc = match args.get(2) {
        Some(v) => v.clone(),
        None => match vm.next_value(&it)? {
            Some(v) => v,
            None => {
                return Err(PyErr::type_error(
                    "reduce() of empty iterable with no initial value",
                ))
            }
        },
    };
    while let Some(x) = vm.next_value(&it)? {
        acc = vm.call_value(&args[0], vec![acc, x], vec![])?;
    }
    Ok(acc)
}

/// `wraps` and `update_wrapper` are Python in CPython (no `c_call`).
static WRAPS: PySig = PySig {
    qualname: "wraps",
    names: &["wrapped", "assigned", "updated"],
    positional: 3,
    required: 1,
    method: false,
};
static UPDATE_WRAPPER: PySig = PySig {
    qualname: "update_wrapper",
    names: &["wrapper", "wrapped", "assigned", "updated"],
    positional: 4,
    required: 2,
    method: false,
};

/// `assigned=`/`updated=` other than the defaults: refused by name.
fn defaults_only(given: &[Option<Value>]) -> PyResult<()> {
    match given.iter().position(Option::is_some) {
        None => Ok(()),
        Some(i) => Err(PyErr::type_error(format!(
            "krait does not support update_wrapper()'s '{}' argument",
            ["assigned", "updated"][i]
        ))),
    }
}

/// `functools.wraps(wrapped)` returns a decorator that copies metadata.
fn wraps(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [wrapped, assigned, updated, ..] = WRAPS.bind(args, kw)?;
    defaults_only(&[assigned, updated])?;
    let apply = vm.modules["functools"].clone();
    let f = vm.getattr(&apply, "_wraps_apply")?;
    Ok(Value::Descr(crate::gc::alloc(Descr::Partial {
        func: f,
        args: vec![wrapped.unwrap_or_default()],
        kwargs: vec![],
    })))
}

fn wraps_apply(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_keywords("functools._wraps_apply", kw)?;
    check_args("wraps", args, 2, 2)?;
    update_wrapper(vm, &args[1], &args[0])?;
    Ok(args[1].clone())
}

/// `functools.update_wrapper(wrapper, wrapped)` (the default `assigned`
/// and `updated` only).
fn update_wrapper_fn(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [wrapper, wrapped, assigned, updated, ..] = UPDATE_WRAPPER.bind(args, kw)?;
    defaults_only(&[assigned, updated])?;
    let (wrapper, wrapped) = (wrapper.unwrap_or_default(), wrapped.unwrap_or_default());
    update_wrapper(vm, &wrapper, &wrapped)?;
    Ok(wrapper)
}

/// What `update_wrapper` does with its defaults: copies `wrapped`'s
/// `__module__`, `__name__`, `__qualname__`, `__doc__` and
/// `__annotations__` (those it has), then the items of its `__dict__`,
/// and sets `__wrapped__`.
pub(super) fn update_wrapper(vm: &mut Vm, wrapper: &Value, wrapped: &Value) -> PyResult<()> {
    for name in [
        "__module__",
        "__name__",
        "__qualname__",
        "__doc__",
        "__annotations__",
    ] {
        if let Ok(v) = vm.getattr(wrapped, name) {
            let n = vm.intern(name);
            vm.setattr(wrapper, &n, v)?;
        }
    }
    if let Ok(Value::Dict(d)) = vm.getattr(wrapped, "__dict__") {
        let items: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (k, v) in items {
            if let Value::Str(k) = k {
                vm.setattr(wrapper, &k, v)?;
            }
        }
    }
    let n = vm.intern("__wrapped__");
    vm.setattr(wrapper, &n, wrapped.clone())
}

/// `functools._CacheInfo`, the named tuple `cache_info()` returns: made
/// with `collections.namedtuple` on first use, as CPython's module makes
/// it on import, untraced (CPython's is made before a program can trace).
pub(super) fn cache_info_type(vm: &mut Vm) -> PyResult<Value> {
    let module = vm.modules["functools"].clone();
    if let Ok(t) = vm.getattr(&module, "_CacheInfo") {
        return Ok(t);
    }
    let suspended = vm.trace.suspended();
    vm.trace.set_suspended(true);
    let made = (|| {
        let namedtuple = vm.stdlib_attr("collections", "namedtuple")?;
        let fields = ["hits", "misses", "maxsize", "currsize"]
            .into_iter()
            .map(Value::str)
            .collect();
        vm.call_value(
            &namedtuple,
            vec![Value::str("CacheInfo"), Value::list(fields)],
            vec![],
        )
    })();
    vm.trace.set_suspended(suspended);
    let t = made?;
    let n = vm.intern("__module__");
    vm.setattr(&t, &n, Value::str("functools"))?;
    let n = vm.intern("_CacheInfo");
    vm.setattr(&module, &n, t.clone())?;
    Ok(t)
}

/// `functools.cmp_to_key(mycmp)`: CPython's C `KeyWrapper`, here a class
/// made per call (`K(x)` wraps `x`; `mycmp` is kept in the class). Its
/// comparisons call `mycmp(a, b)` from native code, as CPython's do, and
/// compare the result with 0.
fn cmp_to_key(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let mycmp = match (args, kw.as_slice()) {
        ([f], []) => f.clone(),
        ([], [(k, f)]) if k.as_str() == "mycmp" => f.clone(),
        _ => {
            return Err(PyErr::type_error(format!(
                "cmp_to_key() takes exactly 1 argument ({} given)",
                args.len() + kw.len()
            )))
        }
    };
    let mut dict = crate::value::class::AttrMap::default();
    dict.insert(vm.intern(CMP), mycmp);
    dict.insert(vm.intern("__init__"), native("__init__", key_init));
    dict.insert(vm.intern("__hash__"), Value::None);
    let ops: [(&'static str, NativeFn); 6] = [
        ("__lt__", key_lt),
        ("__le__", key_le),
        ("__eq__", key_eq),
        ("__ne__", key_ne),
        ("__gt__", key_gt),
        ("__ge__", key_ge),
    ];
    for (name, f) in ops {
        dict.insert(vm.intern(name), native(name, f));
    }
    // Messages name CPython's `tp_name`, `functools.KeyWrapper`.
    let name = vm.intern("functools.KeyWrapper");
    let qualname = vm.intern("KeyWrapper");
    let module = vm.intern("functools");
    let base = vm.types.object.clone();
    Ok(Value::Class(
        vm.new_user_class(name, qualname, module, base, dict),
    ))
}

/// Where a `KeyWrapper` class keeps its `mycmp`.
const CMP: &str = "_mycmp";

fn key_init(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_keywords("functools.KeyWrapper", kw)?;
    let [this, obj] = args else {
        return Err(PyErr::type_error(format!(
            "functools.KeyWrapper() takes exactly 1 argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    let n = vm.intern("obj");
    vm.setattr(this, &n, obj.clone())?;
    Ok(Value::None)
}

fn key_compare(vm: &mut Vm, args: &[Value], op: CmpKind) -> PyResult<Value> {
    let (Value::Instance(a), Some(Value::Instance(b))) = (&args[0], args.get(1)) else {
        return Err(PyErr::type_error("other argument must be K instance"));
    };
    if !Rc::ptr_eq(&a.class, &b.class) {
        return Err(PyErr::type_error("other argument must be K instance"));
    }
    let mycmp = a.class.lookup(CMP).unwrap_or_default();
    let x = vm.getattr(&args[0], "obj")?;
    let y = vm.getattr(&args[1], "obj")?;
    let r = vm.call_value(&mycmp, vec![x, y], vec![])?;
    vm.compare(&r, &Value::Int(0), op)
}

fn key_lt(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    key_compare(vm, args, CmpKind::Lt)
}
fn key_le(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    key_compare(vm, args, CmpKind::Le)
}
fn key_eq(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    key_compare(vm, args, CmpKind::Eq)
}
fn key_ne(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    key_compare(vm, args, CmpKind::Ne)
}
fn key_gt(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    key_compare(vm, args, CmpKind::Gt)
}
fn key_ge(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    key_compare(vm, args, CmpKind::Ge)
}
