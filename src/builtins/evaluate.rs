//! `eval`, `exec` and `compile`: source text (or a code object) run in a
//! `<module>` frame of its own, with the caller's or the given namespaces.

use std::cell::RefCell;
use std::rc::Rc;

use crate::value::{Dict, ExcType, Kwargs, PyErr, PyResult, Value};
use crate::vm::Vm;

/// The filename CPython gives code compiled from a string by eval and exec.
const STRING_FILENAME: &str = "<string>";

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Exec,
    Eval,
}

pub(super) fn eval(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    run(vm, args, Mode::Eval, "eval")
}

pub(super) fn exec(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    run(vm, args, Mode::Exec, "exec")?;
    Ok(Value::None)
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
pub(super) fn compile(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const NAMES: [&str; 6] = [
        "source",
        "filename",
        "mode",
        "flags",
        "dont_inherit",
        "optimize",
    ];
    let mut slots: [Option<Value>; 6] = Default::default();
    if args.len() > NAMES.len() {
        return Err(PyErr::type_error(format!(
            "compile() takes at most 6 arguments ({} given)",
            args.len()
        )));
    }
    for (slot, a) in slots.iter_mut().zip(args) {
        *slot = Some(a.clone());
    }
    for (k, v) in kw.iter() {
        let Some(i) = NAMES.iter().position(|n| *n == k.as_str()) else {
            return Err(PyErr::type_error(format!(
                "compile() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        };
        if slots[i].is_some() {
            return Err(PyErr::type_error(format!(
                "argument for compile() given by name ('{}') and position ({})",
                k.as_str(),
                i + 1
            )));
        }
        slots[i] = Some(v.clone());
    }
    for (i, n) in NAMES.iter().enumerate().take(3) {
        if slots[i].is_none() {
            return Err(PyErr::type_error(format!(
                "compile() missing required argument '{n}' (pos {})",
                i + 1
            )));
        }
    }
    let filename = match &slots[1] {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                other.type_name()
            )))
        }
        None => unreachable!("checked above"),
    };
    let mode = match &slots[2] {
        Some(Value::Str(s)) if s.as_str() == "exec" => Mode::Exec,
        Some(Value::Str(s)) if s.as_str() == "eval" => Mode::Eval,
        Some(Value::Str(s)) if s.as_str() == "single" => {
            return Err(PyErr::new(
                ExcType::NotImplementedError,
                "compile() mode 'single' is not supported by krait",
            ))
        }
        Some(Value::Str(_)) => {
            return Err(PyErr::value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ))
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "compile() argument 'mode' must be str, not {}",
                other.type_name()
            )))
        }
        None => unreachable!("checked above"),
    };
    if !matches!(
        &slots[3],
        None | Some(Value::Int(0)) | Some(Value::Bool(false))
    ) {
        return Err(PyErr::new(
            ExcType::NotImplementedError,
            "compile() flags are not supported by krait",
        ));
    }
    match &slots[0] {
        Some(code @ Value::Code(_)) => Ok(code.clone()),
        Some(Value::Str(s)) => Ok(Value::Code(compile_text(vm, s.as_str(), &filename, mode)?)),
        Some(other) => Err(PyErr::type_error(format!(
            "compile() arg 1 must be a string, bytes or AST object, not {}",
            other.type_name()
        ))),
        None => unreachable!("checked above"),
    }
}

fn compile_text(
    vm: &mut Vm,
    src: &str,
    filename: &str,
    mode: Mode,
) -> PyResult<Rc<crate::bytecode::Code>> {
    if src.contains('\0') {
        return Err(PyErr::new(
            ExcType::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    let r = match mode {
        Mode::Exec => crate::compile::compile_source(src, filename),
        Mode::Eval => crate::compile::compile_eval(src, filename),
    };
    match r {
        Ok(code) => {
            vm.adopt_code(&code);
            Ok(code)
        }
        Err(e) => Err(vm.syntax_error(e)),
    }
}

/// eval/exec: the code, then the namespaces (the caller's when none are
/// given; locals default to globals), `__builtins__` added to globals.
fn run(vm: &mut Vm, args: &[Value], mode: Mode, name: &str) -> PyResult<Value> {
    let code = match &args[0] {
        Value::Code(c) => c.clone(),
        Value::Str(s) => compile_text(vm, s.as_str(), STRING_FILENAME, mode)?,
        _ => {
            return Err(PyErr::type_error(format!(
                "{name}() arg 1 must be a string, bytes or code object"
            )))
        }
    };
    let globals = args.get(1).filter(|v| !v.is_none());
    let locals = args.get(2).filter(|v| !v.is_none());
    let (globals, locals) = match (globals, locals) {
        (None, None) => {
            let depth = vm.frames.len() - 1;
            let g = vm.frames[depth].globals.clone();
            (g, vm.frame_locals_dict(depth))
        }
        (None, Some(l)) => {
            let depth = vm.frames.len() - 1;
            (vm.frames[depth].globals.clone(), as_locals(l)?)
        }
        (Some(g), l) => {
            let Value::Dict(g) = g else {
                return Err(PyErr::type_error(if mode == Mode::Eval {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                } else {
                    format!("exec() globals must be a dict, not {}", g.type_name())
                }));
            };
            let l = match l {
                Some(l) => as_locals(l)?,
                None => g.clone(),
            };
            (g.clone(), l)
        }
    };
    if globals.borrow().get_str("__builtins__").is_none() {
        let b = Value::Dict(vm.builtins.clone());
        globals.borrow_mut().set_str("__builtins__", b);
    }
    vm.run_code(code, globals, locals)
}

fn as_locals(v: &Value) -> PyResult<Rc<RefCell<Dict>>> {
    match v {
        Value::Dict(d) => Ok(d.clone()),
        other => Err(PyErr::type_error(format!(
            "locals must be a mapping, not {}",
            other.type_name()
        ))),
    }
}
