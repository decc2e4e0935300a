//! Attribute lookup, assignment and deletion, and method loading.

use std::rc::Rc;

use crate::value::class::NameRef;
use crate::value::{Builtin, Descr, ExcType, PyErr, PyResult, Str, TypeKind, Value};

use super::Vm;

/// `f_locals` of a finished frame (built from its frozen slots once).
fn frozen_locals(f: &super::FrameObj) -> Rc<std::cell::RefCell<crate::value::Dict>> {
    if let Some(d) = f.locals.borrow().as_ref() {
        return d.clone();
    }
    let mut d = crate::value::Dict::new();
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
    let d = Rc::new(std::cell::RefCell::new(d));
    *f.locals.borrow_mut() = Some(d.clone());
    d
}

impl Vm {
    /// `cls.name` along the class chain, through the type cache.
    #[inline]
    pub(crate) fn class_attr(
        &mut self,
        cls: &Rc<crate::value::Class>,
        name: &Str,
    ) -> Option<Value> {
        let key = (Rc::as_ptr(cls) as usize, Rc::as_ptr(name) as usize);
        if let Some((_, _, v)) = self.type_cache.get(&key) {
            return v.clone();
        }
        let v = cls.lookup_str(name);
        if self.type_cache.len() > 8192 {
            self.type_cache.clear();
        }
        self.type_cache
            .insert(key, (cls.clone(), name.clone(), v.clone()));
        v
    }

    /// `obj.name` by `&str` (interned names preferred on hot paths).
    pub fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let s: Str = Rc::new(crate::value::PyStr::new(name));
        self.getattr_str(obj, &s)
    }

    /// `LoadMethod`: the function and whether to pass `obj` as self.
    pub(crate) fn load_method(&mut self, obj: &Value, name: &Str) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(i) => {
                if i.attrs.borrow().contains_key(name) {
                    return Ok(None);
                }
                match self.class_attr(&i.class, name) {
                    Some(f @ Value::Function(_)) => Ok(Some(f)),
                    Some(b @ Value::Builtin(_)) => Ok(Some(b)),
                    _ => Ok(None),
                }
            }
            // super() objects resolve attributes themselves (getattr_str).
            Value::Class(_) | Value::Module(_) | Value::Descr(_) => Ok(None),
            _ => {
                // Through the MRO: bool inherits int's methods.
                let found = self.types.type_of(obj).lookup_str(name);
                match found {
                    Some(b @ Value::Builtin(_)) => Ok(Some(b)),
                    _ => Ok(None),
                }
            }
        }
    }

    pub fn getattr_str(&mut self, obj: &Value, name: &Str) -> PyResult<Value> {
        match obj {
            Value::Instance(inst) => {
                let class_attr = self.class_attr(&inst.class, name);
                if let Some(Value::Descr(d)) = &class_attr {
                    if let Descr::Property { fget, .. } = &**d {
                        if fget.is_none() {
                            return Err(PyErr::attribute_error(format!(
                                "property '{}' of '{}' object has no getter",
                                name.as_str(),
                                inst.class.name.as_str()
                            )));
                        }
                        return self.call_value(fget, vec![obj.clone()], vec![]);
                    }
                }
                if let Some(v) = inst.attrs.borrow().get(name) {
                    return Ok(v.clone());
                }
                if let Some(ca) = class_attr {
                    return Ok(self.bind_class_attr(ca, obj, &inst.class));
                }
                match name.as_str() {
                    "__class__" => return Ok(Value::Class(inst.class.clone())),
                    "__dict__" => {
                        let mut d = crate::value::Dict::new();
                        for (k, v) in inst.attrs.borrow().iter() {
                            if inst.class.is_exception() && k.as_str() == "args" {
                                continue;
                            }
                            d.set_str(k.as_str(), v.clone());
                        }
                        return Ok(Value::dict(d));
                    }
                    _ => {}
                }
                if inst.class.is_exception() {
                    match name.as_str() {
                        "__cause__" | "__context__" => return Ok(Value::None),
                        "__suppress_context__" => return Ok(Value::Bool(false)),
                        "code" | "value"
                            if matches!(
                                (inst.class.kind, name.as_str()),
                                (TypeKind::Exception(ExcType::SystemExit), "code")
                                    | (TypeKind::Exception(ExcType::StopIteration), "value")
                            ) =>
                        {
                            return Ok(match inst.get_attr("args") {
                                Some(Value::Tuple(t)) if t.len() == 1 => t[0].clone(),
                                Some(Value::Tuple(t)) if t.is_empty() => Value::None,
                                Some(other) => other,
                                None => Value::None,
                            });
                        }
                        "__traceback__" => {
                            return Ok(match inst.traceback.borrow().clone() {
                                Some(tb) => Value::Traceback(tb),
                                None => Value::None,
                            });
                        }
                        _ => {}
                    }
                }
                if let Some(ga) = inst.class.lookup_user("__getattr__") {
                    return self.call_value(
                        &ga,
                        vec![obj.clone(), Value::Str(name.clone())],
                        vec![],
                    );
                }
                Err(PyErr::attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    inst.class.name.as_str(),
                    name.as_str()
                )))
            }
            Value::Class(c) => {
                if let Some(v) = c.lookup_str(name) {
                    return Ok(match v {
                        Value::Descr(d) => match &*d {
                            Descr::ClassMethod(f) => self.bind(f.clone(), obj.clone()),
                            Descr::StaticMethod(f) => f.clone(),
                            _ => Value::Descr(d.clone()),
                        },
                        Value::Builtin(b) if b.name == "fromkeys" => {
                            Value::Builtin(Rc::new(Builtin {
                                name: b.name,
                                owner: b.owner,
                                func: b.func,
                                bound_self: Some(obj.clone()),
                            }))
                        }
                        other => other,
                    });
                }
                match name.as_str() {
                    "__name__" => Ok(Value::Str(c.name.clone())),
                    "__qualname__" => Ok(Value::Str(c.qualname.clone())),
                    "__module__" => Ok(Value::Str(c.module.clone())),
                    "__doc__" => Ok(Value::None),
                    "__base__" => Ok(c.base.clone().map(Value::Class).unwrap_or(Value::None)),
                    "__bases__" => Ok(Value::tuple(
                        c.base.clone().map(Value::Class).into_iter().collect(),
                    )),
                    "__mro__" => Ok(Value::tuple(
                        c.mro().into_iter().map(Value::Class).collect(),
                    )),
                    "__dict__" => {
                        let mut d = crate::value::Dict::new();
                        for (k, v) in c.dict.borrow().iter() {
                            d.set_str(k.as_str(), v.clone());
                        }
                        Ok(Value::dict(d))
                    }
                    "__class__" => Ok(Value::Class(self.types.type_.clone())),
                    _ => Err(PyErr::attribute_error(format!(
                        "type object '{}' has no attribute '{}'",
                        c.name.as_str(),
                        name.as_str()
                    ))),
                }
            }
            Value::Module(m) => match m.dict.borrow().get_str(name.as_str()) {
                Some(v) => Ok(v.clone()),
                None => Err(PyErr::attribute_error(format!(
                    "module '{}' has no attribute '{}'",
                    m.name.as_str(),
                    name.as_str()
                ))),
            },
            _ => {
                if let Some(v) = self.special_attr(obj, name.as_str())? {
                    return Ok(v);
                }
                let found = self.types.type_of(obj).lookup_str(name);
                if let Some(v) = found {
                    return Ok(match v {
                        Value::Builtin(b) => Value::Builtin(Rc::new(Builtin {
                            name: b.name,
                            owner: b.owner,
                            func: b.func,
                            bound_self: Some(obj.clone()),
                        })),
                        other => other,
                    });
                }
                Err(PyErr::attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    obj.type_name(),
                    name.as_str()
                )))
            }
        }
    }

    /// A class attribute seen through an instance.
    fn bind_class_attr(&mut self, ca: Value, obj: &Value, cls: &Rc<crate::value::Class>) -> Value {
        match ca {
            Value::Function(_) => self.bind(ca, obj.clone()),
            Value::Builtin(b) => Value::Builtin(Rc::new(Builtin {
                name: b.name,
                owner: b.owner,
                func: b.func,
                bound_self: Some(obj.clone()),
            })),
            Value::Descr(d) => match &*d {
                Descr::StaticMethod(f) => f.clone(),
                Descr::ClassMethod(f) => self.bind(f.clone(), Value::Class(cls.clone())),
                _ => Value::Descr(d.clone()),
            },
            other => other,
        }
    }

    /// Attributes of built-in objects that are data, not methods.
    fn special_attr(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(match (obj, name) {
            (_, "__class__") => Value::Class(self.types.type_of(obj)),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "real" | "numerator") => {
                match obj {
                    Value::Bool(b) => Value::Int(*b as i64),
                    _ => obj.clone(),
                }
            }
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Value::Int(0),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => Value::Int(1),
            (Value::Float(_), "real") => obj.clone(),
            (Value::Float(_), "imag") => Value::Float(0.0),
            (Value::Function(f), _) => match name {
                "__name__" => Value::Str(f.name.borrow().clone()),
                "__qualname__" => Value::Str(f.qualname.borrow().clone()),
                "__code__" => Value::Code(f.code.clone()),
                "__defaults__" => {
                    if f.defaults.is_empty() {
                        Value::None
                    } else {
                        Value::tuple(f.defaults.clone())
                    }
                }
                "__globals__" => Value::Dict(f.globals.clone()),
                "__kwdefaults__" => {
                    if f.kwdefaults.is_empty() {
                        Value::None
                    } else {
                        let mut d = crate::value::Dict::new();
                        for (k, v) in &f.kwdefaults {
                            d.set_str(k.as_str(), v.clone());
                        }
                        Value::dict(d)
                    }
                }
                "__closure__" => {
                    if f.closure.is_empty() {
                        Value::None
                    } else {
                        Value::tuple(f.closure.iter().map(|c| Value::Cell(c.clone())).collect())
                    }
                }
                "__dict__" => {
                    let mut d = crate::value::Dict::new();
                    for (k, v) in f.attrs.borrow().iter() {
                        if k.as_str() != "__doc__" && k.as_str() != "__module__" {
                            d.set_str(k.as_str(), v.clone());
                        }
                    }
                    Value::dict(d)
                }
                _ => match f.attrs.borrow().get(&NameRef(name)) {
                    Some(v) => v.clone(),
                    None => return Ok(None),
                },
            },
            (Value::BoundMethod(m), "__self__") => m.self_.clone(),
            (Value::BoundMethod(m), "__func__") => m.func.clone(),
            (Value::BoundMethod(m), _) if name.starts_with("__") => {
                let f = m.func.clone();
                return self.getattr(&f, name).map(Some).or(Ok(None));
            }
            (Value::Builtin(b), "__name__") => Value::str(b.name),
            (Value::Builtin(b), "__qualname__") => match b.owner {
                Some(o) => Value::string(format!("{}.{}", o, b.name)),
                None => Value::str(b.name),
            },
            (Value::Builtin(b), "__self__") => b.bound_self.clone().unwrap_or(Value::None),
            (Value::Builtin(_), "__module__") => Value::str("builtins"),
            (Value::Code(c), _) => match name {
                "co_name" => Value::Str(c.name.clone()),
                "co_qualname" => Value::Str(c.qualname.clone()),
                "co_filename" => Value::Str(c.filename.clone()),
                "co_firstlineno" => Value::Int(c.firstlineno as i64),
                "co_argcount" => Value::Int(c.argcount as i64),
                "co_posonlyargcount" => Value::Int(c.posonlyargcount as i64),
                "co_kwonlyargcount" => Value::Int(c.kwonlyargcount as i64),
                "co_nlocals" => Value::Int(c.varnames.len() as i64),
                "co_flags" => Value::Int(c.flags as i64),
                "co_varnames" => {
                    Value::tuple(c.varnames.iter().map(|v| Value::Str(v.clone())).collect())
                }
                "co_cellvars" => {
                    Value::tuple(c.cellvars.iter().map(|v| Value::Str(v.clone())).collect())
                }
                "co_freevars" => {
                    Value::tuple(c.freevars.iter().map(|v| Value::Str(v.clone())).collect())
                }
                "co_names" => Value::tuple(c.names.iter().map(|v| Value::Str(v.clone())).collect()),
                "co_consts" => Value::tuple(c.consts.clone()),
                _ => return Ok(None),
            },
            (Value::Frame(f), _) => match name {
                "f_code" => Value::Code(f.code.clone()),
                "f_lineno" => Value::Int(self.frame_obj_line(f) as i64),
                "f_back" => f
                    .back
                    .borrow()
                    .clone()
                    .map(Value::Frame)
                    .unwrap_or(Value::None),
                "f_globals" => Value::Dict(f.globals.clone()),
                "f_builtins" => Value::Dict(self.builtins.clone()),
                "f_locals" => match f.live.get() {
                    Some(i) if i < self.frames.len() => Value::Dict(self.frame_locals_dict(i)),
                    _ => Value::Dict(frozen_locals(f)),
                },
                "f_trace" => f.f_trace.borrow().clone(),
                "f_trace_lines" => Value::Bool(f.trace_lines.get()),
                "f_trace_opcodes" => Value::Bool(f.trace_opcodes.get()),
                "f_lasti" => match f.live.get() {
                    Some(i) if i < self.frames.len() => {
                        Value::Int(self.frames[i].ip.saturating_sub(1) as i64 * 2)
                    }
                    _ => Value::Int(f.final_lasti.get()),
                },
                _ => return Ok(None),
            },
            (Value::Traceback(t), _) => match name {
                "tb_lineno" => Value::Int(t.lineno as i64),
                "tb_next" => t.next.clone().map(Value::Traceback).unwrap_or(Value::None),
                _ => return Ok(None),
            },
            (Value::Slice(s), "start") => s.start.clone(),
            (Value::Slice(s), "stop") => s.stop.clone(),
            (Value::Slice(s), "step") => s.step.clone(),
            (Value::Range(r), "start") => Value::Int(r.start),
            (Value::Range(r), "stop") => Value::Int(r.stop),
            (Value::Range(r), "step") => Value::Int(r.step),
            (Value::Descr(d), _) => match (&**d, name) {
                (Descr::Property { fget, .. }, "fget") => fget.clone(),
                (Descr::Property { fset, .. }, "fset") => fset.clone(),
                (Descr::Property { doc, .. }, "__doc__") => doc.clone(),
                (Descr::Partial { func, .. }, "func") => func.clone(),
                (Descr::Partial { args, .. }, "args") => Value::tuple(args.clone()),
                (Descr::Partial { kwargs, .. }, "keywords") => {
                    let mut dd = crate::value::Dict::new();
                    for (k, v) in kwargs {
                        dd.set_str(k.as_str(), v.clone());
                    }
                    Value::dict(dd)
                }
                (Descr::StaticMethod(f) | Descr::ClassMethod(f), "__func__") => f.clone(),
                (Descr::Super { start_after, obj }, _) => {
                    return self
                        .super_getattr(start_after.clone(), obj.clone(), name)
                        .map(Some)
                }
                _ => return Ok(None),
            },
            (Value::Cell(c), "cell_contents") => c.borrow().clone(),
            (Value::Tuple(t), "major" | "minor" | "micro" | "releaselevel" | "serial")
                if self.is_version_info(obj) =>
            {
                let i = ["major", "minor", "micro", "releaselevel", "serial"]
                    .iter()
                    .position(|n| *n == name)
                    .unwrap_or(0);
                t[i].clone()
            }
            _ => return Ok(None),
        }))
    }

    /// Whether `v` is `sys.version_info` (a tuple with named fields).
    fn is_version_info(&self, v: &Value) -> bool {
        let Some(Value::Module(m)) = self.modules.get("sys") else {
            return false;
        };
        let d = m.dict.borrow();
        matches!(d.get_str("version_info"), Some(vi) if vi.is(v))
    }

    /// `super().name`: lookup starts after `start_after` in obj's MRO.
    fn super_getattr(
        &mut self,
        start_after: Rc<crate::value::Class>,
        obj: Value,
        name: &str,
    ) -> PyResult<Value> {
        let cls = match &obj {
            Value::Class(c) => c.clone(),
            _ => self.types.type_of(&obj),
        };
        let mro = cls.mro();
        let pos = mro
            .iter()
            .position(|c| Rc::ptr_eq(c, &start_after))
            .unwrap_or(0);
        for c in &mro[pos + 1..] {
            let found = c.dict.borrow().get(&NameRef(name)).cloned();
            if let Some(v) = found {
                return Ok(match v {
                    Value::Function(_) => match &obj {
                        Value::Class(_) => v,
                        _ => self.bind(v, obj.clone()),
                    },
                    Value::Builtin(b) => Value::Builtin(Rc::new(Builtin {
                        name: b.name,
                        owner: b.owner,
                        func: b.func,
                        bound_self: Some(obj.clone()),
                    })),
                    Value::Descr(d) => match &*d {
                        Descr::ClassMethod(f) => self.bind(f.clone(), Value::Class(cls.clone())),
                        Descr::StaticMethod(f) => f.clone(),
                        Descr::Property { fget, .. } => {
                            let g = fget.clone();
                            return self.call_value(&g, vec![obj.clone()], vec![]);
                        }
                        _ => Value::Descr(d.clone()),
                    },
                    other => other,
                });
            }
        }
        Err(PyErr::attribute_error(format!(
            "'super' object has no attribute '{}'",
            name
        )))
    }

    /// `obj.name = v`
    pub fn setattr(&mut self, obj: &Value, name: &Str, v: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(Value::Descr(d)) = inst.class.lookup_str(name) {
                    if let Descr::Property { fset, .. } = &*d {
                        if fset.is_none() {
                            return Err(PyErr::attribute_error(format!(
                                "property '{}' of '{}' object has no setter",
                                name.as_str(),
                                inst.class.name.as_str()
                            )));
                        }
                        self.call_value(fset, vec![obj.clone(), v], vec![])?;
                        return Ok(());
                    }
                }
                if let Some(sa) = inst.class.lookup_user("__setattr__") {
                    self.call_value(&sa, vec![obj.clone(), Value::Str(name.clone()), v], vec![])?;
                    return Ok(());
                }
                inst.set_attr(name.clone(), v);
                Ok(())
            }
            Value::Class(c) if c.is_user => {
                c.dict.borrow_mut().insert(name.clone(), v);
                self.type_cache.clear();
                Ok(())
            }
            Value::Function(f) => {
                match name.as_str() {
                    "__name__" => {
                        if let Value::Str(s) = &v {
                            *f.name.borrow_mut() = s.clone();
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = &v {
                            *f.qualname.borrow_mut() = s.clone();
                        }
                    }
                    _ => {
                        f.attrs.borrow_mut().insert(name.clone(), v);
                    }
                }
                Ok(())
            }
            Value::Frame(f) => {
                match name.as_str() {
                    "f_trace" => {
                        *f.f_trace.borrow_mut() = v;
                        self.trace.dirty = true;
                    }
                    "f_trace_lines" => f.trace_lines.set(self.truthy(&v)?),
                    "f_trace_opcodes" => {
                        f.trace_opcodes.set(self.truthy(&v)?);
                        self.trace.dirty = true;
                    }
                    "f_lineno" => {
                        return Err(PyErr::value_error(
                            "krait does not support jumping by setting f_lineno yet",
                        ))
                    }
                    _ => {
                        return Err(PyErr::attribute_error(format!(
                            "attribute '{}' of 'frame' objects is not writable",
                            name.as_str()
                        )))
                    }
                }
                Ok(())
            }
            Value::Class(c) => Err(PyErr::type_error(format!(
                "cannot set '{}' attribute of immutable type '{}'",
                name.as_str(),
                c.name.as_str()
            ))),
            _ => {
                let t = self.types.type_of(obj);
                if t.dict.borrow().contains_key(name) {
                    Err(PyErr::attribute_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        obj.type_name(),
                        name.as_str()
                    )))
                } else {
                    Err(PyErr::attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        obj.type_name(),
                        name.as_str()
                    )))
                }
            }
        }
    }

    /// `del obj.name`
    pub fn delattr(&mut self, obj: &Value, name: &Str) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(Value::Descr(d)) = inst.class.lookup_str(name) {
                    if let Descr::Property { fdel, .. } = &*d {
                        if fdel.is_none() {
                            return Err(PyErr::attribute_error(format!(
                                "property '{}' of '{}' object has no deleter",
                                name.as_str(),
                                inst.class.name.as_str()
                            )));
                        }
                        self.call_value(fdel, vec![obj.clone()], vec![])?;
                        return Ok(());
                    }
                }
                if inst.attrs.borrow_mut().shift_remove(name).is_some() {
                    return Ok(());
                }
                Err(PyErr::attribute_error(format!(
                    "'{}' object has no attribute '{}'",
                    inst.class.name.as_str(),
                    name.as_str()
                )))
            }
            Value::Class(c) if c.is_user => {
                self.type_cache.clear();
                if c.dict.borrow_mut().shift_remove(name).is_some() {
                    return Ok(());
                }
                Err(PyErr::attribute_error(format!(
                    "type object '{}' has no attribute '{}'",
                    c.name.as_str(),
                    name.as_str()
                )))
            }
            _ => Err(PyErr::attribute_error(format!(
                "'{}' object has no attribute '{}'",
                obj.type_name(),
                name.as_str()
            ))),
        }
    }

    /// Whether `v` is an instance of the built-in kind `k` (or a subclass).
    pub fn is_kind(&self, v: &Value, k: TypeKind) -> bool {
        self.types.type_of(v).kind == k
    }
}
