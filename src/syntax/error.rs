//! Syntax errors as CPython reports them.

use std::fmt;

/// Which of CPython's exception types a syntax error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::enum_variant_names)] // Python's class names
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Nesting too deep for the compiler (CPython raises this, not a SyntaxError).
    RecursionError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::RecursionError => "RecursionError",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// CPython's message, e.g. `invalid syntax`, `expected ':'`.
    pub msg: String,
    pub filename: String,
    /// 1-based line number.
    pub lineno: u32,
    /// 1-based column (character offset) of the error, as CPython's `offset`.
    pub offset: u32,
    /// 1-based end column; equal to `offset` when CPython shows a single caret.
    pub end_offset: u32,
    /// The source line the error is on, without its newline.
    pub text: String,
}

impl SyntaxError {
    /// The report CPython prints for an uncaught syntax error:
    ///
    /// ```text
    ///   File "x.py", line 3
    ///     if x
    ///         ^
    /// SyntaxError: expected ':'
    /// ```
    pub fn report(&self) -> String {
        if self.kind == SyntaxErrorKind::RecursionError {
            return format!("RecursionError: {}\n", self.msg);
        }
        // Errors found before tokenizing (source encoding) have no location.
        if self.lineno == 0 {
            return format!("{}: {}\n", self.kind.name(), self.msg);
        }
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.lineno);
        let stripped = self.text.trim_start();
        if !stripped.is_empty() {
            let indent = self.text.chars().count() - stripped.chars().count();
            let stripped = stripped.trim_end();
            out.push_str(&format!("    {}\n", stripped));
            // Like CPython, no caret when it would point into the indentation.
            // No caret either without a column (e.g. a NUL byte).
            if self.offset > 0 && (indent == 0 || self.offset as usize > indent) {
                let col = (self.offset as usize)
                    .saturating_sub(1)
                    .saturating_sub(indent);
                let width = (self.end_offset.max(self.offset + 1) - self.offset) as usize;
                out.push_str(&format!(
                    "    {}{}\n",
                    " ".repeat(col),
                    "^".repeat(width.max(1))
                ));
            }
        }
        out.push_str(&format!("{}: {}\n", self.kind.name(), self.msg));
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({}, line {})",
            self.kind.name(),
            self.msg,
            self.filename,
            self.lineno
        )
    }
}

impl std::error::Error for SyntaxError {}

/// Where a byte offset falls: 1-based line, 0-based character column, the line's text.
pub(crate) fn locate(src: &str, pos: usize) -> (u32, u32, &str) {
    let mut pos = pos.min(src.len());
    while !src.is_char_boundary(pos) {
        pos -= 1;
    }
    let line_start = src[..pos].rfind('\n').map_or(0, |i| i + 1);
    let line_end = src[line_start..]
        .find('\n')
        .map_or(src.len(), |i| line_start + i);
    let lineno = src[..line_start].bytes().filter(|&b| b == b'\n').count() as u32 + 1;
    let col = src[line_start..pos].chars().count() as u32;
    let text = src[line_start..line_end].trim_end_matches('\r');
    (lineno, col, text)
}

impl SyntaxError {
    /// An error with explicit 1-based columns on the line holding byte `pos`.
    pub(crate) fn with_cols(
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        src: &str,
        pos: usize,
        offset: u32,
        end_offset: u32,
    ) -> SyntaxError {
        let (lineno, _, text) = locate(src, pos);
        SyntaxError {
            kind,
            msg: msg.into(),
            filename: String::new(),
            lineno,
            offset,
            end_offset,
            text: text.to_string(),
        }
    }

    /// An error covering the bytes `start..end` (CPython's usual token range).
    pub(crate) fn span(
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        src: &str,
        start: usize,
        end: usize,
    ) -> SyntaxError {
        let (lineno, col, _) = locate(src, start);
        let (end_line, end_col, _) = locate(src, end.max(start));
        let end_offset = if end_line == lineno {
            end_col + 1
        } else {
            col + 1
        };
        SyntaxError::with_cols(kind, msg, src, start, col + 1, end_offset)
    }

    /// A plain `SyntaxError` over `start..end`.
    pub(crate) fn syntax(
        msg: impl Into<String>,
        src: &str,
        start: usize,
        end: usize,
    ) -> SyntaxError {
        SyntaxError::span(SyntaxErrorKind::SyntaxError, msg, src, start, end)
    }
}
