//! AST to code objects: the symbol-table pass, then code generation laid
//! out as CPython 3.11 lays it out, so that line events match.

mod codegen;
mod expr;
mod fold;
mod future;
pub mod symtable;
mod unit;

use std::rc::Rc;

use crate::bytecode::Code;
use crate::syntax::{self, LineIndex, SyntaxError, SyntaxErrorKind};

pub use codegen::CompileError;

/// Parses and compiles a module.
pub fn compile_source(source: &str, filename: &str) -> Result<Rc<Code>, SyntaxError> {
    let source = &*syntax::prepare_source(source, filename)?;
    let module = syntax::parse(source, filename)?;
    let lines = LineIndex::new(source);
    codegen::compile_module(&module, filename, &lines)
        .map_err(|e| located(e, source, filename, &lines))
}

/// Parses and compiles `eval` input: one expression, leading blanks
/// stripped as `eval` strips them.
pub fn compile_eval(source: &str, filename: &str) -> Result<Rc<Code>, SyntaxError> {
    let source = &*syntax::prepare_source(source.trim_start_matches([' ', '\t']), filename)?;
    let expr = syntax::parse_eval(source, filename)?;
    let lines = LineIndex::new(source);
    codegen::compile_expression(&expr, filename, &lines)
        .map_err(|e| located(e, source, filename, &lines))
}

/// A compile error as a SyntaxError with CPython's location fields.
fn located(e: CompileError, source: &str, filename: &str, lines: &LineIndex) -> SyntaxError {
    {
        let lineno = lines.line_of(e.span.start);
        let text = source
            .lines()
            .nth(lineno as usize - 1)
            .unwrap_or("")
            .to_string();
        let col = lines.col_of(e.span.start);
        let offset = text
            .char_indices()
            .take_while(|(i, _)| (*i as u32) < col)
            .count() as u32
            + 1;
        let end_line = lines.line_of(e.span.end.max(e.span.start));
        let end_offset = if end_line == lineno && e.span.end > e.span.start {
            offset + (e.span.end - e.span.start)
        } else {
            offset + 1
        };
        SyntaxError {
            kind: if e.recursion {
                SyntaxErrorKind::RecursionError
            } else {
                SyntaxErrorKind::SyntaxError
            },
            msg: e.msg,
            filename: filename.to_string(),
            lineno,
            offset,
            end_offset,
            text,
        }
    }
}
