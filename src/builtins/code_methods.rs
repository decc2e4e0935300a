//! The `code` type's methods: the line table as CPython 3.11 exposes it to
//! coverage tools and debuggers. Offsets count two bytes an instruction,
//! as `f_lasti` does (krait's instructions are not CPython's, so offsets
//! are krait's own; the lines are CPython's).

use std::rc::Rc;

use super::typedef::{FnDef, Params::*, TypeDef};
use crate::bytecode::Code;
use crate::value::{Kwargs, PyResult, Value};
use crate::vm::Vm;

fn is_code(v: &Value) -> bool {
    matches!(v, Value::Code(_))
}

pub static TYPE: TypeDef = TypeDef {
    name: "code",
    methods: &[
        FnDef::method("code", is_code, "co_lines", NoArgs, co_lines),
        FnDef::method("code", is_code, "co_positions", NoArgs, co_positions),
    ],
};

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
