//! The iterator types that are built-in names (`map`, `filter`, `zip`,
//! `reversed`, `enumerate`): calling one is instantiating a type, as in
//! CPython (no `c_call` event; `type(map(f, x)) is map`).

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use super::check_args;
use crate::value::int::to_big;
use crate::value::{Kwargs, PyErr, PyResult, RangeObj, SliceObj, TypeKind, Value};
use crate::vm::iter::IterObj;
use crate::vm::Vm;

fn iter_value(it: IterObj) -> Value {
    Value::Iter(crate::gc::alloc(RefCell::new(it)))
}

/// Calls the iterator type of kind `kind` (None: not one of them).
pub fn construct(
    vm: &mut Vm,
    kind: TypeKind,
    args: &[Value],
    kw: &Kwargs,
) -> Option<PyResult<Value>> {
    Some(match kind {
        TypeKind::Map => map(vm, args, kw),
        TypeKind::Filter => filter(vm, args, kw),
        TypeKind::Zip => zip(vm, args, kw),
        TypeKind::Reversed => reversed(vm, args, kw),
        TypeKind::Enumerate => enumerate(vm, args, kw),
        TypeKind::Itertools(k) => super::modules::itertools_construct(vm, k, args, kw),
        _ => return None,
    })
}

fn no_keywords(name: &str, kw: &Kwargs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )))
    }
}

fn map(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_keywords("map", kw)?;
    if args.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut inners = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        inners.push(vm.get_iter(a.clone())?);
    }
    Ok(iter_value(IterObj::Map {
        func: args[0].clone(),
        inners,
    }))
}

fn filter(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_keywords("filter", kw)?;
    check_args("filter", args, 2, 2)?;
    let inner = vm.get_iter(args[1].clone())?;
    Ok(iter_value(IterObj::Filter {
        func: args[0].clone(),
        inner,
    }))
}

fn zip(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    if kw.len() > 1 {
        return Err(PyErr::type_error(format!(
            "zip() takes at most 1 keyword argument ({} given)",
            kw.len()
        )));
    }
    let strict = match kw.first() {
        Some((k, v)) if k.as_str() == "strict" => vm.truthy(v)?,
        Some((k, _)) => {
            return Err(PyErr::type_error(format!(
                "'{}' is an invalid keyword argument for zip()",
                k.as_str()
            )))
        }
        None => false,
    };
    let mut inners = Vec::with_capacity(args.len());
    for a in args {
        inners.push(vm.get_iter(a.clone())?);
    }
    Ok(iter_value(IterObj::Zip { inners, strict }))
}

/// CPython's hand-written argument parsing of `enumerate(iterable, start=0)`.
fn enumerate(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let check = |i: usize, name: &str| -> PyResult<()> {
        if kw[i].0.as_str() == name {
            Ok(())
        } else {
            Err(PyErr::type_error(format!(
                "'{}' is an invalid keyword argument for enumerate()",
                kw[i].0.as_str()
            )))
        }
    };
    let (iterable, start) = match (args.len(), kw.len()) {
        (2, 0) => (args[0].clone(), Some(args[1].clone())),
        (1, 1) => {
            check(0, "start")?;
            (args[0].clone(), Some(kw[0].1.clone()))
        }
        (0, 2) if kw[0].0.as_str() == "start" => {
            check(1, "iterable")?;
            (kw[1].1.clone(), Some(kw[0].1.clone()))
        }
        (0, 2) => {
            check(0, "iterable")?;
            check(1, "start")?;
            (kw[0].1.clone(), Some(kw[1].1.clone()))
        }
        (1, 0) => (args[0].clone(), None),
        (0, 1) => {
            check(0, "iterable")?;
            (kw[0].1.clone(), None)
        }
        (0, _) => {
            return Err(PyErr::type_error(
                "enumerate() missing required argument 'iterable'",
            ))
        }
        (n, k) => {
            return Err(PyErr::type_error(format!(
                "enumerate() takes at most 2 arguments ({} given)",
                n + k
            )))
        }
    };
    // As CPython: the start is converted before the iterable is asked.
    let count = match start {
        Some(s) => vm.index_int(&s)?,
        None => Value::Int(0),
    };
    let inner = vm.get_iter(iterable)?;
    Ok(iter_value(IterObj::Enumerate { inner, count }))
}

fn reversed(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    no_keywords("reversed", kw)?;
    if args.len() != 1 {
        return Err(super::expected_args("reversed", 1, args.len()));
    }
    let v = &args[0];
    let not_reversible =
        || PyErr::type_error(format!("'{}' object is not reversible", v.type_name()));
    let it = match v {
        Value::List(list) => IterObj::ListReverse {
            list: list.clone(),
            index: list.len() as i64 - 1,
        },
        Value::Tuple(t) => IterObj::Reversed {
            items: t.iter().rev().cloned().collect(),
            index: 0,
        },
        Value::Str(_) => {
            let mut items = vm.collect(v)?;
            items.reverse();
            IterObj::Reversed { items, index: 0 }
        }
        Value::Range(r) => IterObj::range(r, true),
        Value::Deque(d) => return Ok(super::deque_iter(d, true)),
        Value::Dict(d) => return Ok(super::dict_methods::dict_reverse_iter(d, 0)),
        Value::Instance(i) => {
            if let Some(m) = i.class.lookup_user("__reversed__") {
                if m.is_none() {
                    return Err(not_reversible());
                }
                return vm.call_special(&m, v, vec![]);
            }
            if let Some(Value::Deque(d)) = i.payload() {
                return Ok(super::deque_iter(d, true));
            }
            if i.class.lookup_user("__getitem__").is_none() {
                return Err(not_reversible());
            }
            let n = super::functions::len_of(vm, v)?;
            IterObj::SeqReverse {
                obj: v.clone(),
                index: n as i64 - 1,
            }
        }
        _ => return Err(not_reversible()),
    };
    Ok(iter_value(it))
}

impl Vm {
    /// `r[k]`
    #[inline(never)]
    pub(crate) fn range_getitem(&mut self, r: &RangeObj, k: &Value) -> PyResult<Value> {
        if let Value::Slice(s) = k {
            return self.range_slice(r, s);
        }
        if r.big.is_none() && !matches!(k, Value::BigInt(_)) {
            let i = self.seq_index(k, r.len() as usize, "range object")?;
            return Ok(Value::Int(r.start + r.step * i as i64));
        }
        self.range_item_big(r, k)
    }

    /// `r[i]` for a big range or index.
    fn range_item_big(&mut self, r: &RangeObj, k: &Value) -> PyResult<Value> {
        let i = match k {
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Instance(_) => {
                self.index_int(k)?
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "range indices must be integers or slices, not {}",
                    k.type_name()
                )))
            }
        };
        r.item(&to_big(&i).unwrap_or_default())
            .ok_or_else(|| PyErr::index_error("range object index out of range"))
    }

    /// `r[a:b:c]`, with slice bounds of any size.
    fn range_slice(&mut self, r: &RangeObj, s: &SliceObj) -> PyResult<Value> {
        let mut part = |v: &Value| -> PyResult<Option<BigInt>> {
            match v {
                Value::None => Ok(None),
                Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => Ok(to_big(v)),
                Value::Instance(i) if i.class.lookup_user("__index__").is_some() => {
                    Ok(to_big(&self.index_int(v)?))
                }
                _ => Err(PyErr::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        let (start, stop, step) = (part(&s.start)?, part(&s.stop)?, part(&s.step)?);
        match r.slice(start, stop, step) {
            Some(r) => Ok(Value::Range(Rc::new(r))),
            None => Err(PyErr::value_error("slice step cannot be zero")),
        }
    }
}
