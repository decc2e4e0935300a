//! The `code` type: its `co_*` attributes, and the methods giving the line
//! table as CPython 3.11 exposes it to coverage tools and debuggers. Offsets count two bytes an instruction,
//! as `f_lasti` does (krait's instructions are not CPython's, so offsets
//! are krait's own; the lines are CPython's).

use std::rc::Rc;

use super::typedef::{AttrDef, FnDef, Params::*, TypeDef};
use crate::bytecode::Code;
use crate::value::{Kwargs, PyResult, Value};
use crate::vm::Vm;

fn is_code(v: &Value) -> bool {
    matches!(v, Value::Code(_))
}

pub static TYPE: TypeDef = TypeDef {
    methods: &[
        FnDef::method("code", is_code, "co_lines", NoArgs, co_lines),
        FnDef::method("code", is_code, "co_positions", NoArgs, co_positions),
    ],
    // `co_name` first: a trace function reads it on every event.
    attrs: &[
        AttrDef::new("co_name", |_, v| Ok(Value::Str(code(v).name.clone()))),
        AttrDef::new("co_filename", |_, v| {
            Ok(Value::Str(code(v).filename.clone()))
        }),
        AttrDef::new("co_qualname", |_, v| {
            Ok(Value::Str(code(v).qualname.clone()))
        }),
        AttrDef::new("co_firstlineno", |_, v| {
            Ok(int(code(v).firstlineno as usize))
        }),
        AttrDef::new("co_argcount", |_, v| Ok(int(code(v).argcount as usize))),
        AttrDef::new("co_posonlyargcount", |_, v| {
            Ok(int(code(v).posonlyargcount as usize))
        }),
        AttrDef::new("co_kwonlyargcount", |_, v| {
            Ok(int(code(v).kwonlyargcount as usize))
        }),
        AttrDef::new("co_nlocals", |_, v| Ok(int(code(v).varnames.len()))),
        AttrDef::new("co_flags", |_, v| Ok(int(code(v).flags as usize))),
        AttrDef::new("co_varnames", |_, v| Ok(names(&code(v).varnames))),
        AttrDef::new("co_cellvars", |_, v| Ok(names(&code(v).cellvars))),
        AttrDef::new("co_freevars", |_, v| Ok(names(&code(v).freevars))),
        AttrDef::new("co_names", |_, v| Ok(names(&code(v).names))),
        AttrDef::new("co_consts", |_, v| Ok(Value::tuple(code(v).consts.clone()))),
    ],
    getattr: None,
};

/// The code object an attribute is read from.
fn code(v: &Value) -> &Rc<Code> {
    match v {
        Value::Code(c) => c,
        _ => unreachable!("code attribute of another value"),
    }
}

fn int(n: usize) -> Value {
    Value::Int(n as i64)
}

/// `co_varnames` and the other tuples of names.
fn names(names: &[crate::value::Str]) -> Value {
    Value::tuple(names.iter().map(|n| Value::Str(n.clone())).collect())
}

/// The receiver, which `FnDef::check` made sure is a code object.
fn recv(args: &[Value]) -> &Rc<Code> {
    match &args[0] {
        Value::Code(c) => c,
        _ => unreachable!("code method on another value"),
    }
}

fn line_value(line: u32) -> Value {
    match line {
        0 => Value::None,
        l => Value::Int(l as i64),
    }
}

/// `(start, end, line)` for each run of instructions on one line (None:
/// instructions of no line).
fn co_lines(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let code = recv(args);
    let mut runs = vec![];
    let mut start = 0;
    for i in 1..=code.lines.len() {
        if i == code.lines.len() || code.lines[i] != code.lines[start] {
            runs.push(Value::tuple(vec![
                Value::Int(start as i64 * 2),
                Value::Int(i as i64 * 2),
                line_value(code.lines[start]),
            ]));
            start = i;
        }
    }
    vm.get_iter(Value::list(runs))
}

/// `(line, end_line, column, end_column)` for each instruction; krait keeps
/// no columns, which CPython reports as None too (under `-X
/// no_debug_ranges`).
fn co_positions(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let code = recv(args);
    let positions = code
        .lines
        .iter()
        .map(|&l| Value::tuple(vec![line_value(l), line_value(l), Value::None, Value::None]))
        .collect();
    vm.get_iter(Value::list(positions))
}
