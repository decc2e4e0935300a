//! Imports, as CPython's importlib does them for the subset: built-in
//! modules, and the program's own files (`import helper`, `from pkg.sub
//! import g`, `from . import x`) found along `sys.path`, run once and kept
//! in `sys.modules`. Reading files is the host's choice (`file_imports`):
//! the CLI allows it, an embedded interpreter does not unless asked.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::Vm;
use crate::value::{Dict, DictKey, ExcType, ModuleObj, PyErr, PyResult, Str, Value};

/// Modules CPython compiles into the interpreter (`sys.builtin_module_names`):
/// found before `sys.path`, so a file of the same name cannot shadow them.
/// Krait's other built-in modules stand for files of the standard library,
/// which a file beside the script shadows, as in CPython.
const BUILT_INTO_CPYTHON: &[&str] = &["sys", "time", "gc", "itertools", "builtins"];

/// Where a module's code comes from.
enum Found {
    /// A `.py` file (`package`: it is a package's `__init__.py`).
    File { path: PathBuf, package: bool },
    /// A directory without `__init__.py`: a namespace package.
    Namespace(PathBuf),
    /// A module of the standard library krait writes in Python, its
    /// source in the binary (`builtins::modules::FROZEN`).
    Frozen(&'static crate::builtins::FrozenModule),
}

impl Vm {
    /// `ImportName`: `__import__(name, globals, fromlist, level)`.
    pub(crate) fn import_name(
        &mut self,
        name: &str,
        fromlist: &Value,
        level: &Value,
        globals: &Rc<RefCell<Dict>>,
    ) -> PyResult<Value> {
        let level = match level {
            Value::Int(l) => *l as usize,
            _ => 0,
        };
        let full = if level > 0 {
            resolve_relative(name, &package_of(globals), level)?
        } else {
            name.to_string()
        };
        let module = self.import_full(&full)?;
        let names = match fromlist {
            Value::Tuple(t) if !t.is_empty() => t.clone(),
            _ => {
                // `import a.b.c` binds `a`.
                return match full.split_once('.') {
                    Some((top, _)) if level == 0 => self.import_full(top),
                    _ => Ok(module),
                };
            }
        };
        // `from pkg import sub`: submodules not yet imported are (for
        // `import *`, those `__all__` names).
        if let Value::Module(m) = &module {
            if m.dict.borrow().get_str("__path__").is_some() {
                let mut names = names.to_vec();
                if names
                    .iter()
                    .any(|n| matches!(n, Value::Str(s) if s.as_str() == "*"))
                {
                    let all = m.dict.borrow().get_str("__all__").cloned();
                    if let Some(all) = all {
                        names.extend(self.collect(&all)?);
                    }
                }
                for n in names.iter() {
                    let Value::Str(n) = n else { continue };
                    if n.as_str() != "*" && m.dict.borrow().get_str(n.as_str()).is_none() {
                        let sub = format!("{full}.{}", n.as_str());
                        match self.import_full(&sub) {
                            Err(e) if self.is_not_found(&e, &sub) => {}
                            r => {
                                r?;
                            }
                        }
                    }
                }
            }
        }
        Ok(module)
    }

    /// `ImportFrom`: `module.name`, else the submodule `module.name` in
    /// `sys.modules`, else CPython's ImportError.
    pub(crate) fn import_from(&mut self, module: &Value, name: &Str) -> PyResult<Value> {
        if let Ok(v) = self.getattr_str(module, name) {
            return Ok(v);
        }
        let Value::Module(m) = module else {
            return Err(self.cannot_import(name, "?", None, false));
        };
        let sub = format!("{}.{}", m.name.as_str(), name.as_str());
        if let Some(v) = self.sys_modules.borrow().get_str(&sub) {
            return Ok(v.clone());
        }
        let file = match m.dict.borrow().get_str("__file__") {
            Some(Value::Str(f)) => Some(f.as_str().to_string()),
            _ => None,
        };
        Err(self.cannot_import(name, m.name.as_str(), file.as_deref(), m.initializing.get()))
    }

    /// `ImportStar`: the module's public names (its `__all__`, else those
    /// not starting with `_`) into the namespace `ns`.
    pub(crate) fn import_star(&mut self, module: &Value, ns: &Rc<RefCell<Dict>>) -> PyResult<()> {
        let Value::Module(m) = module else {
            return Ok(());
        };
        let all = m.dict.borrow().get_str("__all__").cloned();
        let names: Vec<Value> = match all {
            Some(all) => self.collect(&all)?,
            None => m
                .dict
                .borrow()
                .keys()
                .filter(|k| matches!(k, Value::Str(s) if !s.as_str().starts_with('_')))
                .cloned()
                .collect(),
        };
        for n in names {
            let Value::Str(s) = &n else {
                return Err(PyErr::type_error(format!(
                    "Item in {}.__all__ must be str, not {}",
                    m.name.as_str(),
                    n.type_name()
                )));
            };
            let v = self.getattr_str(module, s)?;
            ns.borrow_mut().set_str(s.as_str(), v);
        }
        Ok(())
    }

    /// Makes `globals` the `__main__` module of `sys.modules`.
    pub(crate) fn enter_main_module(&mut self, globals: &Rc<RefCell<Dict>>) {
        let m = Value::Module(crate::gc::alloc(ModuleObj::new(
            self.intern("__main__"),
            globals.clone(),
        )));
        self.sys_modules.borrow_mut().set_str("__main__", m);
    }

    /// `importlib._bootstrap._gcd_import`: the module `full` (dotted),
    /// its parents imported first.
    fn import_full(&mut self, full: &str) -> PyResult<Value> {
        let cached = self.sys_modules.borrow().get_str(full).cloned();
        if let Some(m) = cached {
            if m.is_none() {
                let msg = format!("import of {full} halted; None in sys.modules");
                return Err(self.not_found(msg, full));
            }
            return Ok(m);
        }
        let (parent, last) = match full.rsplit_once('.') {
            Some((p, l)) => (Some(p), l),
            None => (None, full),
        };
        let search: Vec<PathBuf> = match parent {
            Some(p) => {
                let pm = self.import_full(p)?;
                // The parent's code may have imported this one.
                if let Some(m) = self.sys_modules.borrow().get_str(full) {
                    return Ok(m.clone());
                }
                match self.module_path(&pm) {
                    Some(dirs) => dirs,
                    None => {
                        let msg = format!("No module named '{full}'; '{p}' is not a package");
                        return Err(self.not_found(msg, full));
                    }
                }
            }
            None => {
                if BUILT_INTO_CPYTHON.contains(&full) {
                    if let Some(m) = self.builtin_module(full) {
                        return Ok(m);
                    }
                }
                self.sys_path()
            }
        };
        let found = match self.find_module(last, &search) {
            // A bare directory is a namespace package only if no module of
            // that name is found anywhere, the standard library included.
            Some(Found::Namespace(_))
                if parent.is_none()
                    && (crate::builtins::frozen_module(full).is_some()
                        || crate::builtins::has_native_module(self, full)) =>
            {
                None
            }
            found => found,
        };
        let module = match found {
            Some(found) => self.load(full, found)?,
            None => match parent
                .is_none()
                .then(|| self.builtin_module(full))
                .flatten()
            {
                Some(m) => m,
                None => match crate::builtins::frozen_module(full) {
                    Some(f) => self.load(full, Found::Frozen(f))?,
                    None => return Err(self.not_found(format!("No module named '{full}'"), full)),
                },
            },
        };
        // The parent gets the submodule as an attribute.
        if let Some(p) = parent {
            if let Some(Value::Module(pm)) = self.sys_modules.borrow().get_str(p) {
                pm.dict.borrow_mut().set_str(last, module.clone());
            }
        }
        Ok(module)
    }

    /// Attribute `name` of standard-library module `module`, imported if
    /// need be: for native code built on a frozen module's Python
    /// (`list[int]` makes a `types.GenericAlias`).
    pub(crate) fn stdlib_attr(&mut self, module: &str, name: &str) -> PyResult<Value> {
        let m = self.import_full(module)?;
        self.getattr(&m, name)
    }

    /// Krait's built-in module `name`, entered into `sys.modules`.
    fn builtin_module(&mut self, name: &str) -> Option<Value> {
        if !self.modules.contains_key(name) && !crate::builtins::install_module(self, name) {
            return None;
        }
        let m = self.modules.get(name)?.clone();
        self.sys_modules.borrow_mut().set_str(name, m.clone());
        // Its submodules come with it (`json.decoder`), as CPython's
        // package imports them.
        let prefix = format!("{name}.");
        for (sub, sm) in self.modules.iter() {
            if sub.starts_with(&prefix) {
                self.sys_modules.borrow_mut().set_str(sub, sm.clone());
            }
        }
        Some(m)
    }

    /// The directories of `sys.path` (strings only; `''` is the current one).
    fn sys_path(&self) -> Vec<PathBuf> {
        if !self.file_imports {
            return vec![];
        }
        match self.sys_attr("path") {
            Some(Value::List(l)) => l
                .borrow()
                .iter()
                .filter_map(|v| match v {
                    Value::Str(s) if s.as_str().is_empty() => Some(PathBuf::from(".")),
                    Value::Str(s) => Some(PathBuf::from(s.as_str())),
                    _ => None,
                })
                .collect(),
            _ => vec![],
        }
    }

    /// A package's `__path__` directories; None for a plain module.
    fn module_path(&self, m: &Value) -> Option<Vec<PathBuf>> {
        let Value::Module(m) = m else { return None };
        let path = m.dict.borrow().get_str("__path__").cloned()?;
        let Value::List(l) = path else {
            return Some(vec![]);
        };
        let dirs = l
            .borrow()
            .iter()
            .filter_map(|v| match v {
                Value::Str(s) => Some(PathBuf::from(s.as_str())),
                _ => None,
            })
            .collect();
        Some(if self.file_imports { dirs } else { vec![] })
    }

    /// CPython's FileFinder over `dirs`: `name/__init__.py`, then
    /// `name.py`, in each directory in turn; a bare directory `name` is a
    /// namespace package when nothing else is found.
    fn find_module(&self, name: &str, dirs: &[PathBuf]) -> Option<Found> {
        let mut namespace = None;
        for dir in dirs {
            let sub = dir.join(name);
            let init = sub.join("__init__.py");
            if init.is_file() {
                return Some(Found::File {
                    path: init,
                    package: true,
                });
            }
            let file = dir.join(format!("{name}.py"));
            if file.is_file() {
                return Some(Found::File {
                    path: file,
                    package: false,
                });
            }
            if namespace.is_none() && sub.is_dir() {
                namespace = Some(sub);
            }
        }
        namespace.map(Found::Namespace)
    }

    /// Makes module `full` from what was found, enters it into
    /// `sys.modules` and runs its code (taken out again if that fails).
    fn load(&mut self, full: &str, found: Found) -> PyResult<Value> {
        let mut d = Dict::new();
        d.set_str("__name__", Value::str(full));
        d.set_str("__doc__", Value::None);
        let (file, package) = match &found {
            Found::File { path, package } => (Some(absolute(path)), *package),
            Found::Namespace(_) => (None, true),
            Found::Frozen(f) => (Some(format!("<frozen {full}>")), f.package),
        };
        let pkg_name = if package {
            full.to_string()
        } else {
            full.rsplit_once('.')
                .map_or(String::new(), |(p, _)| p.to_string())
        };
        d.set_str("__package__", Value::str(&pkg_name));
        d.set_str("__loader__", Value::None);
        d.set_str("__spec__", Value::None);
        if let Found::Namespace(_) = found {
            d.set_str("__file__", Value::None);
        }
        if package {
            let dirs = match &found {
                Found::File { path, .. } => {
                    vec![Value::str(&absolute(
                        path.parent().unwrap_or(Path::new(".")),
                    ))]
                }
                Found::Namespace(dir) => vec![Value::str(&absolute(dir))],
                // Its submodules are frozen too: found by their full names.
                Found::Frozen(_) => vec![],
            };
            d.set_str("__path__", Value::list(dirs));
        }
        let file = file.unwrap_or_default();
        let code = match found {
            Found::Namespace(_) => {
                let m = self.new_module(full, d);
                self.sys_modules.borrow_mut().set_str(full, m.clone());
                return Ok(m);
            }
            Found::File { path, .. } => {
                d.set_str("__file__", Value::str(&file));
                d.set_str("__cached__", Value::None);
                self.compile_file(&path, &file)?
            }
            Found::Frozen(f) => self.compile_text(f.source, &file)?,
        };
        d.set_str("__builtins__", Value::Dict(self.builtins.clone()));
        let module = self.new_module(full, d);
        let Value::Module(m) = &module else {
            unreachable!("new_module makes a module")
        };
        self.sys_modules.borrow_mut().set_str(full, module.clone());
        m.initializing.set(true);
        let r = self.run_module(code, m.dict.clone());
        m.initializing.set(false);
        if let Err(e) = r {
            self.sys_modules.borrow_mut().remove(&DictKey::str(full));
            return Err(e);
        }
        // The module's code may have replaced its entry.
        let entry = self.sys_modules.borrow().get_str(full).cloned();
        entry.ok_or_else(|| PyErr::Args(ExcType::KeyError, vec![Value::str(full)]))
    }

    fn new_module(&mut self, full: &str, d: Dict) -> Value {
        Value::Module(crate::gc::alloc(ModuleObj::new(
            crate::value::string::intern(full),
            crate::gc::alloc(RefCell::new(d)),
        )))
    }

    /// Reads and compiles a module's file; its source is kept for tracebacks.
    fn compile_file(&mut self, path: &Path, file: &str) -> PyResult<Rc<crate::bytecode::Code>> {
        let bytes = std::fs::read(path).map_err(|e| {
            PyErr::new(
                ExcType::OSError,
                format!("[Errno {}] {e}: '{file}'", e.raw_os_error().unwrap_or(0)),
            )
        })?;
        let text = crate::syntax::decode_source(&bytes, file).map_err(|e| self.syntax_error(e))?;
        self.compile_text(&text, file)
    }

    /// Compiles a module's source text; it is kept for tracebacks.
    fn compile_text(&mut self, text: &str, file: &str) -> PyResult<Rc<crate::bytecode::Code>> {
        let source = crate::syntax::prepare_source(text, file)
            .map_err(|e| self.syntax_error(e))?
            .into_owned();
        let code =
            crate::compile::compile_source(&source, file).map_err(|e| self.syntax_error(e))?;
        self.adopt_code(&code);
        self.sources.insert(file.to_string(), Rc::from(source));
        Ok(code)
    }

    /// Whether `e` is the ModuleNotFoundError of module `name` itself.
    fn is_not_found(&mut self, e: &PyErr, name: &str) -> bool {
        self.err_is(e, ExcType::ModuleNotFoundError)
            && matches!(e, PyErr::Obj(v) if matches!(self.exc_attr(v, "name"), Some(Value::Str(n)) if n.as_str() == name))
    }
}

/// `__package__` as importlib's `_calc___package__` finds it.
fn package_of(globals: &Rc<RefCell<Dict>>) -> String {
    let g = globals.borrow();
    if let Some(Value::Str(p)) = g.get_str("__package__") {
        return p.as_str().to_string();
    }
    let name = match g.get_str("__name__") {
        Some(Value::Str(n)) => n.as_str().to_string(),
        _ => return String::new(),
    };
    if g.get_str("__path__").is_some() {
        name
    } else {
        name.rsplit_once('.')
            .map_or(String::new(), |(p, _)| p.to_string())
    }
}

/// importlib's `_resolve_name`: `name` relative to `package`, `level` dots up.
fn resolve_relative(name: &str, package: &str, level: usize) -> PyResult<String> {
    if package.is_empty() {
        return Err(PyErr::new(
            ExcType::ImportError,
            "attempted relative import with no known parent package",
        ));
    }
    let bits: Vec<&str> = package.rsplitn(level, '.').collect();
    if bits.len() < level {
        return Err(PyErr::new(
            ExcType::ImportError,
            "attempted relative import beyond top-level package",
        ));
    }
    let base = bits[bits.len() - 1];
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

fn absolute(p: &Path) -> String {
    std::path::absolute(p)
        .unwrap_or_else(|_| p.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

impl Vm {
    /// An ImportError (or subclass) with its `name` and `path` attributes.
    #[cold]
    fn import_error(&mut self, t: ExcType, msg: String, name: &str, path: Option<&str>) -> PyErr {
        let exc = self.materialize(PyErr::new(t, msg));
        if let Value::Instance(i) = &exc {
            i.set_attr(self.intern("name"), Value::str(name));
            if let Some(p) = path {
                i.set_attr(self.intern("path"), Value::str(p));
            }
        }
        PyErr::Obj(exc)
    }

    #[cold]
    fn not_found(&mut self, msg: String, name: &str) -> PyErr {
        self.import_error(ExcType::ModuleNotFoundError, msg, name, None)
    }

    #[cold]
    fn cannot_import(
        &mut self,
        name: &Str,
        module: &str,
        file: Option<&str>,
        initializing: bool,
    ) -> PyErr {
        let name = name.as_str();
        let msg = match (file, initializing) {
            (None, _) => format!("cannot import name '{name}' from '{module}' (unknown location)"),
            (Some(f), true) => format!(
                "cannot import name '{name}' from partially initialized module '{module}' \
                 (most likely due to a circular import) ({f})"
            ),
            (Some(f), false) => format!("cannot import name '{name}' from '{module}' ({f})"),
        };
        self.import_error(ExcType::ImportError, msg, module, file)
    }
}
