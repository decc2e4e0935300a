//! Caches of global names. `LoadGlobal`, and `LoadName`/`StoreName` in
//! module code (whose namespace is the globals), remember at which entry of
//! the globals or the built-ins they found a name; the entry stays right
//! while neither dict gains or loses a key (`Dict::keys_version`), so
//! assigning a global (a loop counter in module code) keeps every cache.
//! A name found in the built-ins is absent from the globals for as long as
//! the globals' keys are unchanged.

use std::cell::RefCell;
use std::rc::Rc;

use crate::bytecode::{Code, ModuleAttrCache, NameCache};
use crate::value::{Dict, DictKey, ModuleObj, PyResult, Str, Value};

use super::attr_cache::peek;
use super::Vm;

impl Vm {
    /// Attribute `names[i]` of module `m` (`random.random`, `math.sqrt`)
    /// from the cache: the entry it was found at, while the module dict's
    /// keys keep their places (assigning a module attribute keeps it).
    #[inline]
    pub(crate) fn cached_module_attr(&self, code: &Code, i: usize, m: &ModuleObj) -> Option<Value> {
        let cache = code.module_cache.borrow();
        let e = cache.get(i)?;
        let d = m.dict.borrow();
        if e.keys_version == 0 || e.keys_version != d.keys_version() {
            return None;
        }
        d.value_at(e.ix as usize).cloned()
    }

    /// Attribute `names[i]` of module `m` (the value `obj`): from the
    /// cache, or read and cached (`LoadAttr` and `LoadMethod`).
    #[inline]
    pub(crate) fn load_module_attr(
        &mut self,
        code: &Code,
        i: usize,
        obj: &Value,
        m: &ModuleObj,
    ) -> PyResult<Value> {
        if let Some(v) = self.cached_module_attr(code, i, m) {
            return Ok(v);
        }
        let v = self.getattr_str(obj, &code.names[i])?;
        self.fill_module_attr_cache(code, i, m);
        Ok(v)
    }

    /// After attribute `names[i]` was read from module `m` the slow way.
    #[cold]
    fn fill_module_attr_cache(&self, code: &Code, i: usize, m: &ModuleObj) {
        let d = m.dict.borrow();
        let Some(ix) = d.index_of(&DictKey::name(&code.names[i])) else {
            return;
        };
        let mut cache = code.module_cache.borrow_mut();
        if cache.len() <= i {
            cache.resize(code.names.len().max(i + 1), ModuleAttrCache::default());
        }
        cache[i] = ModuleAttrCache {
            keys_version: d.keys_version(),
            ix: ix as u32,
        };
    }

    /// Global (then built-in) `names[i]` of `code` from the cache, for a
    /// frame with `globals` (a reference, as `cached_load` gives).
    ///
    /// # Safety
    /// The caller clones the value out before any krait code runs.
    #[inline(always)]
    pub(crate) unsafe fn cached_global<'a>(
        &'a self,
        code: &Code,
        i: usize,
        globals: &'a RefCell<Dict>,
    ) -> Option<&'a Value> {
        // SAFETY (the three `peek`s): read, compared and cloned out; no
        // krait code runs meanwhile.
        let e = *unsafe { peek(&code.global_cache) }?.get(i)?;
        let g = unsafe { peek(globals) }?;
        if e.globals_keys != g.keys_version() || e.globals_keys == 0 {
            return None;
        }
        if !e.in_builtins {
            return g.value_at(e.ix as usize);
        }
        let b = unsafe { peek(&self.builtins) }?;
        if e.builtins_keys != b.keys_version() {
            return None;
        }
        b.value_at(e.ix as usize)
    }

    /// Global (then built-in) `names[i]` of `code` looked up, and cached.
    #[cold]
    pub(crate) fn load_global_slow(
        &mut self,
        code: &Code,
        i: usize,
        globals: &Rc<RefCell<Dict>>,
    ) -> PyResult<Value> {
        let name: &Str = &code.names[i];
        let key = DictKey::name(name);
        let g = globals.borrow();
        let b = self.builtins.borrow();
        let (found, entry) = if let Some(ix) = g.index_of(&key) {
            (g.value_at(ix).cloned(), (ix, false))
        } else if let Some(ix) = b.index_of(&key) {
            (b.value_at(ix).cloned(), (ix, true))
        } else {
            drop((g, b));
            return Err(self.name_error(format!("name '{}' is not defined", name.as_str()), name));
        };
        code.global_cache.borrow_mut()[i] = NameCache {
            globals_keys: g.keys_version(),
            builtins_keys: b.keys_version(),
            ix: entry.0 as u32,
            in_builtins: entry.1,
        };
        Ok(found.unwrap_or_default())
    }

    /// `globals[names[i]] = v` through the cache when the name's entry is known.
    #[inline]
    pub(crate) fn store_global_cached(
        &self,
        code: &Code,
        i: usize,
        globals: &RefCell<Dict>,
        v: Value,
    ) {
        let e = code.global_cache.borrow()[i];
        let mut g = globals.borrow_mut();
        if !e.in_builtins && e.globals_keys == g.keys_version() && e.globals_keys != 0 {
            g.replace_value(e.ix as usize, v);
            return;
        }
        g.insert(DictKey::name(&code.names[i]), v);
    }
}
