//! `repr()`, `str()`, `ascii()` and `format()` of values.

use std::rc::Rc;

use crate::value::repr::str_repr;
use crate::value::{Descr, ExcType, PyErr, PyResult, Value};

use super::Vm;

impl Vm {
    /// `repr(v)`
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        self.nested(" while getting the repr of an object", |vm| {
            vm.repr_inner(v)
        })
    }

    /// The repr of a container that may contain itself: `[...]`-style
    /// (`cycle`) when met again inside its own repr, as CPython's `Py_ReprEnter`.
    pub(crate) fn repr_container(
        &mut self,
        id: usize,
        cycle: &str,
        f: impl FnOnce(&mut Vm) -> PyResult<String>,
    ) -> PyResult<String> {
        if self.repr_active.contains(&id) {
            return Ok(cycle.to_string());
        }
        self.repr_active.push(id);
        let r = f(self);
        self.repr_active.pop();
        r
    }

    /// The reprs of a container's items, their total size checked against
    /// the host's limits as it grows (a list holding one big str many
    /// times has a far bigger repr than itself).
    pub(crate) fn repr_parts(&mut self, items: &[Value]) -> PyResult<Vec<String>> {
        let mut total = 0;
        let mut parts = Vec::with_capacity(items.len());
        for x in items {
            let r = self.repr(x)?;
            total += r.len() + 2;
            self.check_str_size(total)?;
            parts.push(r);
        }
        Ok(parts)
    }

    pub(super) fn repr_inner(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Str(s) => str_repr(s.as_str()),
            Value::BigInt(b) => crate::value::int::to_decimal(b)?,
            Value::Float(f) => crate::value::format::float_repr(*f),
            Value::List(l) => {
                return self.repr_container(Rc::as_ptr(l) as usize, "[...]", |vm| {
                    let items = l.borrow().clone();
                    let parts = vm.repr_parts(&items)?;
                    Ok(format!("[{}]", parts.join(", ")))
                })
            }
            Value::Tuple(t) => {
                let parts = self.repr_parts(t)?;
                if parts.len() == 1 {
                    format!("({},)", parts[0])
                } else {
                    format!("({})", parts.join(", "))
                }
            }
            Value::Dict(d) => {
                return self.repr_container(Rc::as_ptr(d) as usize, "{...}", |vm| {
                    let items: Vec<(Value, Value)> = d
                        .borrow()
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    let mut parts = vec![];
                    let mut total = 0;
                    for (k, v) in items {
                        let part = format!("{}: {}", vm.repr(&k)?, vm.repr(&v)?);
                        total += part.len() + 2;
                        vm.check_str_size(total)?;
                        parts.push(part);
                    }
                    Ok(format!("{{{}}}", parts.join(", ")))
                })
            }
            Value::Set(s) => {
                let items: Vec<Value> = s.borrow().iter().cloned().collect();
                if items.is_empty() {
                    "set()".into()
                } else {
                    let parts = self.repr_parts(&items)?;
                    format!("{{{}}}", parts.join(", "))
                }
            }
            Value::FrozenSet(s) => {
                let items: Vec<Value> = s.iter().cloned().collect();
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    let parts = self.repr_parts(&items)?;
                    format!("frozenset({{{}}})", parts.join(", "))
                }
            }
            Value::Range(r) => r.repr(),
            Value::Deque(d) => return crate::builtins::deque_repr(self, v, d),
            Value::Slice(s) => format!(
                "slice({}, {}, {})",
                self.repr(&s.start)?,
                self.repr(&s.stop)?,
                self.repr(&s.step)?
            ),
            Value::Function(f) => format!(
                "<function {} at 0x{:x}>",
                f.qualname.borrow().as_str(),
                v.ptr().unwrap_or(0)
            ),
            Value::BoundMethod(m) => {
                let fname = match &m.func {
                    Value::Function(f) => f.qualname.borrow().as_str().to_string(),
                    other => other.type_name(),
                };
                let obj = self.repr(&m.self_)?;
                format!("<bound method {} of {}>", fname, obj)
            }
            Value::Builtin(b) => match &b.bound_self {
                Some(s) => format!(
                    "<built-in method {} of {} object at 0x{:x}>",
                    b.name,
                    s.type_name(),
                    s.ptr().unwrap_or(0)
                ),
                // A built-in type's method taken from the type (`str.upper`):
                // CPython's method descriptor. (Its dunders are mostly slot
                // wrappers there, which krait does not tell apart yet.)
                None => match b.owner {
                    Some(owner) if !b.name.starts_with("__") => {
                        let owner = crate::builtins::typedef::tp_name(owner);
                        format!("<method '{}' of '{}' objects>", b.name, owner)
                    }
                    _ => format!("<built-in function {}>", b.name),
                },
            },
            Value::Class(c) => {
                // A class's `__module__` may have been assigned since
                // (namedtuple sets its caller's).
                let assigned = match c.is_user {
                    true => c
                        .dict
                        .borrow()
                        .get(&crate::value::class::NameRef("__module__"))
                        .cloned(),
                    false => None,
                };
                let module = match &assigned {
                    Some(Value::Str(m)) => m.as_str(),
                    _ => c.module.as_str(),
                };
                if module == "builtins" {
                    format!("<class '{}'>", c.qualname.as_str())
                } else {
                    format!("<class '{}.{}'>", module, c.qualname.as_str())
                }
            }
            Value::Instance(inst) => {
                if let Some(m) = self.user_dunder(&inst.class, "__repr__") {
                    return self.call_str_dunder(&m, v, "__repr__");
                }
                if let Some(p) = inst.payload() {
                    let p = p.clone();
                    if let Value::Deque(d) = &p {
                        return crate::builtins::deque_repr(self, v, d);
                    }
                    return self.repr(&p);
                }
                if Rc::ptr_eq(&inst.class, &self.types.simple_namespace) {
                    return self.namespace_repr(inst);
                }
                if inst.class.is_exception() {
                    let args = self.exc_attr(v, "args").unwrap_or(Value::tuple(vec![]));
                    let inner = match &args {
                        Value::Tuple(t) if t.len() == 1 => self.repr(&t[0])?,
                        Value::Tuple(t) => {
                            let parts: PyResult<Vec<String>> =
                                t.iter().map(|x| self.repr(x)).collect();
                            parts?.join(", ")
                        }
                        _ => String::new(),
                    };
                    return Ok(format!("{}({})", inst.class.name.as_str(), inner));
                }
                format!(
                    "<{}.{} object at 0x{:x}>",
                    inst.class.module.as_str(),
                    inst.class.qualname.as_str(),
                    v.ptr().unwrap_or(0)
                )
            }
            Value::Module(m) => match m.dict.borrow().get_str("__file__") {
                Some(Value::Str(f)) => {
                    format!("<module '{}' from '{}'>", m.name.as_str(), f.as_str())
                }
                Some(_) => format!("<module '{}' (namespace)>", m.name.as_str()),
                None => format!("<module '{}' (built-in)>", m.name.as_str()),
            },
            Value::Iter(it) if matches!(&*it.borrow(), super::iter::IterObj::Itertools(_)) => {
                match crate::builtins::itertools_repr(self, it)? {
                    Some(r) => r,
                    None => format!("<{} object at 0x{:x}>", v.type_name(), v.ptr().unwrap_or(0)),
                }
            }
            Value::Iter(it) => match &*it.borrow() {
                // CPython names a generator by its function's qualname.
                super::iter::IterObj::Generator(g) => format!(
                    "<generator object {} at 0x{:x}>",
                    g.func.qualname.borrow().as_str(),
                    v.ptr().unwrap_or(0)
                ),
                other => format!(
                    "<{} object at 0x{:x}>",
                    other.type_name(),
                    v.ptr().unwrap_or(0)
                ),
            },
            Value::Code(c) => format!(
                "<code object {} at 0x{:x}, file \"{}\", line {}>",
                c.name.as_str(),
                v.ptr().unwrap_or(0),
                c.filename.as_str(),
                c.firstlineno
            ),
            Value::Frame(f) => format!(
                "<frame at 0x{:x}, file '{}', line {}, code {}>",
                v.ptr().unwrap_or(0),
                f.code.filename.as_str(),
                self.frame_obj_line(f),
                f.code.name.as_str()
            ),
            Value::Descr(d) => match &**d {
                Descr::Partial { func, args, kwargs } => {
                    let mut parts = vec![self.repr(func)?];
                    for a in args {
                        parts.push(self.repr(a)?);
                    }
                    for (k, x) in kwargs {
                        parts.push(format!("{}={}", k.as_str(), self.repr(x)?));
                    }
                    format!("functools.partial({})", parts.join(", "))
                }
                Descr::Getter {
                    kind,
                    items,
                    kwargs,
                } => {
                    let mut parts = vec![];
                    for a in items {
                        parts.push(self.repr(a)?);
                    }
                    for (k, x) in kwargs {
                        parts.push(format!("{}={}", k.as_str(), self.repr(x)?));
                    }
                    format!("{}({})", kind.type_name(), parts.join(", "))
                }
                Descr::Re(o) => crate::builtins::re_repr(self, v, o)?,
                _ => format!("<{} object at 0x{:x}>", v.type_name(), v.ptr().unwrap_or(0)),
            },
            _ => crate::value::repr::repr_plain(v),
        })
    }

    /// Runs a user `__repr__`/`__str__`, which must return a str.
    pub(super) fn call_str_dunder(&mut self, m: &Value, v: &Value, name: &str) -> PyResult<String> {
        Ok(match self.call_str_dunder_value(m, v, name)? {
            Value::Str(s) => s.as_str().to_string(),
            r => str_of_subclass(&r).map_or(String::new(), |s| s.as_str().to_string()),
        })
    }

    /// A user `__repr__`/`__str__`'s result as it is: a str, or an
    /// instance of a subclass of str.
    fn call_str_dunder_value(&mut self, m: &Value, v: &Value, name: &str) -> PyResult<Value> {
        let r = self.call_special(m, v, [])?;
        if matches!(r, Value::Str(_)) || str_of_subclass(&r).is_some() {
            return Ok(r);
        }
        Err(PyErr::type_error(format!(
            "{} returned non-string (type {})",
            name,
            r.type_name()
        )))
    }

    /// `str(v)` as `str()` returns it: what a user `__str__` returned,
    /// an instance of a str subclass included, as it is.
    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Instance(inst) = v {
            if let Some(m) = self.user_dunder(&inst.class, "__str__") {
                return self.nested(" while getting the str of an object", |vm| {
                    vm.call_str_dunder_value(&m, v, "__str__")
                });
            }
        }
        Ok(Value::string(self.str_of(v)?))
    }

    /// `str(v)`
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(_) => self.nested(" while getting the str of an object", |vm| {
                vm.instance_str(v)
            }),
            _ => self.repr(v),
        }
    }

    /// `namespace(a=1, b='x')`: a SimpleNamespace's attributes in order.
    #[cold]
    fn namespace_repr(&mut self, inst: &crate::value::Instance) -> PyResult<String> {
        let mut parts = vec![];
        for k in inst.attr_names() {
            let Value::Str(k) = k else { continue };
            let v = inst.get_attr_str(&k).unwrap_or_default();
            parts.push(format!("{}={}", k.as_str(), self.repr(&v)?));
        }
        Ok(format!("namespace({})", parts.join(", ")))
    }

    /// `str()` of an instance: its `__str__`, an exception's message, or its repr.
    pub(super) fn instance_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Instance(inst) => {
                if let Some(m) = self.user_dunder(&inst.class, "__str__") {
                    return self.call_str_dunder(&m, v, "__str__");
                }
                // A str subclass's str is its value; the other built-in
                // types' str is their repr (the class's, if it has one).
                if let Some(Value::Str(s)) = inst.payload() {
                    return Ok(s.as_str().to_string());
                }
                if inst.class.is_exception() {
                    if let Some(s) = self.syntax_error_str(v) {
                        return Ok(s);
                    }
                    let args = self.exc_attr(v, "args").unwrap_or(Value::tuple(vec![]));
                    return match &args {
                        Value::Tuple(t) if t.is_empty() => Ok(String::new()),
                        Value::Tuple(t) if t.len() == 1 => {
                            if inst.class.is_subclass(&self.types.exc(ExcType::KeyError)) {
                                self.repr(&t[0])
                            } else {
                                self.str_of(&t[0])
                            }
                        }
                        other => self.repr(other),
                    };
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `ascii(v)`
    pub fn ascii(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        let mut out = String::new();
        for c in r.chars() {
            let n = c as u32;
            if n < 128 {
                out.push(c);
            } else if n <= 0xff {
                out.push_str(&format!("\\x{:02x}", n));
            } else if n <= 0xffff {
                out.push_str(&format!("\\u{:04x}", n));
            } else {
                out.push_str(&format!("\\U{:08x}", n));
            }
        }
        Ok(out)
    }

    /// `format(v, spec)`
    pub fn format_value(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if self.sizes_limited() && !spec.is_empty() {
            // A width or precision asks for that much before anything is made
            // (a bad spec is left to the formatting to report).
            if let Ok(p) = crate::value::format::parse_spec(spec) {
                self.check_str_size(p.width.unwrap_or(0).max(p.precision.unwrap_or(0)))?;
            }
        }
        if let Some(s) = crate::value::format::format_builtin(v, spec)? {
            return Ok(s);
        }
        match v {
            Value::Instance(inst) => {
                if let Some(m) = self.user_dunder(&inst.class, "__format__") {
                    let r = self.call_special(&m, v, [Value::str(spec)])?;
                    return match r {
                        Value::Str(s) => Ok(s.as_str().to_string()),
                        _ => Err(PyErr::type_error(format!(
                            "__format__ must return a str, not {}",
                            r.type_name()
                        ))),
                    };
                }
                if let Some(p) = inst.payload() {
                    // The built-in type's `__format__`; with no spec, `str(v)`.
                    if !spec.is_empty() || matches!(p, Value::Str(_)) {
                        let p = p.clone();
                        return self.format_value(&p, spec);
                    }
                    return self.str_of(v);
                }
                if spec.is_empty() {
                    // `object.__format__` is a built-in method called on the way.
                    return self.nested(" while calling a Python object", |vm| vm.str_of(v));
                }
                Err(PyErr::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    v.type_name()
                )))
            }
            _ => {
                if spec.is_empty() {
                    return self.str_of(v);
                }
                Err(PyErr::type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    v.type_name()
                )))
            }
        }
    }

    /// The callee of the call a `DictMerge` builds keyword arguments for
    /// (`[callable, args, kwargs]` on top of the stack), as CPython's
    /// `_PyObject_FunctionStr` names it.
    pub(super) fn merge_callee_str(&mut self) -> PyResult<String> {
        let n = self.stack.len();
        let f = if n >= 3 {
            self.stack[n - 3].clone()
        } else {
            Value::None
        };
        self.function_str(&f)
    }

    /// `module.qualname()` (`qualname()` for builtins), else `str(f)`.
    pub fn function_str(&mut self, f: &Value) -> PyResult<String> {
        // An instance does not see its class's `__qualname__` (a slot of type).
        let q = match f {
            Value::Instance(_) => None,
            _ => self.getattr(f, "__qualname__").ok(),
        };
        let Some(q) = q else {
            return self.str_of(f);
        };
        let q = self.str_of(&q)?;
        match self.getattr(f, "__module__") {
            Ok(Value::Str(m)) if m.as_str() != "builtins" => Ok(format!("{}.{}()", m.as_str(), q)),
            _ => Ok(format!("{}()", q)),
        }
    }
}

/// The str an instance of a subclass of str is.
fn str_of_subclass(v: &Value) -> Option<&crate::value::Str> {
    match v {
        Value::Instance(i) => match i.payload() {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}
