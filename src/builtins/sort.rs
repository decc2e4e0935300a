//! `sorted()` and `list.sort()`: stable, and for lists under 64 items the
//! very comparisons CPython's timsort makes, in its order (a run count, then
//! binary insertion), so `__lt__` and `key=` functions trace alike.

use crate::value::{PyErr, PyResult, Value};
use crate::vm::Vm;

/// Below this length CPython sorts one run by binary insertion.
const MIN_MERGE: usize = 64;

/// Sorts `items` by `key(item)` (or the items), descending with `reverse`.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys: Vec<Value> = match key {
        Some(f) if !f.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for it in items.iter() {
                ks.push(vm.call_value(f, vec![it.clone()], vec![])?);
            }
            ks
        }
        _ => items.clone(),
    };
    // Sort positions; CPython reverses before and after for `reverse` (stable).
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        order.reverse();
    }
    let lt = |vm: &mut Vm, a: usize, b: usize| vm.lt(&keys[a], &keys[b]);
    if order.len() < MIN_MERGE {
        small_sort(vm, &mut order, &lt)?;
    } else {
        merge_sort(vm, &mut order, &lt)?;
    }
    if reverse {
        order.reverse();
    }
    let mut slots: Vec<Option<Value>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(
        order
            .into_iter()
            .map(|i| slots[i].take().unwrap_or_default()),
    );
    Ok(())
}

type Lt<'a> = dyn Fn(&mut Vm, usize, usize) -> PyResult<bool> + 'a;

/// CPython's `count_run` then `binarysort` over the whole slice.
fn small_sort(vm: &mut Vm, v: &mut [usize], lt: &Lt) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    // The leading run: strictly descending (then reversed) or ascending.
    let mut run = 2;
    if lt(vm, v[1], v[0])? {
        while run < n && lt(vm, v[run], v[run - 1])? {
            run += 1;
        }
        v[..run].reverse();
    } else {
        while run < n && !lt(vm, v[run], v[run - 1])? {
            run += 1;
        }
    }
    // Binary insertion of the rest.
    for start in run..n {
        let pivot = v[start];
        let (mut l, mut r) = (0, start);
        while l < r {
            let p = l + ((r - l) >> 1);
            if lt(vm, pivot, v[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v.copy_within(l..start, l + 1);
        v[l] = pivot;
    }
    Ok(())
}

/// A stable bottom-up merge sort for longer lists (same result as
/// timsort; the comparisons it makes differ).
fn merge_sort(vm: &mut Vm, v: &mut Vec<usize>, lt: &Lt) -> PyResult<()> {
    let n = v.len();
    let mut buf = v.clone();
    let mut width = 1;
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let hi = (i + 2 * width).min(n);
            let (mut a, mut b, mut k) = (i, mid, i);
            while a < mid && b < hi {
                // Take from the right only when strictly smaller: stable.
                if lt(vm, v[b], v[a])? {
                    buf[k] = v[b];
                    b += 1;
                } else {
                    buf[k] = v[a];
                    a += 1;
                }
                k += 1;
            }
            buf[k..k + (mid - a)].copy_from_slice(&v[a..mid]);
            k += mid - a;
            buf[k..k + (hi - b)].copy_from_slice(&v[b..hi]);
            i += 2 * width;
        }
        std::mem::swap(v, &mut buf);
        width *= 2;
    }
    Ok(())
}

/// list.sort()'s `reverse` argument: an int as a C int (CPython's
/// `bool(accept={int})` converter), not any truthy value.
pub fn reverse_flag(vm: &mut Vm, v: Option<&Value>) -> PyResult<bool> {
    let Some(v) = v else {
        return Ok(false);
    };
    match vm.index_int(v)? {
        Value::Int(n) if i32::try_from(n).is_ok() => Ok(n != 0),
        _ => Err(PyErr::overflow("Python int too large to convert to C int")),
    }
}
