//! The `frame` and `traceback` types: what trace functions and exception
//! handlers read of a running or finished frame. Frame objects are made
//! lazily (`Vm::frame_object`); a live one reads its activation record on
//! the VM's frame stack, a finished one what was kept at its exit. The
//! writable frame attributes (`f_trace`, `f_lineno`) are `Vm::setattr`'s.

use std::cell::RefCell;
use std::rc::Rc;

use super::typedef::{AttrDef, TypeDef};
use crate::value::{Dict, PyResult, TracebackObj, Value};
use crate::vm::{FrameObj, Vm};

pub static FRAME: TypeDef = TypeDef {
    methods: &[],
    // What a trace function reads on every event first.
    attrs: &[
        AttrDef::new("f_lineno", |vm, v| {
            Ok(Value::Int(vm.frame_obj_line(frame(v)) as i64))
        }),
        AttrDef::new("f_code", |_, v| Ok(Value::Code(frame(v).code.clone()))),
        AttrDef::new("f_back", |_, v| {
            let back = frame(v).back.borrow().clone();
            Ok(back.map(Value::Frame).unwrap_or(Value::None))
        }),
        AttrDef::new("f_globals", |_, v| {
            Ok(Value::Dict(frame(v).globals.clone()))
        }),
        AttrDef::new("f_builtins", |vm, _| Ok(Value::Dict(vm.builtins.clone()))),
        AttrDef::new("f_locals", f_locals),
        AttrDef::new("f_trace", |_, v| Ok(frame(v).f_trace.borrow().clone())),
        AttrDef::new("f_trace_lines", |_, v| {
            Ok(Value::Bool(frame(v).trace_lines.get()))
        }),
        AttrDef::new("f_trace_opcodes", |_, v| {
            Ok(Value::Bool(frame(v).trace_opcodes.get()))
        }),
        AttrDef::new("f_lasti", f_lasti),
    ],
    getattr: None,
};

/// The frame object an attribute is read from.
fn frame(v: &Value) -> &Rc<FrameObj> {
    match v {
        Value::Frame(f) => f,
        _ => unreachable!("frame attribute of another value"),
    }
}

/// The frame's stack index while it runs.
fn live(vm: &Vm, f: &FrameObj) -> Option<usize> {
    f.live.get().filter(|&i| i < vm.frames.len())
}

fn f_locals(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = frame(v);
    Ok(Value::Dict(match live(vm, f) {
        Some(i) => vm.frame_locals_dict(i),
        None => frozen_locals(f),
    }))
}

fn f_lasti(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = frame(v);
    Ok(Value::Int(match live(vm, f) {
        Some(i) => vm.frames[i].ip.saturating_sub(1) as i64 * 2,
        None => f.final_lasti.get(),
    }))
}

/// `f_locals` of a finished frame (built from its frozen slots once).
fn frozen_locals(f: &FrameObj) -> Rc<RefCell<Dict>> {
    if let Some(d) = f.locals.borrow().as_ref() {
        return d.clone();
    }
    let mut d = Dict::new();
    if let Some(slots) = f.frozen_slots.borrow().as_ref() {
        for (s, v) in slots.iter().enumerate() {
            let mut v = v.clone();
            if s >= f.code.varnames.len() {
                if let Value::Cell(c) = &v {
                    let inner = c.borrow().clone();
                    v = inner;
                }
            }
            if !matches!(v, Value::Null) {
                d.set_str(f.code.slot_name(s).as_str(), v);
            }
        }
    }
    let d = crate::gc::alloc(RefCell::new(d));
    *f.locals.borrow_mut() = Some(d.clone());
    d
}

pub static TRACEBACK: TypeDef = TypeDef {
    methods: &[],
    attrs: &[
        AttrDef::new("tb_lineno", |_, v| Ok(Value::Int(tb(v).lineno as i64))),
        AttrDef::new("tb_lasti", |_, v| Ok(Value::Int(tb(v).lasti as i64 * 2))),
        AttrDef::new("tb_frame", |vm, v| {
            Ok(Value::Frame(vm.traceback_frame(tb(v))))
        }),
        AttrDef::new("tb_next", |_, v| {
            Ok(tb(v)
                .next
                .clone()
                .map(Value::Traceback)
                .unwrap_or(Value::None))
        }),
    ],
    getattr: None,
};

/// The traceback an attribute is read from.
fn tb(v: &Value) -> &Rc<TracebackObj> {
    match v {
        Value::Traceback(t) => t,
        _ => unreachable!("traceback attribute of another value"),
    }
}
