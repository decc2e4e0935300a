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
