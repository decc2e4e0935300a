//! The `string` module: its constants and `capwords` (a Python function
//! in CPython, so its calls report no `c_call`). `Template` and
//! `Formatter` are refused.

use super::{module, python_levels};
use crate::builtins::typedef::{FnDef, ModuleDef, Params::*, PySig};
use crate::value::{ExcType, Kwargs, PyErr, PyResult, Value};
use crate::vm::Vm;

static CAPWORDS: PySig = PySig {
    qualname: "capwords",
    names: &["s", "sep"],
    positional: 2,
    required: 1,
    method: false,
};

static MODULE: ModuleDef = ModuleDef {
    name: "string",
    functions: &[
        FnDef::python("string", &CAPWORDS, capwords),
        FnDef::function("string", "Template", Own, refuse_template),
        FnDef::function("string", "Formatter", Own, refuse_formatter),
    ],
};

const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const PUNCTUATION: &str = r##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##;
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

pub(super) fn install(vm: &mut Vm) {
    let letters = format!("{LOWER}{UPPER}");
    let printable = format!("{DIGITS}{letters}{PUNCTUATION}{WHITESPACE}");
    module(
        vm,
        &MODULE,
        vec![
            ("ascii_lowercase", Value::str(LOWER)),
            ("ascii_uppercase", Value::str(UPPER)),
            ("ascii_letters", Value::str(&letters)),
            ("digits", Value::str(DIGITS)),
            ("hexdigits", Value::str("0123456789abcdefABCDEF")),
            ("octdigits", Value::str("01234567")),
            ("punctuation", Value::str(PUNCTUATION)),
            ("whitespace", Value::str(WHITESPACE)),
            ("printable", Value::str(&printable)),
        ],
    );
}

/// `(sep or ' ').join(map(str.capitalize, s.split(sep)))`, in that order:
/// `join` is looked up before `s.split` runs.
fn capwords(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [s, sep, ..] = CAPWORDS.bind(args, kw)?;
    python_levels(vm, "PCC")?;
    let (s, sep) = (s.unwrap_or_default(), sep.unwrap_or(Value::None));
    let joiner = match vm.truthy(&sep)? {
        true => sep.clone(),
        false => Value::str(" "),
    };
    let join = vm.getattr(&joiner, "join")?;
    let split = vm.getattr(&s, "split")?;
    let parts = vm.call_value(&split, vec![sep], vec![])?;
    let capitalize = vm
        .types
        .str_
        .lookup("capitalize")
        .expect("str has capitalize");
    let mut words = vec![];
    for part in vm.collect(&parts)? {
        words.push(vm.call_value(&capitalize, vec![part], vec![])?);
    }
    vm.call_value(&join, vec![Value::list(words)], vec![])
}

fn refuse_template(_: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Err(PyErr::new(
        ExcType::NotImplementedError,
        "krait does not support string.Template",
    ))
}

fn refuse_formatter(_: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Err(PyErr::new(
        ExcType::NotImplementedError,
        "krait does not support string.Formatter",
    ))
}
