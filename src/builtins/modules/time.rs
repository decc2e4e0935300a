//! The `time` module.

use crate::builtins::typedef::{FnDef, ModuleDef, Params::*};
use crate::value::{Kwargs, PyErr, PyResult, Value};
use crate::vm::Vm;

pub(super) static MODULE: ModuleDef = ModuleDef {
    name: "time",
    functions: &[
        FnDef::function("time", "perf_counter", NoArgs, perf_counter),
        FnDef::function("time", "time", NoArgs, time_time),
        FnDef::function("time", "sleep", One, sleep),
        FnDef::function("time", "monotonic", NoArgs, monotonic),
        FnDef::function("time", "perf_counter_ns", NoArgs, perf_counter_ns),
    ],
};

/// What the `time` functions read: an embedded script reads no clock
/// unless its host gives it one (`Interpreter::allow_clock`, `set_clock`).
pub enum Clock {
    Denied,
    /// The real clocks; `perf_counter` counts from this instant.
    Real(std::time::Instant),
    /// The host's: seconds, for `time.time()` since the Unix epoch.
    Host(Box<dyn FnMut() -> f64 + Send>),
}

/// Seconds by clock: the wall clock's (`time.time()`) when `wall`, else
/// the performance counter's; PermissionError without a clock.
fn seconds(vm: &mut Vm, function: &str, wall: bool) -> PyResult<f64> {
    match &mut vm.clock {
        Clock::Real(start) if wall => Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0)),
        Clock::Real(start) => Ok(start.elapsed().as_secs_f64()),
        Clock::Host(now) => Ok(now()),
        Clock::Denied => Err(PyErr::new(
            crate::value::ExcType::PermissionError,
            format!("time.{function}() reads a clock, and the host gave this interpreter none"),
        )),
    }
}

fn perf_counter(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(seconds(vm, "perf_counter", false)?))
}

fn monotonic(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(seconds(vm, "monotonic", false)?))
}

fn perf_counter_ns(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    let ns = match &vm.clock {
        Clock::Real(start) => start.elapsed().as_nanos() as i64,
        _ => (seconds(vm, "perf_counter_ns", false)? * 1e9) as i64,
    };
    Ok(Value::Int(ns))
}

fn time_time(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Float(seconds(vm, "time", true)?))
}

fn sleep(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    // CPython converts to nanoseconds in an i64 (`_PyTime_t`) first.
    let ns: i128 = match &args[0] {
        Value::Float(f) => {
            if f.is_nan() {
                return Err(PyErr::value_error("Invalid value NaN (not a number)"));
            }
            let d = (f * 1e9).round();
            const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2**63 ns
            if !(-LIMIT..LIMIT).contains(&d) {
                return Err(PyErr::overflow(
                    "timestamp out of range for platform time_t",
                ));
            }
            d as i128
        }
        v => {
            let n = match v {
                Value::BigInt(_) => None,
                _ => Some(vm.index_value(v)?),
            };
            n.and_then(|n| n.checked_mul(1_000_000_000))
                .ok_or_else(|| PyErr::overflow("timestamp too large to convert to C _PyTime_t"))?
                as i128
        }
    };
    if ns < 0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    vm.flush();
    std::thread::sleep(std::time::Duration::from_nanos(ns as u64));
    Ok(Value::None)
}
