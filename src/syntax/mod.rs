//! Source text to AST: logos tokens, an indentation layer, the LALRPOP parser.

mod actions;
pub mod ast;
mod error;
mod indent;
mod lexer;
mod lines;
mod parser;
mod source;
mod strings;
mod token;

pub use error::{SyntaxError, SyntaxErrorKind};
pub use lines::LineIndex;
pub use source::{decode_source, prepare_source};

/// Parses a whole file (or `-c` program) into a module.
///
/// Errors carry CPython's exception type (`SyntaxError`, `IndentationError`,
/// `TabError`), message, 1-based line and column, and the offending line's text.
pub fn parse(source: &str, filename: &str) -> Result<ast::Module, SyntaxError> {
    parser::parse_module(source).map_err(|mut e| {
        e.filename = filename.to_string();
        e
    })
}

/// Parses `eval()` input: an expression or a bare tuple (CPython's `eval`
/// start rule), read as a module that must hold one expression statement;
/// anything else is CPython's "invalid syntax" at the statement.
pub fn parse_eval(source: &str, filename: &str) -> Result<ast::Expr, SyntaxError> {
    let mut m = parse(source, filename)?;
    match (m.body.len(), m.body.pop()) {
        (
            1,
            Some(ast::Stmt {
                kind: ast::StmtKind::Expr(e),
                ..
            }),
        ) => Ok(e),
        (_, last) => {
            let at = m
                .body
                .first()
                .or(last.as_ref())
                .map_or(0, |s| s.span.start as usize);
            let mut e = SyntaxError::span(
                SyntaxErrorKind::SyntaxError,
                "invalid syntax",
                source,
                at,
                at,
            );
            e.filename = filename.to_string();
            if last.is_none() {
                // Nothing at all: CPython reports line 0.
                (e.lineno, e.offset, e.end_offset) = (0, 0, 0);
            }
            Err(e)
        }
    }
}

#[cfg(test)]
mod error_tests;
