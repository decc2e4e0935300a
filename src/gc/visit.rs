//! What the collector knows of each container type, in one place per
//! type: how it is tracked, which tracked objects it references (`visit`)
//! and how its contents are taken out when it is garbage (`clear`).
//!
//! `visit` must report exactly the strong references the object holds to
//! tracked types: one reported and not held would make a live object look
//! unreachable. Leaving one out is safe (its target merely looks
//! referenced from outside).

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use crate::bytecode::Code;
use crate::value::class::{AttrMap, AttrStore};
use crate::value::{
    BoundMethod, Builtin, Class, DequeObj, Descr, Dict, Function, Instance, ListObj, ModuleObj,
    SetObj, TracebackObj, Value,
};
use crate::vm::frame::{Frame, FrameObj, OnReturn};
use crate::vm::iter::IterObj;

/// A type whose objects the collector tracks.
pub trait Traceable: Sized {
    #[doc(hidden)]
    fn handle(rc: &Rc<Self>) -> Tracked;
    /// False when the object can never be part of a cycle (CPython leaves
    /// such tuples untracked too).
    fn worth_tracking(&self) -> bool {
        true
    }
}

macro_rules! tracked_types {
    ($($name:ident: $ty:ty),* $(,)?) => {
        /// A weak handle on a tracked container.
        pub enum Tracked { $($name(Weak<$ty>)),* }
        /// A tracked container held strongly while a collection runs.
        pub(super) enum Obj { $($name(Rc<$ty>)),* }
        impl Tracked {
            pub(super) fn upgrade(self) -> Option<Obj> {
                match self { $(Tracked::$name(w) => w.upgrade().map(Obj::$name)),* }
            }
            pub(super) fn is_alive(&self) -> bool {
                match self { $(Tracked::$name(w) => w.strong_count() > 0),* }
            }
        }
        impl Obj {
            pub(super) fn downgrade(&self) -> Tracked {
                match self { $(Obj::$name(r) => Tracked::$name(Rc::downgrade(r))),* }
            }
            /// The address `Value::ptr` gives for it.
            pub(super) fn addr(&self) -> usize {
                match self { $(Obj::$name(r) => addr(r)),* }
            }
            pub(super) fn strong(&self) -> usize {
                match self { $(Obj::$name(r) => Rc::strong_count(r)),* }
            }
        }
    };
}

tracked_types! {
    List: ListObj,
    Tuple: Vec<Value>,
    Dict: RefCell<Dict>,
    Set: RefCell<SetObj>,
    FrozenSet: SetObj,
    Function: Function,
    Method: BoundMethod,
    Builtin: Builtin,
    Class: Class,
    Instance: Instance,
    Iter: RefCell<IterObj>,
    Code: Code,
    Frame: FrameObj,
    Module: ModuleObj,
    Descr: Descr,
    Cell: RefCell<Value>,
    Traceback: TracebackObj,
    Deque: DequeObj,
}

macro_rules! traceable {
    ($name:ident: $ty:ty) => {
        impl Traceable for $ty {
            fn handle(rc: &Rc<Self>) -> Tracked {
                Tracked::$name(Rc::downgrade(rc))
            }
        }
    };
    ($name:ident: $ty:ty, |$s:ident| $worth:expr) => {
        impl Traceable for $ty {
            fn handle(rc: &Rc<Self>) -> Tracked {
                Tracked::$name(Rc::downgrade(rc))
            }
            fn worth_tracking(&self) -> bool {
                let $s = self;
                $worth
            }
        }
    };
}

traceable!(List: ListObj);
traceable!(Tuple: Vec<Value>, |t| !t.iter().all(is_atomic));
traceable!(Dict: RefCell<Dict>);
traceable!(Set: RefCell<SetObj>);
traceable!(FrozenSet: SetObj, |s| !s.iter().all(is_atomic));
traceable!(Function: Function);
traceable!(Method: BoundMethod);
traceable!(Builtin: Builtin, |b| b.bound_self.as_ref().is_some_and(|v| !is_atomic(v)));
traceable!(Class: Class);
traceable!(Instance: Instance);
traceable!(Iter: RefCell<IterObj>);
traceable!(Code: Code);
traceable!(Frame: FrameObj);
traceable!(Module: ModuleObj);
traceable!(Descr: Descr);
traceable!(Cell: RefCell<Value>);
traceable!(Traceback: TracebackObj);
traceable!(Deque: DequeObj);

/// A value that references nothing tracked (and so never closes a cycle).
pub fn is_atomic(v: &Value) -> bool {
    match v {
        Value::None
        | Value::Bool(_)
        | Value::Int(_)
        | Value::Float(_)
        | Value::BigInt(_)
        | Value::Str(_)
        | Value::Range(_)
        | Value::Ellipsis
        | Value::NotImplemented
        | Value::Null => true,
        Value::Builtin(b) => b.bound_self.is_none(),
        _ => false,
    }
}

#[inline]
fn addr<T>(r: &Rc<T>) -> usize {
    Rc::as_ptr(r) as *const u8 as usize
}

/// Reports a value's referent if it is of a tracked type.
#[inline(always)]
fn value(v: &Value, f: &mut impl FnMut(usize)) {
    match v {
        Value::List(r) => f(addr(r)),
        Value::Tuple(r) => f(addr(r)),
        Value::Dict(r) => f(addr(r)),
        Value::Set(r) => f(addr(r)),
        Value::FrozenSet(r) => f(addr(r)),
        Value::Function(r) => f(addr(r)),
        Value::BoundMethod(r) => f(addr(r)),
        Value::Builtin(r) => f(addr(r)),
        Value::Class(r) => f(addr(r)),
        Value::Instance(r) => f(addr(r)),
        Value::Iter(r) => f(addr(r)),
        Value::Code(r) => f(addr(r)),
        Value::Frame(r) => f(addr(r)),
        Value::Module(r) => f(addr(r)),
        Value::Descr(r) => f(addr(r)),
        Value::Cell(r) => f(addr(r)),
        Value::Traceback(r) => f(addr(r)),
        Value::Deque(r) => f(addr(r)),
        _ => {}
    }
}

#[inline(always)]
fn values<'a>(vs: impl IntoIterator<Item = &'a Value>, f: &mut impl FnMut(usize)) {
    for v in vs {
        value(v, f);
    }
}

#[inline(always)]
fn attr_map(m: &AttrMap, f: &mut impl FnMut(usize)) {
    values(m.values(), f)
}

/// What garbage containers held, dropped once the collection is done
/// with them (never while one of their `RefCell`s is borrowed).
#[derive(Default)]
pub(super) struct Trash {
    values: Vec<Value>,
    dicts: Vec<Dict>,
    sets: Vec<SetObj>,
    iters: Vec<IterObj>,
}

impl Obj {
    /// Calls `f` with the address of each tracked object this one holds a
    /// strong reference to; false (and no calls) when it is borrowed
    /// mutably right now and cannot be looked into.
    pub(super) fn visit(&self, f: &mut impl FnMut(usize)) -> bool {
        match self {
            Obj::List(l) => match l.try_borrow_references() {
                Ok(items) => values(items.iter(), f),
                Err(_) => return false,
            },
            Obj::Tuple(t) => values(t.iter(), f),
            Obj::Dict(d) => match d.try_borrow() {
                Ok(d) => dict(&d, f),
                Err(_) => return false,
            },
            Obj::Set(s) => match s.try_borrow() {
                Ok(s) => values(s.iter(), f),
                Err(_) => return false,
            },
            Obj::FrozenSet(s) => values(s.iter(), f),
            Obj::Function(func) => {
                let (Ok(dict), Ok(annotations), Ok(doc), Ok(module)) = (
                    func.dict.try_borrow(),
                    func.annotations.try_borrow(),
                    func.doc.try_borrow(),
                    func.module.try_borrow(),
                ) else {
                    return false;
                };
                if let Some(d) = &*dict {
                    f(addr(d));
                }
                value(&annotations, f);
                value(&doc, f);
                value(&module, f);
                f(addr(&func.code));
                f(addr(&func.globals));
                values(&func.defaults, f);
                values(func.kwdefaults.iter().map(|(_, v)| v), f);
                for c in &func.closure {
                    f(addr(c));
                }
            }
            Obj::Method(m) => {
                value(&m.func, f);
                value(&m.self_, f);
            }
            Obj::Builtin(b) => {
                if let Some(s) = &b.bound_self {
                    value(s, f);
                }
            }
            Obj::Class(c) => {
                let Ok(d) = c.dict.try_borrow() else {
                    return false;
                };
                if let Some(b) = &c.base {
                    f(addr(b));
                }
                attr_map(&d, f);
            }
            Obj::Instance(i) => {
                let Ok(attrs) = i.attrs.try_borrow() else {
                    return false;
                };
                f(addr(&i.class));
                match &*attrs {
                    AttrStore::Slots(_, vs) => values(vs.iter(), f),
                    AttrStore::Map(m) => attr_map(m, f),
                    AttrStore::Dict(d) => f(addr(d)),
                }
                i.visit_traceback(|t| f(addr(t)));
                if let Some(p) = i.payload() {
                    value(p, f);
                }
            }
            Obj::Iter(it) => match it.try_borrow() {
                Ok(it) => iter(&it, f),
                Err(_) => return false,
            },
            Obj::Code(c) => {
                // Inline caches hold classes and methods (a method's code
                // can lead back to itself through them).
                let (Ok(attrs), Ok(methods)) =
                    (c.attr_cache.try_borrow(), c.method_cache.try_borrow())
                else {
                    return false;
                };
                values(&c.consts, f);
                for e in attrs.iter() {
                    if let Some(cls) = &e.class {
                        f(addr(cls));
                    }
                }
                for e in methods.iter() {
                    if let Some(cls) = &e.class {
                        f(addr(cls));
                    }
                    value(&e.method, f);
                }
            }
            Obj::Frame(fo) => {
                let (Ok(back), Ok(locals), Ok(slots), Ok(tr)) = (
                    fo.back.try_borrow(),
                    fo.locals.try_borrow(),
                    fo.frozen_slots.try_borrow(),
                    fo.f_trace.try_borrow(),
                ) else {
                    return false;
                };
                f(addr(&fo.code));
                f(addr(&fo.globals));
                if let Some(b) = &*back {
                    f(addr(b));
                }
                if let Some(d) = &*locals {
                    f(addr(d));
                }
                if let Some(s) = &*slots {
                    values(s, f);
                }
                value(&tr, f);
            }
            Obj::Module(m) => f(addr(&m.dict)),
            Obj::Descr(d) => match &**d {
                Descr::Property {
                    fget,
                    fset,
                    fdel,
                    doc,
                    ..
                } => values([fget, fset, fdel, doc], f),
                Descr::StaticMethod(v) | Descr::ClassMethod(v) => value(v, f),
                Descr::Super { start_after, obj } => {
                    f(addr(start_after));
                    value(obj, f);
                }
                Descr::Partial { func, args, kwargs } => {
                    value(func, f);
                    values(args, f);
                    values(kwargs.iter().map(|(_, v)| v), f);
                }
                Descr::Getter { items, kwargs, .. } => {
                    values(items, f);
                    values(kwargs.iter().map(|(_, v)| v), f);
                }
                Descr::Re(o) => o.for_each_value(&mut |v| value(v, f)),
                Descr::LruCache(c) => c.for_each_value(&mut |v| value(v, f)),
            },
            Obj::Cell(c) => match c.try_borrow() {
                Ok(v) => value(&v, f),
                Err(_) => return false,
            },
            Obj::Deque(d) => match d.items.try_borrow() {
                Ok(items) => values(items.iter(), f),
                Err(_) => return false,
            },
            Obj::Traceback(t) => {
                let (Ok(locals), Ok(frame)) = (t.locals.try_borrow(), t.frame.try_borrow()) else {
                    return false;
                };
                f(addr(&t.code));
                f(addr(&t.globals));
                if let Some(n) = &t.next {
                    f(addr(n));
                }
                if let Some(fo) = &*frame {
                    f(addr(fo));
                }
                values(locals.iter(), f);
            }
        }
        true
    }

    /// Takes the contents out of a garbage container (a mutable one; the
    /// others lose their references when these go).
    pub(super) fn clear(&self, trash: &mut Trash) {
        match self {
            Obj::List(l) => {
                if let Ok(mut l) = l.try_borrow_mut() {
                    trash.values.append(&mut l);
                }
            }
            Obj::Dict(d) => {
                if let Ok(mut d) = d.try_borrow_mut() {
                    trash.dicts.push(d.take());
                }
            }
            Obj::Set(s) => {
                if let Ok(mut s) = s.try_borrow_mut() {
                    trash.sets.push(std::mem::take(&mut *s));
                }
            }
            Obj::Function(func) => {
                if let Ok(mut d) = func.dict.try_borrow_mut() {
                    if let Some(d) = d.take() {
                        trash.values.push(Value::Dict(d));
                    }
                }
                for cell in [&func.annotations, &func.doc, &func.module] {
                    if let Ok(mut v) = cell.try_borrow_mut() {
                        trash.values.push(std::mem::replace(&mut *v, Value::None));
                    }
                }
            }
            Obj::Class(c) => {
                if let Ok(mut d) = c.dict.try_borrow_mut() {
                    trash.values.extend(std::mem::take(&mut *d).into_values());
                }
            }
            Obj::Instance(i) => {
                if let Ok(mut a) = i.attrs.try_borrow_mut() {
                    match std::mem::replace(&mut *a, AttrStore::Map(Box::default())) {
                        AttrStore::Slots(_, vs) => trash.values.extend(vs),
                        AttrStore::Map(m) => trash.values.extend(m.into_values()),
                        AttrStore::Dict(d) => trash.values.push(Value::Dict(d)),
                    }
                }
                trash
                    .values
                    .extend(i.take_traceback().map(Value::Traceback));
            }
            Obj::Iter(it) => {
                if let Ok(mut it) = it.try_borrow_mut() {
                    trash.iters.push(std::mem::replace(&mut *it, IterObj::Done));
                }
            }
            Obj::Code(c) => {
                if let Ok(mut cache) = c.attr_cache.try_borrow_mut() {
                    for e in std::mem::take(&mut *cache) {
                        trash.values.extend(e.class.map(Value::Class));
                    }
                }
                if let Ok(mut cache) = c.method_cache.try_borrow_mut() {
                    for e in std::mem::take(&mut *cache) {
                        trash.values.extend(e.class.map(Value::Class));
                        trash.values.push(e.method);
                    }
                }
            }
            Obj::Frame(fo) => {
                if let Ok(mut b) = fo.back.try_borrow_mut() {
                    trash.values.extend(b.take().map(Value::Frame));
                }
                if let Ok(mut l) = fo.locals.try_borrow_mut() {
                    trash.values.extend(l.take().map(Value::Dict));
                }
                if let Ok(mut s) = fo.frozen_slots.try_borrow_mut() {
                    trash.values.extend(s.take().into_iter().flatten());
                }
                if let Ok(mut t) = fo.f_trace.try_borrow_mut() {
                    trash.values.push(std::mem::take(&mut *t));
                }
            }
            Obj::Deque(d) => {
                if let Ok(mut items) = d.items.try_borrow_mut() {
                    trash.values.extend(std::mem::take(&mut *items));
                }
            }
            Obj::Cell(c) => {
                if let Ok(mut v) = c.try_borrow_mut() {
                    trash.values.push(std::mem::replace(&mut *v, Value::Null));
                }
            }
            Obj::Traceback(t) => {
                if let Ok(mut l) = t.locals.try_borrow_mut() {
                    trash.values.append(&mut l);
                }
                if let Ok(mut fo) = t.frame.try_borrow_mut() {
                    trash.values.extend(fo.take().map(Value::Frame));
                }
            }
            // Immutable.
            Obj::Tuple(_)
            | Obj::FrozenSet(_)
            | Obj::Method(_)
            | Obj::Builtin(_)
            | Obj::Module(_)
            | Obj::Descr(_) => {}
        }
    }
}

fn dict(d: &Dict, f: &mut impl FnMut(usize)) {
    for (k, v) in d.iter() {
        value(k, f);
        value(v, f);
    }
}

/// An activation record kept by a suspended generator.
fn frame(fr: &Frame, f: &mut impl FnMut(usize)) {
    f(addr(&fr.code));
    f(addr(&fr.globals));
    if let Some(l) = &fr.locals {
        f(addr(l));
    }
    if let Some(func) = &fr.func {
        f(addr(func));
    }
    match &fr.on_return {
        OnReturn::Push | OnReturn::TraceEvent(_) => {}
        OnReturn::Init(v) => value(v, f),
        OnReturn::ClassBody(b) => {
            if let Some(base) = &b.base {
                f(addr(base));
            }
            f(addr(&b.ns));
            values(b.kwargs.iter().map(|(_, v)| v), f);
        }
    }
    if let Some(o) = &fr.obj {
        f(addr(o));
    }
    if let Some(g) = &fr.gen {
        f(addr(g));
    }
}

fn iter(it: &IterObj, f: &mut impl FnMut(usize)) {
    match it {
        IterObj::List { list, .. } | IterObj::ListReverse { list, .. } => f(addr(list)),
        IterObj::Tuple { items, .. } => f(addr(items)),
        IterObj::DictKeys { dict, .. }
        | IterObj::DictValues { dict, .. }
        | IterObj::DictItems { dict, .. } => f(addr(dict)),
        IterObj::Items { items, .. } | IterObj::Reversed { items, .. } => values(items, f),
        IterObj::SetItems { set, items, .. } => {
            f(addr(set));
            values(items, f);
        }
        IterObj::Enumerate { inner, count } => {
            value(inner, f);
            value(count, f);
        }
        IterObj::Zip { inners, .. } => values(inners, f),
        IterObj::Map { func, inners } => {
            value(func, f);
            values(inners, f);
        }
        IterObj::Filter { func, inner } => {
            value(func, f);
            value(inner, f);
        }
        IterObj::SeqReverse { obj, .. } | IterObj::SeqIndex { obj, .. } => value(obj, f),
        IterObj::DictReverse { dict, .. } => f(addr(dict)),
        IterObj::Generator(g) => {
            f(addr(&g.func));
            if let Some(fr) = &g.frame {
                frame(fr, f);
            }
            values(&g.saved, f);
        }
        IterObj::Callable { func, sentinel } => {
            value(func, f);
            value(sentinel, f);
        }
        IterObj::Itertools(s) => s.for_each_value(&mut |v| value(v, f)),
        IterObj::Deque { deque, .. } => f(addr(deque)),
        IterObj::ODict { dict, .. } => f(addr(dict)),
        IterObj::Str { .. } | IterObj::Range { .. } | IterObj::BigRange { .. } | IterObj::Done => {}
    }
}
