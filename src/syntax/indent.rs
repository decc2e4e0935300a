//! The tokenizer proper: drives the raw lexer and adds what CPython's
//! tokenizer adds on top of lexemes: NEWLINE/INDENT/DEDENT, bracket
//! matching, and the tokenizer's own errors.

use logos::Logos;
use num_bigint::BigInt;

use super::error::{locate, SyntaxError, SyntaxErrorKind};
use super::lexer::{NumKind, NumScan, Raw};
use super::token::{StrTok, Tok};

/// CPython's tokenizer limits.
const MAX_PAREN_LEVEL: usize = 200;
const MAX_INDENT_LEVEL: usize = 100;
const TAB_SIZE: u32 = 8;

pub type Spanned = (usize, Tok, usize);

/// Why tokenizing stopped early.
#[derive(Debug, Clone)]
pub enum LexFail {
    /// A tokenizer error: CPython reports it even when the parser failed earlier.
    Hard(SyntaxError),
    /// End of input inside brackets: the innermost open bracket.
    Unclosed { pos: usize, ch: char },
}

#[derive(Debug)]
pub struct Lexed {
    pub toks: Vec<Spanned>,
    pub fail: Option<LexFail>,
}

struct Tokenizer<'s> {
    src: &'s str,
    toks: Vec<Spanned>,
    brackets: Vec<(u8, usize)>,
    /// (column with tabs to 8, column with tabs to 1) of each open block.
    indents: Vec<(u32, u32)>,
    line_has_tokens: bool,
    expr_mode: bool,
}

/// Tokenizes `src[start..end]`, reporting absolute byte offsets. In
/// `expr_mode` (an f-string field) the text behaves as if inside brackets:
/// no NEWLINE, INDENT or DEDENT.
pub fn tokenize(src: &str, start: usize, end: usize, expr_mode: bool) -> Lexed {
    let mut t = Tokenizer {
        src,
        toks: Vec::new(),
        brackets: Vec::new(),
        indents: vec![(0, 0)],
        line_has_tokens: false,
        expr_mode,
    };
    let fail = t.run(start, end).err();
    Lexed { toks: t.toks, fail }
}

fn hard<T>(e: SyntaxError) -> Result<T, LexFail> {
    Err(LexFail::Hard(e))
}

impl<'s> Tokenizer<'s> {
    fn run(&mut self, start: usize, end: usize) -> Result<(), LexFail> {
        let src = self.src;
        if !self.expr_mode {
            self.line_start(start, end)?;
        }
        let mut lex = Raw::lexer(&src[start..end]);
        while let Some(raw) = lex.next() {
            let (s, e) = (lex.span().start + start, lex.span().end + start);
            let raw = match raw {
                Ok(r) => r,
                Err(()) => {
                    let c = src[s..].chars().next().unwrap_or('\0');
                    if c.is_ascii() && !c.is_ascii_control() {
                        // `$`, `?`, `!`, backtick: an ERRORTOKEN the parser rejects.
                        self.push(s, Tok::Error(c), s + c.len_utf8());
                        continue;
                    }
                    let (_, col, _) = locate(src, s);
                    let msg = if is_printable(c) {
                        format!("invalid character '{}' (U+{:04X})", c, c as u32)
                    } else {
                        format!("invalid non-printable character U+{:04X}", c as u32)
                    };
                    return hard(SyntaxError::with_cols(
                        SyntaxErrorKind::SyntaxError,
                        msg,
                        src,
                        s,
                        col + 1,
                        col + 1,
                    ));
                }
            };
            let tok = match raw {
                Raw::Newline => {
                    if self.brackets.is_empty() && !self.expr_mode {
                        if self.line_has_tokens {
                            self.toks.push((s, Tok::Newline, e));
                            self.line_has_tokens = false;
                        }
                        self.line_start(e, end)?;
                    }
                    continue;
                }
                Raw::Comment => continue,
                Raw::Continuation => {
                    if src[e..end].trim_matches([' ', '\t', '\x0c']).is_empty() {
                        return hard(self.eof_error(s));
                    }
                    continue;
                }
                Raw::Backslash => {
                    if e >= end {
                        return hard(self.eof_error(s));
                    }
                    let (_, col, _) = locate(src, s);
                    return hard(SyntaxError::with_cols(
                        SyntaxErrorKind::SyntaxError,
                        "unexpected character after line continuation character",
                        src,
                        s,
                        col + 2,
                        0,
                    ));
                }
                Raw::Name => {
                    let text = &src[s..e];
                    if text.is_ascii() {
                        Tok::keyword(text).unwrap_or_else(|| Tok::Name(text.to_string()))
                    } else {
                        // PEP 3131: non-ASCII names are compared in NFKC form.
                        Tok::Name(crate::value::unicode::nfkc(text))
                    }
                }
                Raw::Number(scan) => self.number(s, e, scan)?,
                Raw::Str(scan) => {
                    if let Some(at) = scan.unterminated_at {
                        return hard(self.unterminated(s, at, scan.quote_len == 3));
                    }
                    let prefix = src[s..s + scan.prefix_len].to_ascii_lowercase();
                    Tok::Str(StrTok {
                        body_start: s + scan.prefix_len + scan.quote_len,
                        body_end: e - scan.quote_len,
                        raw: prefix.contains('r'),
                        bytes: prefix.contains('b'),
                        fstring: prefix.contains('f'),
                    })
                }
                Raw::LPar | Raw::LSqb | Raw::LBrace => {
                    if self.brackets.len() >= MAX_PAREN_LEVEL {
                        let (_, col, _) = locate(src, s);
                        return hard(SyntaxError::with_cols(
                            SyntaxErrorKind::SyntaxError,
                            "too many nested parentheses",
                            src,
                            s,
                            col + 1,
                            col + 1,
                        ));
                    }
                    self.brackets.push((src.as_bytes()[s], s));
                    match raw {
                        Raw::LPar => Tok::LPar,
                        Raw::LSqb => Tok::LSqb,
                        _ => Tok::LBrace,
                    }
                }
                Raw::RPar | Raw::RSqb | Raw::RBrace => {
                    let close = src.as_bytes()[s];
                    self.close_bracket(close, s)?;
                    match raw {
                        Raw::RPar => Tok::RPar,
                        Raw::RSqb => Tok::RSqb,
                        _ => Tok::RBrace,
                    }
                }
                other => simple_tok(other),
            };
            self.push(s, tok, e);
        }
        if let Some(&(ch, pos)) = self.brackets.last() {
            return Err(LexFail::Unclosed {
                pos,
                ch: ch as char,
            });
        }
        if !self.expr_mode {
            if self.line_has_tokens {
                self.toks.push((end, Tok::Newline, end));
            }
            for _ in 1..self.indents.len() {
                self.toks.push((end, Tok::Dedent, end));
            }
        }
        Ok(())
    }

    fn push(&mut self, s: usize, tok: Tok, e: usize) {
        self.line_has_tokens = true;
        self.toks.push((s, tok, e));
    }

    fn eof_error(&self, backslash: usize) -> SyntaxError {
        let (_, col, _) = locate(self.src, backslash);
        SyntaxError::with_cols(
            SyntaxErrorKind::SyntaxError,
            "unexpected EOF while parsing",
            self.src,
            backslash,
            col + 2,
            0,
        )
    }

    fn unterminated(&self, s: usize, at: usize, triple: bool) -> SyntaxError {
        let src = self.src;
        let detected = if triple {
            // CPython reports the last line of the file.
            locate(src, src.len().saturating_sub(1).max(s)).0
        } else {
            locate(src, at).0
        };
        let what = if triple {
            "triple-quoted string"
        } else {
            "string"
        };
        let (_, col, _) = locate(src, s);
        SyntaxError::with_cols(
            SyntaxErrorKind::SyntaxError,
            format!("unterminated {what} literal (detected at line {detected})"),
            src,
            s,
            col + 1,
            col + 1,
        )
    }

    fn close_bracket(&mut self, close: u8, s: usize) -> Result<(), LexFail> {
        let src = self.src;
        let Some((open, open_pos)) = self.brackets.pop() else {
            let (_, col, _) = locate(src, s);
            return hard(SyntaxError::with_cols(
                SyntaxErrorKind::SyntaxError,
                format!("unmatched '{}'", close as char),
                src,
                s,
                col + 1,
                col + 1,
            ));
        };
        let expected = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        if close != expected {
            // Located only on error: `locate` is linear in the source size.
            let (line, col, _) = locate(src, s);
            let open_line = locate(src, open_pos).0;
            let mut msg = format!(
                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                close as char, open as char
            );
            if open_line != line {
                msg.push_str(&format!(" on line {open_line}"));
            }
            return hard(SyntaxError::with_cols(
                SyntaxErrorKind::SyntaxError,
                msg,
                src,
                s,
                col + 1,
                col + 1,
            ));
        }
        Ok(())
    }

    /// Measures the indentation of the line starting at `pos` and emits
    /// INDENT/DEDENT tokens (blank and comment-only lines are ignored).
    fn line_start(&mut self, pos: usize, end: usize) -> Result<(), LexFail> {
        let src = self.src;
        let bytes = src.as_bytes();
        let (mut col, mut altcol) = (0u32, 0u32);
        let mut i = pos;
        while i < end {
            match bytes[i] {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1) * TAB_SIZE;
                    altcol += 1;
                }
                b'\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
            i += 1;
        }
        if i >= end || matches!(bytes[i], b'#' | b'\n' | b'\r') {
            return Ok(());
        }
        if bytes[i] == b'\\' && matches!(bytes.get(i + 1), Some(b'\n' | b'\r')) {
            return Ok(());
        }
        let tab_error = || {
            hard(SyntaxError::with_cols(
                SyntaxErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation",
                src,
                i,
                1,
                0,
            ))
        };
        let (top, alttop) = *self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if altcol != alttop {
                return tab_error();
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT_LEVEL {
                return hard(SyntaxError::with_cols(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation",
                    src,
                    i,
                    col + 1,
                    col + 1,
                ));
            }
            if altcol <= alttop {
                return tab_error();
            }
            self.indents.push((col, altcol));
            self.toks.push((pos, Tok::Indent, i));
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |x| x.0) {
                self.indents.pop();
                self.toks.push((i, Tok::Dedent, i));
            }
            let (top, alttop) = *self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                let (_, _, text) = locate(src, i);
                let n = text.chars().count() as u32 + 1;
                return hard(SyntaxError::with_cols(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    src,
                    i,
                    n,
                    n,
                ));
            }
            if altcol != alttop {
                return tab_error();
            }
        }
        Ok(())
    }

    fn number(&self, s: usize, e: usize, scan: NumScan) -> Result<Tok, LexFail> {
        let src = self.src;
        let kind = match scan {
            NumScan::Ok(k) => k,
            NumScan::Err(msg, a, b) => {
                let (_, col, _) = locate(src, s);
                return hard(SyntaxError::with_cols(
                    SyntaxErrorKind::SyntaxError,
                    msg,
                    src,
                    s,
                    col + a as u32,
                    col + b as u32,
                ));
            }
        };
        let text: String = src[s..e].chars().filter(|&c| c != '_').collect();
        Ok(match kind {
            NumKind::Int => {
                let lower = text.to_ascii_lowercase();
                let (digits, radix) = match lower.get(..2) {
                    Some("0x") => (&lower[2..], 16),
                    Some("0o") => (&lower[2..], 8),
                    Some("0b") => (&lower[2..], 2),
                    _ => (&lower[..], 10),
                };
                let limit = crate::value::int::MAX_STR_DIGITS;
                if radix == 10 && digits.len() > limit {
                    // CPython's parser converts with the int/str digit limit; the error has no column.
                    let msg = format!(
                        "Exceeds the limit ({limit} digits) for integer string conversion: value has {} digits; \
                         use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal \
                         for huge integer literals to avoid decimal conversion limits.",
                        digits.len()
                    );
                    return hard(SyntaxError::with_cols(
                        SyntaxErrorKind::SyntaxError,
                        msg,
                        src,
                        s,
                        0,
                        0,
                    ));
                }
                Tok::Int(BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default())
            }
            NumKind::Float => Tok::Float(text.parse().unwrap_or(f64::INFINITY)),
            NumKind::Imag => Tok::Imag(text[..text.len() - 1].parse().unwrap_or(f64::INFINITY)),
        })
    }
}

use crate::value::unicode::is_printable;

fn simple_tok(raw: Raw) -> Tok {
    match raw {
        Raw::Plus => Tok::Plus,
        Raw::Minus => Tok::Minus,
        Raw::Star => Tok::Star,
        Raw::DoubleStar => Tok::DoubleStar,
        Raw::Slash => Tok::Slash,
        Raw::DoubleSlash => Tok::DoubleSlash,
        Raw::Percent => Tok::Percent,
        Raw::At => Tok::At,
        Raw::LShift => Tok::LShift,
        Raw::RShift => Tok::RShift,
        Raw::Amper => Tok::Amper,
        Raw::Vbar => Tok::Vbar,
        Raw::Circumflex => Tok::Circumflex,
        Raw::Tilde => Tok::Tilde,
        Raw::ColonEqual => Tok::ColonEqual,
        Raw::Less => Tok::Less,
        Raw::Greater => Tok::Greater,
        Raw::LessEqual => Tok::LessEqual,
        Raw::GreaterEqual => Tok::GreaterEqual,
        Raw::EqEqual => Tok::EqEqual,
        Raw::NotEqual => Tok::NotEqual,
        Raw::Comma => Tok::Comma,
        Raw::Colon => Tok::Colon,
        Raw::Dot => Tok::Dot,
        Raw::Semi => Tok::Semi,
        Raw::Equal => Tok::Equal,
        Raw::RArrow => Tok::RArrow,
        Raw::PlusEqual => Tok::PlusEqual,
        Raw::MinusEqual => Tok::MinusEqual,
        Raw::StarEqual => Tok::StarEqual,
        Raw::SlashEqual => Tok::SlashEqual,
        Raw::DoubleSlashEqual => Tok::DoubleSlashEqual,
        Raw::PercentEqual => Tok::PercentEqual,
        Raw::AtEqual => Tok::AtEqual,
        Raw::AmperEqual => Tok::AmperEqual,
        Raw::VbarEqual => Tok::VbarEqual,
        Raw::CircumflexEqual => Tok::CircumflexEqual,
        Raw::LShiftEqual => Tok::LShiftEqual,
        Raw::RShiftEqual => Tok::RShiftEqual,
        Raw::DoubleStarEqual => Tok::DoubleStarEqual,
        // Everything else is handled by the caller.
        _ => Tok::Ellipsis,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<Tok> {
        let l = tokenize(src, 0, src.len(), false);
        assert!(l.fail.is_none(), "{:?}", l.fail);
        l.toks.into_iter().map(|t| t.1).collect()
    }

    fn fail(src: &str) -> SyntaxError {
        match tokenize(src, 0, src.len(), false).fail {
            Some(LexFail::Hard(e)) => e,
            other => panic!("expected a hard error, got {other:?}"),
        }
    }

    #[test]
    fn indentation() {
        use Tok::*;
        let toks = kinds("if x:\n    y\n\n  # c\n    z\nw\n");
        let n = |s: &str| Name(s.to_string());
        assert_eq!(
            toks,
            vec![
                If,
                n("x"),
                Colon,
                Newline,
                Indent,
                n("y"),
                Newline,
                n("z"),
                Newline,
                Dedent,
                n("w"),
                Newline
            ]
        );
    }

    #[test]
    fn brackets_hide_newlines() {
        use Tok::*;
        let toks = kinds("f(1,\n  2)\n");
        assert_eq!(toks.len(), 7);
        assert_eq!(toks[6], Newline);
        let toks = kinds("x = 1 + \\\n  2");
        assert_eq!(toks.last(), Some(&Newline));
        assert_eq!(toks.len(), 6);
    }

    #[test]
    fn dedent_at_eof() {
        let toks = kinds("def f():\n    return 1");
        assert_eq!(&toks[toks.len() - 2..], &[Tok::Newline, Tok::Dedent]);
    }

    #[test]
    fn errors() {
        assert_eq!(
            fail("if x:\n        a\n    b\n").msg,
            "unindent does not match any outer indentation level"
        );
        assert_eq!(
            fail("if x:\n\tif y:\n        pass\n").kind,
            SyntaxErrorKind::TabError
        );
        assert_eq!(
            fail("x = 'abc\n").msg,
            "unterminated string literal (detected at line 1)"
        );
        assert_eq!(
            fail("x = [1, 2)\n").msg,
            "closing parenthesis ')' does not match opening parenthesis '['"
        );
        assert_eq!(fail("x = 1)\n").msg, "unmatched ')'");
        let e = fail(&"(".repeat(10_000));
        assert_eq!(
            (e.msg.as_str(), e.offset),
            ("too many nested parentheses", 201)
        );
        let e = fail("x = 1abc\n");
        assert_eq!((e.msg.as_str(), e.offset), ("invalid decimal literal", 5));
        assert!(matches!(
            tokenize("x = (1,\n", 0, 8, false).fail,
            Some(LexFail::Unclosed { pos: 4, ch: '(' })
        ));
    }
}
