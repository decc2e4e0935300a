//! The `json` module: `dumps` and `loads` of the basic types, written
//! after CPython 3.11's `json` package (`encoder.py` with `_json.c`'s
//! encoder, and `_json.c`'s scanner), for its exact output, its messages
//! and its error positions (in code points). `json.decoder.JSONDecodeError`
//! is a ValueError subclass, as CPython's.
//!
//! Refused by name: `dump`/`load` (krait has no file objects), `cls=`, and
//! `loads`' hooks (`object_hook`, `parse_float`, ...). In CPython `dumps`
//! and `loads` are Python functions: a profiler sees their frames there and
//! a `c_call` of a built-in here.

use std::rc::Rc;

use num_bigint::BigInt;

use crate::builtins::typedef::{FnDef, ModuleDef, Params::Own};
use crate::value::string::{char_for_code, code_of};
use crate::value::{Builtin, Dict, ExcType, Kwargs, PyErr, PyResult, Str, Value};
use crate::vm::Vm;

static MODULE: ModuleDef = ModuleDef {
    name: "json",
    functions: &[
        FnDef::function("json", "dumps", Own, dumps),
        FnDef::function("json", "loads", Own, loads),
        FnDef::function("json", "dump", Own, dump),
        FnDef::function("json", "load", Own, load),
    ],
};

static DECODER: ModuleDef = ModuleDef {
    name: "json.decoder",
    functions: &[],
};

pub(super) fn install(vm: &mut Vm) {
    let name = vm.intern("JSONDecodeError");
    let module = vm.intern("json.decoder");
    let base = vm.types.exc(ExcType::ValueError);
    let mut dict = crate::value::class::AttrMap::default();
    let init = Value::Builtin(Rc::new(Builtin::from_def(&DECODE_ERROR_INIT)));
    dict.insert(vm.intern("__init__"), init);
    let cls = vm.new_user_class(name.clone(), name, module, base, dict);
    let err = Value::Class(cls);
    let decoder = super::module(vm, &DECODER, vec![("JSONDecodeError", err.clone())]);
    super::module(
        vm,
        &MODULE,
        vec![("JSONDecodeError", err), ("decoder", decoder)],
    );
}

static DECODE_ERROR_INIT: FnDef = FnDef {
    name: "__init__",
    owner: "JSONDecodeError",
    receives: Some(|_| true),
    params: Own,
    func: decode_error_init,
};

/// `JSONDecodeError.__init__(self, msg, doc, pos)`: the message names the
/// line and column of `pos` in `doc`, which it keeps as attributes.
fn decode_error_init(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    const NAMES: [&str; 3] = ["msg", "doc", "pos"];
    let mut got: Vec<Option<Value>> = args[1..].iter().cloned().map(Some).collect();
    if got.len() > 3 {
        return Err(PyErr::type_error(format!(
            "JSONDecodeError.__init__() takes 4 positional arguments but {} were given",
            args.len()
        )));
    }
    got.resize(3, None);
    for (k, v) in kw {
        match NAMES.iter().position(|n| *n == k.as_str()) {
            Some(i) if got[i].is_none() => got[i] = Some(v.clone()),
            Some(_) => {
                return Err(PyErr::type_error(format!(
                    "JSONDecodeError.__init__() got multiple values for argument '{}'",
                    k.as_str()
                )))
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "JSONDecodeError.__init__() got an unexpected keyword argument '{}'",
                    k.as_str()
                )))
            }
        }
    }
    let missing: Vec<String> = (0..3)
        .filter(|&i| got[i].is_none())
        .map(|i| format!("'{}'", NAMES[i]))
        .collect();
    if !missing.is_empty() {
        let list = match missing.as_slice() {
            [a] => a.clone(),
            [a, b] => format!("{a} and {b}"),
            _ => format!("{}, {}, and {}", missing[0], missing[1], missing[2]),
        };
        return Err(PyErr::type_error(format!(
            "JSONDecodeError.__init__() missing {} required positional argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    let [msg, doc, pos] = [0, 1, 2].map(|i| got[i].take().unwrap());
    let (Value::Str(d), Value::Int(p)) = (&doc, &pos) else {
        return Err(refused(
            "JSONDecodeError() of a doc not str or a pos not int",
        ));
    };
    let before: Vec<char> = d.as_str().chars().take((*p).max(0) as usize).collect();
    let lineno = before.iter().filter(|&&c| c == '\n').count() + 1;
    let colno = match before.iter().rposition(|&c| c == '\n') {
        Some(nl) => *p - nl as i64,
        None => *p + 1,
    };
    let text = format!(
        "{}: line {lineno} column {colno} (char {p})",
        vm.str_of(&msg)?
    );
    if let Value::Instance(i) = &args[0] {
        for (name, v) in [
            ("args", Value::tuple(vec![Value::string(text)])),
            ("msg", msg),
            ("doc", doc.clone()),
            ("pos", pos.clone()),
            ("lineno", Value::Int(lineno as i64)),
            ("colno", Value::Int(colno)),
        ] {
            i.set_attr(vm.intern(name), v);
        }
    }
    Ok(Value::None)
}

fn dump(_vm: &mut Vm, _args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Err(refused(
        "json.dump (krait has no file objects; use json.dumps)",
    ))
}

fn load(_vm: &mut Vm, _args: &[Value], _kw: &Kwargs) -> PyResult<Value> {
    Err(refused(
        "json.load (krait has no file objects; use json.loads)",
    ))
}

fn refused(what: &str) -> PyErr {
    PyErr::new(
        ExcType::NotImplementedError,
        format!("{what} is not supported by krait"),
    )
}

/// The one positional-or-keyword parameter `name` of a Python function
/// whose other parameters are keyword-only (`dumps(obj, *, ...)`).
fn one_positional(fname: &str, name: &str, args: &[Value], kw: &mut Kwargs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{fname}() takes 1 positional argument but {} were given",
            args.len()
        )));
    }
    let by_name = kw.iter().position(|(k, _)| k.as_str() == name);
    match (args.first(), by_name) {
        (Some(_), Some(_)) => Err(PyErr::type_error(format!(
            "{fname}() got multiple values for argument '{name}'"
        ))),
        (Some(v), None) => Ok(v.clone()),
        (None, Some(i)) => Ok(kw.remove(i).1),
        (None, None) => Err(PyErr::type_error(format!(
            "{fname}() missing 1 required positional argument: '{name}'"
        ))),
    }
}

/// Runs `f` three levels deeper: CPython's `dumps` and `loads` run three
/// Python frames (`dumps`, `encode`, `iterencode`; `loads`, `decode`,
/// `raw_decode`) before the C encoder or scanner, which the recursion limit
/// counts.
fn in_json_frames<R>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<R>) -> PyResult<R> {
    vm.nested("", |vm| vm.nested("", |vm| vm.nested("", f)))
}

// ---------------------------------------------------------------- dumps

struct Encoder {
    /// The string one level of indentation adds; None: all on one line.
    indent: Option<String>,
    item_sep: String,
    key_sep: String,
    skipkeys: bool,
    ensure_ascii: bool,
    check_circular: bool,
    allow_nan: bool,
    sort_keys: bool,
    default: Value,
    /// The containers being encoded (and objects handed to `default`).
    markers: Vec<usize>,
    out: String,
}

fn dumps(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let mut kw = kw.clone();
    let obj = one_positional("dumps", "obj", args, &mut kw)?;
    let mut enc = Encoder {
        indent: None,
        item_sep: ", ".into(),
        key_sep: ": ".into(),
        skipkeys: false,
        ensure_ascii: true,
        check_circular: true,
        allow_nan: true,
        sort_keys: false,
        default: Value::None,
        markers: vec![],
        out: String::new(),
    };
    let mut separators = Value::None;
    for (k, v) in &kw {
        match k.as_str() {
            "skipkeys" => enc.skipkeys = vm.truthy(v)?,
            "ensure_ascii" => enc.ensure_ascii = vm.truthy(v)?,
            "check_circular" => enc.check_circular = vm.truthy(v)?,
            "allow_nan" => enc.allow_nan = vm.truthy(v)?,
            "sort_keys" => enc.sort_keys = vm.truthy(v)?,
            "default" => enc.default = v.clone(),
            "separators" => separators = v.clone(),
            "indent" => enc.indent = indent_string(vm, v)?,
            "cls" if v.is_none() => {}
            "cls" => return Err(refused("json.dumps(cls=...)")),
            other => {
                return Err(PyErr::type_error(format!(
                    "JSONEncoder.__init__() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    if !separators.is_none() {
        let parts = match vm.collect(&separators) {
            Err(e) if vm.err_is(&e, ExcType::TypeError) => {
                return Err(PyErr::type_error(format!(
                    "cannot unpack non-iterable {} object",
                    separators.type_name()
                )))
            }
            r => r?,
        };
        match parts.as_slice() {
            [Value::Str(a), Value::Str(b)] => {
                enc.item_sep = a.as_str().to_string();
                enc.key_sep = b.as_str().to_string();
            }
            [_, _] => return Err(refused("json.dumps(separators=...) of non-strings")),
            p if p.len() < 2 => {
                return Err(PyErr::value_error(format!(
                    "not enough values to unpack (expected 2, got {})",
                    p.len()
                )))
            }
            _ => return Err(PyErr::value_error("too many values to unpack (expected 2)")),
        }
    } else if enc.indent.is_some() {
        enc.item_sep = ",".into();
    }
    in_json_frames(vm, |vm| enc.encode(vm, &obj, 0))?;
    Ok(Value::string(enc.out))
}

/// `JSONEncoder.__init__`'s `' ' * indent` for an int, a str as it is.
fn indent_string(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    Ok(match v {
        Value::None => None,
        Value::Str(s) => Some(s.as_str().to_string()),
        Value::Int(_) | Value::Bool(_) => match vm.index_int(v)? {
            Value::Int(n) => {
                vm.check_str_size(n.max(0) as usize)?;
                Some(" ".repeat(n.max(0) as usize))
            }
            _ => None,
        },
        other => {
            return Err(PyErr::type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                other.type_name()
            )))
        }
    })
}

impl Encoder {
    fn encode(&mut self, vm: &mut Vm, v: &Value, level: usize) -> PyResult<()> {
        // The text grows by one value at a time: the host's size limits.
        vm.check_str_size(self.out.len())?;
        match v {
            Value::Str(s) => self.string(s.as_str()),
            Value::None => self.out.push_str("null"),
            Value::Bool(true) => self.out.push_str("true"),
            Value::Bool(false) => self.out.push_str("false"),
            Value::Int(i) => self.out.push_str(&i.to_string()),
            Value::BigInt(b) => self.out.push_str(&crate::value::int::to_decimal(b)?),
            Value::Float(f) => {
                let s = self.float(*f)?;
                self.out.push_str(&s);
            }
            Value::List(l) => {
                let items = l.borrow().clone();
                self.nested(vm, v, |e, vm| e.list(vm, &items, level))?;
            }
            Value::Tuple(t) => {
                let t = t.clone();
                self.nested(vm, v, |e, vm| e.list(vm, &t, level))?;
            }
            Value::Dict(d) => {
                let items: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                self.nested(vm, v, |e, vm| e.dict(vm, items, level))?;
            }
            // A subclass of a built-in type encodes as its value (a
            // Counter as a dict), as CPython's `PyDict_Check` and friends
            // take subclasses.
            Value::Instance(i) if i.payload().is_some_and(|p| !matches!(p, Value::Deque(_))) => {
                let p = v.builtin_value().clone();
                self.encode(vm, &p, level)?;
            }
            _ => {
                if self.default.is_none() {
                    let name = vm.types.type_of(v).name.clone();
                    return Err(PyErr::type_error(format!(
                        "Object of type {} is not JSON serializable",
                        name.as_str()
                    )));
                }
                let f = self.default.clone();
                self.nested(vm, v, |e, vm| {
                    let r = vm.call_value(&f, vec![v.clone()], vec![])?;
                    e.encode(vm, &r, level)
                })?;
            }
        }
        Ok(())
    }

    /// Encodes a container (or what `default` makes of an object) with
    /// `f`: one level of recursion, and a marker while it runs.
    fn nested(
        &mut self,
        vm: &mut Vm,
        v: &Value,
        f: impl FnOnce(&mut Self, &mut Vm) -> PyResult<()>,
    ) -> PyResult<()> {
        // With an indent CPython encodes in Python generators, whose calls
        // meet the limit first.
        let what = match self.indent {
            None => " while encoding a JSON object",
            Some(_) => " while calling a Python object",
        };
        let empty = match v {
            Value::List(l) => l.borrow().is_empty(),
            Value::Tuple(t) => t.is_empty(),
            Value::Dict(d) => d.borrow().is_empty(),
            _ => false,
        };
        if empty {
            // As CPython: an empty container takes a level, but no marker.
            return vm.nested(what, |vm| f(self, vm));
        }
        let id = v.ptr().unwrap_or(0);
        if self.check_circular {
            if self.markers.contains(&id) {
                return Err(PyErr::value_error("Circular reference detected"));
            }
            self.markers.push(id);
        }
        let r = vm.nested(what, |vm| f(self, vm));
        if self.check_circular {
            self.markers.pop();
        }
        r
    }

    fn newline(&mut self, level: usize) {
        if let Some(ind) = &self.indent {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str(ind);
            }
        }
    }

    fn list(&mut self, vm: &mut Vm, items: &[Value], level: usize) -> PyResult<()> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        self.out.push('[');
        self.newline(level + 1);
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                let sep = self.item_sep.clone();
                self.out.push_str(&sep);
                self.newline(level + 1);
            }
            self.encode(vm, x, level + 1)?;
        }
        self.newline(level);
        self.out.push(']');
        Ok(())
    }

    fn dict(&mut self, vm: &mut Vm, mut items: Vec<(Value, Value)>, level: usize) -> PyResult<()> {
        if items.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        if self.sort_keys {
            // `sorted(dct.items())`: the pairs compared as tuples.
            let mut pairs: Vec<Value> = items
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k, v]))
                .collect();
            crate::builtins::sort::sort_values(vm, &mut pairs, None, false)?;
            items = pairs
                .into_iter()
                .map(|p| match p {
                    Value::Tuple(t) => (t[0].clone(), t[1].clone()),
                    _ => unreachable!("pairs are tuples"),
                })
                .collect();
        }
        self.out.push('{');
        self.newline(level + 1);
        let mut first = true;
        for (k, v) in items {
            let key = match &k {
                Value::Str(s) => s.as_str().to_string(),
                Value::Float(f) => self.float(*f)?,
                Value::Bool(true) => "true".into(),
                Value::Bool(false) => "false".into(),
                Value::None => "null".into(),
                Value::Int(i) => i.to_string(),
                Value::BigInt(b) => crate::value::int::to_decimal(b)?,
                _ if self.skipkeys => continue,
                other => {
                    return Err(PyErr::type_error(format!(
                        "keys must be str, int, float, bool or None, not {}",
                        other.type_name()
                    )))
                }
            };
            if !first {
                let sep = self.item_sep.clone();
                self.out.push_str(&sep);
                self.newline(level + 1);
            }
            first = false;
            self.string(&key);
            let sep = self.key_sep.clone();
            self.out.push_str(&sep);
            self.encode(vm, &v, level + 1)?;
        }
        self.newline(level);
        self.out.push('}');
        Ok(())
    }

    /// `floatstr`: the repr, or JavaScript's names for what JSON lacks.
    fn float(&self, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(crate::value::format::float_repr(f));
        }
        if !self.allow_nan {
            return Err(PyErr::value_error(
                "Out of range float values are not JSON compliant",
            ));
        }
        Ok(match f {
            f if f.is_nan() => "NaN",
            f if f > 0.0 => "Infinity",
            _ => "-Infinity",
        }
        .into())
    }

    /// `encode_basestring(_ascii)`: a JSON string literal.
    fn string(&mut self, s: &str) {
        let out = &mut self.out;
        out.push('"');
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
                c if !self.ensure_ascii || (' '..='~').contains(&c) => out.push(c),
                c => {
                    let cp = code_of(c);
                    if cp > 0xFFFF {
                        let v = cp - 0x10000;
                        let (hi, lo) = (0xD800 | (v >> 10), 0xDC00 | (v & 0x3FF));
                        out.push_str(&format!("\\u{hi:04x}\\u{lo:04x}"));
                    } else {
                        out.push_str(&format!("\\u{cp:04x}"));
                    }
                }
            }
        }
        out.push('"');
    }
}

// ---------------------------------------------------------------- loads

/// How a scan failed: CPython's `errmsg` at a position, the scanner's
/// StopIteration (no value there: "Expecting value"), or another error.
enum Fail {
    At(&'static str, usize),
    NoValue(usize),
    Py(PyErr),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Py(e)
    }
}

type Scan<T> = Result<T, Fail>;

fn loads(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let mut kw = kw.clone();
    let s = one_positional("loads", "s", args, &mut kw)?;
    for (k, v) in &kw {
        match k.as_str() {
            "cls" | "object_hook" | "parse_float" | "parse_int" | "parse_constant"
            | "object_pairs_hook"
                if v.is_none() => {}
            "cls" | "object_hook" | "parse_float" | "parse_int" | "parse_constant"
            | "object_pairs_hook" | "strict" => {
                return Err(refused(&format!("json.loads({}=...)", k.as_str())))
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "JSONDecoder.__init__() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let Value::Str(doc) = &s else {
        return Err(PyErr::type_error(format!(
            "the JSON object must be str, bytes or bytearray, not {}",
            s.type_name()
        )));
    };
    let chars: Vec<char> = doc.as_str().chars().collect();
    let r = if chars.first() == Some(&'\u{feff}') {
        Err(Fail::At("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0))
    } else {
        in_json_frames(vm, |vm| Ok(decode(vm, &chars))).unwrap_or_else(|e| Err(Fail::Py(e)))
    };
    match r {
        Ok(v) => Ok(v),
        Err(Fail::Py(e)) => Err(e),
        Err(Fail::NoValue(pos)) => Err(decode_error(vm, doc, "Expecting value", pos)),
        Err(Fail::At(msg, pos)) => Err(decode_error(vm, doc, msg, pos)),
    }
}

/// `JSONDecoder.decode`: one value between optional whitespace.
fn decode(vm: &mut Vm, s: &[char]) -> Scan<Value> {
    let p = Parser { s };
    let start = p.skip_ws(0);
    let (v, end) = p.value(vm, start)?;
    let end = p.skip_ws(end);
    if end != s.len() {
        return Err(Fail::At("Extra data", end));
    }
    Ok(v)
}

/// `JSONDecodeError(msg, doc, pos)`, raised.
fn decode_error(vm: &mut Vm, doc: &Str, msg: &str, pos: usize) -> PyErr {
    let cls = match vm.modules.get("json.decoder") {
        Some(Value::Module(m)) => m.dict.borrow().get_str("JSONDecodeError").cloned(),
        _ => None,
    };
    let args = vec![
        Value::str(msg),
        Value::Str(doc.clone()),
        Value::Int(pos as i64),
    ];
    match cls.map(|c| vm.call_value(&c, args, vec![])) {
        Some(Ok(exc)) => PyErr::Obj(exc),
        Some(Err(e)) => e,
        None => PyErr::value_error(msg.to_string()),
    }
}

struct Parser<'a> {
    s: &'a [char],
}

impl Parser<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.s.get(i).copied()
    }

    fn skip_ws(&self, mut i: usize) -> usize {
        while matches!(self.at(i), Some(' ' | '\t' | '\n' | '\r')) {
            i += 1;
        }
        i
    }

    fn starts(&self, i: usize, word: &str) -> bool {
        word.chars()
            .enumerate()
            .all(|(k, c)| self.at(i + k) == Some(c))
    }

    /// `scan_once`: the value at `i` and the index after it.
    fn value(&self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let Some(c) = self.at(i) else {
            return Err(Fail::NoValue(i));
        };
        let word = |w: &str, v: Value| self.starts(i, w).then(|| (v, i + w.chars().count()));
        let found = match c {
            '"' => {
                let (s, end) = self.string(i + 1)?;
                return Ok((Value::string(s), end));
            }
            '{' => {
                return vm
                    .nested(
                        " while decoding a JSON object from a unicode string",
                        |vm| Ok(self.object(vm, i + 1)),
                    )
                    .map_err(Fail::Py)?
            }
            '[' => {
                return vm
                    .nested(" while decoding a JSON array from a unicode string", |vm| {
                        Ok(self.array(vm, i + 1))
                    })
                    .map_err(Fail::Py)?
            }
            'n' => word("null", Value::None),
            't' => word("true", Value::Bool(true)),
            'f' => word("false", Value::Bool(false)),
            'N' => word("NaN", Value::Float(f64::NAN)),
            'I' => word("Infinity", Value::Float(f64::INFINITY)),
            '-' => word("-Infinity", Value::Float(f64::NEG_INFINITY)),
            _ => None,
        };
        match found {
            Some(r) => Ok(r),
            None => self.number(i),
        }
    }

    /// `_match_number_unicode`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
    fn number(&self, start: usize) -> Scan<(Value, usize)> {
        let digit = |i: usize| self.at(i).is_some_and(|c| c.is_ascii_digit());
        let mut i = start;
        if self.at(i) == Some('-') {
            i += 1;
        }
        match self.at(i) {
            Some('1'..='9') => {
                i += 1;
                while digit(i) {
                    i += 1;
                }
            }
            Some('0') => i += 1,
            _ => return Err(Fail::NoValue(start)),
        }
        let mut is_float = false;
        if self.at(i) == Some('.') && digit(i + 1) {
            is_float = true;
            i += 2;
            while digit(i) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some('e' | 'E')) {
            let e_start = i;
            i += 1;
            if matches!(self.at(i), Some('-' | '+')) {
                i += 1;
            }
            let digits_from = i;
            while digit(i) {
                i += 1;
            }
            match i > digits_from {
                true => is_float = true,
                false => i = e_start,
            }
        }
        let text: String = self.s[start..i].iter().collect();
        if is_float {
            let f: f64 = text.parse().unwrap_or(f64::NAN);
            return Ok((Value::Float(f), i));
        }
        if let Ok(n) = text.parse::<i64>() {
            return Ok((Value::Int(n), i));
        }
        let digits = text.trim_start_matches('-').len();
        if digits > 4300 {
            return Err(Fail::Py(PyErr::value_error(format!(
                "Exceeds the limit (4300 digits) for integer string conversion: value has \
                 {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
            ))));
        }
        let big: BigInt = text.parse().unwrap_or_default();
        Ok((crate::value::int::normalize(big), i))
    }

    /// `scanstring_unicode`: the string whose opening quote is before
    /// `end`, and the index after its closing quote.
    fn string(&self, mut end: usize) -> Scan<(String, usize)> {
        let begin = end - 1;
        let len = self.s.len();
        let mut out = String::new();
        loop {
            let mut next = end;
            let mut c = '\0';
            while next < len {
                c = self.s[next];
                if c == '"' || c == '\\' {
                    break;
                }
                if (c as u32) <= 0x1f {
                    return Err(Fail::At("Invalid control character at", next));
                }
                next += 1;
            }
            if next >= len || (c != '"' && c != '\\') {
                return Err(Fail::At("Unterminated string starting at", begin));
            }
            out.extend(&self.s[end..next]);
            next += 1;
            if c == '"' {
                return Ok((out, next));
            }
            if next == len {
                return Err(Fail::At("Unterminated string starting at", begin));
            }
            let c = self.s[next];
            if c != 'u' {
                end = next + 1;
                out.push(match c {
                    '"' => '"',
                    '\\' => '\\',
                    '/' => '/',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    _ => return Err(Fail::At("Invalid \\escape", end - 2)),
                });
                continue;
            }
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(Fail::At("Invalid \\uXXXX escape", next - 1));
            }
            let mut cp = self
                .hex4(next)
                .ok_or(Fail::At("Invalid \\uXXXX escape", end - 5))?;
            // A high surrogate joins the low one escaped right after it.
            if (0xD800..0xDC00).contains(&cp)
                && end + 6 < len
                && self.s[end] == '\\'
                && self.s[end + 1] == 'u'
            {
                let lo = self
                    .hex4(end + 2)
                    .ok_or(Fail::At("Invalid \\uXXXX escape", end + 1))?;
                if (0xDC00..0xE000).contains(&lo) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    end += 6;
                }
            }
            out.push(char_for_code(cp).unwrap_or('\u{fffd}'));
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        let mut v = 0;
        for k in 0..4 {
            v = v * 16 + self.at(i + k)?.to_digit(16)?;
        }
        Some(v)
    }

    /// `_parse_object_unicode`, after the `{` at `i - 1`.
    fn object(&self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let mut d = Dict::new();
        let mut i = self.skip_ws(i);
        if self.at(i) != Some('}') {
            loop {
                if self.at(i) != Some('"') {
                    return Err(Fail::At(
                        "Expecting property name enclosed in double quotes",
                        i,
                    ));
                }
                let (key, next) = self.string(i + 1)?;
                i = self.skip_ws(next);
                if self.at(i) != Some(':') {
                    return Err(Fail::At("Expecting ':' delimiter", i));
                }
                i = self.skip_ws(i + 1);
                let (v, next) = self.value(vm, i)?;
                d.set_str(&key, v);
                i = self.skip_ws(next);
                if self.at(i) == Some('}') {
                    break;
                }
                if self.at(i) != Some(',') {
                    return Err(Fail::At("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((Value::dict(d), i + 1))
    }

    /// `_parse_array_unicode`, after the `[` at `i - 1`.
    fn array(&self, vm: &mut Vm, i: usize) -> Scan<(Value, usize)> {
        let mut items = vec![];
        let mut i = self.skip_ws(i);
        if self.at(i) != Some(']') {
            loop {
                let (v, next) = self.value(vm, i)?;
                items.push(v);
                i = self.skip_ws(next);
                if self.at(i) == Some(']') {
                    break;
                }
                if self.at(i) != Some(',') {
                    return Err(Fail::At("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((Value::list(items), i + 1))
    }
}
