//! The `generator` type: what calling a generator function (or a generator
//! expression) makes. Its frame suspends and resumes in `vm/iter.rs`; here
//! are the methods a program calls on it and its attributes.

use std::cell::RefCell;
use std::rc::Rc;

use super::typedef::{AttrDef, FnDef, Params, Params::*, TypeDef};
use crate::value::{ExcType, Kwargs, NativeFn, PyErr, PyResult, Value};
use crate::vm::iter::{GenInput, GenStep, IterObj};
use crate::vm::Vm;

fn is_generator(v: &Value) -> bool {
    crate::vm::sink::generator_of(v).is_some()
}

const fn m(name: &'static str, params: Params, func: NativeFn) -> FnDef {
    FnDef::method("generator", is_generator, name, params, func)
}

pub static TYPE: TypeDef = TypeDef {
    methods: &[
        m("__next__", NoArgs, next),
        m("send", One, send),
        m("throw", Positional(1, 3), throw),
        m("close", NoArgs, close),
    ],
    attrs: &[
        AttrDef::new("gi_running", |_, v| Ok(Value::Bool(gen(v).running))),
        AttrDef::new("gi_code", |_, v| Ok(Value::Code(gen(v).func.code.clone()))),
        AttrDef::new("gi_yieldfrom", |_, v| {
            Ok(Vm::yield_from_target(cell(v)).unwrap_or(Value::None))
        }),
        AttrDef::new("gi_frame", gi_frame),
        AttrDef::new("__name__", |_, v| {
            Ok(Value::Str(gen(v).func.name.borrow().clone()))
        }),
        AttrDef::new("__qualname__", |_, v| {
            Ok(Value::Str(gen(v).func.qualname.borrow().clone()))
        }),
    ],
    getattr: None,
};

/// The state of the generator an attribute is read from.
fn gen(v: &Value) -> std::cell::Ref<'_, crate::vm::iter::GenState> {
    std::cell::Ref::map(cell(v).borrow(), |it| match it {
        IterObj::Generator(g) => g,
        _ => unreachable!("generator attribute of another iterator"),
    })
}

/// None once finished; krait makes no frame object for a suspended frame.
fn gi_frame(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match gen(v).done {
        true => Ok(Value::None),
        false => Err(PyErr::new(
            ExcType::NotImplementedError,
            "generator.gi_frame of an unfinished generator is not supported by krait yet",
        )),
    }
}

/// The receiver, which `FnDef::check` made sure is a generator.
fn recv(args: &[Value]) -> &Rc<RefCell<IterObj>> {
    cell(&args[0])
}

/// The generator a method or attribute is applied to.
fn cell(v: &Value) -> &Rc<RefCell<IterObj>> {
    match v {
        Value::Iter(it) => it,
        _ => unreachable!("generator method on another value"),
    }
}

/// What `next(g)` and `g.send(v)` give back: the yielded value, or the
/// `StopIteration` carrying what the frame returned (none for None).
pub(crate) fn step_result(step: GenStep) -> PyResult<Value> {
    match step {
        GenStep::Yielded(v) => Ok(v),
        GenStep::Returned(Value::None) => Err(PyErr::bare(ExcType::StopIteration)),
        GenStep::Returned(v) => Err(PyErr::Args(ExcType::StopIteration, vec![v])),
    }
}

fn next(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let g = recv(args).clone();
    let step = vm.resume_gen_with(&g, GenInput::Next, false)?;
    step_result(step)
}

fn send(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let g = recv(args).clone();
    let step = vm.resume_gen_with(&g, GenInput::Send(args[1].clone()), false)?;
    step_result(step)
}

/// `g.throw(type[, value[, traceback]])`: the exception is raised where the
/// generator waits.
fn throw(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let g = recv(args).clone();
    let (typ, val) = (&args[1], args.get(2).filter(|v| !v.is_none()));
    let exc = match (typ, val) {
        (_, None) => typ.clone(),
        (Value::Class(c), Some(v)) if c.is_exception() => {
            let is_instance = matches!(v, Value::Instance(i) if i.class.is_subclass(c));
            if is_instance {
                v.clone()
            } else {
                let a = match v {
                    Value::Tuple(t) => t.to_vec(),
                    v => vec![v.clone()],
                };
                vm.call_value(typ, a, vec![])?
            }
        }
        (Value::Instance(i), Some(_)) if i.class.is_exception() => {
            return Err(PyErr::type_error(
                "instance exception may not have a separate value",
            ))
        }
        _ => typ.clone(),
    };
    let e = match vm.make_raise(exc, None)? {
        PyErr::Obj(e) => e,
        // Neither an exception class nor an instance: raised as it is.
        other => return Err(other),
    };
    if let Value::Instance(i) = &e {
        if !i.class.is_exception() {
            return Err(PyErr::type_error(
                "exceptions must be classes or instances deriving from BaseException, not type",
            ));
        }
    }
    let step = vm.resume_gen_with(&g, GenInput::Throw(PyErr::Obj(e)), false)?;
    step_result(step)
}

/// `g.close()`
fn close(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let g = recv(args).clone();
    vm.close_generator(&g)?;
    Ok(Value::None)
}
