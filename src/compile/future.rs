//! `from __future__ import ...`: the statements CPython's future.c
//! accepts (first in the module, after its docstring), and the one feature
//! that changes code: `annotations` (PEP 563), under which annotations are
//! compiled to their text as CPython's `ast_unparse.c` writes it.

use super::codegen::{err, CResult};
use crate::syntax::ast::*;

/// The features every Python 3.11 program has, which a future import may
/// still name.
const ALWAYS_ON: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "generator_stop",
];

/// Whether the module turns on `annotations`; CPython's errors for a
/// misplaced future import or an unknown feature.
pub fn future_annotations(module: &Module) -> CResult<bool> {
    let mut annotations = false;
    let mut at_start = true;
    for (i, s) in module.body.iter().enumerate() {
        let is_docstring = i == 0
            && matches!(
                &s.kind,
                StmtKind::Expr(Expr {
                    kind: ExprKind::Constant(Constant::Str(_)),
                    ..
                })
            );
        match &s.kind {
            StmtKind::ImportFrom {
                module: Some(m),
                names,
                level: 0,
            } if m == "__future__" => {
                if !at_start {
                    return err(
                        "from __future__ imports must occur at the beginning of the file",
                        s.span,
                    );
                }
                for a in names {
                    match a.name.as_str() {
                        "annotations" => annotations = true,
                        "braces" => return err("not a chance", a.span),
                        "barry_as_FLUFL" => {
                            return err("krait does not support barry_as_FLUFL", a.span)
                        }
                        n if ALWAYS_ON.contains(&n) => {}
                        n => return err(format!("future feature {n} is not defined"), a.span),
                    }
                }
            }
            _ if is_docstring => {}
            _ => at_start = false,
        }
    }
    Ok(annotations)
}

// CPython's precedence levels (ast_unparse.c).
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_BOR: u8 = 6;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_ATOM: u8 = 15;

/// An annotation's text under `from __future__ import annotations`.
pub fn annotation_text(e: &Expr) -> CResult<String> {
    let mut out = String::new();
    unparse(e, PR_TEST, &mut out)?;
    Ok(out)
}

fn paren(out: &mut String, open: bool, s: &str) {
    if open {
        out.push_str(s);
    }
}

fn unparse_all(items: &[Expr], level: u8, out: &mut String) -> CResult {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        unparse(e, level, out)?;
    }
    Ok(())
}

fn unparse(e: &Expr, level: u8, out: &mut String) -> CResult {
    match &e.kind {
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::Constant(c) => constant(c, out),
        ExprKind::Attribute { value, attr, .. } => {
            unparse(value, PR_ATOM, out)?;
            // `1 .real`: a dot after an int would read as a float.
            if matches!(value.kind, ExprKind::Constant(Constant::Int(_))) {
                out.push(' ');
            }
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            unparse(value, PR_ATOM, out)?;
            out.push('[');
            unparse(slice, PR_TUPLE, out)?;
            out.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
            } else {
                paren(out, level > PR_TUPLE, "(");
                unparse_all(elts, PR_TEST, out)?;
                if elts.len() == 1 {
                    out.push(',');
                }
                paren(out, level > PR_TUPLE, ")");
            }
        }
        ExprKind::List { elts, .. } => {
            out.push('[');
            unparse_all(elts, PR_TEST, out)?;
            out.push(']');
        }
        ExprKind::Set(elts) => {
            out.push('{');
            unparse_all(elts, PR_TEST, out)?;
            out.push('}');
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        unparse(k, PR_TEST, out)?;
                        out.push_str(": ");
                        unparse(v, PR_TEST, out)?;
                    }
                    None => {
                        out.push_str("**");
                        unparse(v, PR_BOR, out)?;
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            unparse(value, PR_BOR, out)?;
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                unparse(l, PR_TEST, out)?;
            }
            out.push(':');
            if let Some(u) = upper {
                unparse(u, PR_TEST, out)?;
            }
            if let Some(s) = step {
                out.push(':');
                unparse(s, PR_TEST, out)?;
            }
        }
        ExprKind::BinOp { left, op, right } => {
            let (s, pr) = match op {
                BinOp::BitOr => (" | ", PR_BOR),
                BinOp::BitXor => (" ^ ", PR_BXOR),
                BinOp::BitAnd => (" & ", PR_BAND),
                BinOp::LShift => (" << ", PR_SHIFT),
                BinOp::RShift => (" >> ", PR_SHIFT),
                BinOp::Add => (" + ", PR_ARITH),
                BinOp::Sub => (" - ", PR_ARITH),
                BinOp::Mult => (" * ", PR_TERM),
                BinOp::MatMult => (" @ ", PR_TERM),
                BinOp::Div => (" / ", PR_TERM),
                BinOp::Mod => (" % ", PR_TERM),
                BinOp::FloorDiv => (" // ", PR_TERM),
                BinOp::Pow => (" ** ", PR_POWER),
            };
            let rassoc = u8::from(*op == BinOp::Pow);
            paren(out, level > pr, "(");
            unparse(left, pr + rassoc, out)?;
            out.push_str(s);
            unparse(right, pr + 1 - rassoc, out)?;
            paren(out, level > pr, ")");
        }
        ExprKind::UnaryOp { op, operand } => {
            let (s, pr) = match op {
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            paren(out, level > pr, "(");
            out.push_str(s);
            unparse(operand, pr, out)?;
            paren(out, level > pr, ")");
        }
        ExprKind::BoolOp { op, values } => {
            let (s, pr) = match op {
                BoolOp::And => (" and ", PR_AND),
                BoolOp::Or => (" or ", PR_OR),
            };
            paren(out, level > pr, "(");
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push_str(s);
                }
                unparse(v, pr + 1, out)?;
            }
            paren(out, level > pr, ")");
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            paren(out, level > PR_CMP, "(");
            unparse(left, PR_CMP + 1, out)?;
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                unparse(c, PR_CMP + 1, out)?;
            }
            paren(out, level > PR_CMP, ")");
        }
        ExprKind::IfExp { test, body, orelse } => {
            paren(out, level > PR_TEST, "(");
            unparse(body, PR_TEST + 1, out)?;
            out.push_str(" if ");
            unparse(test, PR_TEST + 1, out)?;
            out.push_str(" else ");
            unparse(orelse, PR_TEST, out)?;
            paren(out, level > PR_TEST, ")");
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            unparse(func, PR_ATOM, out)?;
            out.push('(');
            unparse_all(args, PR_TEST, out)?;
            for (i, k) in keywords.iter().enumerate() {
                if i > 0 || !args.is_empty() {
                    out.push_str(", ");
                }
                match &k.name {
                    Some(n) => {
                        out.push_str(n);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                unparse(&k.value, PR_TEST, out)?;
            }
            out.push(')');
        }
        ExprKind::NamedExpr { .. } => {
            return err(
                "'named expression' can not be used within an annotation",
                e.span,
            )
        }
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => {
            return err(
                "'yield expression' can not be used within an annotation",
                e.span,
            )
        }
        ExprKind::Await(_) => {
            return err(
                "'await expression' can not be used within an annotation",
                e.span,
            )
        }
        _ => {
            return err(
                "krait does not support this expression in an annotation under \
                 'from __future__ import annotations'",
                e.span,
            )
        }
    }
    Ok(())
}

fn constant(c: &Constant, out: &mut String) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::True => out.push_str("True"),
        Constant::False => out.push_str("False"),
        Constant::Ellipsis => out.push_str("..."),
        Constant::Int(i) => out.push_str(&i.to_string()),
        Constant::Float(f) if f.is_infinite() => out.push_str("1e309"),
        Constant::Float(f) => out.push_str(&crate::value::format::float_repr(*f)),
        Constant::Complex(f) => {
            out.push_str(&crate::value::format::float_repr(*f));
            out.push('j');
        }
        Constant::Str(s) => out.push_str(&crate::value::repr::str_repr(s)),
        Constant::Bytes(b) => {
            out.push_str("b'");
            for &x in b {
                out.push_str(&std::ascii::escape_default(x).to_string());
            }
            out.push('\'');
        }
    }
}
