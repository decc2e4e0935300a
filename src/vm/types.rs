//! The built-in type objects (`int`, `str`, `ValueError`, ...).

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::value::class::AttrMap;
use crate::value::{Class, Descr, ExcType, GetterKind, TypeKind, Value};

pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none: Rc<Class>,
    pub bool_: Rc<Class>,
    pub int: Rc<Class>,
    pub float: Rc<Class>,
    pub str_: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub property: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub super_: Rc<Class>,
    pub code: Rc<Class>,
    pub frame: Rc<Class>,
    pub traceback: Rc<Class>,
    pub cell: Rc<Class>,
    pub iterator: Rc<Class>,
    pub ellipsis: Rc<Class>,
    pub not_implemented: Rc<Class>,
    /// `types.SimpleNamespace` (what `sys.implementation` is): an instance
    /// whose attributes its repr lists.
    pub simple_namespace: Rc<Class>,
    pub partial: Rc<Class>,
    pub lru_cache: Rc<Class>,
    /// `collections.deque`.
    pub deque: Rc<Class>,
    /// `operator.itemgetter`, `attrgetter`, `methodcaller`, by `GetterKind`.
    pub getters: [Rc<Class>; 3],
    /// `re.Pattern`, `re.Match`, `_sre.SRE_Scanner`, by `ReObj::kind`.
    pub re: [Rc<Class>; 3],
    pub map: Rc<Class>,
    pub filter: Rc<Class>,
    pub zip: Rc<Class>,
    pub reversed: Rc<Class>,
    pub enumerate: Rc<Class>,
    pub generator: Rc<Class>,
    exceptions: FxHashMap<ExcType, Rc<Class>>,
    /// `list_iterator`, `generator`, `zip`, ...: made when first asked for.
    iterator_kinds: RefCell<FxHashMap<&'static str, Rc<Class>>>,
}

/// A type a module defines (`functools.partial`).
fn module_class(module: &str, name: &str, base: Option<Rc<Class>>, kind: TypeKind) -> Rc<Class> {
    Class::native(module, name, base, kind, false, AttrMap::default())
}

pub fn builtin_class(name: &str, base: Option<Rc<Class>>, kind: TypeKind) -> Rc<Class> {
    module_class("builtins", name, base, kind)
}

impl Types {
    pub fn new() -> Types {
        let object = builtin_class("object", None, TypeKind::Object);
        let o = || Some(object.clone());
        let int = builtin_class("int", o(), TypeKind::Int);
        // The iterator types that are also built-in names: `type(map(f, x)) is map`.
        let mut iterator_kinds = FxHashMap::default();
        let mut iter_type = |name: &'static str, kind: TypeKind| {
            let c = builtin_class(name, o(), kind);
            crate::builtins::install_iterator_methods(&c);
            iterator_kinds.insert(name, c.clone());
            c
        };
        let map = iter_type("map", TypeKind::Map);
        let filter = iter_type("filter", TypeKind::Filter);
        let zip = iter_type("zip", TypeKind::Zip);
        let reversed = iter_type("reversed", TypeKind::Reversed);
        let enumerate = iter_type("enumerate", TypeKind::Enumerate);
        let generator = iter_type("generator", TypeKind::Iterator);
        let mut exceptions = FxHashMap::default();
        for t in ExcType::ALL {
            let base = match t.parent() {
                Some(p) => exceptions.get(&p).cloned(),
                None => Some(object.clone()),
            };
            exceptions.insert(*t, builtin_class(t.name(), base, TypeKind::Exception(*t)));
        }
        Types {
            type_: builtin_class("type", o(), TypeKind::Type),
            none: builtin_class("NoneType", o(), TypeKind::NoneType),
            bool_: builtin_class("bool", Some(int.clone()), TypeKind::Bool),
            float: builtin_class("float", o(), TypeKind::Float),
            str_: builtin_class("str", o(), TypeKind::Str),
            list: builtin_class("list", o(), TypeKind::List),
            tuple: builtin_class("tuple", o(), TypeKind::Tuple),
            dict: builtin_class("dict", o(), TypeKind::Dict),
            set: builtin_class("set", o(), TypeKind::Set),
            frozenset: builtin_class("frozenset", o(), TypeKind::FrozenSet),
            range: builtin_class("range", o(), TypeKind::Range),
            slice: builtin_class("slice", o(), TypeKind::Slice),
            function: builtin_class("function", o(), TypeKind::Function),
            builtin_function: builtin_class(
                "builtin_function_or_method",
                o(),
                TypeKind::BuiltinFunction,
            ),
            method: builtin_class("method", o(), TypeKind::Method),
            module: builtin_class("module", o(), TypeKind::Module),
            property: builtin_class("property", o(), TypeKind::Property),
            staticmethod: builtin_class("staticmethod", o(), TypeKind::StaticMethod),
            classmethod: builtin_class("classmethod", o(), TypeKind::ClassMethod),
            super_: builtin_class("super", o(), TypeKind::Super),
            code: builtin_class("code", o(), TypeKind::Code),
            frame: builtin_class("frame", o(), TypeKind::Frame),
            traceback: builtin_class("traceback", o(), TypeKind::Traceback),
            cell: builtin_class("cell", o(), TypeKind::Cell),
            iterator: builtin_class("iterator", o(), TypeKind::Iterator),
            ellipsis: builtin_class("ellipsis", o(), TypeKind::Ellipsis),
            not_implemented: builtin_class("NotImplementedType", o(), TypeKind::NotImplementedType),
            simple_namespace: module_class("types", "SimpleNamespace", o(), TypeKind::Object),
            partial: module_class("functools", "partial", o(), TypeKind::Partial),
            lru_cache: module_class("functools", "_lru_cache_wrapper", o(), TypeKind::LruCache),
            deque: module_class("collections", "deque", o(), TypeKind::Deque),
            getters: [
                (GetterKind::Item, "itemgetter"),
                (GetterKind::Attr, "attrgetter"),
                (GetterKind::Method, "methodcaller"),
            ]
            .map(|(k, name)| module_class("operator", name, o(), TypeKind::Getter(k))),
            re: [("re", "Pattern"), ("re", "Match"), ("_sre", "SRE_Scanner")]
                .map(|(m, name)| module_class(m, name, o(), TypeKind::Object)),
            map,
            filter,
            zip,
            reversed,
            enumerate,
            generator,
            int,
            object,
            exceptions,
            iterator_kinds: RefCell::new(iterator_kinds),
        }
    }

    pub fn exc(&self, t: ExcType) -> Rc<Class> {
        self.exceptions[&t].clone()
    }

    /// `type(v)`
    /// The type of `v` when it is a built-in type whose methods never
    /// change and whose values all share it (not instances, classes,
    /// modules, iterators or descriptors): what `Vm::cached_builtin_method`
    /// keys on.
    #[inline]
    pub fn fixed_type_of(&self, v: &Value) -> Option<&Rc<Class>> {
        Some(match v {
            Value::Bool(_) => &self.bool_,
            Value::Int(_) | Value::BigInt(_) => &self.int,
            Value::Float(_) => &self.float,
            Value::Str(_) => &self.str_,
            Value::List(_) => &self.list,
            Value::Tuple(_) => &self.tuple,
            Value::Dict(_) => &self.dict,
            Value::Set(_) => &self.set,
            Value::FrozenSet(_) => &self.frozenset,
            Value::Range(_) => &self.range,
            _ => return None,
        })
    }

    pub fn type_of(&self, v: &Value) -> Rc<Class> {
        match v {
            Value::None => self.none.clone(),
            Value::Bool(_) => self.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => self.int.clone(),
            Value::Float(_) => self.float.clone(),
            Value::Str(_) => self.str_.clone(),
            Value::List(_) => self.list.clone(),
            Value::Tuple(_) => self.tuple.clone(),
            Value::Dict(_) => self.dict.clone(),
            Value::Set(_) => self.set.clone(),
            Value::FrozenSet(_) => self.frozenset.clone(),
            Value::Range(_) => self.range.clone(),
            Value::Slice(_) => self.slice.clone(),
            Value::Function(_) => self.function.clone(),
            Value::BoundMethod(_) => self.method.clone(),
            Value::Builtin(_) => self.builtin_function.clone(),
            Value::Class(_) => self.type_.clone(),
            Value::Instance(i) => i.class.clone(),
            Value::Iter(it) => {
                let name = it.borrow().type_name();
                self.iterator_kinds
                    .borrow_mut()
                    .entry(name)
                    .or_insert_with(|| {
                        let c = builtin_class(name, Some(self.object.clone()), TypeKind::Iterator);
                        crate::builtins::install_iterator_methods(&c);
                        c
                    })
                    .clone()
            }
            Value::Code(_) => self.code.clone(),
            Value::Frame(_) => self.frame.clone(),
            Value::Module(_) => self.module.clone(),
            Value::Descr(d) => match &**d {
                Descr::Property { .. } => self.property.clone(),
                Descr::StaticMethod(_) => self.staticmethod.clone(),
                Descr::ClassMethod(_) => self.classmethod.clone(),
                Descr::Super { .. } => self.super_.clone(),
                Descr::Partial { .. } => self.partial.clone(),
                Descr::Getter { kind, .. } => self.getters[*kind as usize].clone(),
                Descr::Re(o) => self.re[o.kind().0].clone(),
                Descr::LruCache(_) => self.lru_cache.clone(),
            },
            Value::Cell(_) => self.cell.clone(),
            Value::Traceback(_) => self.traceback.clone(),
            Value::Deque(_) => self.deque.clone(),
            Value::Ellipsis => self.ellipsis.clone(),
            Value::NotImplemented => self.not_implemented.clone(),
            Value::Null => self.object.clone(),
        }
    }

    /// Registers a module's iterator type under its `tp_name`, which the
    /// iterators' `type_name` gives (`itertools.count`).
    pub fn register_iterator_type(&self, tp_name: &'static str, c: Rc<Class>) {
        self.iterator_kinds.borrow_mut().insert(tp_name, c);
    }

    /// All built-in exception classes, by name.
    pub fn exception_classes(&self) -> Vec<(&'static str, Rc<Class>)> {
        ExcType::ALL
            .iter()
            .map(|t| (t.name(), self.exc(*t)))
            .collect()
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}
