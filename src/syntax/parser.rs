//! The driver: tokens into the LALRPOP parser, and parser failures into the
//! messages CPython 3.11 gives for the same mistakes.

use lalrpop_util::ParseError;

use super::actions::{PErr, Top};
use super::ast::{Expr, Module};
use super::error::{locate, SyntaxError, SyntaxErrorKind};
use super::indent::{tokenize, LexFail, Spanned};
use super::token::Tok;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused)]
    python,
    "/python.rs"
);

/// Parses a whole module (errors have no filename yet).
pub fn parse_module(src: &str) -> Result<Module, SyntaxError> {
    let lexed = tokenize(src, 0, src.len(), false);
    match run(src, lexed.toks, lexed.fail, None) {
        Ok(Top::Module(body)) => Ok(Module { body }),
        Ok(Top::Expr(_)) => unreachable!("module parse yields a module"),
        Err((e, _)) => Err(e),
    }
}

/// Parses `src[start..end]` as an f-string field expression. The flag tells
/// whether the error came from the parser (CPython prefixes those with `f-string: `).
pub fn parse_expr_range(src: &str, start: usize, end: usize) -> Result<Expr, (SyntaxError, bool)> {
    let lexed = tokenize(src, start, end, true);
    match run(src, lexed.toks, lexed.fail, Some((start, end))) {
        Ok(Top::Expr(e)) => Ok(e),
        Ok(Top::Module(_)) => unreachable!("expression parse yields an expression"),
        Err(e) => Err(e),
    }
}

fn unsupported(what: &str, s: usize, e: usize) -> PErr {
    PErr::At {
        kind: SyntaxErrorKind::SyntaxError,
        msg: format!("{what} not supported by krait"),
        start: s,
        end: e,
    }
}

fn run(
    src: &str,
    toks: Vec<Spanned>,
    fail: Option<LexFail>,
    expr: Option<(usize, usize)>,
) -> Result<Top, (SyntaxError, bool)> {
    // CPython tokenizes the rest of the file after a parser error, and a
    // tokenizer error found there wins; so a tokenizer error always wins.
    if let Some(LexFail::Hard(e)) = &fail {
        return Err((e.clone(), false));
    }
    let start = expr.map(|(s, _)| (s, Tok::StartExpr, s));
    let with_parens = with_item_parens(&toks);
    let feed = start
        .into_iter()
        .chain(toks.iter().cloned().enumerate().map(|(i, mut t)| {
            if with_parens.contains(&i) {
                t.1 = Tok::WithLPar;
            }
            t
        }))
        .enumerate()
        .map(|(i, t)| match &t.1 {
            Tok::Async => {
                let next = toks.get(i + usize::from(expr.is_none())).map(|n| &n.1);
                let what = match next {
                    Some(Tok::Def) => "'async def' functions are",
                    Some(Tok::For) => "'async for' loops are",
                    Some(Tok::With) => "'async with' statements are",
                    _ => "'async' is",
                };
                Err(unsupported(what, t.0, t.2))
            }
            _ => Ok(t),
        });
    match python::TopParser::new().parse(src, feed) {
        Ok(top) => Ok(top),
        Err(e) => Err((diagnose(src, &toks, fail, e, expr.is_some()), true)),
    }
}

/// The indices of the `(` tokens that open the items of a `with`: a `(`
/// right after `with` whose matching `)` is followed by `:` (CPython's PEG
/// grammar tries that reading first, so `with (a, b):` is two items).
fn with_item_parens(toks: &[Spanned]) -> Vec<usize> {
    let mut found = Vec::new();
    for (i, w) in toks.windows(2).enumerate() {
        if w[0].1 != Tok::With || w[1].1 != Tok::LPar {
            continue;
        }
        let mut depth = 0usize;
        for (k, t) in toks.iter().enumerate().skip(i + 1) {
            match t.1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => {
                    depth -= 1;
                    if depth == 0 {
                        // (Before a newline too: the `expected ':'` error.)
                        if toks
                            .get(k + 1)
                            .is_some_and(|n| matches!(n.1, Tok::Colon | Tok::Newline))
                        {
                            found.push(i + 1);
                        }
                        break;
                    }
                }
                // Not `with_item`s: CPython reads a generator expression,
                // a yield or an assignment expression in parentheses.
                Tok::For | Tok::Yield | Tok::ColonEqual if depth == 1 => break,
                Tok::Newline => break,
                _ => {}
            }
        }
    }
    found
}

fn perr(src: &str, e: PErr) -> SyntaxError {
    match e {
        PErr::At {
            kind,
            msg,
            start,
            end,
        } => SyntaxError::span(kind, msg, src, start, end),
        PErr::Full(e) => e,
    }
}

fn is_stmt_boundary(t: &Tok) -> bool {
    matches!(t, Tok::Newline | Tok::Indent | Tok::Dedent)
}

/// Turns a parser failure into CPython's diagnosis.
fn diagnose(
    src: &str,
    toks: &[Spanned],
    fail: Option<LexFail>,
    err: ParseError<usize, Tok, PErr>,
    expr_mode: bool,
) -> SyntaxError {
    let unclosed = |at_line: Option<u32>| -> Option<SyntaxError> {
        if let Some(LexFail::Unclosed { pos, ch }) = fail {
            let (line, col, _) = locate(src, pos);
            if at_line.is_none_or(|l| l > line) {
                let msg = format!("'{ch}' was never closed");
                return Some(SyntaxError::with_cols(
                    SyntaxErrorKind::SyntaxError,
                    msg,
                    src,
                    pos,
                    col + 1,
                    col + 1,
                ));
            }
        }
        None
    };
    let (s, tok, e, expected) = match err {
        ParseError::User { error } => return perr(src, error),
        ParseError::InvalidToken { location } => {
            return SyntaxError::syntax("invalid syntax", src, location, location + 1);
        }
        ParseError::UnrecognizedEof { location, expected } => {
            if let Some(e) = unclosed(None) {
                return e;
            }
            if expr_mode {
                return SyntaxError::syntax("invalid syntax", src, location, location + 1);
            }
            // Only a missing block can end a well-tokenized file early.
            let nl = toks.iter().rposition(|t| t.1 == Tok::Newline);
            if let Some(i) = nl {
                if expected.iter().any(|x| x == "INDENT") {
                    let (_, col, _) = locate(src, toks[i].0);
                    let msg = block_message(src, toks, i);
                    return SyntaxError::with_cols(
                        SyntaxErrorKind::IndentationError,
                        msg,
                        src,
                        toks[i].0,
                        col + 1,
                        col + 1,
                    );
                }
            }
            return SyntaxError::syntax("invalid syntax", src, location, location);
        }
        ParseError::UnrecognizedToken { token, expected } => (token.0, token.1, token.2, expected),
        ParseError::ExtraToken { token } => (token.0, token.1, token.2, Vec::new()),
    };
    // Past the last token CPython's parser would read the unclosed bracket's EOF.
    let last = toks.last().map_or(0, |t| t.0);
    let line = if s >= last {
        u32::MAX
    } else {
        locate(src, s).0
    };
    if let Some(e) = unclosed(Some(line)) {
        return e;
    }
    let Some(idx) = toks.iter().position(|t| t.0 == s && t.1 == tok) else {
        return SyntaxError::syntax("invalid syntax", src, s, e);
    };
    // CPython's parser reduces the literals before the bad token (and
    // raises an f-string's error) before it finds the token wrong.
    let lits = toks[..idx]
        .iter()
        .rev()
        .take_while(|t| matches!(t.1, Tok::Str(_)))
        .count();
    if lits > 0 {
        let run = &toks[idx - lits..idx];
        let strs = run
            .iter()
            .filter_map(|t| match &t.1 {
                Tok::Str(st) => Some(st.clone()),
                _ => None,
            })
            .collect();
        if let Err(ParseError::User { error }) =
            crate::syntax::strings::concat(src, strs, run[0].0, run[lits - 1].2)
        {
            return perr(src, error);
        }
    }
    let d = Diag {
        src,
        toks,
        idx,
        expected: &expected,
        expr_mode,
    };
    d.message()
        .unwrap_or_else(|| SyntaxError::syntax("invalid syntax", src, s, e))
}

/// "expected an indented block after ..." for the header ending at the NEWLINE `nl`.
fn block_message(src: &str, toks: &[Spanned], nl: usize) -> String {
    let mut j = nl;
    while j > 0 && !is_stmt_boundary(&toks[j - 1].1) {
        j -= 1;
    }
    // A one-line header like `else:` may follow a `;`-free line start; skip decorators.
    let (pos, kw) = (toks[j].0, &toks[j].1);
    let line = locate(src, pos).0;
    let what = match kw {
        Tok::If => "'if' statement".to_string(),
        Tok::Elif => "'elif' statement".to_string(),
        Tok::Else => "'else' statement".to_string(),
        Tok::While => "'while' statement".to_string(),
        Tok::For => "'for' statement".to_string(),
        Tok::Try => "'try' statement".to_string(),
        Tok::Except => "'except' statement".to_string(),
        Tok::Finally => "'finally' statement".to_string(),
        Tok::Def => "function definition".to_string(),
        Tok::Class => "class definition".to_string(),
        _ => return "expected an indented block".to_string(),
    };
    format!("expected an indented block after {what} on line {line}")
}

struct Diag<'a> {
    src: &'a str,
    toks: &'a [Spanned],
    idx: usize,
    expected: &'a [String],
    /// In an f-string field, which CPython parses inside parentheses.
    expr_mode: bool,
}

impl Diag<'_> {
    fn expects(&self, t: &str) -> bool {
        self.expected.iter().any(|x| x.trim_matches('"') == t)
    }

    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i).map(|t| &t.1)
    }

    fn err(&self, msg: impl Into<String>, start: usize, end: usize) -> Option<SyntaxError> {
        Some(SyntaxError::syntax(msg, self.src, start, end))
    }

    /// Index of the first token of the logical line holding token `i`.
    fn line_start(&self, i: usize) -> usize {
        let mut j = i;
        while j > 0 && !is_stmt_boundary(&self.toks[j - 1].1) {
            j -= 1;
        }
        j
    }

    /// Bracket depth just before token `i`, counted from the line start.
    fn depth(&self, from: usize, i: usize) -> i32 {
        let mut d = 0;
        for t in &self.toks[from..i] {
            match t.1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => d += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => d -= 1,
                _ => {}
            }
        }
        d
    }

    /// Start of the expression ending at token `i` (scanning back at one depth).
    fn expr_start(&self, i: usize, floor: usize) -> usize {
        let mut j = i;
        let mut depth = 0;
        loop {
            match self.toks[j].1 {
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
                Tok::LPar | Tok::LSqb | Tok::LBrace if depth > 0 => depth -= 1,
                _ => {}
            }
            if j <= floor {
                break;
            }
            let prev = &self.toks[j - 1].1;
            if depth == 0
                && matches!(
                    prev,
                    Tok::Comma
                        | Tok::LPar
                        | Tok::LSqb
                        | Tok::LBrace
                        | Tok::Colon
                        | Tok::Equal
                        | Tok::ColonEqual
                        | Tok::If
                        | Tok::Else
                        | Tok::For
                        | Tok::Lambda
                        | Tok::Return
                        | Tok::Yield
                        | Tok::Semi
                        | Tok::Newline
                        | Tok::Indent
                        | Tok::Dedent
                        | Tok::Star
                        | Tok::DoubleStar
                )
            {
                break;
            }
            if depth == 0
                && prev.ends_expr()
                && self.toks[j].1.starts_expr()
                && !self.toks[j].1.is_bracket_open()
            {
                break;
            }
            j -= 1;
        }
        j
    }

    /// End (byte) of the expression starting at token `i`.
    fn expr_end(&self, i: usize) -> usize {
        let Some(last) = self.toks.len().checked_sub(1) else {
            return 0;
        };
        let i = i.min(last);
        let mut j = i;
        let mut depth = 0;
        while j < self.toks.len() {
            match self.toks[j].1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                Tok::Comma | Tok::Colon | Tok::Equal | Tok::For | Tok::Newline | Tok::Semi
                    if depth == 0 =>
                {
                    break
                }
                _ => {}
            }
            if depth == 0 && j > i && self.toks[j - 1].1.ends_expr() && self.toks[j].1.starts_expr()
            {
                break;
            }
            j += 1;
        }
        self.toks[j.saturating_sub(1).max(i).min(last)].2
    }

    fn message(&self) -> Option<SyntaxError> {
        let (s, ref tok, e) = self.toks[self.idx];
        let src = self.src;
        let ls = self.line_start(self.idx);
        let first = self.tok(ls)?;
        let prev = if self.idx > 0 {
            self.tok(self.idx - 1)
        } else {
            None
        };

        if *tok == Tok::Indent {
            let (_, col, _) = locate(src, e);
            return Some(SyntaxError::with_cols(
                SyntaxErrorKind::IndentationError,
                "unexpected indent",
                src,
                e,
                col,
                col,
            ));
        }
        if let Tok::Name(n) = first {
            if n == "match" && self.idx == ls + 1 && tok.starts_expr() {
                return self.err(
                    "'match' statements are not supported by krait",
                    self.toks[ls].0,
                    self.toks[ls].2,
                );
            }
        }
        if prev == Some(&Tok::Except) && *tok == Tok::Star {
            return self.err(
                "'except*' is not supported by krait",
                self.toks[self.idx - 1].0,
                e,
            );
        }
        if prev == Some(&Tok::Newline) && self.expects("INDENT") {
            let msg = block_message(src, self.toks, self.idx - 1);
            let (_, col, _) = locate(src, s);
            let mut err = SyntaxError::with_cols(
                SyntaxErrorKind::IndentationError,
                msg,
                src,
                s,
                col + 1,
                col + 1,
            );
            if *tok == Tok::Dedent {
                let (_, col, _) = locate(src, self.toks[self.idx - 1].0);
                err = SyntaxError::with_cols(
                    SyntaxErrorKind::IndentationError,
                    err.msg,
                    src,
                    self.toks[self.idx - 1].0,
                    col + 1,
                    col + 1,
                );
            }
            return Some(err);
        }
        if self.expects("except") && self.expects("finally") {
            return self.err("expected 'except' or 'finally' block", s, e);
        }
        let depth = self.depth(ls, self.idx) + i32::from(self.expr_mode);
        if self.expects(":") && depth == 0 {
            match first {
                Tok::Except if *tok == Tok::Comma => {
                    let a = self.toks[ls + 1].0;
                    let b = self.expr_end(self.idx + 1);
                    return self.err("multiple exception types must be parenthesized", a, b);
                }
                Tok::Else | Tok::Try | Tok::Finally if self.idx == ls + 1 => {
                    return self.err("expected ':'", s, e);
                }
                Tok::If
                | Tok::Elif
                | Tok::While
                | Tok::For
                | Tok::Except
                | Tok::Def
                | Tok::Class
                | Tok::Else
                | Tok::Try
                | Tok::Finally
                | Tok::With
                    if *tok == Tok::Newline =>
                {
                    return self.err("expected ':'", s, s);
                }
                _ => {}
            }
        }
        if *first == Tok::Def && *tok == Tok::LPar && depth == 1 {
            let mut j = self.idx;
            while j + 1 < self.toks.len() && self.toks[j].1 != Tok::RPar {
                j += 1;
            }
            return self.err(
                "Function parameters cannot be parenthesized",
                s,
                self.toks[j].2,
            );
        }
        if *first == Tok::Def && self.idx == ls + 2 && self.expects("(") {
            return self.err("expected '('", s, e);
        }
        if self.expects("else") && !self.expects(":") {
            // `a if b` without `else`: from the start of `a` to the end of `b`.
            let mut j = self.idx;
            let mut d = 0;
            while j > ls {
                j -= 1;
                match self.toks[j].1 {
                    Tok::RPar | Tok::RSqb | Tok::RBrace => d += 1,
                    Tok::LPar | Tok::LSqb | Tok::LBrace => d -= 1,
                    Tok::If if d == 0 => break,
                    _ => {}
                }
            }
            if self.toks[j].1 == Tok::If && j > ls {
                let a = self.toks[self.expr_start(j - 1, ls)].0;
                return self.err(
                    "expected 'else' after 'if' expression",
                    a,
                    self.toks[self.idx - 1].2,
                );
            }
        }
        let prev = prev?;
        if let Tok::Name(n) = prev {
            let at_start = self.idx - 1 == ls;
            if (n == "print" || n == "exec") && at_start && tok.starts_expr() && *tok != Tok::LPar {
                let end = self.line_end(self.idx);
                let msg = format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?");
                return self.err(msg, self.toks[ls].0, end);
            }
        }
        if *tok == Tok::Equal {
            if let Tok::Name(_) = prev {
                let a = self.idx - 1;
                let begins = a == ls || !self.toks[a - 1].1.ends_expr_or_operator();
                if begins && self.idx + 1 < self.toks.len() {
                    let b = self.expr_end(self.idx + 1);
                    return self.err(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        self.toks[a].0,
                        b,
                    );
                }
            }
        }
        if depth > 0 {
            let open = self.open_bracket(ls, self.idx);
            if let Some(o) = open {
                let inside_brace = self.toks[o].1 == Tok::LBrace;
                if inside_brace && prev == &Tok::Colon && matches!(tok, Tok::RBrace | Tok::Comma) {
                    let p = self.toks[self.idx - 1].0;
                    return self.err("expression expected after dictionary key and ':'", p, p + 1);
                }
                if inside_brace && prev == &Tok::Colon && *tok == Tok::Star {
                    return self.err(
                        "cannot use a starred expression in a dictionary value",
                        s,
                        self.expr_end(self.idx),
                    );
                }
                let elt = self.expr_start(self.idx - 1, o + 1);
                if inside_brace
                    && *tok == Tok::For
                    && elt > o + 1
                    && self.toks[elt - 1].1 == Tok::DoubleStar
                {
                    let p = self.toks[elt - 1].0;
                    return self.err(
                        "dict unpacking cannot be used in dict comprehension",
                        p,
                        p + 2,
                    );
                }
                if *tok == Tok::For && self.has_comma_between(o + 1, self.idx) {
                    return self.err(
                        "did you forget parentheses around the comprehension target?",
                        self.toks[o + 1].0,
                        self.toks[self.idx - 1].2,
                    );
                }
            }
            if prev.ends_expr() && tok.starts_expr() {
                let a = self.expr_start(self.idx - 1, ls);
                if let Some(o) = open {
                    // In a dict display, a key without its value.
                    let is_dict = self.toks[o].1 == Tok::LBrace
                        && self.has_tok_between(o + 1, a, &Tok::Colon);
                    if is_dict {
                        let p = self.toks[self.idx - 1].2;
                        return self.err("':' expected after dictionary key", p, p);
                    }
                }
                let legacy = matches!(&self.toks[a].1, Tok::Name(n) if n == "print" || n == "exec");
                let soft = matches!(&self.toks[a].1, Tok::Name(n) if n == "match" || n == "case" || n == "_");
                let name_str = matches!(self.toks[a].1, Tok::Name(_))
                    && matches!(self.toks.get(a + 1).map(|t| &t.1), Some(Tok::Str(_)));
                // In `with (...)` holding several items, CPython's PEG parser
                // gives up on the items before it looks for a missing comma.
                let with_items = open.is_some_and(|o| {
                    o > 0 && self.toks[o - 1].1 == Tok::With && self.group_has_comma(o)
                });
                if !legacy && !soft && !name_str && !with_items {
                    let b = self.expr_end(self.idx);
                    return self.err(
                        "invalid syntax. Perhaps you forgot a comma?",
                        self.toks[a].0,
                        b,
                    );
                }
            }
        }
        None
    }

    fn line_end(&self, i: usize) -> usize {
        let mut j = i;
        while j + 1 < self.toks.len() && !matches!(self.toks[j + 1].1, Tok::Newline | Tok::Semi) {
            j += 1;
        }
        self.toks[j].2
    }

    /// Index of the innermost bracket open at token `i`.
    fn open_bracket(&self, from: usize, i: usize) -> Option<usize> {
        let mut stack = Vec::new();
        for (k, t) in self.toks[from..i].iter().enumerate() {
            match t.1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => stack.push(from + k),
                Tok::RPar | Tok::RSqb | Tok::RBrace => {
                    stack.pop();
                }
                _ => {}
            }
        }
        stack.pop()
    }

    /// Whether the bracket opened at token `o` holds a comma at its own level.
    fn group_has_comma(&self, o: usize) -> bool {
        let mut d = 0;
        for t in self.toks.get(o + 1..).unwrap_or(&[]) {
            match t.1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => d += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace if d == 0 => return false,
                Tok::RPar | Tok::RSqb | Tok::RBrace => d -= 1,
                Tok::Comma if d == 0 => return true,
                Tok::Newline => return false,
                _ => {}
            }
        }
        false
    }

    fn has_comma_between(&self, a: usize, b: usize) -> bool {
        self.has_tok_between(a, b, &Tok::Comma)
    }

    /// Whether `want` occurs at the outer bracket level in tokens `a..b`.
    fn has_tok_between(&self, a: usize, b: usize, want: &Tok) -> bool {
        let mut d = 0;
        for t in self.toks.get(a..b).unwrap_or(&[]) {
            match t.1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => d += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => d -= 1,
                ref t if d == 0 && t == want => return true,
                _ => {}
            }
        }
        false
    }
}

impl Tok {
    fn is_bracket_open(&self) -> bool {
        matches!(self, Tok::LPar | Tok::LSqb | Tok::LBrace)
    }

    /// True when an `=` after this token cannot begin a new target.
    fn ends_expr_or_operator(&self) -> bool {
        !matches!(
            self,
            Tok::Comma
                | Tok::LPar
                | Tok::Newline
                | Tok::Indent
                | Tok::Dedent
                | Tok::Semi
                | Tok::If
                | Tok::Elif
                | Tok::While
        )
    }
}
