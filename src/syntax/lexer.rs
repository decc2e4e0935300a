//! The raw lexer: logos splits the text into lexemes; numbers and strings are
//! scanned by hand so that their errors match CPython's tokenizer exactly.
//! Newlines, indentation and brackets are handled by `indent.rs`.

use logos::Logos;

/// What a string lexeme looked like.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StrScan {
    pub prefix_len: usize,
    /// 1 or 3.
    pub quote_len: usize,
    /// `None` when terminated; otherwise the byte offset where scanning stopped.
    pub unterminated_at: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumKind {
    Int,
    Float,
    Imag,
}

/// A scanned number, or CPython's error for it.
#[derive(Debug, Clone, PartialEq)]
pub enum NumScan {
    Ok(NumKind),
    /// (message, offset, end offset): CPython's 1-based columns minus the
    /// 0-based column of the number's first character.
    Err(String, usize, usize),
}

#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(skip r"[ \t\x0c]+")]
pub enum Raw {
    #[regex(r"\r\n|\r|\n")]
    Newline,
    #[regex(r"#[^\r\n]*")]
    Comment,
    #[regex(r"\\(\r\n|\r|\n)")]
    Continuation,
    #[token("\\")]
    Backslash,
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*")]
    Name,
    #[regex(r"[0-9]|\.[0-9]", scan_number)]
    Number(NumScan),
    #[regex(
        r#"([rRuUfFbB]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?['"]"#,
        scan_string
    )]
    Str(StrScan),
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("@")]
    At,
    #[token("<<")]
    LShift,
    #[token(">>")]
    RShift,
    #[token("&")]
    Amper,
    #[token("|")]
    Vbar,
    #[token("^")]
    Circumflex,
    #[token("~")]
    Tilde,
    #[token(":=")]
    ColonEqual,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(".")]
    Dot,
    #[token(";")]
    Semi,
    #[token("=")]
    Equal,
    #[token("->")]
    RArrow,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinusEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("@=")]
    AtEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VbarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LShiftEqual,
    #[token(">>=")]
    RShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("...")]
    Ellipsis,
}

fn scan_number(lex: &mut logos::Lexer<Raw>) -> NumScan {
    let start = lex.span().start;
    let (len, scan) = number_len(&lex.source()[start..]);
    let already = lex.span().end - start;
    if len > already {
        lex.bump(len - already);
    }
    scan
}

fn scan_string(lex: &mut logos::Lexer<Raw>) -> StrScan {
    let slice = lex.slice();
    let quote = slice.as_bytes()[slice.len() - 1];
    let prefix_len = slice.len() - 1;
    let rest = lex.remainder().as_bytes();
    let triple = rest.len() >= 2 && rest[0] == quote && rest[1] == quote;
    let mut i = if triple { 2 } else { 0 };
    let unterminated_at = loop {
        if i >= rest.len() {
            break Some(rest.len());
        }
        let c = rest[i];
        if c == b'\\' {
            // A backslash escapes the next byte, even in raw strings (and a newline).
            i += 2;
            if i > rest.len() {
                break Some(rest.len());
            }
            continue;
        }
        if c == quote {
            if !triple {
                i += 1;
                break None;
            }
            if rest.len() >= i + 3 && rest[i + 1] == quote && rest[i + 2] == quote {
                i += 3;
                break None;
            }
        } else if !triple && (c == b'\n' || c == b'\r') {
            break Some(i);
        }
        i += 1;
    };
    let base = lex.span().end;
    let consumed = i.min(rest.len());
    lex.bump(consumed);
    StrScan {
        prefix_len,
        quote_len: if triple { 3 } else { 1 },
        unterminated_at: unterminated_at.map(|k| base + k),
    }
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 128
}

/// Scans a number the way CPython's tokenizer does; returns the byte length
/// consumed and the result (an error carries CPython's column convention).
pub fn number_len(s: &str) -> (usize, NumScan) {
    let b = s.as_bytes();
    let at = |i: usize| -> u8 { b.get(i).copied().unwrap_or(0) };
    // Reads `digit (_? digit)*` from i (i is at a digit); returns the end or an error position.
    let decimal_tail = |mut i: usize| -> Result<usize, usize> {
        loop {
            while at(i).is_ascii_digit() {
                i += 1;
            }
            if at(i) != b'_' {
                return Ok(i);
            }
            i += 1;
            if !at(i).is_ascii_digit() {
                return Err(i);
            }
        }
    };
    let dec_err = |i: usize| (i, NumScan::Err("invalid decimal literal".into(), i, i));
    // CPython's verify_end_of_number: a letter glued to a number is an error,
    // except the keywords that may legally follow a number.
    let verify_end = |i: usize, kind: &str| -> Option<(usize, NumScan)> {
        let rest = &s[i..];
        let kw_ok = ["and", "else", "for", "if", "in", "is", "or", "not"]
            .iter()
            .any(|k| rest.starts_with(k));
        if !kw_ok && is_ident_char(at(i)) {
            Some((i, NumScan::Err(format!("invalid {kind} literal"), i, i)))
        } else {
            None
        }
    };
    let radix_int = |i: usize, kind: &str, ok: fn(u8) -> bool| -> (usize, NumScan) {
        // i is just after the 0x/0o/0b prefix.
        let mut i = i;
        loop {
            if at(i) == b'_' {
                i += 1;
            }
            if !ok(at(i)) {
                if kind != "hexadecimal" && at(i).is_ascii_digit() {
                    let msg = format!("invalid digit '{}' in {kind} literal", at(i) as char);
                    return (i + 1, NumScan::Err(msg, i + 1, i + 1));
                }
                return (i, NumScan::Err(format!("invalid {kind} literal"), i, i));
            }
            while ok(at(i)) {
                i += 1;
            }
            if at(i) != b'_' {
                break;
            }
        }
        if kind != "hexadecimal" && at(i).is_ascii_digit() {
            let msg = format!("invalid digit '{}' in {kind} literal", at(i) as char);
            return (i + 1, NumScan::Err(msg, i + 1, i + 1));
        }
        if let Some(e) = verify_end(i, kind) {
            return e;
        }
        (i, NumScan::Ok(NumKind::Int))
    };

    let mut i;
    if at(0) == b'0' {
        match at(1) {
            b'x' | b'X' => return radix_int(2, "hexadecimal", |c| c.is_ascii_hexdigit()),
            b'o' | b'O' => return radix_int(2, "octal", |c| (b'0'..=b'7').contains(&c)),
            b'b' | b'B' => return radix_int(2, "binary", |c| c == b'0' || c == b'1'),
            _ => {}
        }
        i = 1;
        let mut nonzero = false;
        // Leading zeros, possibly separated by underscores.
        loop {
            while at(i) == b'0' {
                i += 1;
            }
            if at(i) == b'_' {
                i += 1;
                if !at(i).is_ascii_digit() {
                    return dec_err(i);
                }
                continue;
            }
            break;
        }
        let zeros_end = i + 1;
        if at(i).is_ascii_digit() {
            nonzero = true;
            match decimal_tail(i) {
                Ok(e) => i = e,
                Err(e) => return dec_err(e),
            }
        }
        match at(i) {
            b'.' => return fraction(s, i + 1),
            b'e' | b'E' => return exponent(s, i),
            b'j' | b'J' => return imaginary(s, i),
            _ => {}
        }
        if nonzero {
            let msg = "leading zeros in decimal integer literals are not permitted; \
                       use an 0o prefix for octal integers";
            return (i, NumScan::Err(msg.into(), 1, zeros_end));
        }
        if let Some(e) = verify_end(i, "decimal") {
            return e;
        }
        return (i, NumScan::Ok(NumKind::Int));
    }
    if at(0) == b'.' {
        return fraction(s, 1);
    }
    match decimal_tail(0) {
        Ok(e) => i = e,
        Err(e) => return dec_err(e),
    }
    match at(i) {
        b'.' => fraction(s, i + 1),
        b'e' | b'E' => exponent(s, i),
        b'j' | b'J' => imaginary(s, i),
        _ => {
            if let Some(e) = verify_end(i, "decimal") {
                return e;
            }
            (i, NumScan::Ok(NumKind::Int))
        }
    }
}

/// After the decimal point (i is just past the `.`).
fn fraction(s: &str, mut i: usize) -> (usize, NumScan) {
    let b = s.as_bytes();
    let at = |i: usize| -> u8 { b.get(i).copied().unwrap_or(0) };
    if at(i).is_ascii_digit() {
        loop {
            while at(i).is_ascii_digit() {
                i += 1;
            }
            if at(i) != b'_' {
                break;
            }
            i += 1;
            if !at(i).is_ascii_digit() {
                return (i, NumScan::Err("invalid decimal literal".into(), i, i));
            }
        }
    }
    match at(i) {
        b'e' | b'E' => exponent(s, i),
        b'j' | b'J' => imaginary(s, i),
        _ => end_float(s, i, NumKind::Float, "decimal"),
    }
}

/// At the `e` of an exponent.
fn exponent(s: &str, e: usize) -> (usize, NumScan) {
    let b = s.as_bytes();
    let at = |i: usize| -> u8 { b.get(i).copied().unwrap_or(0) };
    let mut i = e + 1;
    if at(i) == b'+' || at(i) == b'-' {
        i += 1;
        if !at(i).is_ascii_digit() {
            return (i, NumScan::Err("invalid decimal literal".into(), i, i));
        }
    } else if !at(i).is_ascii_digit() {
        // `1e` followed by a non-digit: the `e` is glued to the number.
        return (e, NumScan::Err("invalid decimal literal".into(), e, e));
    }
    loop {
        while at(i).is_ascii_digit() {
            i += 1;
        }
        if at(i) != b'_' {
            break;
        }
        i += 1;
        if !at(i).is_ascii_digit() {
            return (i, NumScan::Err("invalid decimal literal".into(), i, i));
        }
    }
    if at(i) == b'j' || at(i) == b'J' {
        return imaginary(s, i);
    }
    end_float(s, i, NumKind::Float, "decimal")
}

fn imaginary(s: &str, j: usize) -> (usize, NumScan) {
    end_float(s, j + 1, NumKind::Imag, "imaginary")
}

fn end_float(s: &str, i: usize, kind: NumKind, name: &str) -> (usize, NumScan) {
    let rest = &s[i..];
    let kw_ok = ["and", "else", "for", "if", "in", "is", "or", "not"]
        .iter()
        .any(|k| rest.starts_with(k));
    if !kw_ok && rest.bytes().next().is_some_and(is_ident_char) {
        return (i, NumScan::Err(format!("invalid {name} literal"), i, i));
    }
    (i, NumScan::Ok(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(src: &str) -> Vec<Raw> {
        Raw::lexer(src).map(|t| t.unwrap()).collect()
    }

    #[test]
    fn numbers() {
        assert_eq!(number_len("123 "), (3, NumScan::Ok(NumKind::Int)));
        assert_eq!(number_len("1_000.5e-3j+"), (11, NumScan::Ok(NumKind::Imag)));
        assert_eq!(number_len("0x_fF "), (5, NumScan::Ok(NumKind::Int)));
        assert_eq!(number_len(".5"), (2, NumScan::Ok(NumKind::Float)));
        assert_eq!(number_len("1.e5"), (4, NumScan::Ok(NumKind::Float)));
        assert_eq!(number_len("1if"), (1, NumScan::Ok(NumKind::Int)));
        assert!(matches!(number_len("1abc").1, NumScan::Err(..)));
        assert!(matches!(number_len("0777").1, NumScan::Err(..)));
        assert!(matches!(number_len("0o8").1, NumScan::Err(..)));
        assert_eq!(number_len("00 "), (2, NumScan::Ok(NumKind::Int)));
    }

    #[test]
    fn strings_and_names() {
        let toks = raw("rb'x' f\"a{b}\" '''q\n'''  é_1 x");
        assert!(matches!(
            toks[0],
            Raw::Str(StrScan {
                prefix_len: 2,
                quote_len: 1,
                unterminated_at: None
            })
        ));
        assert!(matches!(toks[1], Raw::Str(StrScan { prefix_len: 1, .. })));
        assert!(matches!(
            toks[2],
            Raw::Str(StrScan {
                quote_len: 3,
                unterminated_at: None,
                ..
            })
        ));
        assert_eq!(toks[3], Raw::Name);
        assert_eq!(toks[4], Raw::Name);
        let toks = raw("'abc\n");
        assert!(matches!(
            toks[0],
            Raw::Str(StrScan {
                unterminated_at: Some(4),
                ..
            })
        ));
    }

    #[test]
    fn operators() {
        assert_eq!(
            raw("**= ... -> //"),
            vec![
                Raw::DoubleStarEqual,
                Raw::Ellipsis,
                Raw::RArrow,
                Raw::DoubleSlash
            ]
        );
    }
}
