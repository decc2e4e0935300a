//! Methods of `str`, and argument-checking helpers shared by the methods of
//! the other built-in containers. Strings index by character (code point).

use num_traits::Signed;

use super::typedef::{FnDef, Params, Params::*, TypeDef};
use crate::value::format::ascii_escape;
use crate::value::{Kwargs, NativeFn, PyErr, PyResult, Str, Value};
use crate::vm::Vm;

const fn m(name: &'static str, params: Params, func: NativeFn) -> FnDef {
    FnDef::method("str", |v| matches!(v, Value::Str(_)), name, params, func)
}

pub static TYPE: TypeDef = TypeDef {
    methods: &[
        m("format", Own, format),
        m("join", One, join),
        m("split", Own, split),
        m("rsplit", Own, rsplit),
        m("splitlines", Own, splitlines),
        m("strip", Positional(0, 1), strip),
        m("lstrip", Positional(0, 1), lstrip),
        m("rstrip", Positional(0, 1), rstrip),
        m("replace", Positional(2, 3), replace),
        m("startswith", Tuple(1, 3), startswith),
        m("endswith", Tuple(1, 3), endswith),
        m("upper", NoArgs, upper),
        m("lower", NoArgs, lower),
        m("title", NoArgs, title),
        m("capitalize", NoArgs, capitalize),
        m("swapcase", NoArgs, swapcase),
        m("casefold", NoArgs, casefold),
        m("find", Tuple(1, 3), find),
        m("rfind", Tuple(1, 3), rfind),
        m("index", Tuple(1, 3), index),
        m("rindex", Tuple(1, 3), rindex),
        m("count", Tuple(1, 3), count),
        m("isdigit", NoArgs, isdigit),
        m("isalpha", NoArgs, isalpha),
        m("isalnum", NoArgs, isalnum),
        m("isspace", NoArgs, isspace),
        m("isprintable", NoArgs, isprintable),
        m("isupper", NoArgs, isupper),
        m("islower", NoArgs, islower),
        m("isidentifier", NoArgs, isidentifier),
        m("isnumeric", NoArgs, isnumeric),
        m("isdecimal", NoArgs, isdecimal),
        m("istitle", NoArgs, istitle),
        m("isascii", NoArgs, isascii),
        m("ljust", Positional(1, 2), ljust),
        m("rjust", Positional(1, 2), rjust),
        m("center", Positional(1, 2), center),
        m("zfill", One, zfill),
        m("partition", One, partition),
        m("rpartition", One, rpartition),
        m("expandtabs", Own, expandtabs),
        m("removeprefix", One, removeprefix),
        m("removesuffix", One, removesuffix),
    ],
    attrs: &[],
    getattr: None,
};

// ---------------------------------------------------------------- argument helpers

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Positional-only arguments, counted the `_PyArg_CheckPositional` way:
/// `replace expected at least 2 arguments, got 1`.
pub(crate) fn posargs(
    owner: &str,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}.{}() takes no keyword arguments",
            owner, name
        )));
    }
    let n = args.len() - 1;
    if n < min || n > max {
        let msg = if min == max {
            format!(
                "{} expected {} argument{}, got {}",
                name,
                min,
                plural(min),
                n
            )
        } else if n < min {
            format!(
                "{} expected at least {} argument{}, got {}",
                name,
                min,
                plural(min),
                n
            )
        } else {
            format!(
                "{} expected at most {} argument{}, got {}",
                name,
                max,
                plural(max),
                n
            )
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(())
}

/// Arguments that may be given by position or by name (all optional):
/// returns one slot per name.
pub(crate) fn kwargs_by_name(
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    names: &[&str],
) -> PyResult<Vec<Option<Value>>> {
    let n = args.len() - 1;
    if n > names.len() {
        return Err(PyErr::type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            name,
            names.len(),
            plural(names.len()),
            n
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, a) in args[1..].iter().enumerate() {
        out[i] = Some(a.clone());
    }
    for (k, v) in kw {
        match names.iter().position(|x| *x == k.as_str()) {
            Some(i) => {
                if out[i].is_some() {
                    return Err(PyErr::type_error(format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        name,
                        k.as_str(),
                        i + 1
                    )));
                }
                out[i] = Some(v.clone());
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    k.as_str(),
                    name
                )))
            }
        }
    }
    Ok(out)
}

/// The receiver, which `FnDef::check` made sure is a str.
fn recv(args: &[Value]) -> &Str {
    match &args[0] {
        Value::Str(s) => s,
        _ => unreachable!("str method on another type"),
    }
}

/// An argument that must be a str (`must be str, not int`).
fn str_arg(v: &Value) -> PyResult<&str> {
    // (An instance of a str subclass is its value.)
    match v.builtin_value() {
        Value::Str(s) => Ok(s.as_str()),
        _ => Err(PyErr::type_error(format!(
            "must be str, not {}",
            v.type_name()
        ))),
    }
}

/// A slice bound (`None`, an int, or `__index__`), saturated to isize.
fn slice_bound(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<isize>> {
    Ok(match v {
        None | Some(Value::None) => None,
        Some(Value::Int(i)) => Some((*i).clamp(isize::MIN as i64, isize::MAX as i64) as isize),
        Some(Value::Bool(b)) => Some(*b as isize),
        Some(Value::BigInt(b)) => Some(if b.is_negative() {
            isize::MIN
        } else {
            isize::MAX
        }),
        Some(v @ Value::Instance(_)) => Some(vm.index_value(v)? as isize),
        Some(_) => {
            return Err(PyErr::type_error(
                "slice indices must be integers or None or have an __index__ method",
            ))
        }
    })
}

/// `start`/`end` adjusted as CPython's `ADJUST_INDICES` (end clamped to the
/// length, negatives counted from the end); `start` may exceed `end`.
fn adjust(
    vm: &mut Vm,
    start: Option<&Value>,
    end: Option<&Value>,
    len: usize,
) -> PyResult<(isize, isize)> {
    let len = len as isize;
    let mut s = slice_bound(vm, start)?.unwrap_or(0);
    let mut e = slice_bound(vm, end)?.unwrap_or(len);
    if e > len {
        e = len;
    } else if e < 0 {
        e = e.saturating_add(len).max(0);
    }
    if s < 0 {
        s = s.saturating_add(len).max(0);
    }
    Ok((s, e))
}

/// An int argument (`__index__`), as i64.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::BigInt(b) => Ok(if b.is_negative() { i64::MIN } else { i64::MAX }),
        Value::Int(_) | Value::Bool(_) | Value::Instance(_) => vm.index_value(v),
        _ => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))),
    }
}

// ---------------------------------------------------------------- character helpers

/// Byte offset of character `ci` in `s`.
fn byte_at(s: &str, ascii: bool, ci: usize) -> usize {
    if ascii {
        ci.min(s.len())
    } else {
        s.char_indices().nth(ci).map(|(b, _)| b).unwrap_or(s.len())
    }
}

fn chars_before(s: &str, ascii: bool, b: usize) -> usize {
    if ascii {
        b
    } else {
        s[..b].chars().count()
    }
}

fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

pub(crate) use crate::value::unicode::is_space as py_isspace;
use crate::value::unicode::{
    is_alpha as is_alpha_char, is_decimal as is_decimal_char, is_digit as is_digit_char,
    is_numeric as is_numeric_char, is_titlecase, lower_at, title_into as to_title,
};

// ---------------------------------------------------------------- str.format

#[derive(PartialEq, Clone, Copy)]
enum AutoMode {
    Unset,
    Auto,
    Manual,
}

struct FormatState<'a> {
    pos: &'a [Value],
    kw: &'a Kwargs,
    mode: AutoMode,
    next: usize,
}

fn format(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(args).clone();
    let mut st = FormatState {
        pos: &args[1..],
        kw,
        mode: AutoMode::Unset,
        next: 0,
    };
    Ok(Value::string(vformat(vm, s.as_str(), &mut st, 2)?))
}

#[allow(dead_code)]
/// `fmt.format(*args, **kwargs)` with the arguments as given: used by
/// `str.format` and available to `format_map`-like callers.
pub fn format_with(vm: &mut Vm, fmt: &str, pos: &[Value], kw: &Kwargs) -> PyResult<String> {
    let mut st = FormatState {
        pos,
        kw,
        mode: AutoMode::Unset,
        next: 0,
    };
    vformat(vm, fmt, &mut st, 2)
}

fn vformat(vm: &mut Vm, fmt: &str, st: &mut FormatState, depth: i32) -> PyResult<String> {
    if depth <= 0 {
        return Err(PyErr::value_error("Max string recursion exceeded"));
    }
    let c: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len());
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        i += 1;
        if ch != '{' && ch != '}' {
            out.push(ch);
            continue;
        }
        let at_end = i >= c.len();
        if ch == '}' {
            if at_end || c[i] != '}' {
                return Err(PyErr::value_error(
                    "Single '}' encountered in format string",
                ));
            }
            out.push('}');
            i += 1;
            continue;
        }
        if at_end {
            return Err(PyErr::value_error(
                "Single '{' encountered in format string",
            ));
        }
        if c[i] == '{' {
            out.push('{');
            i += 1;
            continue;
        }
        // A replacement field: name, then `!conv`, then `:spec`.
        let name_start = i;
        let mut last = '\0';
        while i < c.len() {
            last = c[i];
            i += 1;
            match last {
                '{' => return Err(PyErr::value_error("unexpected '{' in field name")),
                '[' => {
                    while i < c.len() && c[i] != ']' {
                        i += 1;
                    }
                    continue;
                }
                '}' | ':' | '!' => break,
                _ => continue,
            }
        }
        let name: String = c[name_start..i.saturating_sub(1).max(name_start)]
            .iter()
            .collect();
        let mut conversion: Option<char> = None;
        let mut spec = String::new();
        let mut spec_nested = false;
        if last == '!' || last == ':' {
            let mut done = false;
            if last == '!' {
                if i >= c.len() {
                    return Err(PyErr::value_error(
                        "end of string while looking for conversion specifier",
                    ));
                }
                conversion = Some(c[i]);
                i += 1;
                if i < c.len() {
                    let n = c[i];
                    i += 1;
                    if n == '}' {
                        done = true;
                    } else if n != ':' {
                        return Err(PyErr::value_error(
                            "expected ':' after conversion specifier",
                        ));
                    }
                }
            }
            if !done {
                let mut count = 1;
                let mut closed = false;
                while i < c.len() {
                    let x = c[i];
                    i += 1;
                    match x {
                        '{' => {
                            spec_nested = true;
                            count += 1;
                        }
                        '}' => {
                            count -= 1;
                            if count == 0 {
                                closed = true;
                                break;
                            }
                        }
                        _ => {}
                    }
                    spec.push(x);
                }
                if !closed {
                    return Err(PyErr::value_error("unmatched '{' in format spec"));
                }
            }
        } else if last != '}' {
            return Err(PyErr::value_error("expected '}' before end of string"));
        }
        let obj = get_field(vm, &name, st)?;
        let obj = match conversion {
            None => obj,
            Some('r') => Value::string(vm.repr(&obj)?),
            Some('s') => Value::string(vm.str_of(&obj)?),
            Some('a') => Value::string(ascii_escape(&vm.repr(&obj)?)),
            Some(x) => {
                return Err(PyErr::value_error(if (x as u32) < 128 {
                    format!("Unknown conversion specifier {}", x)
                } else {
                    format!("Unknown conversion specifier \\x{:x}", x as u32)
                }))
            }
        };
        let spec = if spec_nested {
            vformat(vm, &spec, st, depth - 1)?
        } else {
            spec
        };
        let piece = vm.format_value(&obj, &spec)?;
        vm.check_str_size(out.len() + piece.len())?;
        out.push_str(&piece);
    }
    Ok(out)
}

fn parse_index(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    s.parse::<usize>()
        .map(Some)
        .map_err(|_| PyErr::value_error("Too many decimal digits in format string"))
}

fn get_field(vm: &mut Vm, name: &str, st: &mut FormatState) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut obj = if first.is_empty() {
        if st.mode == AutoMode::Manual {
            return Err(PyErr::value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        st.mode = AutoMode::Auto;
        let i = st.next;
        st.next += 1;
        positional(st, i)?
    } else if let Some(i) = parse_index(first)? {
        if st.mode == AutoMode::Auto {
            return Err(PyErr::value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        st.mode = AutoMode::Manual;
        positional(st, i)?
    } else {
        match st.kw.iter().find(|(k, _)| k.as_str() == first) {
            Some((_, v)) => v.clone(),
            None => return Err(PyErr::key_error(Value::str(first))),
        }
    };
    let rest: Vec<char> = name[first_end..].chars().collect();
    let mut i = 0;
    while i < rest.len() {
        match rest[i] {
            '.' => {
                i += 1;
                let start = i;
                while i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    i += 1;
                }
                let attr: String = rest[start..i].iter().collect();
                if attr.is_empty() {
                    return Err(PyErr::value_error("Empty attribute in format string"));
                }
                obj = vm.getattr(&obj, &attr)?;
            }
            '[' => {
                i += 1;
                let start = i;
                while i < rest.len() && rest[i] != ']' {
                    i += 1;
                }
                if i >= rest.len() {
                    return Err(PyErr::value_error("Missing ']' in format string"));
                }
                let key: String = rest[start..i].iter().collect();
                i += 1;
                if key.is_empty() {
                    return Err(PyErr::value_error("Empty attribute in format string"));
                }
                let k = match parse_index(&key)? {
                    Some(n) => Value::Int(n as i64),
                    None => Value::string(key),
                };
                obj = vm.getitem(&obj, &k)?;
                if i < rest.len() && rest[i] != '.' && rest[i] != '[' {
                    return Err(PyErr::value_error(
                        "Only '.' or '[' may follow ']' in format field specifier",
                    ));
                }
            }
            _ => {
                return Err(PyErr::value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        }
    }
    Ok(obj)
}

fn positional(st: &FormatState, i: usize) -> PyResult<Value> {
    st.pos.get(i).cloned().ok_or_else(|| {
        PyErr::index_error(format!(
            "Replacement index {} out of range for positional args tuple",
            i
        ))
    })
}

// ---------------------------------------------------------------- join / split

fn join(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let sep = recv(args).clone();
    let items = vm.collect_fast(&args[1], "can only join an iterable")?;
    // The result's size first, as CPython: too big fails before any copying.
    let mut total: usize = 0;
    for (i, it) in items.iter().enumerate() {
        match it.builtin_value() {
            Value::Str(s) => {
                let sep_len = if i > 0 { sep.as_str().len() } else { 0 };
                total = total
                    .checked_add(s.as_str().len())
                    .and_then(|t| t.checked_add(sep_len))
                    .filter(|t| *t <= isize::MAX as usize)
                    .ok_or_else(|| {
                        PyErr::overflow("join() result is too long for a Python string")
                    })?;
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "sequence item {}: expected str instance, {} found",
                    i,
                    other.type_name()
                )))
            }
        }
    }
    let mut out = alloc_string(vm, total)?;
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        if let Value::Str(s) = it.builtin_value() {
            out.push_str(s.as_str());
        }
    }
    Ok(Value::string(out))
}

fn str_list(parts: Vec<&str>) -> Value {
    Value::list(parts.into_iter().map(Value::str).collect())
}

fn split_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
) -> PyResult<(Option<Value>, i64)> {
    let a = kwargs_by_name(name, args, kw, &["sep", "maxsplit"])?;
    // Argument clinic converts maxsplit while parsing, before sep is checked.
    let maxsplit = match &a[1] {
        None => -1,
        Some(v) => int_arg(vm, v)?,
    };
    let sep = match &a[0] {
        None | Some(Value::None) => None,
        Some(v @ Value::Str(s)) => {
            if s.as_str().is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(v.clone())
        }
        Some(v) => {
            return Err(PyErr::type_error(format!(
                "must be str or None, not {}",
                v.type_name()
            )))
        }
    };
    Ok((sep, maxsplit))
}

fn split(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(args).clone();
    let (sep, maxsplit) = split_args(vm, "split", args, kw)?;
    let s = s.as_str();
    match sep {
        Some(sep) => {
            let sep = sep.as_str().unwrap_or_default();
            Ok(if maxsplit < 0 {
                str_list(s.split(sep).collect())
            } else {
                str_list(s.splitn(maxsplit as usize + 1, sep).collect())
            })
        }
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_start_matches(py_isspace);
            while !rest.is_empty() {
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit {
                    parts.push(rest);
                    break;
                }
                let end = rest.find(py_isspace).unwrap_or(rest.len());
                parts.push(&rest[..end]);
                rest = rest[end..].trim_start_matches(py_isspace);
            }
            Ok(str_list(parts))
        }
    }
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(args).clone();
    let (sep, maxsplit) = split_args(vm, "rsplit", args, kw)?;
    let s = s.as_str();
    let mut parts: Vec<&str> = match sep {
        Some(sep) => {
            let sep = sep.as_str().unwrap_or_default();
            if maxsplit < 0 {
                s.rsplit(sep).collect()
            } else {
                s.rsplitn(maxsplit as usize + 1, sep).collect()
            }
        }
        None => {
            let mut parts = Vec::new();
            let mut rest = s.trim_end_matches(py_isspace);
            while !rest.is_empty() {
                if maxsplit >= 0 && parts.len() as i64 >= maxsplit {
                    parts.push(rest);
                    break;
                }
                let start = rest
                    .char_indices()
                    .rev()
                    .find(|(_, c)| py_isspace(*c))
                    .map(|(b, c)| b + c.len_utf8())
                    .unwrap_or(0);
                parts.push(&rest[start..]);
                rest = rest[..start].trim_end_matches(py_isspace);
            }
            parts
        }
    };
    parts.reverse();
    Ok(str_list(parts))
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(args).clone();
    let a = kwargs_by_name("splitlines", args, kw, &["keepends"])?;
    let keep = match &a[0] {
        None => false,
        Some(v) => int_arg(vm, v)? != 0,
    };
    let s = s.as_str();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if is_linebreak(c) {
            let mut end = b + c.len_utf8();
            if c == '\r' {
                if let Some((_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            parts.push(if keep { &s[start..end] } else { &s[start..b] });
            start = end;
        }
    }
    if start < s.len() {
        parts.push(&s[start..]);
    }
    Ok(str_list(parts))
}

// ---------------------------------------------------------------- strip / replace

fn strip_impl(args: &[Value], name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = recv(args).clone();
    let st = s.as_str();
    let out = match args.get(1) {
        None | Some(Value::None) => {
            let mut t = st;
            if left {
                t = t.trim_start_matches(py_isspace);
            }
            if right {
                t = t.trim_end_matches(py_isspace);
            }
            t
        }
        Some(Value::Str(chars)) => {
            let set: Vec<char> = chars.as_str().chars().collect();
            let mut t = st;
            if left {
                t = t.trim_start_matches(|c| set.contains(&c));
            }
            if right {
                t = t.trim_end_matches(|c| set.contains(&c));
            }
            t
        }
        Some(_) => {
            return Err(PyErr::type_error(format!(
                "{} arg must be None or str",
                name
            )))
        }
    };
    if out.len() == st.len() {
        return Ok(args[0].clone());
    }
    Ok(Value::str(out))
}

fn strip(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    strip_impl(args, "strip", true, true)
}

fn lstrip(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    strip_impl(args, "lstrip", true, false)
}

fn rstrip(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    strip_impl(args, "rstrip", false, true)
}

fn replace(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = recv(args).clone();
    let (old, new) = match (&args[1], &args[2]) {
        (Value::Str(a), Value::Str(b)) => (a.as_str(), b.as_str()),
        _ => {
            let (n, v) = if matches!(args[1], Value::Str(_)) {
                (2, &args[2])
            } else {
                (1, &args[1])
            };
            return Err(PyErr::type_error(format!(
                "replace() argument {} must be str, not {}",
                n,
                if v.is_none() {
                    "None".to_string()
                } else {
                    v.type_name()
                }
            )));
        }
    };
    let count = match args.get(3) {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    if new.len() > old.len() {
        // The result's size first: a huge one fails before any copying.
        let found = if old.is_empty() {
            s.char_len() + 1
        } else {
            s.as_str().matches(old).count()
        };
        let n = if count < 0 {
            found
        } else {
            found.min(count as usize)
        };
        let total = (new.len() - old.len())
            .checked_mul(n)
            .and_then(|g| g.checked_add(s.as_str().len()))
            .filter(|t| *t <= isize::MAX as usize)
            .ok_or_else(|| PyErr::overflow("replace string is too long"))?;
        alloc_string(vm, total)?;
    }
    let out = if count < 0 {
        s.as_str().replace(old, new)
    } else {
        s.as_str().replacen(old, new, count as usize)
    };
    Ok(Value::string(out))
}

/// An empty string with room for `n` bytes, or CPython's `MemoryError`
/// when that much cannot be allocated (Rust would abort).
fn alloc_string(vm: &mut Vm, n: usize) -> PyResult<String> {
    vm.check_str_size(n)?;
    let mut s = String::new();
    s.try_reserve_exact(n)
        .map_err(|_| PyErr::bare(crate::value::ExcType::MemoryError))?;
    Ok(s)
}

// ---------------------------------------------------------------- prefix / search

fn tailmatch(
    vm: &mut Vm,
    s: &Str,
    sub: &str,
    start: Option<&Value>,
    end: Option<&Value>,
    at_end: bool,
) -> PyResult<bool> {
    let (start, end) = adjust(vm, start, end, s.char_len())?;
    let sublen = sub.chars().count() as isize;
    let last = end - sublen;
    if last < start {
        return Ok(false);
    }
    if sublen == 0 {
        return Ok(true);
    }
    let hay = s.char_slice(start as usize, end as usize);
    Ok(if at_end {
        hay.ends_with(sub)
    } else {
        hay.starts_with(sub)
    })
}

fn starts_ends(vm: &mut Vm, args: &[Value], name: &str, at_end: bool) -> PyResult<Value> {
    let s = recv(args).clone();
    let start = args.get(2);
    let end = args.get(3);
    // Bounds are checked even when nothing is compared.
    adjust(vm, start, end, s.char_len())?;
    match &args[1] {
        Value::Str(sub) => Ok(Value::Bool(tailmatch(
            vm,
            &s,
            sub.as_str(),
            start,
            end,
            at_end,
        )?)),
        Value::Tuple(t) => {
            for item in t.iter() {
                match item {
                    Value::Str(sub) => {
                        if tailmatch(vm, &s, sub.as_str(), start, end, at_end)? {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(PyErr::type_error(format!(
                            "tuple for {} must only contain str, not {}",
                            name,
                            other.type_name()
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(PyErr::type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            name,
            other.type_name()
        ))),
    }
}

fn startswith(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    starts_ends(vm, args, "startswith", false)
}

fn endswith(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    starts_ends(vm, args, "endswith", true)
}

/// The character index of `sub` in `s[start:end]` (from the right if `rev`).
fn find_impl(vm: &mut Vm, args: &[Value], rev: bool) -> PyResult<i64> {
    let s = recv(args).clone();
    // The bounds are converted while parsing, before sub's type is checked.
    let (start, end) = adjust(vm, args.get(2), args.get(3), s.char_len())?;
    let sub = str_arg(&args[1])?;
    let sublen = sub.chars().count() as isize;
    if end - start < sublen {
        return Ok(-1);
    }
    let st = s.as_str();
    let ascii = s.is_ascii();
    let b0 = byte_at(st, ascii, start as usize);
    let b1 = byte_at(st, ascii, end as usize);
    let hay = &st[b0..b1];
    let found = if rev { hay.rfind(sub) } else { hay.find(sub) };
    Ok(match found {
        Some(b) => (chars_before(st, ascii, b0 + b)) as i64,
        None => -1,
    })
}

fn find(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, false)?))
}

fn rfind(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, true)?))
}

fn index(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    match find_impl(vm, args, false)? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    match find_impl(vm, args, true)? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = recv(args).clone();
    // The bounds are converted while parsing, before sub's type is checked.
    let (start, end) = adjust(vm, args.get(2), args.get(3), s.char_len())?;
    let sub = str_arg(&args[1])?;
    let sublen = sub.chars().count() as isize;
    if end - start < sublen {
        return Ok(Value::Int(0));
    }
    if sublen == 0 {
        return Ok(Value::Int((end - start + 1) as i64));
    }
    let hay = s.char_slice(start as usize, end as usize);
    Ok(Value::Int(hay.matches(sub).count() as i64))
}

// ---------------------------------------------------------------- case

fn map_str(args: &[Value], f: impl Fn(&str) -> String) -> PyResult<Value> {
    let s = recv(args).clone();
    Ok(Value::string(f(s.as_str())))
}

fn upper(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    map_str(args, |s| s.to_uppercase())
}

fn lower(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    map_str(args, |s| s.to_lowercase())
}

fn casefold(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    map_str(args, crate::value::unicode::casefold)
}

fn title(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    map_str(args, |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for (i, &c) in chars.iter().enumerate() {
            if prev_cased {
                lower_at(&chars, i, &mut out);
            } else {
                to_title(c, &mut out);
            }
            prev_cased = crate::value::unicode::is_cased(c);
        }
        out
    })
}

fn capitalize(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    map_str(args, |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        for (i, &c) in chars.iter().enumerate() {
            if i == 0 {
                to_title(c, &mut out);
            } else {
                lower_at(&chars, i, &mut out);
            }
        }
        out
    })
}

fn swapcase(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    map_str(args, |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        for (i, &c) in chars.iter().enumerate() {
            if c.is_uppercase() {
                lower_at(&chars, i, &mut out);
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}

// ---------------------------------------------------------------- predicates

fn pred(args: &[Value], f: impl Fn(&str) -> bool) -> PyResult<Value> {
    let s = recv(args).clone();
    Ok(Value::Bool(f(s.as_str())))
}

fn all_chars(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

fn isdigit(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pred(args, |s| all_chars(s, is_digit_char))
}

fn isdecimal(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pred(args, |s| all_chars(s, is_decimal_char))
}

fn isnumeric(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pred(args, |s| all_chars(s, is_numeric_char))
}

fn isalpha(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pred(args, |s| all_chars(s, is_alpha_char))
}

fn isalnum(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pred(args, |s| {
        all_chars(s, |c| is_alpha_char(c) || is_numeric_char(c))
    })
}

fn isspace(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pred(args, |s| all_chars(s, py_isspace))
}

/// The characters repr() shows unescaped (true for "").
fn isprintable(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pred(args, |s| s.chars().all(crate::value::unicode::is_printable))
}

fn isascii(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pred(args, |s| s.is_ascii())
}

fn isupper(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pred(args, |s| {
        let mut cased = false;
        for c in s.chars() {
            if c.is_lowercase() || is_titlecase(c) {
                return false;
            }
            if c.is_uppercase() {
                cased = true;
            }
        }
        cased
    })
}

fn islower(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pred(args, |s| {
        let mut cased = false;
        for c in s.chars() {
            if c.is_uppercase() || is_titlecase(c) {
                return false;
            }
            if c.is_lowercase() {
                cased = true;
            }
        }
        cased
    })
}

fn istitle(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pred(args, |s| {
        let mut cased = false;
        let mut prev_cased = false;
        for c in s.chars() {
            if c.is_uppercase() || is_titlecase(c) {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

fn isidentifier(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    pred(args, crate::value::unicode::is_identifier)
}

// ---------------------------------------------------------------- padding

fn pad_args(vm: &mut Vm, args: &[Value]) -> PyResult<(Str, i64, char)> {
    let s = recv(args).clone();
    let width = ssize_arg(vm, &args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(Value::Str(f)) => {
            if f.char_len() != 1 {
                return Err(PyErr::type_error(
                    "The fill character must be exactly one character long",
                ));
            }
            f.as_str().chars().next().unwrap_or(' ')
        }
        Some(v) => {
            return Err(PyErr::type_error(format!(
                "The fill character must be a unicode character, not {}",
                v.type_name()
            )))
        }
    };
    Ok((s, width, fill))
}

/// A width argument: CPython's `OverflowError` past a C `ssize_t`.
fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::BigInt(_) = v {
        return Err(PyErr::overflow(
            "Python int too large to convert to C ssize_t",
        ));
    }
    int_arg(vm, v)
}

fn padded(vm: &mut Vm, s: &Str, left: usize, right: usize, fill: char) -> PyResult<Value> {
    let pad = left.saturating_add(right);
    vm.check_str_size(
        s.as_str()
            .len()
            .saturating_add(pad.saturating_mul(fill.len_utf8())),
    )?;
    crate::value::format::check_alloc(pad, fill)?;
    let mut out = String::with_capacity(s.as_str().len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::string(out))
}

fn ljust(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, args)?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(args[0].clone());
    }
    padded(vm, &s, 0, (width - len) as usize, fill)
}

fn rjust(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, args)?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(args[0].clone());
    }
    padded(vm, &s, (width - len) as usize, 0, fill)
}

fn center(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, args)?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(args[0].clone());
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    padded(vm, &s, left as usize, (marg - left) as usize, fill)
}

fn zfill(vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    let s = recv(args).clone();
    let width = ssize_arg(vm, &args[1])?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(args[0].clone());
    }
    vm.check_str_size(width as usize)?;
    crate::value::format::check_alloc((width - len) as usize, '0')?;
    let zeros = "0".repeat((width - len) as usize);
    let st = s.as_str();
    let out = match st.chars().next() {
        Some(c @ ('+' | '-')) => format!("{}{}{}", c, zeros, &st[1..]),
        _ => format!("{}{}", zeros, st),
    };
    Ok(Value::string(out))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: &Kwargs) -> PyResult<Value> {
    let s = recv(args).clone();
    let a = kwargs_by_name("expandtabs", args, kw, &["tabsize"])?;
    let tab = match &a[0] {
        None => 8,
        Some(Value::BigInt(_)) => {
            return Err(PyErr::overflow("Python int too large to convert to C int"))
        }
        Some(v) => int_arg(vm, v)?,
    };
    if i32::try_from(tab).is_err() {
        return Err(PyErr::overflow("Python int too large to convert to C int"));
    }
    let mut out = String::with_capacity(s.as_str().len());
    let mut col: i64 = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    vm.check_str_size(out.len() + n as usize)?;
                    if n > 1 << 20 {
                        crate::value::format::check_alloc(n as usize, ' ')?;
                    }
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

// ---------------------------------------------------------------- partition / affixes

fn partition_impl(args: &[Value], rev: bool) -> PyResult<Value> {
    let s = recv(args).clone();
    let sep = str_arg(&args[1])?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let st = s.as_str();
    let found = if rev { st.rfind(sep) } else { st.find(sep) };
    let parts = match found {
        Some(b) => vec![
            Value::str(&st[..b]),
            args[1].clone(),
            Value::str(&st[b + sep.len()..]),
        ],
        None if rev => vec![Value::str(""), Value::str(""), args[0].clone()],
        None => vec![args[0].clone(), Value::str(""), Value::str("")],
    };
    Ok(Value::tuple(parts))
}

fn partition(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    partition_impl(args, false)
}

fn rpartition(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    partition_impl(args, true)
}

fn affix(args: &[Value], name: &str, suffix: bool) -> PyResult<Value> {
    let s = recv(args).clone();
    let a = match &args[1] {
        Value::Str(a) => a.clone(),
        other => {
            // Argument clinic's wording: None by name, other values by type.
            return Err(PyErr::type_error(format!(
                "{}() argument must be str, not {}",
                name,
                match other {
                    Value::None => "None".to_string(),
                    _ => other.type_name().to_string(),
                }
            )));
        }
    };
    let st = s.as_str();
    let out = if suffix {
        st.strip_suffix(a.as_str())
    } else {
        st.strip_prefix(a.as_str())
    };
    match out {
        Some(rest) if !a.as_str().is_empty() => Ok(Value::str(rest)),
        _ => Ok(args[0].clone()),
    }
}

fn removeprefix(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    affix(args, "removeprefix", false)
}

fn removesuffix(_vm: &mut Vm, args: &[Value], _: &Kwargs) -> PyResult<Value> {
    affix(args, "removesuffix", true)
}
