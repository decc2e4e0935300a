//! Host object types: a Rust type a script uses as a class of its own
//! (`UserData`), with the methods, attributes and constructor the host
//! declares (`ClassBuilder`). Its objects are instances of that class
//! holding the Rust value; methods borrow it (`&mut T`) for the call.

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::rc::Rc;

use super::convert::{with_subject, FromValue, IntoValue};
use super::host_fn::{static_name, HostResult};
use super::host_function_value;
use crate::value::class::{AttrMap, HostData};
use crate::value::{Class, Descr, HostCallable, Instance, PyErr, PyResult, Str, TypeKind, Value};
use crate::vm::Vm;

/// A Rust type scripts use as a class (like mlua's `UserData`): values of
/// it cross into scripts as objects of that class, whose methods and
/// attributes are the ones `build` declares, and come back out by
/// `FromValue` (a clone). `Interpreter::register_type` also names the
/// class in the scripts' built-ins, so they can call its constructor and
/// use it with `isinstance`.
///
/// ```
/// use krait::{ClassBuilder, Interpreter, UserData};
///
/// #[derive(Clone)]
/// struct Counter {
///     n: i64,
/// }
///
/// impl UserData for Counter {
///     const NAME: &'static str = "Counter";
///     fn build(class: &mut ClassBuilder<Self>) {
///         class
///             .constructor(|start: i64| Counter { n: start })
///             .method("add", |c: &mut Counter, by: i64| {
///                 c.n += by;
///                 c.n
///             })
///             .getter("value", |c: &Counter| c.n)
///             .setter("value", |c: &mut Counter, v: i64| c.n = v)
///             .method("__repr__", |c: &mut Counter| format!("Counter({})", c.n));
///     }
/// }
///
/// let mut interp = Interpreter::new();
/// interp.register_type::<Counter>();
/// interp.set_global("hits", Counter { n: 10 });
/// interp.run("hits.add(5)\nc = Counter(1)\nc.value = c.add(1) * 10\n").unwrap();
/// assert_eq!(interp.get_global::<Counter>("hits").unwrap().n, 15);
/// assert_eq!(interp.eval::<String>("repr(c)").unwrap(), "Counter(20)");
/// assert!(interp.eval::<bool>("isinstance(c, Counter)").unwrap());
/// ```
pub trait UserData: Sized + Send + 'static {
    /// The class's name, as scripts see it (`type(x).__name__`).
    const NAME: &'static str;
    /// Declares the class's constructor, methods and attributes.
    fn build(class: &mut ClassBuilder<Self>);
}

/// What a host type declares for scripts (`UserData::build`).
pub struct ClassBuilder<T> {
    items: Vec<(&'static str, Item)>,
    constructor: Option<Box<HostCallable>>,
    _type: std::marker::PhantomData<fn(T)>,
}

enum Item {
    Method(Box<HostCallable>),
    Getter(Box<HostCallable>),
    Setter(Box<HostCallable>),
}

impl<T: UserData> ClassBuilder<T> {
    /// How scripts make one: `NAME(args)` calls `f` with the arguments
    /// converted. Without it, calling the class is a `TypeError`
    /// (`cannot create 'NAME' instances`), as for CPython's types that
    /// cannot be instantiated.
    pub fn constructor<Args, F: HostMethod<(), Args, T>>(&mut self, f: F) -> &mut Self {
        let name = static_name(T::NAME);
        self.constructor = Some(f.into_method(name, None));
        self
    }

    /// A method: `f` receives the object's value (`&mut T`) and the call's
    /// arguments converted; its result converts back (`HostResult`: an
    /// `Err(Raise)` raises). Dunder names (`__repr__`, `__len__`, `__eq__`,
    /// ...) give the class those behaviours, as a class statement's would.
    pub fn method<Args, R, F: HostMethod<T, Args, R>>(&mut self, name: &str, f: F) -> &mut Self {
        let name = static_name(name);
        let qualname = static_name(&format!("{}.{}", T::NAME, name));
        self.items
            .push((name, Item::Method(f.into_method(qualname, Some(T::NAME)))));
        self
    }

    /// A read-only attribute (a `property`), or the reading half of one
    /// that `setter` makes writable.
    pub fn getter<R, F>(&mut self, name: &str, f: F) -> &mut Self
    where
        F: FnMut(&T) -> R + Send + 'static,
        R: HostResult,
    {
        let name = static_name(name);
        let mut f = f;
        let get = move |this: &mut T| f(this);
        self.items.push((
            name,
            Item::Getter(HostMethod::<T, (), R>::into_method(
                get,
                name,
                Some(T::NAME),
            )),
        ));
        self
    }

    /// Makes attribute `name` writable: `obj.name = v` calls `f` with `v`
    /// converted.
    pub fn setter<A, F>(&mut self, name: &str, f: F) -> &mut Self
    where
        F: FnMut(&mut T, A) + Send + 'static,
        A: FromValue,
    {
        let name = static_name(name);
        self.items.push((
            name,
            Item::Setter(HostMethod::<T, (A,), ()>::into_method(
                f,
                name,
                Some(T::NAME),
            )),
        ));
        self
    }
}

/// A Rust closure that is a method of host type `T` (its first parameter
/// `&mut T`), or with `T = ()` a constructor (no receiver). Up to six
/// further arguments that implement `FromValue`.
pub trait HostMethod<T, Args, R>: Send + 'static {
    #[doc(hidden)]
    fn into_method(self, name: &'static str, owner: Option<&'static str>) -> Box<HostCallable>;
}

/// The object's value, borrowed for a method's call.
fn with_receiver<T: 'static, R>(
    name: &str,
    owner: &str,
    this: &Value,
    f: impl FnOnce(&mut T) -> R,
) -> PyResult<R> {
    let host = match this {
        Value::Instance(i) => i.host().filter(|h| h.type_id == TypeId::of::<T>()),
        _ => None,
    };
    let Some(host) = host else {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
            this.type_name()
        )));
    };
    // A method cannot run script code, so it cannot be re-entered.
    let mut data = host.data.borrow_mut();
    Ok(f(data.downcast_mut::<T>().expect("checked type")))
}

/// Argument `i` of a method's call (after the receiver), converted.
fn method_arg<A: FromValue>(name: &str, args: &[Value], i: usize) -> PyResult<A> {
    A::from_value(&args[i]).map_err(|e| with_subject(e, &format!("{name}() argument {i}")))
}

#[cold]
fn method_arity(name: &str, n: usize, given: usize) -> PyErr {
    PyErr::type_error(match n {
        0 => format!("{name}() takes no arguments ({given} given)"),
        1 => format!("{name}() takes exactly one argument ({given} given)"),
        _ => format!("{name}() takes exactly {n} arguments ({given} given)"),
    })
}

macro_rules! host_methods {
    ($n:literal: $($a:ident $i:tt),*) => {
        impl<T, F, R, $($a),*> HostMethod<T, ($($a,)*), R> for F
        where
            T: UserData,
            F: FnMut(&mut T, $($a),*) -> R + Send + 'static,
            R: HostResult,
            $($a: FromValue,)*
        {
            #[allow(unused_variables, non_snake_case)] // the arguments are named as their types
            fn into_method(
                mut self,
                name: &'static str,
                owner: Option<&'static str>,
            ) -> Box<HostCallable> {
                let owner = owner.unwrap_or(T::NAME);
                Box::new(move |vm: &mut Vm, args: &[Value]| {
                    // args[0] is the object.
                    if args.len() != $n + 1 {
                        return Err(method_arity(name, $n, args.len().saturating_sub(1)));
                    }
                    $(let $a = method_arg::<$a>(name, args, $i)?;)*
                    let short = name.rsplit('.').next().unwrap_or(name);
                    let r = with_receiver(short, owner, &args[0], |this: &mut T| {
                        self(this, $($a),*)
                    })?;
                    r.into_result(vm)
                })
            }
        }

        impl<F, U, $($a),*> HostMethod<(), ($($a,)*), U> for F
        where
            U: UserData,
            F: FnMut($($a),*) -> U + Send + 'static,
            $($a: FromValue,)*
        {
            #[allow(unused_variables, non_snake_case)] // the arguments are named as their types
            fn into_method(
                mut self,
                name: &'static str,
                _owner: Option<&'static str>,
            ) -> Box<HostCallable> {
                Box::new(move |vm: &mut Vm, args: &[Value]| {
                    // args[0] is the class (`__new__`'s first argument).
                    if args.len() != $n + 1 {
                        return Err(method_arity(name, $n, args.len().saturating_sub(1)));
                    }
                    $(let $a = method_arg::<$a>(name, args, $i)?;)*
                    let Value::Class(cls) = &args[0] else {
                        return Err(PyErr::type_error(format!("{name}.__new__(X): X is not a type object")));
                    };
                    Ok(host_object_of(cls.clone(), self($($a),*)))
                })
            }
        }
    };
}

host_methods!(0:);
host_methods!(1: A 1);
host_methods!(2: A 1, B 2);
host_methods!(3: A 1, B 2, C 3);
host_methods!(4: A 1, B 2, C 3, D 4);
host_methods!(5: A 1, B 2, C 3, D 4, E 5);
host_methods!(6: A 1, B 2, C 3, D 4, E 5, G 6);

/// An object of class `cls` (the host type's, or a script's subclass of
/// it) holding `value`.
fn host_object_of<T: UserData>(cls: Rc<Class>, value: T) -> Value {
    let data = HostData {
        type_id: TypeId::of::<T>(),
        data: RefCell::new(Box::new(value) as Box<dyn Any + Send>),
    };
    Value::Instance(crate::gc::alloc(Instance::with_host(cls, data)))
}

/// A value of a host type crosses into the script as an object of its class.
impl<T: UserData> IntoValue for T {
    fn into_value(self, vm: &mut Vm) -> Value {
        let cls = host_class::<T>(vm);
        host_object_of(cls, self)
    }
}

/// An object of a host type comes back out as a copy of its value.
impl<T: UserData + Clone> FromValue for T {
    fn from_value(v: &Value) -> PyResult<Self> {
        if let Value::Instance(i) = v {
            if let Some(h) = i.host().filter(|h| h.type_id == TypeId::of::<T>()) {
                let data = h.data.borrow();
                return Ok(data.downcast_ref::<T>().expect("checked type").clone());
            }
        }
        Err(PyErr::type_error(format!(
            "must be {}, not {}",
            T::NAME,
            v.type_name()
        )))
    }
}

/// The class of host type `T` in this VM, made on first use.
pub(crate) fn host_class<T: UserData>(vm: &mut Vm) -> Rc<Class> {
    if let Some(c) = vm.host_classes.get(&TypeId::of::<T>()) {
        return c.clone();
    }
    let mut builder = ClassBuilder::<T> {
        items: Vec::new(),
        constructor: None,
        _type: std::marker::PhantomData,
    };
    T::build(&mut builder);
    let name = static_name(T::NAME);
    let mut dict = AttrMap::default();
    let new: Box<HostCallable> = builder.constructor.unwrap_or_else(|| {
        Box::new(move |_: &mut Vm, _: &[Value]| {
            Err(PyErr::type_error(format!(
                "cannot create '{name}' instances"
            )))
        })
    });
    let new = host_function_value("__new__", Some(name), new);
    dict.insert(
        vm.intern("__new__"),
        Value::Descr(Rc::new(Descr::StaticMethod(new))),
    );
    let mut getters: Vec<(&'static str, Value)> = Vec::new();
    let mut setters: Vec<(&'static str, Value)> = Vec::new();
    for (item_name, item) in builder.items {
        match item {
            Item::Method(f) => {
                let m = host_function_value(item_name, Some(name), f);
                dict.insert(vm.intern(item_name), m);
            }
            Item::Getter(f) => {
                getters.push((item_name, host_function_value(item_name, Some(name), f)))
            }
            Item::Setter(f) => {
                setters.push((item_name, host_function_value(item_name, Some(name), f)))
            }
        }
    }
    let mut attr_names: Vec<&'static str> = getters.iter().map(|g| g.0).collect();
    for (name, _) in &setters {
        if !attr_names.contains(name) {
            attr_names.push(name);
        }
    }
    for attr in attr_names {
        let fget = getters
            .iter()
            .find(|g| g.0 == attr)
            .map_or(Value::None, |g| g.1.clone());
        let fset = setters
            .iter()
            .find(|s| s.0 == attr)
            .map_or(Value::None, |s| s.1.clone());
        let key = vm.intern(attr);
        let prop = Descr::Property {
            fget,
            fset,
            fdel: Value::None,
            doc: Value::None,
            name: RefCell::new(Some(key.clone())),
        };
        dict.insert(key, Value::Descr(Rc::new(prop)));
    }
    let base = Some(vm.types.object.clone());
    let class = Class::native("builtins", name, base, TypeKind::Object, true, dict);
    // What a class statement's attributes note (properties, `__eq__`...).
    let entries: Vec<(Str, Value)> = class
        .dict
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (k, v) in &entries {
        vm.note_attr_hook(k.as_str(), v);
    }
    vm.host_classes.insert(TypeId::of::<T>(), class.clone());
    class
}
