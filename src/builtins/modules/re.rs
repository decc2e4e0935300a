//! The `re` module: Python's patterns (`re_parse.rs` parses them as
//! CPython's `re/_parser.py` does and writes them for the engine) run by
//! `regex-automata`'s meta engine, the one under the `regex` crate
//! (linear time: no pattern hangs). Indices are characters, as Python's.
//!
//! In CPython the module's functions (`re.match`, `re.sub`, ...) are
//! Python functions in `re/__init__.py`: here natives with a `PySig`, so a
//! profiler sees no `c_call` for them. `Pattern`, `Match` and the scanner
//! behind `finditer` are C types there as here: their methods are
//! `c_call`s. A callable `repl` of `sub` runs as a krait frame.
//!
//! Python's iteration over matches (`findall`, `finditer`, `sub`,
//! `split`) is 3.7's: a match may be empty right after the previous one,
//! but not empty where the previous empty match was. Where a pattern's
//! preferred match at such a place is empty while a longer one exists
//! (`a??`, `|a`), CPython backtracks into the longer one, which the engine
//! cannot: refused by name, as are the constructs it lacks (see
//! `re_parse.rs`) and `$` without MULTILINE on a haystack with a `\n`
//! before its final one.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use regex_automata::meta::Regex;
use regex_automata::{Anchored, Input, MatchKind};

use super::re_parse::{self, Dollar, Fail, Node, Parsed};
use super::{module, python_levels};
use crate::builtins::typedef::{AttrDef, FnDef, ModuleDef, Params, PySig, TypeDef};
use crate::value::{Builtin, Descr, ExcType, Kwargs, PyErr, PyResult, Str, Value};
use crate::vm::Vm;

/// A compiled pattern (`re.Pattern`).
pub struct Pattern {
    pub source: Str,
    pub flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
    close_order: Vec<usize>,
    tree: Node,
    plain_dollar: bool,
    /// Has a Unicode `\b`/`\B` (see `boundary_ok`).
    unicode_boundary: bool,
    /// Can match the empty string.
    nullable: bool,
    engines: RefCell<HashMap<(Dollar, Engine), Rc<Regex>>>,
}

/// The engine's variants of one pattern, compiled when first needed.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Engine {
    /// Leftmost-first, as Python's backtracking prefers.
    Search,
    /// The pattern then `\z`: `fullmatch`.
    Full,
    /// Every match: the longest at a place, to see whether a non-empty
    /// one exists there.
    Longest,
}

/// A match (`re.Match`): spans in characters.
pub struct MatchObj {
    pub string: Value,
    pub pattern: Value,
    pub pos: usize,
    pub endpos: usize,
    spans: Vec<Option<(usize, usize)>>,
}

/// What `finditer` iterates: `scanner.search` called until None.
pub struct Scanner {
    pub pattern: Value,
    pub string: Value,
    /// The `pos` it was made with (its matches' `pos`).
    pos: usize,
    next: Cell<usize>,
    endpos: usize,
    must_advance: Cell<bool>,
    done: Cell<bool>,
    /// The string's character offsets, made at the first search.
    starts: std::cell::OnceCell<Rc<Vec<usize>>>,
}

/// The `re` objects a `Descr::Re` holds.
pub enum ReObj {
    Pattern(Pattern),
    Match(MatchObj),
    Scanner(Scanner),
}

impl ReObj {
    /// The values it holds, for the collector.
    pub fn for_each_value(&self, f: &mut dyn FnMut(&Value)) {
        match self {
            ReObj::Pattern(p) => f(&Value::Str(p.source.clone())),
            ReObj::Match(m) => {
                f(&m.string);
                f(&m.pattern);
            }
            ReObj::Scanner(s) => {
                f(&s.pattern);
                f(&s.string);
            }
        }
    }

    /// Index in `Types::re`, and the type's name.
    pub fn kind(&self) -> (usize, &'static str) {
        match self {
            ReObj::Pattern(_) => (0, "re.Pattern"),
            ReObj::Match(_) => (1, "re.Match"),
            ReObj::Scanner(_) => (2, "_sre.SRE_Scanner"),
        }
    }
}

fn refused(what: impl std::fmt::Display) -> PyErr {
    PyErr::new(
        ExcType::NotImplementedError,
        format!("krait does not support {what}"),
    )
}

// ---- the module ------------------------------------------------------

macro_rules! sig {
    ($name:ident, $q:expr, [$($n:expr),*], $req:expr) => {
        static $name: PySig = PySig {
            qualname: $q,
            names: &[$($n),*],
            positional: { let n: &[&str] = &[$($n),*]; n.len() as u8 },
            required: $req,
            method: false,
        };
    };
}

sig!(COMPILE, "compile", ["pattern", "flags"], 1);
sig!(MATCH, "match", ["pattern", "string", "flags"], 2);
sig!(SEARCH, "search", ["pattern", "string", "flags"], 2);
sig!(FULLMATCH, "fullmatch", ["pattern", "string", "flags"], 2);
sig!(FINDALL, "findall", ["pattern", "string", "flags"], 2);
sig!(FINDITER, "finditer", ["pattern", "string", "flags"], 2);
sig!(
    SUB,
    "sub",
    ["pattern", "repl", "string", "count", "flags"],
    3
);
sig!(
    SUBN,
    "subn",
    ["pattern", "repl", "string", "count", "flags"],
    3
);
sig!(
    SPLIT,
    "split",
    ["pattern", "string", "maxsplit", "flags"],
    2
);
sig!(ESCAPE, "escape", ["pattern"], 1);
sig!(PURGE, "purge", [], 0);

static MODULE: ModuleDef = ModuleDef {
    name: "re",
    functions: &[
        FnDef::python("re", &COMPILE, re_compile),
        FnDef::python("re", &MATCH, re_match),
        FnDef::python("re", &SEARCH, re_search),
        FnDef::python("re", &FULLMATCH, re_fullmatch),
        FnDef::python("re", &FINDALL, re_findall),
        FnDef::python("re", &FINDITER, re_finditer),
        FnDef::python("re", &SUB, re_sub),
        FnDef::python("re", &SUBN, re_subn),
        FnDef::python("re", &SPLIT, re_split),
        FnDef::python("re", &ESCAPE, re_escape),
        FnDef::python("re", &PURGE, re_purge),
        FnDef::function("re", "template", Params::Own, refuse_template),
    ],
};

fn is_pattern(v: &Value) -> bool {
    matches!(v, Value::Descr(d) if matches!(&**d, Descr::Re(o) if matches!(**o, ReObj::Pattern(_))))
}
fn is_match(v: &Value) -> bool {
    matches!(v, Value::Descr(d) if matches!(&**d, Descr::Re(o) if matches!(**o, ReObj::Match(_))))
}
fn is_scanner(v: &Value) -> bool {
    matches!(v, Value::Descr(d) if matches!(&**d, Descr::Re(o) if matches!(**o, ReObj::Scanner(_))))
}

const fn pm(name: &'static str, func: crate::value::NativeFn) -> FnDef {
    FnDef::method("Pattern", is_pattern, name, Params::Own, func)
}
const fn mm(name: &'static str, params: Params, func: crate::value::NativeFn) -> FnDef {
    FnDef::method("Match", is_match, name, params, func)
}

/// `re.Pattern`, `re.Match` and the scanner, by `ReObj::kind`.
pub(crate) static TYPES: [&TypeDef; 3] = [&PATTERN_TYPE, &MATCH_TYPE, &SCANNER_TYPE];

static PATTERN_TYPE: TypeDef = TypeDef {
    methods: PATTERN_METHODS,
    attrs: &[
        AttrDef::new("pattern", |_, v| {
            Ok(Value::Str(pattern_of(v).source.clone()))
        }),
        AttrDef::new("flags", |_, v| Ok(Value::Int(pattern_of(v).flags as i64))),
        AttrDef::new("groups", |_, v| Ok(Value::Int(pattern_of(v).groups as i64))),
        AttrDef::new("groupindex", groupindex),
    ],
    getattr: None,
};

static MATCH_TYPE: TypeDef = TypeDef {
    methods: MATCH_METHODS,
    attrs: &[
        AttrDef::new("string", |_, v| Ok(match_of(v).string.clone())),
        AttrDef::new("re", |_, v| Ok(match_of(v).pattern.clone())),
        AttrDef::new("pos", |_, v| Ok(Value::Int(match_of(v).pos as i64))),
        AttrDef::new("endpos", |_, v| Ok(Value::Int(match_of(v).endpos as i64))),
        AttrDef::new("lastindex", |_, v| {
            Ok(match lastindex(match_of(v)) {
                Some(g) => Value::Int(g as i64),
                None => Value::None,
            })
        }),
        AttrDef::new("lastgroup", lastgroup),
        AttrDef::new("regs", |_, v| Ok(spans_tuple(match_of(v)))),
    ],
    getattr: None,
};

static SCANNER_TYPE: TypeDef = TypeDef {
    methods: SCANNER_METHODS,
    attrs: &[AttrDef::new("pattern", |_, v| {
        Ok(scanner_of(v).pattern.clone())
    })],
    getattr: None,
};

static PATTERN_METHODS: &[FnDef] = &[
    pm("match", p_match),
    pm("search", p_search),
    pm("fullmatch", p_fullmatch),
    pm("findall", p_findall),
    pm("finditer", p_finditer),
    pm("sub", p_sub),
    pm("subn", p_subn),
    pm("split", p_split),
    pm("scanner", p_scanner),
];

static MATCH_METHODS: &[FnDef] = &[
    mm("group", Params::Varargs, m_group),
    mm("groups", Params::Own, m_groups),
    mm("groupdict", Params::Own, m_groupdict),
    mm("start", Params::Tuple(0, 1), m_start),
    mm("end", Params::Tuple(0, 1), m_end),
    mm("span", Params::Tuple(0, 1), m_span),
    mm("expand", Params::Own, m_expand),
    mm("__getitem__", Params::One, m_getitem),
];

static SCANNER_METHODS: &[FnDef] = &[
    FnDef::method(
        "SRE_Scanner",
        is_scanner,
        "search",
        Params::NoArgs,
        s_search,
    ),
    FnDef::method("SRE_Scanner", is_scanner, "match", Params::NoArgs, s_match),
];

/// RegexFlag's members in CPython's order (that of the class body).
const FLAG_NAMES: [(&str, u32); 9] = [
    ("ASCII", re_parse::ASCII),
    ("IGNORECASE", re_parse::IGNORECASE),
    ("LOCALE", re_parse::LOCALE),
    ("UNICODE", re_parse::UNICODE),
    ("MULTILINE", re_parse::MULTILINE),
    ("DOTALL", re_parse::DOTALL),
    ("VERBOSE", re_parse::VERBOSE),
    ("TEMPLATE", re_parse::TEMPLATE),
    ("DEBUG", re_parse::DEBUG),
];

const FLAG_ALIASES: [(&str, &str); 8] = [
    ("A", "ASCII"),
    ("I", "IGNORECASE"),
    ("L", "LOCALE"),
    ("U", "UNICODE"),
    ("M", "MULTILINE"),
    ("S", "DOTALL"),
    ("X", "VERBOSE"),
    ("T", "TEMPLATE"),
];

const fn flag_method(name: &'static str, params: Params, func: crate::value::NativeFn) -> FnDef {
    FnDef {
        name,
        owner: "RegexFlag",
        receives: Some(|_| true),
        params,
        func,
    }
}

static FLAG_METHODS: &[FnDef] = &[
    flag_method("__repr__", Params::NoArgs, flag_repr),
    flag_method("__str__", Params::NoArgs, flag_repr),
    flag_method("__format__", Params::One, flag_format),
    flag_method("__or__", Params::One, flag_or),
    flag_method("__ror__", Params::One, flag_or),
    flag_method("__and__", Params::One, flag_and),
    flag_method("__rand__", Params::One, flag_and),
    flag_method("__xor__", Params::One, flag_xor),
    flag_method("__rxor__", Params::One, flag_xor),
    flag_method("__invert__", Params::NoArgs, flag_invert),
];

static ERROR_INIT: FnDef = FnDef {
    name: "__init__",
    owner: "error",
    receives: Some(|_| true),
    params: Params::Own,
    func: error_init,
};

pub(super) fn install(vm: &mut Vm) {
    for (c, def) in vm.types.re.clone().iter().zip(TYPES) {
        for f in def.methods {
            let n = vm.intern(f.name);
            c.dict
                .borrow_mut()
                .insert(n, Value::Builtin(Rc::new(Builtin::from_def(f))));
        }
    }
    // re.error(Exception), with CPython's __init__.
    let mut dict = crate::value::class::AttrMap::default();
    let init = Value::Builtin(Rc::new(Builtin::from_def(&ERROR_INIT)));
    dict.insert(vm.intern("__init__"), init);
    let (name, modname) = (vm.intern("error"), vm.intern("re"));
    let base = vm.types.exc(ExcType::Exception);
    let error = vm.new_user_class(name.clone(), name, modname.clone(), base, dict);
    // RegexFlag(int), its members instances of it.
    let mut dict = crate::value::class::AttrMap::default();
    for f in FLAG_METHODS {
        dict.insert(
            vm.intern(f.name),
            Value::Builtin(Rc::new(Builtin::from_def(f))),
        );
    }
    let name = vm.intern("RegexFlag");
    let int = vm.types.int.clone();
    let flag_class = vm.new_user_class(name.clone(), name, modname, int, dict);
    let flag_class = Value::Class(flag_class);
    let mut consts = vec![
        ("error", Value::Class(error)),
        ("Pattern", Value::Class(vm.types.re[0].clone())),
        ("Match", Value::Class(vm.types.re[1].clone())),
        ("RegexFlag", flag_class.clone()),
    ];
    let mut members = vec![("NOFLAG", 0)];
    members.extend(FLAG_NAMES);
    for (n, bits) in members {
        if let Ok(v) = vm.call_value(&flag_class, vec![Value::Int(bits as i64)], vec![]) {
            consts.push((n, v));
        }
    }
    for (short, long) in FLAG_ALIASES {
        if let Some((_, v)) = consts.iter().find(|(n, _)| *n == long) {
            let v = v.clone();
            consts.push((short, v));
        }
    }
    module(vm, &MODULE, consts);
}

/// The class of `RegexFlag` instances, from the module.
fn module_attr(vm: &Vm, name: &str) -> Option<Value> {
    match vm.modules.get("re") {
        Some(Value::Module(m)) => m.dict.borrow().get_str(name).cloned(),
        _ => None,
    }
}

// ---- RegexFlag ---------------------------------------------------------

fn int_bits(v: &Value) -> Option<i64> {
    match v.builtin_value() {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

/// `re.IGNORECASE|re.MULTILINE`, `re.NOFLAG`, `re.ASCII|0x400`.
fn flag_text(bits: i64) -> String {
    if bits == 0 {
        return "re.NOFLAG".into();
    }
    if bits < 0 {
        return format!("{bits}");
    }
    let mut parts = vec![];
    let mut rest = bits;
    for (n, b) in FLAG_NAMES {
        if bits & b as i64 != 0 {
            parts.push(format!("re.{n}"));
            rest &= !(b as i64);
        }
    }
    if rest != 0 {
        parts.push(format!("0x{rest:x}"));
    }
    parts.join("|")
}

fn flag_repr(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let bits = int_bits(&args[0]).unwrap_or(0);
    Ok(Value::string(flag_text(bits)))
}

fn flag_format(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let text = Value::string(flag_text(int_bits(&args[0]).unwrap_or(0)));
    let Value::Str(spec) = args[1].builtin_value() else {
        return Err(PyErr::type_error("format spec must be a str"));
    };
    let spec = spec.as_str().to_string();
    Ok(Value::string(vm.format_value(&text, &spec)?))
}

fn make_flag(vm: &mut Vm, bits: i64) -> PyResult<Value> {
    match module_attr(vm, "RegexFlag") {
        Some(c) => vm.call_value(&c, vec![Value::Int(bits)], vec![]),
        None => Ok(Value::Int(bits)),
    }
}

fn flag_binop(vm: &mut Vm, args: &[Value], op: fn(i64, i64) -> i64) -> PyResult<Value> {
    match (int_bits(&args[0]), int_bits(&args[1])) {
        (Some(a), Some(b)) => make_flag(vm, op(a, b)),
        _ => Ok(Value::NotImplemented),
    }
}

fn flag_or(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    flag_binop(vm, args, |a, b| a | b)
}
fn flag_and(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    flag_binop(vm, args, |a, b| a & b)
}
fn flag_xor(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    flag_binop(vm, args, |a, b| a ^ b)
}
fn flag_invert(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let all: i64 = FLAG_NAMES.iter().map(|(_, b)| *b as i64).sum();
    make_flag(vm, all & !int_bits(&args[0]).unwrap_or(0))
}

// ---- re.error ------------------------------------------------------------

/// `error.__init__(self, msg, pattern=None, pos=None)`.
fn error_init(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    static SIG: PySig = PySig {
        qualname: "error.__init__",
        names: &["msg", "pattern", "pos"],
        positional: 3,
        required: 1,
        method: true,
    };
    let [msg, pattern, pos, ..] = SIG.bind(&args[1..], kw)?;
    let msg = msg.unwrap_or(Value::None);
    let pattern = pattern.unwrap_or(Value::None);
    let pos = pos.unwrap_or(Value::None);
    let mut text = vm.str_of(&msg)?;
    let (mut lineno, mut colno) = (Value::None, Value::None);
    if let (Value::Str(p), Value::Int(n)) = (&pattern, &pos) {
        let before: Vec<char> = p.as_str().chars().take((*n).max(0) as usize).collect();
        let line = before.iter().filter(|&&c| c == '\n').count() + 1;
        let col = match before.iter().rposition(|&c| c == '\n') {
            Some(nl) => *n - nl as i64,
            None => *n + 1,
        };
        lineno = Value::Int(line as i64);
        colno = Value::Int(col);
        if p.as_str().contains('\n') {
            text = format!("{text} at position {n} (line {line}, column {col})");
        } else {
            text = format!("{text} at position {n}");
        }
    }
    if let Value::Instance(i) = &args[0] {
        for (name, v) in [
            ("args", Value::tuple(vec![Value::string(text)])),
            ("msg", msg),
            ("pattern", pattern),
            ("pos", pos),
            ("lineno", lineno),
            ("colno", colno),
        ] {
            i.set_attr(vm.intern(name), v);
        }
    }
    Ok(Value::None)
}

/// `re.error(msg, pattern, pos)`, to raise.
fn re_error(vm: &mut Vm, msg: &str, pattern: &Str, pos: Option<usize>) -> PyErr {
    let Some(cls) = module_attr(vm, "error") else {
        return PyErr::value_error(msg.to_string());
    };
    let pos = pos.map(|p| Value::Int(p as i64)).unwrap_or(Value::None);
    let args = vec![Value::str(msg), Value::Str(pattern.clone()), pos];
    match vm.call_value(&cls, args, vec![]) {
        Ok(exc) => PyErr::Obj(exc),
        Err(e) => e,
    }
}

fn fail_to_err(vm: &mut Vm, f: Fail, pattern: &Str) -> PyErr {
    match f {
        Fail::Error(e) => re_error(vm, &e.msg, pattern, e.pos),
        Fail::Value(m) => PyErr::value_error(m),
        Fail::Overflow(m) => PyErr::new(ExcType::OverflowError, m),
        Fail::Recursion => vm.recursion_error(),
    }
}

// ---- compiling -------------------------------------------------------------

/// The patterns compiled so far, by text and flags (CPython's `_cache`:
/// the same pattern object again, up to 512 of them).
#[derive(Default)]
pub struct ReCache {
    map: HashMap<(String, u32), Value>,
    order: std::collections::VecDeque<(String, u32)>,
}

const MAXCACHE: usize = 512;

fn flags_arg(v: Option<Value>) -> PyResult<u32> {
    match v {
        None => Ok(0),
        Some(v) => match int_bits(&v) {
            Some(b) => Ok(b as u32),
            None => Err(PyErr::type_error(format!(
                "unsupported operand type(s) for &: '{}' and 'RegexFlag'",
                v.type_name()
            ))),
        },
    }
}

/// `re._compile(pattern, flags)`.
fn compile_value(vm: &mut Vm, pattern: &Value, flags: Option<Value>) -> PyResult<Value> {
    let flags = flags_arg(flags)?;
    if is_pattern(pattern) {
        if flags != 0 {
            return Err(PyErr::value_error(
                "cannot process flags argument with a compiled pattern",
            ));
        }
        return Ok(pattern.clone());
    }
    let Value::Str(src) = pattern.builtin_value() else {
        return Err(PyErr::type_error(
            "first argument must be string or compiled pattern",
        ));
    };
    let key = (src.as_str().to_string(), flags);
    if let Some(p) = vm.re_cache.map.get(&key) {
        return Ok(p.clone());
    }
    let p = compile(vm, src, flags)?;
    let v = Value::Descr(crate::gc::alloc(Descr::Re(Box::new(ReObj::Pattern(p)))));
    let cache = &mut vm.re_cache;
    if cache.map.len() >= MAXCACHE {
        if let Some(old) = cache.order.pop_front() {
            cache.map.remove(&old);
        }
    }
    cache.order.push_back(key.clone());
    cache.map.insert(key, v.clone());
    Ok(v)
}

fn compile(vm: &mut Vm, src: &Str, flags: u32) -> PyResult<Pattern> {
    // CPython's parser takes two frames a nesting level (`nested` counts
    // them), below about six of re's own.
    let room = vm
        .recursion_limit()
        .saturating_sub(vm.recursion_depth() + 6);
    let parsed: Parsed = match re_parse::parse_pattern(src.as_str(), flags, room) {
        Ok(p) => p,
        Err(f) => return Err(fail_to_err(vm, f, src)),
    };
    if let Some(what) = re_parse::refused(&parsed.tree) {
        return Err(refused(format!("{what} in re patterns")));
    }
    if parsed.flags & re_parse::DEBUG != 0 {
        return Err(refused("re.DEBUG"));
    }
    let p = Pattern {
        source: src.clone(),
        flags: parsed.flags,
        groups: parsed.groups,
        names: parsed.names,
        close_order: parsed.close_order,
        plain_dollar: re_parse::has_plain_dollar(&parsed.tree),
        unicode_boundary: re_parse::has_unicode_boundary(&parsed.tree),
        nullable: re_parse::nullable(&parsed.tree),
        tree: parsed.tree,
        engines: RefCell::new(HashMap::new()),
    };
    // Compiled once now, so that what the engine refuses is refused here.
    p.engine(Dollar::End, Engine::Search)?;
    Ok(p)
}

impl Pattern {
    fn engine(&self, dollar: Dollar, kind: Engine) -> PyResult<Rc<Regex>> {
        if let Some(r) = self.engines.borrow().get(&(dollar, kind)) {
            return Ok(r.clone());
        }
        let mut text = String::new();
        re_parse::emit(&self.tree, dollar, &mut text);
        if kind == Engine::Full {
            text = format!("(?:{text})\\z");
        }
        let mut config = Regex::config();
        if kind == Engine::Longest {
            config = config.match_kind(MatchKind::All);
        }
        let syntax = regex_automata::util::syntax::Config::new().nest_limit(1200);
        let build = || {
            Regex::builder()
                .configure(config)
                .syntax(syntax)
                .build(&text)
                .map_err(|e| e.to_string())
        };
        // The engine's compiler recurses per nesting level.
        let r = stacker::maybe_grow(4 << 20, 16 << 20, build)
            .map_err(|e| refused(format!("this pattern (the regex engine says: {e})")))?;
        let r = Rc::new(r);
        self.engines.borrow_mut().insert((dollar, kind), r.clone());
        Ok(r)
    }

    fn groupindex(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|(_, g)| *g)
    }
}

// ---- searching -------------------------------------------------------------

/// A haystack: character and byte offsets.
struct Hay<'a> {
    text: &'a str,
    /// The byte offset of each character (and the end), when not ASCII.
    starts: Option<Rc<Vec<usize>>>,
    /// `boundary_ok` of the text, once asked.
    boundary: Cell<Option<bool>>,
}

/// The byte offset of each character of a non-ASCII `text`, and its end.
fn char_starts(text: &str) -> Rc<Vec<usize>> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    Rc::new(v)
}

impl<'a> Hay<'a> {
    fn new(s: &'a crate::value::PyStr) -> Hay<'a> {
        let text = s.as_str();
        let starts = (!s.is_ascii()).then(|| char_starts(text));
        Hay {
            text,
            starts,
            boundary: Cell::new(None),
        }
    }
    fn boundary_ok(&self) -> bool {
        match self.boundary.get() {
            Some(ok) => ok,
            None => {
                let ok = boundary_ok(self.text);
                self.boundary.set(Some(ok));
                ok
            }
        }
    }
    fn len(&self) -> usize {
        match &self.starts {
            None => self.text.len(),
            Some(v) => v.len() - 1,
        }
    }
    fn byte(&self, c: usize) -> usize {
        match &self.starts {
            None => c,
            Some(v) => v[c],
        }
    }
    fn char(&self, b: usize) -> usize {
        match &self.starts {
            None => b,
            Some(v) => v.binary_search(&b).unwrap_or_else(|i| i),
        }
    }
    fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.byte(a)..self.byte(b)]
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Search,
    Match,
    Full,
}

/// Group spans in characters.
type Spans = Vec<Option<(usize, usize)>>;

fn dollar_for(p: &Pattern, hay: &str) -> PyResult<Dollar> {
    if hay.is_empty() {
        return Ok(Dollar::Empty);
    }
    if !p.plain_dollar || !hay.ends_with('\n') {
        return Ok(Dollar::End);
    }
    if hay[..hay.len() - 1].contains('\n') {
        return Err(refused(
            "'$' without MULTILINE on a string with a newline before its final one",
        ));
    }
    Ok(Dollar::Line)
}

/// Whether the engine's `\b` is Python's on `text`: whether no character
/// of it is a word character to one and not to the other.
fn boundary_ok(text: &str) -> bool {
    // (Not an interpreter's state: one for the process.)
    static DISAGREE: std::sync::OnceLock<Option<Regex>> = std::sync::OnceLock::new();
    DISAGREE
        .get_or_init(|| Regex::new(&re_parse::word_disagreement()).ok())
        .as_ref()
        .is_some_and(|r| !r.is_match(text))
}

/// One search from character `pos` in `hay` up to character `end`.
fn find(p: &Pattern, hay: &Hay, pos: usize, end: usize, mode: Mode) -> PyResult<Option<Spans>> {
    if pos > end {
        return Ok(None);
    }
    if p.unicode_boundary && hay.starts.is_some() && !hay.boundary_ok() {
        return Err(refused(
            "\\b or \\B on a string holding a character that is a word character \
             to the regex engine and not to Python, or the reverse (a combining mark, \
             connector punctuation, a numeric like '½')",
        ));
    }
    let text = &hay.text[..hay.byte(end)];
    let dollar = dollar_for(p, text)?;
    let kind = if mode == Mode::Full {
        Engine::Full
    } else {
        Engine::Search
    };
    let re = p.engine(dollar, kind)?;
    let anchored = match mode {
        Mode::Search => Anchored::No,
        _ => Anchored::Yes,
    };
    let input = Input::new(text).range(hay.byte(pos)..).anchored(anchored);
    let mut caps = re.create_captures();
    re.search_captures(&input, &mut caps);
    if !caps.is_match() {
        return Ok(None);
    }
    let spans = (0..=p.groups)
        .map(|g| {
            caps.get_group(g)
                .map(|s| (hay.char(s.start), hay.char(s.end)))
        })
        .collect();
    Ok(Some(spans))
}

/// A search that may not match empty at `pos` (after an empty match
/// there), as `_sre`'s `must_advance`.
fn find_advancing(p: &Pattern, hay: &Hay, pos: usize, end: usize) -> PyResult<Option<Spans>> {
    if let Some(s) = find(p, hay, pos, end, Mode::Match)? {
        let (a, b) = s[0].unwrap_or((pos, pos));
        if b > a {
            return Ok(Some(s));
        }
        let text = &hay.text[..hay.byte(end)];
        let re = p.engine(dollar_for(p, text)?, Engine::Longest)?;
        let input = Input::new(text)
            .range(hay.byte(pos)..)
            .anchored(Anchored::Yes);
        if let Some(m) = re.search(&input) {
            if m.end() > m.start() {
                return Err(refused(
                    "a pattern whose preferred match is empty where a longer one exists, \
                     right after an empty match (CPython backtracks into the longer one)",
                ));
            }
        }
    }
    if pos >= end {
        return Ok(None);
    }
    find(p, hay, pos + 1, end, Mode::Search)
}

/// Calls `f` for each match of an iteration over `[pos, end)`, up to
/// `limit` (0: all) matches, as `_sre`'s loops do.
fn each_match(
    p: &Pattern,
    hay: &Hay,
    pos: usize,
    end: usize,
    limit: usize,
    mut f: impl FnMut(&Spans) -> PyResult<()>,
) -> PyResult<()> {
    let mut at = pos;
    let mut must_advance = false;
    let mut n = 0;
    while limit == 0 || n < limit {
        let m = if must_advance {
            find_advancing(p, hay, at, end)?
        } else {
            find(p, hay, at, end, Mode::Search)?
        };
        let Some(spans) = m else { break };
        let (a, b) = spans[0].unwrap_or((at, at));
        f(&spans)?;
        n += 1;
        must_advance = a == b;
        at = b;
    }
    Ok(())
}

// ---- arguments ---------------------------------------------------------------

fn pattern_of(v: &Value) -> &Pattern {
    match v {
        Value::Descr(d) => match &**d {
            Descr::Re(o) => match &**o {
                ReObj::Pattern(p) => p,
                _ => unreachable!("checked receiver"),
            },
            _ => unreachable!("checked receiver"),
        },
        _ => unreachable!("checked receiver"),
    }
}

fn match_of(v: &Value) -> &MatchObj {
    match v {
        Value::Descr(d) => match &**d {
            Descr::Re(o) => match &**o {
                ReObj::Match(m) => m,
                _ => unreachable!("checked receiver"),
            },
            _ => unreachable!("checked receiver"),
        },
        _ => unreachable!("checked receiver"),
    }
}

fn scanner_of(v: &Value) -> &Scanner {
    match v {
        Value::Descr(d) => match &**d {
            Descr::Re(o) => match &**o {
                ReObj::Scanner(s) => s,
                _ => unreachable!("checked receiver"),
            },
            _ => unreachable!("checked receiver"),
        },
        _ => unreachable!("checked receiver"),
    }
}

/// Argument Clinic's parsing: `names` with the first `required` required.
fn clinic<const N: usize>(
    fname: &str,
    args: &[Value],
    kw: &Kwargs,
    names: [&str; N],
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    let total = args.len() + kw.len();
    if total > N {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {N} argument{} ({total} given)",
            if N == 1 { "" } else { "s" }
        )));
    }
    for (i, a) in args.iter().enumerate() {
        out[i] = Some(a.clone());
    }
    for (k, v) in kw {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) if out[i].is_some() => {
                return Err(PyErr::type_error(format!(
                    "argument for {fname}() given by name ('{}') and position ({})",
                    k.as_str(),
                    i + 1
                )))
            }
            Some(i) => out[i] = Some(v.clone()),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for {fname}()",
                    k.as_str()
                )))
            }
        }
    }
    for (i, n) in names.iter().enumerate().take(required) {
        if out[i].is_none() {
            return Err(PyErr::type_error(format!(
                "{fname}() missing required argument '{n}' (pos {})",
                i + 1
            )));
        }
    }
    Ok(out)
}

fn string_arg(v: &Value) -> PyResult<Str> {
    match v.builtin_value() {
        Value::Str(s) => Ok(s.clone()),
        other => Err(PyErr::type_error(format!(
            "expected string or bytes-like object, got '{}'",
            other.type_name()
        ))),
    }
}

/// An index argument (`pos`, `count`): `__index__` semantics, clamped.
fn ssize_arg(vm: &mut Vm, v: Option<Value>, default: i64) -> PyResult<i64> {
    let Some(v) = v else { return Ok(default) };
    match vm.index_int(&v)? {
        Value::Int(i) => Ok(i),
        Value::BigInt(b) => Ok(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }),
        _ => Ok(default),
    }
}

/// `pos` and `endpos` clamped to the string, as `state_init`.
fn bounds(
    vm: &mut Vm,
    len: usize,
    pos: Option<Value>,
    endpos: Option<Value>,
) -> PyResult<(usize, usize)> {
    let pos = ssize_arg(vm, pos, 0)?;
    let endpos = ssize_arg(vm, endpos, i64::MAX)?;
    let clamp = |x: i64| x.clamp(0, len as i64) as usize;
    Ok((clamp(pos), clamp(endpos)))
}

fn new_match(pattern: &Value, string: &Value, pos: usize, endpos: usize, spans: Spans) -> Value {
    Value::Descr(crate::gc::alloc(Descr::Re(Box::new(ReObj::Match(
        MatchObj {
            string: string.clone(),
            pattern: pattern.clone(),
            pos,
            endpos,
            spans,
        },
    )))))
}

// ---- Pattern methods -------------------------------------------------------

fn p_match_mode(
    vm: &mut Vm,
    args: &[Value],
    kw: &Kwargs,
    name: &str,
    mode: Mode,
) -> PyResult<Value> {
    let [string, pos, endpos] = clinic(name, &args[1..], kw, ["string", "pos", "endpos"], 1)?;
    let string = string.unwrap();
    let s = string_arg(&string)?;
    let hay = Hay::new(&s);
    let (pos, endpos) = bounds(vm, hay.len(), pos, endpos)?;
    let p = pattern_of(&args[0]);
    if mode == Mode::Match && pos > endpos && p.nullable {
        // _sre then matches empty at pos, or not, by how the pattern compiled.
        return Err(refused(
            "Pattern.match with pos after endpos for a pattern that can match empty",
        ));
    }
    match find(p, &hay, pos, endpos, mode)? {
        Some(spans) => Ok(new_match(&args[0], &string, pos, endpos, spans)),
        None => Ok(Value::None),
    }
}

fn p_match(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    p_match_mode(vm, args, kw, "match", Mode::Match)
}
fn p_search(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    p_match_mode(vm, args, kw, "search", Mode::Search)
}
fn p_fullmatch(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    p_match_mode(vm, args, kw, "fullmatch", Mode::Full)
}

/// `findall`'s item for a match: the whole match, the one group, or a
/// tuple of the groups ('' for those that did not take part).
fn findall_item(hay: &Hay, groups: usize, spans: &Spans) -> Value {
    let text = |g: usize| match spans[g] {
        Some((a, b)) => Value::str(hay.slice(a, b)),
        None => Value::str(""),
    };
    match groups {
        0 => text(0),
        1 => text(1),
        n => Value::tuple((1..=n).map(text).collect()),
    }
}

fn findall(p: &Pattern, s: &Str, pos: usize, endpos: usize) -> PyResult<Value> {
    let hay = Hay::new(s);
    let mut out = vec![];
    each_match(p, &hay, pos, endpos, 0, |spans| {
        out.push(findall_item(&hay, p.groups, spans));
        Ok(())
    })?;
    Ok(Value::list(out))
}

fn p_findall(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [string, pos, endpos] = clinic("findall", &args[1..], kw, ["string", "pos", "endpos"], 1)?;
    let s = string_arg(&string.unwrap())?;
    let (pos, endpos) = bounds(vm, s.char_len(), pos, endpos)?;
    findall(pattern_of(&args[0]), &s, pos, endpos)
}

fn scanner(pattern: &Value, string: Value, pos: usize, endpos: usize) -> Value {
    Value::Descr(crate::gc::alloc(Descr::Re(Box::new(ReObj::Scanner(
        Scanner {
            pattern: pattern.clone(),
            string,
            pos,
            next: Cell::new(pos),
            endpos,
            must_advance: Cell::new(false),
            done: Cell::new(false),
            starts: Default::default(),
        },
    )))))
}

fn finditer(
    vm: &mut Vm,
    pattern: &Value,
    string: Value,
    pos: usize,
    endpos: usize,
) -> PyResult<Value> {
    let sc = scanner(pattern, string, pos, endpos);
    let search = vm.getattr(&sc, "search")?;
    Ok(Value::Iter(crate::gc::alloc(RefCell::new(
        crate::vm::iter::IterObj::Callable {
            func: search,
            sentinel: Value::None,
        },
    ))))
}

fn p_finditer(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [string, pos, endpos] = clinic("finditer", &args[1..], kw, ["string", "pos", "endpos"], 1)?;
    let string = string.unwrap();
    let s = string_arg(&string)?;
    let (pos, endpos) = bounds(vm, s.char_len(), pos, endpos)?;
    finditer(vm, &args[0], string, pos, endpos)
}

fn p_scanner(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [string, pos, endpos] = clinic("scanner", &args[1..], kw, ["string", "pos", "endpos"], 1)?;
    let string = string.unwrap();
    let s = string_arg(&string)?;
    let (pos, endpos) = bounds(vm, s.char_len(), pos, endpos)?;
    Ok(scanner(&args[0], string, pos, endpos))
}

fn scan(args: &[Value], mode: Mode) -> PyResult<Value> {
    let sc = scanner_of(&args[0]);
    if sc.done.get() {
        return Ok(Value::None);
    }
    let Value::Str(s) = sc.string.builtin_value() else {
        return Ok(Value::None);
    };
    let starts = (!s.is_ascii()).then(|| sc.starts.get_or_init(|| char_starts(s.as_str())));
    let hay = Hay {
        text: s.as_str(),
        starts: starts.cloned(),
        boundary: Cell::new(None),
    };
    let p = pattern_of(&sc.pattern);
    let at = sc.next.get();
    let found = match (mode, sc.must_advance.get()) {
        (Mode::Search, true) => find_advancing(p, &hay, at, sc.endpos)?,
        (Mode::Search, false) => find(p, &hay, at, sc.endpos, Mode::Search)?,
        _ => match find(p, &hay, at, sc.endpos, Mode::Match)? {
            Some(s) if sc.must_advance.get() && s[0].is_some_and(|(a, b)| a == b) => None,
            r => r,
        },
    };
    match found {
        None => {
            sc.done.set(true);
            Ok(Value::None)
        }
        Some(spans) => {
            let (a, b) = spans[0].unwrap_or((at, at));
            sc.must_advance.set(a == b);
            sc.next.set(b);
            Ok(new_match(&sc.pattern, &sc.string, sc.pos, sc.endpos, spans))
        }
    }
}

fn s_search(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    scan(args, Mode::Search)
}
fn s_match(_: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    scan(args, Mode::Match)
}

fn split(vm: &mut Vm, p: &Pattern, s: &Str, maxsplit: i64) -> PyResult<Value> {
    let _ = vm;
    let hay = Hay::new(s);
    let mut out = vec![];
    if maxsplit < 0 {
        return Ok(Value::list(vec![Value::Str(s.clone())]));
    }
    let mut last = 0;
    each_match(p, &hay, 0, hay.len(), maxsplit as usize, |spans| {
        let (a, b) = spans[0].unwrap_or((last, last));
        out.push(Value::str(hay.slice(last, a)));
        for span in &spans[1..] {
            out.push(match *span {
                Some((x, y)) => Value::str(hay.slice(x, y)),
                None => Value::None,
            });
        }
        last = b;
        Ok(())
    })?;
    out.push(Value::str(hay.slice(last, hay.len())));
    Ok(Value::list(out))
}

fn p_split(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [string, maxsplit] = clinic("split", &args[1..], kw, ["string", "maxsplit"], 1)?;
    let s = string_arg(&string.unwrap())?;
    let maxsplit = ssize_arg(vm, maxsplit, 0)?;
    split(vm, pattern_of(&args[0]), &s, maxsplit)
}

// ---- substitution ------------------------------------------------------------

/// A parsed replacement template: literal text and group references.
enum Piece {
    Text(String),
    Group(usize),
}

/// `_parser.parse_template(repl, pattern)`.
fn parse_template(vm: &mut Vm, repl: &Str, p: &Pattern) -> PyResult<Vec<Piece>> {
    let chars: Vec<char> = repl.as_str().chars().collect();
    let mut out: Vec<Piece> = vec![];
    let mut lit = String::new();
    let mut i = 0;
    let err = |vm: &mut Vm, msg: String, pos: usize| re_error(vm, &msg, repl, Some(pos));
    macro_rules! group {
        ($g:expr, $pos:expr) => {{
            let g: usize = $g;
            if g > p.groups {
                return Err(err(vm, format!("invalid group reference {g}"), $pos));
            }
            if !lit.is_empty() {
                out.push(Piece::Text(std::mem::take(&mut lit)));
            }
            out.push(Piece::Group(g));
        }};
    }
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' {
            lit.push(c);
            i += 1;
            continue;
        }
        let Some(&d) = chars.get(i + 1) else {
            return Err(err(
                vm,
                "bad escape (end of pattern)".into(),
                chars.len() - 1,
            ));
        };
        let start = i;
        i += 2;
        match d {
            'g' => {
                if chars.get(i) != Some(&'<') {
                    return Err(err(vm, "missing <".into(), i));
                }
                i += 1;
                let name_start = i;
                let close = chars[i..].iter().position(|&c| c == '>');
                let Some(close) = close else {
                    let name: String = chars[name_start..].iter().collect();
                    if name.is_empty() {
                        return Err(err(vm, "missing group name".into(), chars.len()));
                    }
                    return Err(err(vm, "missing >, unterminated name".into(), name_start));
                };
                let name: String = chars[name_start..name_start + close].iter().collect();
                i = name_start + close + 1;
                if name.is_empty() {
                    return Err(err(vm, "missing group name".into(), name_start));
                }
                let index = if re_parse::is_identifier(&name) {
                    match p.groupindex(&name) {
                        Some(g) => g,
                        None => {
                            // CPython raises it `from None` while handling
                            // the groupindex lookup's KeyError.
                            let e = PyErr::index_error(format!(
                                "unknown group name {}",
                                re_parse::py_repr(&name)
                            ));
                            let e = vm.materialize(e);
                            let key = vm.materialize(PyErr::key_error(Value::str(&name)));
                            if let Value::Instance(i) = &e {
                                i.set_attr(vm.intern("__context__"), key);
                                i.set_attr(vm.intern("__suppress_context__"), Value::Bool(true));
                            }
                            return Err(PyErr::Obj(e));
                        }
                    }
                } else {
                    match name.parse::<u64>() {
                        Ok(g) if name.chars().all(|c| c.is_ascii_digit()) => {
                            if g >= 1073741823 {
                                return Err(err(
                                    vm,
                                    format!("invalid group reference {g}"),
                                    name_start,
                                ));
                            }
                            g as usize
                        }
                        _ => {
                            return Err(err(
                                vm,
                                format!("bad character in group name {}", re_parse::py_repr(&name)),
                                name_start,
                            ))
                        }
                    }
                };
                group!(index, name_start);
            }
            '0' => {
                let mut v = 0u32;
                let mut n = 0;
                while n < 2 && chars.get(i).is_some_and(|c| ('0'..='7').contains(c)) {
                    v = v * 8 + chars[i].to_digit(8).unwrap_or(0);
                    i += 1;
                    n += 1;
                }
                lit.push(char::from_u32(v & 0xff).unwrap_or('\0'));
            }
            '1'..='9' => {
                let mut text = String::from(d);
                let mut octal = false;
                if let Some(&e) = chars.get(i).filter(|c| c.is_ascii_digit()) {
                    text.push(e);
                    i += 1;
                    if d <= '7' && e <= '7' && chars.get(i).is_some_and(|c| ('0'..='7').contains(c))
                    {
                        text.push(chars[i]);
                        i += 1;
                        octal = true;
                        let v = u32::from_str_radix(&text, 8).unwrap_or(0);
                        if v > 0o377 {
                            return Err(err(
                                vm,
                                format!("octal escape value \\{text} outside of range 0-0o377"),
                                start,
                            ));
                        }
                        lit.push(char::from_u32(v).unwrap_or('\0'));
                    }
                }
                if !octal {
                    group!(text.parse().unwrap_or(usize::MAX), start + 1);
                }
            }
            _ => {
                let simple = match d {
                    'a' => Some('\x07'),
                    'b' => Some('\x08'),
                    'f' => Some('\x0c'),
                    'n' => Some('\n'),
                    'r' => Some('\r'),
                    't' => Some('\t'),
                    'v' => Some('\x0b'),
                    '\\' => Some('\\'),
                    _ => None,
                };
                match simple {
                    Some(x) => lit.push(x),
                    None if d.is_ascii_alphabetic() => {
                        return Err(err(vm, format!("bad escape \\{d}"), start));
                    }
                    None => {
                        lit.push('\\');
                        lit.push(d);
                    }
                }
            }
        }
    }
    if !lit.is_empty() {
        out.push(Piece::Text(lit));
    }
    Ok(out)
}

fn expand(pieces: &[Piece], hay: &Hay, spans: &Spans, out: &mut String) {
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Group(g) => {
                if let Some((a, b)) = spans[*g] {
                    out.push_str(hay.slice(a, b));
                }
            }
        }
    }
}

enum Repl {
    Literal(String),
    Template(Vec<Piece>),
    Call(Value),
}

/// `pattern.subn(repl, string, count)`: the new string and the count.
fn subn(
    vm: &mut Vm,
    pv: &Value,
    repl: &Value,
    string: &Value,
    count: i64,
) -> PyResult<(Value, usize)> {
    let p = pattern_of(pv);
    let repl = if crate::builtins::functions::is_callable(repl) {
        Repl::Call(repl.clone())
    } else {
        match repl.builtin_value() {
            Value::Str(r) if !r.as_str().contains('\\') => Repl::Literal(r.as_str().to_string()),
            Value::Str(r) => Repl::Template(parse_template(vm, &r.clone(), p)?),
            other => {
                return Err(PyErr::type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    other.type_name()
                )))
            }
        }
    };
    let s = string_arg(string)?;
    let hay = Hay::new(&s);
    if count < 0 {
        return Ok((string.clone(), 0));
    }
    // The matches first (the string cannot change), then the callbacks.
    let mut matches: Vec<Spans> = vec![];
    each_match(p, &hay, 0, hay.len(), count as usize, |spans| {
        matches.push(spans.clone());
        Ok(())
    })?;
    let n = matches.len();
    let mut out = String::with_capacity(s.as_str().len());
    let mut i = 0;
    let mut item = 0usize;
    for spans in matches {
        let (a, b) = spans[0].unwrap_or((i, i));
        if i < a {
            out.push_str(hay.slice(i, a));
            item += 1;
        }
        match &repl {
            Repl::Literal(t) => {
                if !t.is_empty() {
                    out.push_str(t);
                    item += 1;
                }
            }
            Repl::Template(pieces) => {
                expand(pieces, &hay, &spans, &mut out);
                item += 1;
            }
            Repl::Call(f) => {
                let m = new_match(pv, string, 0, hay.len(), spans.clone());
                let r = vm.call_value(f, vec![m], vec![])?;
                match r.builtin_value() {
                    Value::None => {}
                    Value::Str(t) => {
                        out.push_str(t.as_str());
                        item += 1;
                    }
                    other => {
                        return Err(PyErr::type_error(format!(
                            "sequence item {item}: expected str instance, {} found",
                            other.type_name()
                        )))
                    }
                }
            }
        }
        i = b;
    }
    if n == 0 {
        return Ok((Value::Str(s.clone()), 0));
    }
    out.push_str(hay.slice(i, hay.len()));
    Ok((Value::string(out), n))
}

fn p_sub(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [repl, string, count] = clinic("sub", &args[1..], kw, ["repl", "string", "count"], 2)?;
    let count = ssize_arg(vm, count, 0)?;
    Ok(subn(vm, &args[0], &repl.unwrap(), &string.unwrap(), count)?.0)
}

fn p_subn(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [repl, string, count] = clinic("subn", &args[1..], kw, ["repl", "string", "count"], 2)?;
    let count = ssize_arg(vm, count, 0)?;
    let (s, n) = subn(vm, &args[0], &repl.unwrap(), &string.unwrap(), count)?;
    Ok(Value::tuple(vec![s, Value::Int(n as i64)]))
}

// ---- the module's functions ------------------------------------------------------

fn re_compile(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [pattern, flags, ..] = COMPILE.bind(args, kw)?;
    python_levels(vm, "PP")?;
    compile_value(vm, &pattern.unwrap(), flags)
}

fn re_match_mode(
    vm: &mut Vm,
    sig: &PySig,
    args: &[Value],
    kw: &Kwargs,
    mode: Mode,
) -> PyResult<Value> {
    let [pattern, string, flags, ..] = sig.bind(args, kw)?;
    python_levels(vm, "PP")?;
    let pv = compile_value(vm, &pattern.unwrap(), flags)?;
    let string = string.unwrap();
    let s = string_arg(&string)?;
    let hay = Hay::new(&s);
    let end = hay.len();
    match find(pattern_of(&pv), &hay, 0, end, mode)? {
        Some(spans) => Ok(new_match(&pv, &string, 0, end, spans)),
        None => Ok(Value::None),
    }
}

fn re_match(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    re_match_mode(vm, &MATCH, args, kw, Mode::Match)
}
fn re_search(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    re_match_mode(vm, &SEARCH, args, kw, Mode::Search)
}
fn re_fullmatch(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    re_match_mode(vm, &FULLMATCH, args, kw, Mode::Full)
}

fn re_findall(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [pattern, string, flags, ..] = FINDALL.bind(args, kw)?;
    python_levels(vm, "PP")?;
    let pv = compile_value(vm, &pattern.unwrap(), flags)?;
    let s = string_arg(&string.unwrap())?;
    findall(pattern_of(&pv), &s, 0, s.char_len())
}

fn re_finditer(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [pattern, string, flags, ..] = FINDITER.bind(args, kw)?;
    python_levels(vm, "PP")?;
    let pv = compile_value(vm, &pattern.unwrap(), flags)?;
    let string = string.unwrap();
    let s = string_arg(&string)?;
    let n = s.char_len();
    finditer(vm, &pv, string, 0, n)
}

fn re_sub_n(vm: &mut Vm, sig: &PySig, args: &[Value], kw: &Kwargs) -> PyResult<(Value, usize)> {
    let [pattern, repl, string, count, flags] = sig.bind(args, kw)?;
    python_levels(vm, "PP")?;
    let pv = compile_value(vm, &pattern.unwrap(), flags)?;
    let count = ssize_arg(vm, count, 0)?;
    subn(vm, &pv, &repl.unwrap(), &string.unwrap(), count)
}

fn re_sub(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    Ok(re_sub_n(vm, &SUB, args, kw)?.0)
}

fn re_subn(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let (s, n) = re_sub_n(vm, &SUBN, args, kw)?;
    Ok(Value::tuple(vec![s, Value::Int(n as i64)]))
}

fn re_split(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [pattern, string, maxsplit, flags, ..] = SPLIT.bind(args, kw)?;
    python_levels(vm, "PP")?;
    let pv = compile_value(vm, &pattern.unwrap(), flags)?;
    let s = string_arg(&string.unwrap())?;
    let maxsplit = ssize_arg(vm, maxsplit, 0)?;
    split(vm, pattern_of(&pv), &s, maxsplit)
}

fn re_escape(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [pattern, ..] = ESCAPE.bind(args, kw)?;
    python_levels(vm, "PC")?;
    let pattern = pattern.unwrap();
    let Value::Str(s) = pattern.builtin_value() else {
        return Err(PyErr::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            pattern.type_name()
        )));
    };
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        if "()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    Ok(Value::string(out))
}

fn re_purge(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    PURGE.bind(args, kw)?;
    vm.re_cache = ReCache::default();
    Ok(Value::None)
}

fn refuse_template(_: &mut Vm, _: &[Value], _: &Kwargs) -> PyResult<Value> {
    Err(refused("re.template"))
}

// ---- Match methods ---------------------------------------------------------

/// A group argument: its number, or IndexError.
fn group_index(vm: &mut Vm, m: &MatchObj, g: &Value) -> PyResult<usize> {
    let p = pattern_of(&m.pattern);
    let n = match g.builtin_value() {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::Str(s) => p.groupindex(s.as_str()).map(|g| g as i64),
        // Looked up in the group names: an unhashable key raises.
        other => {
            vm.hash_value(other)?;
            None
        }
    };
    match n {
        Some(i) if i >= 0 && (i as usize) <= p.groups => Ok(i as usize),
        _ => Err(PyErr::index_error("no such group")),
    }
}

fn group_value(m: &MatchObj, g: usize, default: &Value) -> Value {
    match m.spans[g] {
        Some((a, b)) => match m.string.builtin_value() {
            Value::Str(s) => Value::str(s.char_slice(a, b)),
            _ => Value::None,
        },
        None => default.clone(),
    }
}

fn m_group(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let m = match_of(&args[0]);
    match &args[1..] {
        [] => Ok(group_value(m, 0, &Value::None)),
        [g] => {
            let i = group_index(vm, m, g)?;
            Ok(group_value(m, i, &Value::None))
        }
        gs => {
            let mut out = vec![];
            for g in gs {
                let i = group_index(vm, m, g)?;
                out.push(group_value(m, i, &Value::None));
            }
            Ok(Value::tuple(out))
        }
    }
}

fn m_getitem(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let m = match_of(&args[0]);
    let i = group_index(vm, m, &args[1])?;
    Ok(group_value(m, i, &Value::None))
}

/// `m[g]` (the subscript).
pub fn match_getitem(vm: &mut Vm, m: &Value, g: &Value) -> PyResult<Value> {
    m_getitem(vm, &[m.clone(), g.clone()], &vec![])
}

fn m_groups(_: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [default] = clinic("groups", &args[1..], kw, ["default"], 0)?;
    let default = default.unwrap_or(Value::None);
    let m = match_of(&args[0]);
    let n = m.spans.len();
    Ok(Value::tuple(
        (1..n).map(|g| group_value(m, g, &default)).collect(),
    ))
}

fn m_groupdict(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [default] = clinic("groupdict", &args[1..], kw, ["default"], 0)?;
    let default = default.unwrap_or(Value::None);
    let m = match_of(&args[0]);
    let p = pattern_of(&m.pattern);
    let d = Rc::new(RefCell::new(crate::value::Dict::new()));
    for (name, g) in &p.names {
        let key = vm.hash_key(Value::str(name))?;
        vm.dict_set(&d, key, group_value(m, *g, &default))?;
    }
    Ok(Value::Dict(d))
}

fn span_of(vm: &mut Vm, args: &[Value]) -> PyResult<(i64, i64)> {
    let m = match_of(&args[0]);
    let g = match args.get(1) {
        None => 0,
        Some(g) => group_index(vm, m, g)?,
    };
    Ok(match m.spans[g] {
        Some((a, b)) => (a as i64, b as i64),
        None => (-1, -1),
    })
}

fn m_start(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(span_of(vm, args)?.0))
}
fn m_end(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(span_of(vm, args)?.1))
}
fn m_span(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (a, b) = span_of(vm, args)?;
    Ok(Value::tuple(vec![Value::Int(a), Value::Int(b)]))
}

fn m_expand(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let [template] = clinic("expand", &args[1..], kw, ["template"], 1)?;
    let template = template.unwrap();
    let m = match_of(&args[0]);
    let p = pattern_of(&m.pattern);
    let Value::Str(t) = template.builtin_value() else {
        return Err(PyErr::type_error(format!(
            "expected str instance, {} found",
            template.type_name()
        )));
    };
    let pieces = parse_template(vm, &t.clone(), p)?;
    let Value::Str(s) = m.string.builtin_value() else {
        return Ok(Value::None);
    };
    let hay = Hay::new(s);
    let mut out = String::new();
    expand(&pieces, &hay, &m.spans, &mut out);
    Ok(Value::string(out))
}

/// `lastindex`: the group that closed last, as `_sre` records it.
fn lastindex(m: &MatchObj) -> Option<usize> {
    let p = pattern_of(&m.pattern);
    (1..m.spans.len())
        .filter_map(|g| m.spans[g].map(|(_, b)| (b, p.close_order[g], g)))
        .max()
        .map(|(_, _, g)| g)
}

fn spans_tuple(m: &MatchObj) -> Value {
    Value::tuple(
        m.spans
            .iter()
            .map(|s| {
                let (a, b) = s.map(|(a, b)| (a as i64, b as i64)).unwrap_or((-1, -1));
                Value::tuple(vec![Value::Int(a), Value::Int(b)])
            })
            .collect(),
    )
}

/// `Pattern.groupindex`: a read-only view of the names, as CPython's
/// mappingproxy.
fn groupindex(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let mut d = crate::value::Dict::new();
    for (name, g) in &pattern_of(v).names {
        d.set_str(name, Value::Int(*g as i64));
    }
    let proxy = vm.stdlib_attr("types", "MappingProxyType")?;
    let d = Value::Dict(crate::gc::alloc(std::cell::RefCell::new(d)));
    vm.call_value(&proxy, vec![d], vec![])
}

fn lastgroup(_vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = match_of(v);
    let p = pattern_of(&m.pattern);
    Ok(
        match lastindex(m).and_then(|g| p.names.iter().find(|(_, i)| *i == g)) {
            Some((n, _)) => Value::str(n),
            None => Value::None,
        },
    )
}

/// `re.compile('a+')`, `<re.Match object; span=(0, 3), match='abc'>`.
pub fn repr(vm: &mut Vm, v: &Value, o: &ReObj) -> PyResult<String> {
    Ok(match o {
        ReObj::Pattern(p) => {
            let mut r = vm.repr(&Value::Str(p.source.clone()))?;
            if r.chars().count() > 200 {
                r = r.chars().take(200).collect();
            }
            let flags = p.flags & !re_parse::UNICODE;
            if flags == 0 {
                format!("re.compile({r})")
            } else {
                const ORDER: [(&str, u32); 9] = [
                    ("re.TEMPLATE", re_parse::TEMPLATE),
                    ("re.IGNORECASE", re_parse::IGNORECASE),
                    ("re.LOCALE", re_parse::LOCALE),
                    ("re.MULTILINE", re_parse::MULTILINE),
                    ("re.DOTALL", re_parse::DOTALL),
                    ("re.UNICODE", re_parse::UNICODE),
                    ("re.VERBOSE", re_parse::VERBOSE),
                    ("re.DEBUG", re_parse::DEBUG),
                    ("re.ASCII", re_parse::ASCII),
                ];
                let mut parts = vec![];
                let mut rest = flags;
                for (n, b) in ORDER {
                    if flags & b != 0 {
                        parts.push(n.to_string());
                        rest &= !b;
                    }
                }
                if rest != 0 {
                    parts.push(format!("0x{rest:x}"));
                }
                format!("re.compile({r}, {})", parts.join("|"))
            }
        }
        ReObj::Match(m) => {
            let g = group_value(m, 0, &Value::None);
            let mut r = vm.repr(&g)?;
            if r.chars().count() > 50 {
                r = r.chars().take(50).collect();
            }
            let (a, b) = m.spans[0].unwrap_or((0, 0));
            format!("<re.Match object; span=({a}, {b}), match={r}>")
        }
        ReObj::Scanner(_) => format!("<_sre.SRE_Scanner object at 0x{:x}>", v.ptr().unwrap_or(0)),
    })
}

/// Pattern equality: the same text and flags.
pub fn same_pattern(a: &ReObj, b: &ReObj) -> Option<bool> {
    match (a, b) {
        (ReObj::Pattern(x), ReObj::Pattern(y)) => {
            Some(x.flags == y.flags && x.source.as_str() == y.source.as_str())
        }
        _ => None,
    }
}

/// A pattern's hash (of its text and flags); None for the other objects.
pub fn hash(o: &ReObj) -> Option<i64> {
    match o {
        ReObj::Pattern(p) => {
            Some((p.source.hash() as i64) ^ (p.flags as i64).wrapping_mul(1000003))
        }
        _ => None,
    }
}
