//! `_heapq`: the heap functions CPython writes in C (its `heapq` module,
//! `py/heapq.py`, imports them over its Python ones). Comparisons are
//! made in CPython's order, so user `__lt__` methods run (and are traced)
//! as there; a heap whose size a comparison changes is CPython's
//! RuntimeError.

use super::module;
use crate::builtins::typedef::{FnDef, ModuleDef, Params, Params::*};
use crate::value::{Kwargs, ListObj, NativeFn, PyErr, PyResult, Value};
use crate::vm::Vm;

const fn f(name: &'static str, params: Params, func: NativeFn) -> FnDef {
    FnDef::function("_heapq", name, params, func)
}

static MODULE: ModuleDef = ModuleDef {
    name: "_heapq",
    functions: &[
        f("heappush", Positional(2, 2), heappush),
        f("heappop", One, heappop),
        f("heapify", One, heapify),
        f("heapreplace", Positional(2, 2), heapreplace),
        f("heappushpop", Positional(2, 2), heappushpop),
        f("_heappop_max", One, heappop_max),
        f("_heapify_max", One, heapify_max),
        f("_heapreplace_max", Positional(2, 2), heapreplace_max),
    ],
};

pub(super) fn install(vm: &mut Vm) {
    module(vm, &MODULE, vec![]);
}

/// The heap argument: a list (not a subclass's instance, as CPython's
/// `PyList_Check` takes it: krait's carry their list as their value).
fn heap_arg<'a>(fname: &str, v: &'a Value, what: &str) -> PyResult<&'a std::rc::Rc<ListObj>> {
    match v.builtin_value() {
        Value::List(l) => Ok(l),
        _ => Err(PyErr::type_error(format!(
            "{fname}() {what} must be list, not {}",
            v.type_name()
        ))),
    }
}

fn index_error() -> PyErr {
    PyErr::index_error("index out of range")
}

fn changed_size() -> PyErr {
    PyErr::new(
        crate::value::ExcType::RuntimeError,
        "list changed size during iteration",
    )
}

/// Which heap: a min-heap compares `a < b`, a max-heap `b < a`.
#[derive(Clone, Copy)]
enum Order {
    Min,
    Max,
}

fn less(vm: &mut Vm, order: Order, a: &Value, b: &Value) -> PyResult<bool> {
    match order {
        Order::Min => vm.lt(a, b),
        Order::Max => vm.lt(b, a),
    }
}

fn item(heap: &ListObj, i: usize) -> PyResult<Value> {
    heap.get_index(i).ok_or_else(changed_size)
}

fn swap(heap: &ListObj, i: usize, j: usize) -> PyResult<()> {
    let mut v = heap.borrow_mut();
    if i >= v.len() || j >= v.len() {
        return Err(changed_size());
    }
    v.swap(i, j);
    Ok(())
}

/// CPython's `siftdown`: the item at `pos` moves up towards `start`.
fn sift_down(
    vm: &mut Vm,
    order: Order,
    heap: &ListObj,
    start: usize,
    mut pos: usize,
) -> PyResult<()> {
    let size = heap.len();
    if pos >= size {
        return Err(index_error());
    }
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let (new, parent) = (item(heap, pos)?, item(heap, parent_pos)?);
        let lt = less(vm, order, &new, &parent)?;
        if size != heap.len() {
            return Err(changed_size());
        }
        if !lt {
            break;
        }
        swap(heap, parent_pos, pos)?;
        pos = parent_pos;
    }
    Ok(())
}

/// CPython's `siftup`: the smaller child moves up until a leaf, then the
/// item there sifts down.
fn sift_up(vm: &mut Vm, order: Order, heap: &ListObj, mut pos: usize) -> PyResult<()> {
    let end = heap.len();
    let start = pos;
    if pos >= end {
        return Err(index_error());
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (a, b) = (item(heap, child)?, item(heap, child + 1)?);
            if !less(vm, order, &a, &b)? {
                child += 1;
            }
            if end != heap.len() {
                return Err(changed_size());
            }
        }
        swap(heap, child, pos)?;
        pos = child;
    }
    sift_down(vm, order, heap, start, pos)
}

fn heappush(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let heap = heap_arg("heappush", &args[0], "argument 1")?;
    heap.push(args[1].clone());
    sift_down(vm, Order::Min, heap, 0, heap.len() - 1)?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, order: Order, fname: &str, heap: &Value) -> PyResult<Value> {
    let heap = heap_arg(fname, heap, "argument")?;
    let last = heap.borrow_mut().pop().ok_or_else(index_error)?;
    if heap.is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut heap.borrow_mut()[0], last);
    sift_up(vm, order, heap, 0)?;
    Ok(top)
}

fn heappop(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pop(vm, Order::Min, "heappop", &args[0])
}

fn heappop_max(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pop(vm, Order::Max, "_heappop_max", &args[0])
}

fn replace(vm: &mut Vm, order: Order, fname: &str, args: &[Value]) -> PyResult<Value> {
    let heap = heap_arg(fname, &args[0], "argument 1")?;
    let top = {
        let mut v = heap.borrow_mut();
        let first = v.first_mut().ok_or_else(index_error)?;
        std::mem::replace(first, args[1].clone())
    };
    sift_up(vm, order, heap, 0)?;
    Ok(top)
}

fn heapreplace(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    replace(vm, Order::Min, "heapreplace", args)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    replace(vm, Order::Max, "_heapreplace_max", args)
}

fn heappushpop(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let heap = heap_arg("heappushpop", &args[0], "argument 1")?;
    let Some(top) = heap.get_index(0) else {
        return Ok(args[1].clone());
    };
    if !vm.lt(&top, &args[1])? {
        return Ok(args[1].clone());
    }
    let top = {
        let mut v = heap.borrow_mut();
        let first = v.first_mut().ok_or_else(index_error)?;
        std::mem::replace(first, args[1].clone())
    };
    sift_up(vm, Order::Min, heap, 0)?;
    Ok(top)
}

/// CPython's `heapify_internal`: sift-ups from the last parent back, in
/// the cache-friendly order it uses past 2,500 items.
fn make_heap(vm: &mut Vm, order: Order, fname: &str, v: &Value) -> PyResult<Value> {
    let heap = heap_arg(fname, v, "argument")?;
    let n = heap.len();
    if n > 2500 {
        let m = n >> 1;
        // The leftmost node in the row of `m`: a power of two, less one.
        let leftmost = (1usize << (usize::BITS - 1 - (m + 1).leading_zeros())) - 1;
        let mhalf = m >> 1;
        let rows = (mhalf..leftmost).rev().chain((leftmost..m).rev());
        for i in rows {
            let mut j = i;
            loop {
                sift_up(vm, order, heap, j)?;
                if j & 1 == 0 {
                    break;
                }
                j >>= 1;
            }
        }
    } else {
        for i in (0..n / 2).rev() {
            sift_up(vm, order, heap, i)?;
        }
    }
    Ok(Value::None)
}

fn heapify(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    make_heap(vm, Order::Min, "heapify", &args[0])
}

fn heapify_max(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    make_heap(vm, Order::Max, "_heapify_max", &args[0])
}
