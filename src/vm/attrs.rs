//! Attribute lookup, assignment and deletion, and method loading.

use std::rc::Rc;

use crate::value::class::NameRef;
use crate::value::{
    Class, Descr, DictKey, ExcType, Instance, PyErr, PyResult, Str, TypeKind, Value,
};

use super::Vm;

impl Vm {
    /// `LoadMethod` of `names[i]` on `obj` where the dispatch loop's
    /// instance cache did not apply: pushes the method and `obj`, or NULL
    /// and the attribute's value, as CPython's `LOAD_METHOD` does.
    #[inline(never)]
    pub(crate) fn load_method_at(
        &mut self,
        code: &crate::bytecode::Code,
        i: usize,
        obj: Value,
    ) -> PyResult<()> {
        if self.push_cached_builtin_method(code, i, &obj) {
            self.stack.push_fast(obj);
            return Ok(());
        }
        let name = &code.names[i];
        match &obj {
            Value::Descr(d) => {
                if let Some((m, self_)) = self.super_method(d, name) {
                    self.stack.push_fast(m);
                    self.stack.push_fast(self_);
                    return Ok(());
                }
            }
            // `C.cm(...)` of a classmethod: CPython binds it to the class on
            // each load; called at once, that is its function with the class
            // first, as a method is laid out (no bound method allocated).
            Value::Class(c) if c.is_user && !name.as_str().starts_with("__") => {
                if let Some(Value::Descr(d)) = self.class_attr(c, name) {
                    if let crate::value::Descr::ClassMethod(f @ Value::Function(_)) = &*d {
                        self.stack.push_fast(f.clone());
                        self.stack.push_fast(obj);
                        return Ok(());
                    }
                }
            }
            Value::Module(m) => {
                // A module's functions are called unbound.
                let v = match self.load_module_attr(code, i, &obj, m) {
                    Ok(v) => v,
                    Err(e) => return Err(self.attr_error_context(e, &obj, name)),
                };
                self.stack.push_fast(Value::Null);
                self.stack.push_fast(v);
                return Ok(());
            }
            _ => {}
        }
        let m = match self.load_method(&obj, name) {
            Ok(m) => m,
            Err(e) => return Err(self.attr_error_context(e, &obj, name)),
        };
        match m {
            Some(m) => {
                if let Value::Instance(inst) = &obj {
                    self.fill_method_cache(code, i, inst, &m);
                } else {
                    self.fill_builtin_method_cache(code, i, &obj, &m);
                }
                self.stack.push_fast(m);
                self.stack.push_fast(obj);
            }
            None => {
                let v = match self.getattr_str(&obj, name) {
                    Ok(v) => v,
                    Err(e) => return Err(self.attr_error_context(e, &obj, name)),
                };
                self.stack.push_fast(Value::Null);
                self.stack.push_fast(v);
            }
        }
        Ok(())
    }

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

    /// `cls.lookup_user(name)` for a dunder, through `dunder_cache`.
    #[inline]
    pub(crate) fn user_dunder(
        &mut self,
        cls: &Rc<crate::value::Class>,
        name: &'static str,
    ) -> Option<Value> {
        if !cls.is_user {
            return None;
        }
        let key = (Rc::as_ptr(cls) as usize, name.as_ptr() as usize, name.len());
        if let Some((_, v)) = self.dunder_cache.get(&key) {
            return v.clone();
        }
        let v = cls.lookup_user(name);
        if self.dunder_cache.len() > 8192 {
            self.dunder_cache.clear();
        }
        self.dunder_cache.insert(key, (cls.clone(), v.clone()));
        v
    }

    /// Drops what the class-lookup caches hold: a class dict changed, or
    /// their strong references must not keep classes alive.
    pub(crate) fn forget_class_lookups(&mut self) {
        self.type_cache.clear();
        self.dunder_cache.clear();
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
                if self.attr_hooks & HOOK_GETATTRIBUTE != 0 || i.has_attr(name) {
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
            Value::Instance(inst) => self.instance_getattr(obj, inst, name),
            Value::Class(c) => {
                match name.as_str() {
                    "__name__" => return Ok(Value::Str(c.name.clone())),
                    "__qualname__" => return Ok(Value::Str(c.qualname.clone())),
                    _ => {}
                }
                if let Some(v) = self.class_attr(c, name) {
                    return Ok(match v {
                        Value::Descr(d) => match &*d {
                            Descr::ClassMethod(f) => self.bind(f.clone(), obj.clone()),
                            Descr::StaticMethod(f) => f.clone(),
                            _ => Value::Descr(d.clone()),
                        },
                        Value::Instance(ref di) if self.attr_hooks & HOOK_DESCRIPTOR != 0 => {
                            match di.class.lookup_user("__get__") {
                                Some(get) => {
                                    return self.call_special(
                                        &get,
                                        &v,
                                        vec![Value::None, obj.clone()],
                                    )
                                }
                                None => v,
                            }
                        }
                        // The class methods of built-in types.
                        Value::Builtin(b) if matches!(b.name, "fromkeys" | "from_iterable") => {
                            Value::Builtin(crate::gc::alloc(b.bound_to(obj.clone())))
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
                None if name.as_str() == "__dict__" => Ok(Value::Dict(m.dict.clone())),
                None if m.initializing.get() => Err(PyErr::attribute_error(format!(
                    "partially initialized module '{}' has no attribute '{}' \
                     (most likely due to a circular import)",
                    m.name.as_str(),
                    name.as_str()
                ))),
                None => Err(PyErr::attribute_error(format!(
                    "module '{}' has no attribute '{}'",
                    m.name.as_str(),
                    name.as_str()
                ))),
            },
            _ => {
                let def = crate::builtins::typedef_of(obj);
                // A built-in type's data attribute (`frame.f_lineno`).
                if let Some(a) = def.and_then(|d| d.attr(name.as_str())) {
                    return (a.get)(self, obj);
                }
                if let Some(v) = self.unlisted_attr(obj, def, name.as_str())? {
                    return Ok(v);
                }
                let cls = self.types.type_of(obj);
                let found = cls.lookup_str(name);
                if let Some(v) = found {
                    return Ok(match v {
                        Value::Builtin(b) => {
                            Value::Builtin(crate::gc::alloc(b.bound_to(obj.clone())))
                        }
                        // `deque.maxlen`.
                        Value::Descr(d) if matches!(&*d, Descr::Property { .. }) => {
                            return self.property_get(&d, obj, &cls)
                        }
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

    /// `__class__`, and the attributes a built-in type does not list (a
    /// function's own, `super`'s): CPython's `tp_getattro` after the
    /// descriptors.
    fn unlisted_attr(
        &mut self,
        obj: &Value,
        def: Option<&'static crate::builtins::typedef::TypeDef>,
        name: &str,
    ) -> PyResult<Option<Value>> {
        if name == "__class__" {
            return Ok(Some(Value::Class(self.types.type_of(obj))));
        }
        match def.and_then(|d| d.getattr) {
            Some(getattr) => getattr(self, obj, name),
            None => Ok(None),
        }
    }

    /// `super().name`: lookup starts after `start_after` in obj's MRO.
    pub(crate) fn super_getattr(
        &mut self,
        start_after: Rc<crate::value::Class>,
        obj: Value,
        name: &str,
    ) -> PyResult<Value> {
        let cls = match &obj {
            Value::Class(c) => c.clone(),
            _ => self.types.type_of(&obj),
        };
        if let Some(v) = super_lookup(&cls, &start_after, name) {
            {
                return Ok(match v {
                    Value::Function(_) => match &obj {
                        Value::Class(_) => v,
                        _ => self.bind(v, obj.clone()),
                    },
                    Value::Builtin(b) => Value::Builtin(crate::gc::alloc(b.bound_to(obj.clone()))),
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

    /// `LoadMethod` on a `super()` object whose lookup finds a krait
    /// function (or a built-in slot wrapper, which reports no `c_call`):
    /// the function and the object `super` was made for, to call unbound as
    /// `LoadMethod` lays methods out, instead of a bound method made per call.
    pub(crate) fn super_method(&self, d: &Descr, name: &Str) -> Option<(Value, Value)> {
        let Descr::Super { start_after, obj } = d else {
            return None;
        };
        if matches!(obj, Value::Class(_)) {
            return None;
        }
        let cls = self.types.type_of(obj);
        match super_lookup(&cls, start_after, name.as_str())? {
            f @ Value::Function(_) => Some((f, obj.clone())),
            Value::Builtin(b)
                if b.bound_self.is_none()
                    && super::call::is_slot_wrapper(b.name, std::slice::from_ref(obj)) =>
            {
                Some((Value::Builtin(b), obj.clone()))
            }
            _ => None,
        }
    }

    /// `obj.name = v`
    pub fn setattr(&mut self, obj: &Value, name: &Str, v: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                if self.attr_hooks & HOOK_SETATTR != 0 {
                    if let Some(sa) = inst.class.lookup_user("__setattr__") {
                        self.call_special(&sa, obj, vec![Value::Str(name.clone()), v])?;
                        return Ok(());
                    }
                }
                self.generic_setattr(obj, inst, name, v)
            }
            Value::Module(m) => {
                m.dict.borrow_mut().insert(DictKey::name(name), v);
                Ok(())
            }
            // Into its `__dict__`, as `update_wrapper` sets them.
            Value::Descr(d) if matches!(&**d, Descr::LruCache(_)) => {
                crate::builtins::lru_cache_setattr(obj, name, v);
                Ok(())
            }
            Value::Class(c) if c.is_user => {
                super::call::refuse_unsupported_dunder(name.as_str(), c)?;
                self.note_attr_hook(name.as_str(), &v);
                c.dict.borrow_mut().insert(name.clone(), v);
                self.forget_class_lookups();
                self.class_epoch += 1;
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
                    "__doc__" => *f.doc.borrow_mut() = v,
                    "__module__" => *f.module.borrow_mut() = v,
                    "__annotations__" => match v {
                        Value::Dict(_) | Value::None => *f.annotations.borrow_mut() = v,
                        _ => {
                            return Err(PyErr::type_error(
                                "__annotations__ must be set to a dict object",
                            ))
                        }
                    },
                    "__dict__" => match v {
                        Value::Dict(d) => *f.dict.borrow_mut() = Some(d),
                        _ => return Err(PyErr::type_error("__dict__ must be set to a dictionary")),
                    },
                    _ => f.dict().borrow_mut().insert(DictKey::name(name), v),
                }
                Ok(())
            }
            Value::Frame(f) => {
                match name.as_str() {
                    "f_trace" => {
                        *f.f_trace.borrow_mut() = v;
                        self.trace.set_dirty();
                    }
                    "f_trace_lines" => f.trace_lines.set(bool_member(&v)?),
                    "f_trace_opcodes" => {
                        let on = bool_member(&v)?;
                        f.trace_opcodes.set(on);
                        self.trace.note_opcodes(on);
                    }
                    "f_lineno" => return self.set_frame_lineno(f, &v),
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
                if self.attr_hooks & HOOK_DELATTR != 0 {
                    if let Some(da) = inst.class.lookup_user("__delattr__") {
                        self.call_special(&da, obj, vec![Value::Str(name.clone())])?;
                        return Ok(());
                    }
                }
                self.generic_delattr(obj, inst, name)
            }
            Value::Module(m) => {
                if m.dict.borrow_mut().remove(&DictKey::name(name)).is_some() {
                    return Ok(());
                }
                Err(PyErr::attribute_error(format!(
                    "'module' object has no attribute '{}'",
                    name.as_str()
                )))
            }
            Value::Class(c) if c.is_user => {
                self.forget_class_lookups();
                self.class_epoch += 1;
                if c.dict.borrow_mut().shift_remove(name).is_some() {
                    return Ok(());
                }
                Err(PyErr::attribute_error(format!(
                    "type object '{}' has no attribute '{}'",
                    c.name.as_str(),
                    name.as_str()
                )))
            }
            Value::Frame(_) if name.as_str() == "f_lineno" => {
                Err(PyErr::attribute_error("cannot delete attribute"))
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

/// `Vm::attr_hooks` bits: some user class defines `__getattribute__`,
/// `__setattr__`, `__delattr__`, or is a descriptor (`__get__`, `__set__`, `__delete__`).
pub const HOOK_GETATTRIBUTE: u8 = 1;
pub const HOOK_SETATTR: u8 = 2;
pub const HOOK_DELATTR: u8 = 4;
pub const HOOK_DESCRIPTOR: u8 = 8;
pub const HOOK_SLOTS: u8 = 16;

/// User attribute hooks: the descriptor protocol, `__getattribute__`,
/// `__getattr__`, `__setattr__`, `__delattr__`, and instance `__dict__`s,
/// in the order CPython's `object.__getattribute__` and friends apply them.
impl Vm {
    /// Records that a class defines attribute `name` (a hook switches its check on).
    /// Notes what attribute `name` = `v` of a class brings: an attribute
    /// hook, or a property (which makes instance attribute caches of that
    /// name stale: `attr_cache`).
    pub(crate) fn note_attr_hook(&mut self, name: &str, v: &Value) {
        if let Value::Descr(d) = v {
            if matches!(&**d, Descr::Property { .. }) {
                self.property_names.insert(name.to_string());
                self.shape_epoch += 1;
            }
        }
        self.attr_hooks |= match name {
            "__getattribute__" => HOOK_GETATTRIBUTE,
            "__setattr__" => HOOK_SETATTR,
            "__delattr__" => HOOK_DELATTR,
            "__get__" | "__set__" | "__delete__" => HOOK_DESCRIPTOR,
            "__slots__" => HOOK_SLOTS,
            "__new__" => {
                self.new_defined = true;
                0
            }
            "__eq__" | "__ne__" | "__lt__" | "__le__" | "__gt__" | "__ge__" => {
                self.rich_compare_defined = true;
                0
            }
            _ => 0,
        };
    }

    /// Calls special method `m` found on `type(obj)` with `obj` as self,
    /// binding it as CPython does: functions get `obj` first, static methods
    /// don't, class methods get the class, other descriptors go through `__get__`.
    pub(crate) fn call_special<A>(&mut self, m: &Value, obj: &Value, args: A) -> PyResult<Value>
    where
        A: IntoIterator<Item = Value>,
        A::IntoIter: ExactSizeIterator,
    {
        let args = args.into_iter();
        match m {
            Value::Function(f) if super::call::takes_in_place(f, args.len() + 1) => {
                // Laid out on the value stack as bytecode would: no argument vectors.
                let n = args.len() + 1;
                self.c_events_armed = false;
                let slot = self.stack.len();
                self.stack.push(Value::Null);
                self.stack.push(m.clone());
                self.stack.push(obj.clone());
                self.stack.extend(args);
                self.call_laid_out(slot, n)
            }
            Value::Function(_) | Value::Builtin(_) => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(obj.clone());
                all.extend(args);
                self.call_value(m, all, vec![])
            }
            _ => {
                let cls = self.types.type_of(obj);
                let bound = self.bind_class_attr(m.clone(), obj, &cls)?;
                self.call_value(&bound, args.collect(), vec![])
            }
        }
    }

    /// A class attribute seen through an instance (non-data descriptors bind).
    pub(crate) fn bind_class_attr(
        &mut self,
        ca: Value,
        obj: &Value,
        cls: &Rc<Class>,
    ) -> PyResult<Value> {
        Ok(match ca {
            Value::Function(_) => self.bind(ca, obj.clone()),
            Value::Builtin(b) => Value::Builtin(crate::gc::alloc(b.bound_to(obj.clone()))),
            Value::Descr(d) => match &*d {
                Descr::StaticMethod(f) => f.clone(),
                Descr::ClassMethod(f) => self.bind(f.clone(), Value::Class(cls.clone())),
                Descr::Property { .. } => return self.property_get(&d, obj, cls),
                // A cached function in a class is a method, as functions are.
                Descr::LruCache(_) => self.bind(Value::Descr(d.clone()), obj.clone()),
                _ => Value::Descr(d.clone()),
            },
            Value::Instance(ref di) if self.attr_hooks & HOOK_DESCRIPTOR != 0 => {
                match di.class.lookup_user("__get__") {
                    Some(get) => {
                        return self.call_special(
                            &get,
                            &ca,
                            vec![obj.clone(), Value::Class(cls.clone())],
                        )
                    }
                    None => ca,
                }
            }
            other => other,
        })
    }

    fn property_get(&mut self, d: &Rc<Descr>, obj: &Value, cls: &Rc<Class>) -> PyResult<Value> {
        let Descr::Property { fget, .. } = &**d else {
            return Ok(Value::Descr(d.clone()));
        };
        if fget.is_none() {
            return Err(property_error(d, cls, "getter"));
        }
        let g = fget.clone();
        self.call_value(&g, vec![obj.clone()], vec![])
    }

    /// The name under which a property sits in a class (for error messages).
    /// Whether class attribute `ca` is a data descriptor (it wins over the
    /// instance's own attributes).
    fn is_data_descriptor(&self, ca: &Value) -> bool {
        match ca {
            Value::Descr(d) => matches!(&**d, Descr::Property { .. }),
            Value::Instance(di) if self.attr_hooks & HOOK_DESCRIPTOR != 0 => {
                di.class.lookup_user("__set__").is_some()
                    || di.class.lookup_user("__delete__").is_some()
            }
            _ => false,
        }
    }

    /// `obj.name` for an instance: `__getattribute__` (user or generic), then
    /// `__getattr__` when that raised AttributeError.
    fn instance_getattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &Str,
    ) -> PyResult<Value> {
        let r = if self.attr_hooks & HOOK_GETATTRIBUTE != 0 {
            match inst.class.lookup_user("__getattribute__") {
                Some(ga) => self.call_special(&ga, obj, vec![Value::Str(name.clone())]),
                None => self.generic_getattr(obj, inst, name),
            }
        } else {
            self.generic_getattr(obj, inst, name)
        };
        match r {
            Err(e) if self.err_is(&e, ExcType::AttributeError) => {
                match inst.class.lookup_user("__getattr__") {
                    Some(ga) => self.call_special(&ga, obj, vec![Value::Str(name.clone())]),
                    None => Err(e),
                }
            }
            r => r,
        }
    }

    /// `object.__getattribute__(obj, name)`
    pub(crate) fn generic_getattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &Str,
    ) -> PyResult<Value> {
        let ca = self.class_attr(&inst.class, name);
        if let Some(ca) = &ca {
            if self.is_data_descriptor(ca) {
                return self.bind_class_attr(ca.clone(), obj, &inst.class);
            }
        }
        if let Some(v) = inst.get_attr_str(name) {
            return Ok(v);
        }
        if let Some(ca) = ca {
            return self.bind_class_attr(ca, obj, &inst.class);
        }
        match name.as_str() {
            "__class__" => return Ok(Value::Class(inst.class.clone())),
            "__dict__" => {
                if inst.class.is_exception() {
                    // Exceptions keep their state as attributes: show only the user's.
                    let mut d = crate::value::Dict::new();
                    for k in inst.attr_names() {
                        if let Value::Str(k) = &k {
                            if !is_exception_state(&inst.class, k.as_str()) {
                                if let Some(v) = inst.get_attr_str(k) {
                                    d.insert(DictKey::name(k), v);
                                }
                            }
                        }
                    }
                    return Ok(Value::dict(d));
                }
                if self.attr_hooks & HOOK_SLOTS != 0 && !self.slot_allows(&inst.class, name)? {
                    return Err(PyErr::attribute_error(format!(
                        "'{}' object has no attribute '__dict__'",
                        crate::builtins::typedef::class_tp_name(&inst.class)
                    )));
                }
                return Ok(Value::Dict(inst.dict()));
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
                    // StopIteration.value is the first argument; SystemExit.code
                    // the only one, or all of them.
                    let value = name.as_str() == "value";
                    return Ok(match inst.get_attr("args") {
                        Some(Value::Tuple(t)) if t.len() == 1 || (value && !t.is_empty()) => {
                            t[0].clone()
                        }
                        Some(Value::Tuple(t)) if t.is_empty() => Value::None,
                        Some(other) => other,
                        None => Value::None,
                    });
                }
                "name" | "path"
                    if inst
                        .class
                        .is_subclass(&self.types.exc(ExcType::ImportError)) =>
                {
                    return Ok(Value::None);
                }
                "__traceback__" => {
                    return Ok(match inst.traceback() {
                        Some(tb) => Value::Traceback(tb),
                        None => Value::None,
                    });
                }
                _ => {}
            }
        }
        Err(PyErr::attribute_error(format!(
            "'{}' object has no attribute '{}'",
            inst.class.name.as_str(),
            name.as_str()
        )))
    }

    /// `object.__setattr__(obj, name, v)`
    pub(crate) fn generic_setattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &Str,
        v: Value,
    ) -> PyResult<()> {
        if let Some(ca) = self.class_attr(&inst.class, name) {
            match &ca {
                Value::Descr(d) => {
                    if let Descr::Property { fset, .. } = &**d {
                        if fset.is_none() {
                            return Err(property_error(d, &inst.class, "setter"));
                        }
                        let f = fset.clone();
                        self.call_value(&f, vec![obj.clone(), v], vec![])?;
                        return Ok(());
                    }
                }
                Value::Instance(di) if self.attr_hooks & HOOK_DESCRIPTOR != 0 => {
                    if let Some(set) = di.class.lookup_user("__set__") {
                        self.call_special(&set, &ca, vec![obj.clone(), v])?;
                        return Ok(());
                    }
                    if di.class.lookup_user("__delete__").is_some() {
                        return Err(PyErr::attribute_error("__set__"));
                    }
                }
                _ => {}
            }
        }
        match name.as_str() {
            "__dict__" => match v {
                Value::Dict(d) => {
                    inst.set_dict(d);
                    return Ok(());
                }
                other => {
                    return Err(PyErr::type_error(format!(
                        "__dict__ must be set to a dictionary, not a '{}'",
                        other.type_name()
                    )))
                }
            },
            "__class__" => {
                return Err(PyErr::type_error(
                    "krait does not support assigning to __class__",
                ))
            }
            // BaseException.args is a tuple whatever iterable is assigned.
            "args" if inst.class.is_exception() => {
                let items = self.collect(&v)?;
                inst.set_attr(name.clone(), Value::tuple(items));
                return Ok(());
            }
            _ => {}
        }
        if self.attr_hooks & HOOK_SLOTS != 0 && !self.slot_allows(&inst.class, name)? {
            return Err(PyErr::attribute_error(format!(
                "'{}' object has no attribute '{}'",
                crate::builtins::typedef::class_tp_name(&inst.class),
                name.as_str()
            )));
        }
        inst.set_attr(name.clone(), v);
        Ok(())
    }

    /// Whether instances of `cls` may hold attribute `name`: any name when a
    /// class of the chain has no `__slots__` (its instances have a `__dict__`),
    /// else only the names the chain's `__slots__` list.
    fn slot_allows(&mut self, cls: &Rc<Class>, name: &Str) -> PyResult<bool> {
        let slots_name = self.intern("__slots__");
        let mut cur = Some(cls.clone());
        while let Some(c) = cur {
            if !c.is_user {
                break;
            }
            let slots = c.dict.borrow().get(&slots_name).cloned();
            let Some(slots) = slots else {
                return Ok(true);
            };
            let names = match &slots {
                Value::Str(_) => vec![slots.clone()],
                other => self.collect(other)?,
            };
            // type.__new__ mangles private slot names (`__a` in class A is `_A__a`).
            let private = Some(c.name.as_str());
            if names.iter().any(|n| {
                matches!(n.as_str(), Some(s) if s == "__dict__"
                    || crate::compile::symtable::mangle(private, s) == name.as_str())
            }) {
                return Ok(true);
            }
            cur = c.base.clone();
        }
        Ok(false)
    }

    /// `object.__delattr__(obj, name)`
    pub(crate) fn generic_delattr(
        &mut self,
        obj: &Value,
        inst: &Rc<Instance>,
        name: &Str,
    ) -> PyResult<()> {
        if let Some(ca) = self.class_attr(&inst.class, name) {
            match &ca {
                Value::Descr(d) => {
                    if let Descr::Property { fdel, .. } = &**d {
                        if fdel.is_none() {
                            return Err(property_error(d, &inst.class, "deleter"));
                        }
                        let f = fdel.clone();
                        self.call_value(&f, vec![obj.clone()], vec![])?;
                        return Ok(());
                    }
                }
                Value::Instance(di) if self.attr_hooks & HOOK_DESCRIPTOR != 0 => {
                    if let Some(del) = di.class.lookup_user("__delete__") {
                        self.call_special(&del, &ca, vec![obj.clone()])?;
                        return Ok(());
                    }
                    if di.class.lookup_user("__set__").is_some() {
                        return Err(PyErr::attribute_error("__delete__"));
                    }
                }
                _ => {}
            }
        }
        if inst.del_attr(name) {
            return Ok(());
        }
        Err(PyErr::attribute_error(format!(
            "'{}' object has no attribute '{}'",
            inst.class.name.as_str(),
            name.as_str()
        )))
    }
}

/// Attributes in which exceptions keep their own state (not in their `__dict__`).
fn is_exception_state(cls: &crate::value::Class, name: &str) -> bool {
    let is = |t: ExcType| match cls.kind {
        crate::value::TypeKind::Exception(mut k) => loop {
            if k == t {
                break true;
            }
            match k.parent() {
                Some(p) => k = p,
                None => break false,
            }
        },
        _ => false,
    };
    match name {
        "args" | "__context__" | "__cause__" | "__suppress_context__" => true,
        "name" => is(ExcType::NameError) || is(ExcType::AttributeError),
        "obj" => is(ExcType::AttributeError),
        _ => false,
    }
}

/// The value for a C `bool` member (`f_trace_lines`): only a bool will do.
fn bool_member(v: &Value) -> PyResult<bool> {
    match v {
        Value::Bool(b) => Ok(*b),
        _ => Err(PyErr::type_error("attribute value type must be bool")),
    }
}

/// A property without the function asked for (`what`: getter, setter or
/// deleter): named when a class statement gave it its name.
#[cold]
fn property_error(d: &Descr, cls: &Class, what: &str) -> PyErr {
    let Descr::Property { name, .. } = d else {
        return PyErr::attribute_error(format!("no {}", what));
    };
    PyErr::attribute_error(match &*name.borrow() {
        Some(n) => format!(
            "property '{}' of '{}' object has no {}",
            n.as_str(),
            cls.qualname.as_str(),
            what
        ),
        None => format!(
            "property of '{}' object has no {}",
            cls.qualname.as_str(),
            what
        ),
    })
}

/// What `super(start_after, x).name` finds in the class chain of `cls`
/// (the class of x) after `start_after` (after `cls` itself when
/// `start_after` is not in the chain), unbound.
fn super_lookup(
    cls: &Rc<crate::value::Class>,
    start_after: &Rc<crate::value::Class>,
    name: &str,
) -> Option<Value> {
    let chain = || std::iter::successors(Some(cls), |c| c.base.as_ref());
    let from = if chain().any(|c| Rc::ptr_eq(c, start_after)) {
        start_after
    } else {
        cls
    };
    std::iter::successors(from.base.as_ref(), |c| c.base.as_ref())
        .find_map(|c| c.dict.borrow().get(&NameRef(name)).cloned())
}
