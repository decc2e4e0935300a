//! Syntax errors as CPython reports them.

use std::fmt;

/// Which of CPython's exception types a syntax error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
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
        let mut out = format!("  File \"{}\", line {}\n", self.filename, self.lineno);
        let stripped = self.text.trim_start();
        if !stripped.is_empty() {
            let indent = self.text.chars().count() - stripped.chars().count();
            let stripped = stripped.trim_end();
            out.push_str(&format!("    {}\n", stripped));
            let col = (self.offset as usize).saturating_sub(1).saturating_sub(indent);
            let width = (self.end_offset.max(self.offset + 1) - self.offset) as usize;
            out.push_str(&format!("    {}{}\n", " ".repeat(col), "^".repeat(width.max(1))));
        }
        out.push_str(&format!("{}: {}\n", self.kind.name(), self.msg));
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} ({}, line {})", self.kind.name(), self.msg, self.filename, self.lineno)
    }
}

impl std::error::Error for SyntaxError {}
