//! The `linecache` module: the lines of the program's own files, for
//! tools that show source (tracebacks, coverage, debuggers). Files krait
//! ran or imported come from the texts it keeps; others are read only
//! where the host allows file reads (`Vm::file_imports`).

use crate::builtins::typedef::{FnDef, ModuleDef, Params::*};
use crate::value::{Kwargs, PyResult, Value};
use crate::vm::Vm;

pub(super) static MODULE: ModuleDef = ModuleDef {
    name: "linecache",
    functions: &[
        FnDef::function("linecache", "getline", Positional(2, 3), getline),
        FnDef::function("linecache", "getlines", Positional(1, 2), getlines),
        FnDef::function("linecache", "clearcache", NoArgs, nothing),
        FnDef::function("linecache", "checkcache", Positional(0, 1), nothing),
    ],
};

/// The lines of file `name`, each ending in a newline (as linecache adds
/// one to a last line without), or none when it cannot be had.
fn lines_of(vm: &mut Vm, name: &Value) -> Vec<String> {
    let Value::Str(name) = name else {
        return vec![];
    };
    let name = name.as_str();
    let text = match vm.sources.get(name) {
        Some(t) => t.to_string(),
        None if vm.file_imports && !name.starts_with('<') => {
            let Ok(bytes) = std::fs::read(name) else {
                return vec![];
            };
            match crate::syntax::decode_source(&bytes, name) {
                Ok(t) => match crate::syntax::prepare_source(&t, name) {
                    Ok(t) => t.into_owned(),
                    Err(_) => return vec![],
                },
                Err(_) => return vec![],
            }
        }
        None => return vec![],
    };
    let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
    if let Some(last) = lines.last_mut() {
        if !last.ends_with('\n') {
            last.push('\n');
        }
    }
    lines
}

fn getline(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let lines = lines_of(vm, &args[0]);
    let line = match &args[1] {
        Value::Int(n) if *n >= 1 && (*n as usize) <= lines.len() => lines[*n as usize - 1].clone(),
        _ => String::new(),
    };
    Ok(Value::string(line))
}

fn getlines(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let lines = lines_of(vm, &args[0]);
    Ok(Value::list(lines.into_iter().map(Value::string).collect()))
}

fn nothing(_: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::None)
}
