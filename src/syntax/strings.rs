//! String literals: escape decoding, implicit concatenation, and f-strings
//! (split into literal parts and fields whose expressions are parsed by the
//! same grammar, with spans pointing into the original source).

use lalrpop_util::ParseError;

use super::actions::{constant, expr, PErr, PResult};
use super::ast::*;
use super::error::{locate, SyntaxErrorKind};
use super::token::StrTok;

/// CPython refuses to nest format specs deeper than this.
const MAX_FSTRING_NESTING: u32 = 2;

fn user<T>(e: PErr) -> PResult<T> {
    Err(ParseError::User { error: e })
}

fn at<T>(msg: impl Into<String>, start: usize, end: usize) -> PResult<T> {
    user(PErr::At {
        kind: SyntaxErrorKind::SyntaxError,
        msg: msg.into(),
        start,
        end,
    })
}

/// Concatenates adjacent literals `s` (spanning `l..r`) into one expression.
pub fn concat(src: &str, toks: Vec<StrTok>, l: usize, r: usize) -> PResult<Expr> {
    let bytes = toks.iter().filter(|t| t.bytes).count();
    if bytes != 0 && bytes != toks.len() {
        // CPython goes through the literals in order: an f-string before
        // the first mixed one is parsed (and its error raised) first.
        let first = toks
            .iter()
            .position(|t| t.bytes != toks[0].bytes)
            .unwrap_or(0);
        if !toks[0].bytes && toks[..first].iter().any(|t| t.fstring) {
            concat(src, toks[..first].to_vec(), l, r)?;
        }
        return at("cannot mix bytes and nonbytes literals", r, r);
    }
    // Unicode-error positions count from the start of the concatenation.
    let mut base = 0;
    if bytes != 0 {
        let mut out = Vec::new();
        for t in &toks {
            let body = &src[t.body_start..t.body_end];
            if !body.is_ascii() {
                let start = t.body_start - if t.raw { 3 } else { 2 };
                return at(
                    "bytes can only contain ASCII literal characters",
                    start,
                    t.body_end + 1,
                );
            }
            match decode(body, t.raw, true, &mut out) {
                Ok(()) => {}
                Err(Bad::Value(msg)) => return at(format!("(value error) {msg}"), r, r),
                Err(Bad::Unicode(..)) => unreachable!("bytes have no unicode escapes"),
            }
        }
        return Ok(constant(Constant::Bytes(out), l, r));
    }
    if !toks.iter().any(|t| t.fstring) {
        let mut out = Vec::new();
        for t in &toks {
            let body = &src[t.body_start..t.body_end];
            decode_str(body, t.raw, base, r, &mut out)?;
            base += escaped_len(body);
        }
        let s = String::from_utf8(out).unwrap_or_default();
        return Ok(constant(Constant::Str(s), l, r));
    }
    let mut parts = Vec::new();
    for t in &toks {
        let body = &src[t.body_start..t.body_end];
        if t.fstring {
            let mut p = FParser {
                src,
                pos: t.body_start,
                end: t.body_end,
                raw: t.raw,
                err_at: r,
            };
            parts.extend(p.parts(0)?);
        } else {
            let mut out = Vec::new();
            decode_str(body, t.raw, base, r, &mut out)?;
            parts.push(FStringPart::Literal(
                String::from_utf8(out).unwrap_or_default(),
            ));
        }
        base += escaped_len(body);
    }
    Ok(expr(l, r, ExprKind::JoinedStr(merge_literals(parts))))
}

/// Joins adjacent literal parts and drops empty ones.
fn merge_literals(parts: Vec<FStringPart>) -> Vec<FStringPart> {
    let mut out: Vec<FStringPart> = Vec::new();
    for p in parts {
        match p {
            FStringPart::Literal(s) if s.is_empty() => {}
            FStringPart::Literal(s) => match out.last_mut() {
                Some(FStringPart::Literal(prev)) => prev.push_str(&s),
                _ => out.push(FStringPart::Literal(s)),
            },
            other => out.push(other),
        }
    }
    out
}

/// Length of a body as CPython's decoder sees it (non-ASCII characters
/// are first rewritten as 10-byte `\U` escapes).
fn escaped_len(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 10 }).sum()
}

enum Bad {
    /// (start, end inclusive, reason) in `escaped_len` units.
    Unicode(usize, usize, &'static str),
    Value(String),
}

fn decode_str(body: &str, raw: bool, base: usize, r: usize, out: &mut Vec<u8>) -> PResult<()> {
    match decode(body, raw, false, out) {
        Ok(()) => Ok(()),
        Err(Bad::Unicode(a, b, why)) => at(
            format!(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
                base + a,
                base + b,
                why
            ),
            r,
            r,
        ),
        Err(Bad::Value(msg)) => at(format!("(value error) {msg}"), r, r),
    }
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// Decodes backslash escapes into UTF-8 (or raw bytes for `bytes`).
fn decode(body: &str, raw: bool, bytes: bool, out: &mut Vec<u8>) -> Result<(), Bad> {
    if raw {
        out.extend_from_slice(body.as_bytes());
        return Ok(());
    }
    let chars: Vec<char> = body.chars().collect();
    // Position of each char in CPython's escaped-length units.
    let mut pos = Vec::with_capacity(chars.len() + 1);
    let mut p = 0;
    for &c in &chars {
        pos.push(p);
        p += if c.is_ascii() { 1 } else { 10 };
    }
    pos.push(p);
    let total = chars.len();
    let mut i = 0;
    while i < total {
        let c = chars[i];
        if c != '\\' || i + 1 >= total {
            push_char(out, c);
            i += 1;
            continue;
        }
        let e = chars[i + 1];
        i += 2;
        let simple = match e {
            '\n' => Some(None),
            '\r' => {
                if chars.get(i) == Some(&'\n') {
                    i += 1;
                }
                Some(None)
            }
            '\\' => Some(Some('\\')),
            '\'' => Some(Some('\'')),
            '"' => Some(Some('"')),
            'a' => Some(Some('\x07')),
            'b' => Some(Some('\x08')),
            'f' => Some(Some('\x0c')),
            'n' => Some(Some('\n')),
            'r' => Some(Some('\r')),
            't' => Some(Some('\t')),
            'v' => Some(Some('\x0b')),
            _ => None,
        };
        if let Some(c) = simple {
            if let Some(c) = c {
                push_char(out, c);
            }
            continue;
        }
        let start = i - 2;
        match e {
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                let mut n = 1;
                while n < 3 && i < total && chars[i].is_digit(8) {
                    v = v * 8 + chars[i].to_digit(8).unwrap_or(0);
                    i += 1;
                    n += 1;
                }
                if bytes {
                    out.push(v as u8);
                } else {
                    push_char(out, char::from_u32(v).unwrap_or('\u{fffd}'));
                }
            }
            'x' | 'u' | 'U' if !(bytes && e != 'x') => {
                let (n, why) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for k in 0..n {
                    match chars.get(i + k).and_then(|c| c.to_digit(16)) {
                        Some(d) => v = v * 16 + d,
                        None => {
                            if bytes {
                                return Err(Bad::Value(format!(
                                    "invalid \\x escape at position {}",
                                    pos[start]
                                )));
                            }
                            let stop = (i + k).min(total);
                            let last = if stop < total {
                                pos[stop]
                            } else {
                                pos[total] - 1
                            };
                            return Err(Bad::Unicode(pos[start], last, why));
                        }
                    }
                }
                i += n;
                if bytes {
                    out.push(v as u8);
                } else {
                    match crate::value::string::char_for_code(v) {
                        // A real code point that krait keeps for surrogate stand-ins.
                        Some(c)
                            if !(0xD800..0xE000).contains(&v)
                                && crate::value::string::is_surrogate(c) =>
                        {
                            return Err(Bad::Value(crate::value::string::unrepresentable(v)))
                        }
                        Some(c) => push_char(out, c),
                        None => {
                            return Err(Bad::Unicode(
                                pos[start],
                                pos[i] - 1,
                                "illegal Unicode character",
                            ))
                        }
                    }
                }
            }
            'N' if !bytes => {
                let malformed = |upto: usize| {
                    Bad::Unicode(
                        pos[start],
                        pos[upto.min(total)] - 1,
                        "malformed \\N character escape",
                    )
                };
                if chars.get(i) != Some(&'{') {
                    return Err(malformed(i));
                }
                let Some(close) = chars[i..].iter().position(|&c| c == '}') else {
                    return Err(malformed(total));
                };
                if close == 1 {
                    return Err(malformed(i + 1));
                }
                let name: String = chars[i + 1..i + close].iter().collect();
                i += close + 1;
                match crate::value::unicode::lookup_name(&name) {
                    Some(c) if !name.is_empty() => push_char(out, c),
                    _ => {
                        return Err(Bad::Unicode(
                            pos[start],
                            pos[i] - 1,
                            "unknown Unicode character name",
                        ))
                    }
                }
            }
            other => {
                // Unknown escapes stay as written (CPython warns).
                out.push(b'\\');
                push_char(out, other);
            }
        }
    }
    Ok(())
}

/// Scans one f-string body (3.11 rules: fields may not contain backslashes,
/// `#`, or the enclosing quote).
struct FParser<'s> {
    src: &'s str,
    pos: usize,
    end: usize,
    raw: bool,
    /// Where f-string errors are reported (CPython: after the string).
    err_at: usize,
}

impl FParser<'_> {
    fn peek(&self, k: usize) -> Option<u8> {
        if self.pos + k < self.end {
            Some(self.src.as_bytes()[self.pos + k])
        } else {
            None
        }
    }

    fn err<T>(&self, msg: &str) -> PResult<T> {
        at(msg, self.err_at, self.err_at)
    }

    /// Literal text and fields up to the end (or, inside a format spec, up to the closing `}`).
    fn parts(&mut self, depth: u32) -> PResult<Vec<FStringPart>> {
        let mut parts = Vec::new();
        let mut lit_start = self.pos;
        let mut lit = Vec::new();
        let flush = |me: &Self, from: usize, to: usize, lit: &mut Vec<u8>| -> PResult<()> {
            let text = &me.src[from..to];
            match decode(text, me.raw, false, lit) {
                Ok(()) => Ok(()),
                Err(Bad::Unicode(a, b, why)) => at(
                    format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {a}-{b}: {why}"),
                    me.err_at,
                    me.err_at,
                ),
                Err(Bad::Value(m)) => at(m, me.err_at, me.err_at),
            }
        };
        while let Some(c) = self.peek(0) {
            match c {
                b'\\' if !self.raw && self.peek(1) == Some(b'N') && self.peek(2) == Some(b'{') => {
                    // `\N{NAME}`: the braces belong to the escape.
                    let close = self.src[self.pos..self.end]
                        .find('}')
                        .map_or(self.end, |k| self.pos + k + 1);
                    self.pos = close;
                }
                b'\\' if !self.raw => self.pos = (self.pos + 2).min(self.end),
                b'{' if self.peek(1) == Some(b'{') && depth == 0 => {
                    flush(self, lit_start, self.pos + 1, &mut lit)?;
                    self.pos += 2;
                    lit_start = self.pos;
                }
                b'}' if self.peek(1) == Some(b'}') && depth == 0 => {
                    flush(self, lit_start, self.pos + 1, &mut lit)?;
                    self.pos += 2;
                    lit_start = self.pos;
                }
                b'}' if depth > 0 => break,
                b'}' => return self.err("f-string: single '}' is not allowed"),
                b'{' => {
                    flush(self, lit_start, self.pos, &mut lit)?;
                    parts.push(FStringPart::Literal(
                        String::from_utf8(std::mem::take(&mut lit)).unwrap_or_default(),
                    ));
                    if depth >= MAX_FSTRING_NESTING {
                        return self.err("f-string: expressions nested too deeply");
                    }
                    self.pos += 1;
                    parts.push(self.field(depth)?);
                    lit_start = self.pos;
                }
                _ => self.pos += 1,
            }
        }
        flush(self, lit_start, self.pos, &mut lit)?;
        parts.push(FStringPart::Literal(
            String::from_utf8(lit).unwrap_or_default(),
        ));
        Ok(merge_literals(parts))
    }

    /// One replacement field, just after its `{`.
    fn field(&mut self, depth: u32) -> PResult<FStringPart> {
        let expr_start = self.pos;
        let mut brackets: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None;
        while let Some(c) = self.peek(0) {
            if c == b'\\' {
                return self.err("f-string expression part cannot include a backslash");
            }
            if let Some((q, triple)) = quote {
                if c == q {
                    if !triple {
                        quote = None;
                    } else if self.peek(1) == Some(q) && self.peek(2) == Some(q) {
                        quote = None;
                        self.pos += 2;
                    }
                }
                self.pos += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    let triple = self.peek(1) == Some(c) && self.peek(2) == Some(c);
                    quote = Some((c, triple));
                    self.pos += if triple { 3 } else { 1 };
                    continue;
                }
                b'(' | b'[' | b'{' => brackets.push(c),
                b')' | b']' | b'}' if !brackets.is_empty() => {
                    let open = brackets.pop().unwrap_or(b'(');
                    let want = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != want {
                        let msg = format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        );
                        return self.err(&msg);
                    }
                }
                b')' | b']' => return self.err(&format!("f-string: unmatched '{}'", c as char)),
                b'#' => return self.err("f-string expression part cannot include '#'"),
                b'!' | b'=' | b'<' | b'>' if brackets.is_empty() && self.peek(1) == Some(b'=') => {
                    self.pos += 2;
                    continue;
                }
                b'<' | b'>' => {}
                b'}' | b'!' | b':' | b'=' if brackets.is_empty() => break,
                _ => {}
            }
            self.pos += 1;
        }
        if quote.is_some() {
            return self.err("f-string: unterminated string");
        }
        if let Some(&open) = brackets.last() {
            return self.err(&format!("f-string: unmatched '{}'", open as char));
        }
        let expr_end = self.pos;
        if self.pos >= self.end {
            return self.err("f-string: expecting '}'");
        }
        if self.src[expr_start..expr_end].trim().is_empty() {
            return self.err("f-string: empty expression not allowed");
        }
        let value = parse_field(self.src, expr_start, expr_end)?;
        let mut debug_text = None;
        if self.peek(0) == Some(b'=') {
            self.pos += 1;
            while matches!(self.peek(0), Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')) {
                self.pos += 1;
            }
            debug_text = Some(self.src[expr_start..self.pos].to_string());
        }
        let mut conversion = None;
        if self.peek(0) == Some(b'!') {
            self.pos += 1;
            let Some(c) = self.peek(0) else {
                return self.err("f-string: expecting '}'");
            };
            if !matches!(c, b's' | b'r' | b'a') {
                return self
                    .err("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            conversion = Some(c as char);
            self.pos += 1;
        }
        let mut format_spec = None;
        match self.peek(0) {
            Some(b':') => {
                self.pos += 1;
                format_spec = Some(self.parts(depth + 1)?);
                if self.peek(0) != Some(b'}') {
                    return self.err("f-string: expecting '}'");
                }
            }
            Some(b'}') => {}
            _ => return self.err("f-string: expecting '}'"),
        }
        self.pos += 1;
        if debug_text.is_some() && conversion.is_none() && format_spec.is_none() {
            conversion = Some('r');
        }
        Ok(FStringPart::Formatted {
            value: Box::new(value),
            conversion,
            format_spec,
            debug_text,
        })
    }
}

/// Parses the expression of a field; errors read as CPython 3.11's
/// (which parses `(expr)` on its own and prefixes parser messages).
fn parse_field(src: &str, start: usize, end: usize) -> PResult<Expr> {
    match super::parser::parse_expr_range(src, start, end) {
        Ok(e) => Ok(e),
        Err((mut e, from_parser)) => {
            if from_parser {
                e.msg = format!("f-string: {}", e.msg);
                let (line, col, _) = locate(src, start);
                if e.lineno == line {
                    e.offset = (e.offset + 1).saturating_sub(col);
                    e.end_offset = (e.end_offset + 1).saturating_sub(col);
                    // CPython shows the parenthesized field it parsed.
                    let field = &src[start..end];
                    if !field.contains('\n') {
                        e.text = format!("({field})");
                    }
                }
            }
            user(PErr::Full(e))
        }
    }
}
