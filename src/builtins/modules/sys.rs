//! The `sys` module.

use super::module;
use crate::builtins::typedef::{FnDef, ModuleDef, Params::*};
use std::cell::RefCell;
use std::rc::Rc;

use crate::value::class::AttrMap;
use crate::value::{
    Class, ExcType, Instance, Kwargs, NativeFn, PyErr, PyResult, PyStr, TypeKind, Value,
};
use crate::vm::Vm;

const fn f(name: &'static str, params: crate::builtins::typedef::Params, func: NativeFn) -> FnDef {
    FnDef::function("sys", name, params, func)
}

static MODULE: ModuleDef = ModuleDef {
    name: "sys",
    functions: &[
        f("settrace", One, settrace),
        f("gettrace", NoArgs, gettrace),
        f("setprofile", One, setprofile),
        f("getprofile", NoArgs, getprofile),
        f("_getframe", Positional(0, 1), getframe),
        f("exit", Positional(0, 1), exit),
        f("setrecursionlimit", One, setrecursionlimit),
        f("getrecursionlimit", NoArgs, getrecursionlimit),
        f("exc_info", NoArgs, exc_info),
        f("intern", One, intern),
        f("breakpointhook", Own, breakpointhook),
    ],
};

/// `sys.stdout` and `sys.stderr`: modules standing in for CPython's text
/// streams, whose methods are named as `TextIOWrapper`'s.
static STDOUT: ModuleDef = ModuleDef {
    name: "sys.stdout",
    functions: &[
        FnDef::function("TextIOWrapper", "write", One, stdout_write),
        FnDef::function("TextIOWrapper", "flush", NoArgs, stdout_flush),
    ],
};

static STDERR: ModuleDef = ModuleDef {
    name: "sys.stderr",
    functions: &[
        FnDef::function("TextIOWrapper", "write", One, stderr_write),
        FnDef::function("TextIOWrapper", "flush", NoArgs, stdout_flush),
    ],
};

/// `sys.stdin`, standing in for CPython's text stream as `sys.stdout` does;
/// iterating over it reads lines (`Vm::get_iter`).
static STDIN: ModuleDef = ModuleDef {
    name: "sys.stdin",
    functions: &[
        FnDef::function(
            "TextIOWrapper",
            "readline",
            Positional(0, 1),
            stdin_readline,
        ),
        FnDef::function("TextIOWrapper", "read", Positional(0, 1), stdin_read),
        FnDef::function(
            "TextIOWrapper",
            "readlines",
            Positional(0, 1),
            stdin_readlines,
        ),
    ],
};

/// `sys.version_info`'s fields, in order.
const VERSION_FIELDS: [&str; 5] = ["major", "minor", "micro", "releaselevel", "serial"];

/// `sys.version_info`: CPython's struct sequence, a tuple whose fields are
/// also attributes (here the class's: it has one instance), with its repr.
fn version_info(vm: &mut Vm) -> Value {
    let values = [
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        Value::str("final"),
        Value::Int(0),
    ];
    let mut dict = AttrMap::default();
    for (name, v) in VERSION_FIELDS.iter().zip(values.iter()) {
        dict.insert(vm.intern(name), v.clone());
    }
    dict.insert(
        vm.intern("__repr__"),
        crate::builtins::native("__repr__", version_info_repr),
    );
    let name: crate::value::Str = Rc::new(PyStr::new("version_info"));
    let class = crate::gc::alloc(Class {
        name: name.clone(),
        qualname: name,
        module: Rc::new(PyStr::new("sys")),
        base: Some(vm.types.tuple.clone()),
        kind: TypeKind::Tuple,
        is_user: true,
        dict: RefCell::new(dict),
        slot_hint: Default::default(),
    });
    let inst = Instance::with_payload(class, Value::tuple(values.to_vec()));
    Value::Instance(crate::gc::alloc(inst))
}

/// `sys.version_info(major=3, minor=11, micro=7, releaselevel='final', serial=0)`
fn version_info_repr(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let items = match args.first().map(Value::builtin_value) {
        Some(Value::Tuple(t)) => t.to_vec(),
        _ => {
            return Err(PyErr::type_error(
                "descriptor requires a 'sys.version_info' object",
            ))
        }
    };
    let mut parts = Vec::with_capacity(items.len());
    for (name, v) in VERSION_FIELDS.iter().zip(items.iter()) {
        parts.push(format!("{name}={}", vm.repr(v)?));
    }
    Ok(Value::string(format!(
        "sys.version_info({})",
        parts.join(", ")
    )))
}

pub(super) fn install(vm: &mut Vm) {
    let stdout = module(vm, &STDOUT, vec![]);
    let stderr = module(vm, &STDERR, vec![]);
    let stdin = module(vm, &STDIN, vec![]);
    vm.modules.remove("sys.stdout");
    vm.modules.remove("sys.stderr");
    vm.modules.remove("sys.stdin");
    let version_info = version_info(vm);
    module(
        vm,
        &MODULE,
        vec![
            ("stdin", stdin),
            ("stdout", stdout),
            ("stderr", stderr),
            ("version_info", version_info),
            ("version", Value::str("3.11.7 (krait)")),
            ("maxsize", Value::Int(i64::MAX)),
            ("platform", Value::str("linux")),
            ("byteorder", Value::str("little")),
            ("argv", Value::list(vec![])),
            ("path", Value::list(vec![])),
            ("modules", Value::Dict(vm.sys_modules.clone())),
        ],
    );
    let sys = vm.modules["sys"].clone();
    if let Value::Module(m) = &sys {
        m.dict
            .borrow_mut()
            .set_str("implementation", implementation(vm));
        let hook = m.dict.borrow().get_str("breakpointhook").cloned();
        if let Some(hook) = hook {
            m.dict.borrow_mut().set_str("__breakpointhook__", hook);
        }
    }
    vm.sys_modules.borrow_mut().set_str("sys", sys);
}

/// `sys.implementation`: krait's name and version (PEP 421: the
/// implementation's, not the language's); no bytecode cache (`cache_tag`
/// None, as the PEP says for that).
fn implementation(vm: &mut Vm) -> Value {
    let mut parts: Vec<i64> = env!("CARGO_PKG_VERSION")
        .split('.')
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    parts.resize(3, 0);
    let hexversion = (parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | 0xf0;
    let mut version: Vec<Value> = parts.into_iter().map(Value::Int).collect();
    version.extend([Value::str("final"), Value::Int(0)]);
    // Its attributes in a dict of its own: slots would add transitions to
    // the shapes every interpreter of the thread shares.
    let mut d = crate::value::Dict::new();
    for (name, v) in [
        ("name", Value::str("krait")),
        ("cache_tag", Value::None),
        ("version", Value::tuple(version)),
        ("hexversion", Value::Int(hexversion)),
    ] {
        d.set_str(name, v);
    }
    let ns = crate::value::Instance::new(vm.types.simple_namespace.clone());
    ns.set_dict(crate::gc::alloc(std::cell::RefCell::new(d)));
    Value::Instance(crate::gc::alloc(ns))
}

impl Vm {
    /// `sys.NAME` as the program sees it now (it may have replaced it).
    pub fn sys_attr(&self, name: &str) -> Option<Value> {
        match self.modules.get("sys") {
            Some(Value::Module(m)) => m.dict.borrow().get_str(name).cloned(),
            _ => None,
        }
    }

    /// Sets `sys.path` (where `import` looks for the program's files).
    pub fn set_sys_path(&mut self, dirs: Vec<String>) {
        if let Some(Value::Module(m)) = self.modules.get("sys") {
            m.dict.borrow_mut().set_str(
                "path",
                Value::list(dirs.iter().map(|a| Value::str(a)).collect()),
            );
        }
    }

    /// Sets `sys.argv`.
    pub fn set_argv(&mut self, argv: Vec<String>) {
        if let Some(Value::Module(m)) = self.modules.get("sys") {
            m.dict.borrow_mut().set_str(
                "argv",
                Value::list(argv.iter().map(|a| Value::str(a)).collect()),
            );
        }
        self.argv = argv;
    }
}

fn stdout_write(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Value::Str(s) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            args[0].type_name()
        )));
    };
    vm.write_stdout_str(s.as_str())?;
    Ok(Value::Int(s.char_len() as i64))
}

fn stderr_write(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let Value::Str(s) = &args[0] else {
        return Err(PyErr::type_error(format!(
            "write() argument must be str, not {}",
            args[0].type_name()
        )));
    };
    vm.write_stderr_str(s.as_str());
    Ok(Value::Int(s.char_len() as i64))
}

fn stdout_flush(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    vm.flush();
    Ok(Value::None)
}

fn settrace(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    vm.trace.sys_trace = args[0].clone();
    vm.trace_changed();
    Ok(Value::None)
}

fn gettrace(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(vm.trace.sys_trace.clone())
}

fn setprofile(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    vm.trace.sys_profile = args[0].clone();
    vm.trace_changed();
    Ok(Value::None)
}

fn getprofile(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(vm.trace.sys_profile.clone())
}

fn getframe(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let depth = match args.first() {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let top = vm.frames.len() as i64 - 1;
    if depth < 0 || depth > top {
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    Ok(Value::Frame(vm.frame_object((top - depth) as usize)))
}

fn exit(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Err(PyErr::Args(ExcType::SystemExit, args.to_vec()))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    if matches!(args[0], Value::BigInt(_)) {
        return Err(PyErr::overflow("Python int too large to convert to C int"));
    }
    let n = vm.index_value(&args[0])?;
    if n > i32::MAX as i64 || n < i32::MIN as i64 {
        return Err(PyErr::overflow("Python int too large to convert to C int"));
    }
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    let depth = vm.recursion_depth();
    if n as usize <= depth {
        return Err(PyErr::new(
            ExcType::RecursionError,
            format!(
                "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
                n, depth
            ),
        ));
    }
    vm.set_recursion_limit(n as usize);
    Ok(Value::None)
}

fn getrecursionlimit(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(vm.script_recursion_limit() as i64))
}

fn exc_info(vm: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    let e = vm.exc_info.clone();
    if e.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let cls = Value::Class(vm.exc_class(&e));
    let tb = vm.getattr(&e, "__traceback__")?;
    Ok(Value::tuple(vec![cls, e, tb]))
}

fn intern(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    match &args[0] {
        v @ Value::Str(_) => Ok(v.clone()),
        v => Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            v.type_name()
        ))),
    }
}

/// The default `sys.breakpointhook`: CPython's starts pdb, which krait does
/// not have; a program or host that wants `breakpoint()` installs its own.
fn breakpointhook(_: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Err(PyErr::new(
        ExcType::NotImplementedError,
        "breakpoint(): krait has no pdb; set sys.breakpointhook to a function of your own",
    ))
}

/// The read methods read everything: a size (or hint) argument other than
/// None or a negative number is refused, naming the call.
fn whole_reads_only(args: &[Value], call: &str) -> PyResult<()> {
    match args.first() {
        None | Some(Value::None) => Ok(()),
        Some(Value::Int(n)) if *n < 0 => Ok(()),
        Some(Value::Int(_)) => Err(PyErr::new(
            ExcType::NotImplementedError,
            format!("sys.stdin.{call} is not supported by krait"),
        )),
        Some(other) => Err(PyErr::type_error(format!(
            "argument should be integer or None, not '{}'",
            other.type_name()
        ))),
    }
}

fn stdin_readline(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    whole_reads_only(args, "readline(size)")?;
    Ok(Value::string(vm.read_stdin_line()?.unwrap_or_default()))
}

fn stdin_read(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    whole_reads_only(args, "read(size)")?;
    let mut all = String::new();
    while let Some(line) = vm.read_stdin_line()? {
        all.push_str(&line);
    }
    Ok(Value::string(all))
}

fn stdin_readlines(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    whole_reads_only(args, "readlines(hint)")?;
    let mut lines = Vec::new();
    while let Some(line) = vm.read_stdin_line()? {
        lines.push(Value::string(line));
    }
    Ok(Value::list(lines))
}
