//! Helpers for the grammar actions: node construction and the checks CPython
//! makes on targets, parameters and arguments (with its messages).

use lalrpop_util::ParseError;

use super::ast::*;
use super::error::{SyntaxError, SyntaxErrorKind};
use super::token::Tok;

/// What the grammar's start rule produced.
pub enum Top {
    Module(Vec<Stmt>),
    /// An f-string field (parsed after a synthetic `StartExpr` token).
    Expr(Expr),
}

/// An error raised by an action: byte positions, turned into lines and
/// columns by the driver, or a finished error (from a nested f-string parse).
#[derive(Debug, Clone)]
pub enum PErr {
    At {
        kind: SyntaxErrorKind,
        msg: String,
        start: usize,
        end: usize,
    },
    Full(SyntaxError),
}

pub type PResult<T> = Result<T, ParseError<usize, Tok, PErr>>;

pub fn fail<T>(msg: impl Into<String>, start: usize, end: usize) -> PResult<T> {
    Err(ParseError::User {
        error: PErr::At {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            start,
            end,
        },
    })
}

fn fail_at<T>(msg: impl Into<String>, span: Span) -> PResult<T> {
    fail(msg, span.start as usize, span.end as usize)
}

pub fn stmt(l: usize, r: usize, kind: StmtKind) -> Stmt {
    Stmt {
        span: Span::new(l, r),
        kind,
    }
}

pub fn expr(l: usize, r: usize, kind: ExprKind) -> Expr {
    Expr {
        span: Span::new(l, r),
        kind,
    }
}

pub fn constant(c: Constant, l: usize, r: usize) -> Expr {
    expr(l, r, ExprKind::Constant(c))
}

pub fn bin(a: Expr, op: BinOp, b: Expr, l: usize, r: usize) -> Expr {
    expr(
        l,
        r,
        ExprKind::BinOp {
            left: Box::new(a),
            op,
            right: Box::new(b),
        },
    )
}

pub fn unary(op: UnaryOp, e: Expr, l: usize, r: usize) -> Expr {
    expr(
        l,
        r,
        ExprKind::UnaryOp {
            op,
            operand: Box::new(e),
        },
    )
}

pub fn bool_op(op: BoolOp, a: Expr, rest: Vec<Expr>, l: usize, r: usize) -> Expr {
    let mut values = vec![a];
    values.extend(rest);
    expr(l, r, ExprKind::BoolOp { op, values })
}

pub fn compare(a: Expr, rest: Vec<(CmpOp, Expr)>, l: usize, r: usize) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    expr(
        l,
        r,
        ExprKind::Compare {
            left: Box::new(a),
            ops,
            comparators,
        },
    )
}

pub fn slice(a: Option<Expr>, b: Option<Expr>, c: Option<Expr>, l: usize, r: usize) -> Expr {
    expr(
        l,
        r,
        ExprKind::Slice {
            lower: a.map(Box::new),
            upper: b.map(Box::new),
            step: c.map(Box::new),
        },
    )
}

/// `a, b` without brackets is a tuple spanning its elements; one element without a comma is itself.
pub fn tuple_or_single((mut elts, comma): (Vec<Expr>, bool), l: usize, r: usize) -> Expr {
    if !comma && elts.len() == 1 {
        return elts.pop().expect("one element");
    }
    expr(
        l,
        r,
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        },
    )
}

/// `( ... )`: a group, or a tuple whose span includes the parentheses.
pub fn paren((mut elts, comma): (Vec<Expr>, bool), l: usize, r: usize) -> PResult<Expr> {
    if !comma && elts.len() == 1 {
        let e = elts.pop().expect("one element");
        if let ExprKind::Starred { .. } = e.kind {
            return fail_at("cannot use starred expression here", e.span);
        }
        return Ok(e);
    }
    Ok(expr(
        l,
        r,
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        },
    ))
}

pub fn dict(items: Vec<(Option<Expr>, Expr)>, l: usize, r: usize) -> Expr {
    let (keys, values) = items.into_iter().unzip();
    expr(l, r, ExprKind::Dict { keys, values })
}

pub fn named_expr(t: Expr, v: Expr, l: usize, r: usize) -> PResult<Expr> {
    if !matches!(t.kind, ExprKind::Name { .. }) {
        let msg = format!("cannot use assignment expressions with {}", expr_name(&t));
        return fail_at(msg, t.span);
    }
    Ok(expr(
        l,
        r,
        ExprKind::NamedExpr {
            target: Box::new(with_ctx(t, ExprContext::Store)),
            value: Box::new(v),
        },
    ))
}

// ---------------------------------------------------------------- targets

/// CPython's name for an expression kind in error messages.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::True) => "True",
        ExprKind::Constant(Constant::False) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target (CPython's
/// `_PyPegen_get_invalid_target`); recursion depth is bounded by bracket nesting.
fn invalid_target(e: &Expr, del: bool) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, del))
        }
        ExprKind::Starred { value, .. } if !del => invalid_target(value, del),
        _ => Some(e),
    }
}

/// Sets the context of a (valid) target and its parts.
fn with_ctx(mut e: Expr, ctx: ExprContext) -> Expr {
    set_ctx(&mut e, ctx);
    e
}

fn set_ctx(e: &mut Expr, new: ExprContext) {
    match &mut e.kind {
        ExprKind::Name { ctx, .. }
        | ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. } => *ctx = new,
        ExprKind::Starred { ctx, value } => {
            *ctx = new;
            set_ctx(value, new);
        }
        ExprKind::Tuple { ctx, elts } | ExprKind::List { ctx, elts } => {
            *ctx = new;
            for x in elts {
                set_ctx(x, new);
            }
        }
        _ => {}
    }
}

/// A target of `for` or a comprehension.
fn store_target(t: Expr) -> PResult<Expr> {
    if let Some(bad) = invalid_target(&t, false) {
        return fail_at(format!("cannot assign to {}", expr_name(bad)), bad.span);
    }
    Ok(with_ctx(t, ExprContext::Store))
}

pub fn delete(t: (Vec<Expr>, bool), l: usize, r: usize) -> PResult<Stmt> {
    let mut targets = Vec::new();
    for e in t.0 {
        if let Some(bad) = invalid_target(&e, true) {
            return fail_at(format!("cannot delete {}", expr_name(bad)), bad.span);
        }
        targets.push(with_ctx(e, ExprContext::Del));
    }
    Ok(stmt(l, r, StmtKind::Delete(targets)))
}

/// Is `e` something CPython's `bitwise_or` rule parses (used to pick the
/// "Maybe you meant '=='" wording)?
fn is_bitwise_or(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Starred { .. }
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
    )
}

/// The leftmost atom of an expression (iterative: chains can be long).
fn leftmost(mut e: &Expr) -> &Expr {
    loop {
        e = match &e.kind {
            ExprKind::BinOp { left, .. } => left,
            ExprKind::Compare { left, .. } => left,
            ExprKind::BoolOp { values, .. } => &values[0],
            ExprKind::Call { func, .. } => func,
            ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => value,
            ExprKind::IfExp { body, .. } => body,
            ExprKind::Tuple { elts, .. }
                if !elts.is_empty() && elts[0].span.start == e.span.start =>
            {
                &elts[0]
            }
            _ => return e,
        };
    }
}

fn unparenthesized_tuple(e: &Expr) -> Option<&Vec<Expr>> {
    match &e.kind {
        ExprKind::Tuple { elts, .. } if !elts.is_empty() && elts[0].span.start == e.span.start => {
            Some(elts)
        }
        _ => None,
    }
}

pub fn assign(_src: &str, first: Expr, mut rest: Vec<Expr>, l: usize, r: usize) -> PResult<Stmt> {
    let value = rest.pop().expect("at least one '='");
    let mut targets = vec![first];
    targets.extend(rest);
    for (i, t) in targets.iter().enumerate() {
        if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            return fail_at("assignment to yield expression not possible", t.span);
        }
        let Some(bad) = invalid_target(t, false) else {
            continue;
        };
        // CPython's invalid_named_expression: `a = b` where `a` is a single
        // bitwise_or that is not a display suggests a typo for `==`.
        if i == 0 && targets.len() == 1 {
            let last = unparenthesized_tuple(t).and_then(|e| e.last()).unwrap_or(t);
            let head = leftmost(last);
            let display = matches!(
                head.kind,
                ExprKind::List { .. }
                    | ExprKind::Tuple { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Constant(Constant::True | Constant::False | Constant::None)
            );
            let value_ok = is_bitwise_or(leftmost(&value));
            if std::ptr::eq(last, bad) && is_bitwise_or(last) && !display && value_ok {
                let msg = format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(bad)
                );
                return fail_at(msg, bad.span);
            }
        }
        return fail_at(format!("cannot assign to {}", expr_name(bad)), bad.span);
    }
    let targets = targets
        .into_iter()
        .map(|t| with_ctx(t, ExprContext::Store))
        .collect();
    Ok(stmt(l, r, StmtKind::Assign { targets, value }))
}

pub fn aug_assign(t: Expr, op: BinOp, v: Expr, l: usize, r: usize) -> PResult<Stmt> {
    if !matches!(
        t.kind,
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
    ) {
        let msg = format!(
            "'{}' is an illegal expression for augmented assignment",
            expr_name(&t)
        );
        return fail_at(msg, t.span);
    }
    Ok(stmt(
        l,
        r,
        StmtKind::AugAssign {
            target: with_ctx(t, ExprContext::Store),
            op,
            value: v,
        },
    ))
}

pub fn ann_assign(t: Expr, a: Expr, v: Option<Expr>, l: usize, r: usize) -> PResult<Stmt> {
    match &t.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        ExprKind::Tuple { elts, .. } => {
            let span = match unparenthesized_tuple(&t) {
                Some(elts) => elts[0].span,
                None => t.span,
            };
            let _ = elts;
            return fail_at("only single target (not tuple) can be annotated", span);
        }
        ExprKind::List { .. } => {
            return fail_at("only single target (not list) can be annotated", t.span)
        }
        _ => return fail_at("illegal target for annotation", t.span),
    }
    Ok(stmt(
        l,
        r,
        StmtKind::AnnAssign {
            target: with_ctx(t, ExprContext::Store),
            annotation: a,
            value: v,
        },
    ))
}

pub fn trailing_import_comma(_src: &str, comma: usize) -> PResult<Stmt> {
    fail(
        "trailing comma not allowed without surrounding parentheses",
        comma + 1,
        comma + 1,
    )
}

// ---------------------------------------------------------------- compound statements

fn body_end(l: usize, bodies: &[&[Stmt]]) -> usize {
    bodies
        .iter()
        .filter_map(|b| b.last())
        .map(|s| s.span.end as usize)
        .max()
        .unwrap_or(l)
}

pub fn if_stmt(l: usize, test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>) -> Stmt {
    let r = body_end(l, &[&body, &orelse]);
    stmt(l, r, StmtKind::If { test, body, orelse })
}

pub fn while_stmt(l: usize, test: Expr, body: Vec<Stmt>, orelse: Option<Vec<Stmt>>) -> Stmt {
    let orelse = orelse.unwrap_or_default();
    let r = body_end(l, &[&body, &orelse]);
    stmt(l, r, StmtKind::While { test, body, orelse })
}

pub fn for_stmt(
    l: usize,
    t: (Vec<Expr>, bool),
    iter: Expr,
    body: Vec<Stmt>,
    orelse: Option<Vec<Stmt>>,
) -> PResult<Stmt> {
    let orelse = orelse.unwrap_or_default();
    let r = body_end(l, &[&body, &orelse]);
    let target = store_target(target_of(t))?;
    Ok(stmt(
        l,
        r,
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        },
    ))
}

/// A `for` target list: one expression or an unbracketed tuple.
fn target_of(t: (Vec<Expr>, bool)) -> Expr {
    let (l, r) = match (t.0.first(), t.0.last()) {
        (Some(a), Some(b)) => (a.span.start as usize, b.span.end as usize),
        _ => (0, 0),
    };
    tuple_or_single(t, l, r)
}

pub fn try_stmt(
    l: usize,
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Option<Vec<Stmt>>,
    finalbody: Option<Vec<Stmt>>,
) -> Stmt {
    let orelse = orelse.unwrap_or_default();
    let finalbody = finalbody.unwrap_or_default();
    let handler_end = handlers.last().map_or(l, |h| h.span.end as usize);
    let r = body_end(l, &[&body, &orelse, &finalbody]).max(handler_end);
    stmt(
        l,
        r,
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        },
    )
}

pub fn with_stmt(l: usize, items: Vec<(Expr, Option<Expr>)>, body: Vec<Stmt>) -> PResult<Stmt> {
    let r = body_end(l, &[&body]);
    let items = items
        .into_iter()
        .map(|(context_expr, target)| {
            Ok(WithItem {
                context_expr,
                optional_vars: target.map(store_target).transpose()?,
            })
        })
        .collect::<PResult<Vec<_>>>()?;
    Ok(stmt(l, r, StmtKind::With { items, body }))
}

pub fn except_handler(
    l: usize,
    t: Option<(Expr, Option<String>)>,
    body: Vec<Stmt>,
) -> ExceptHandler {
    let r = body_end(l, &[&body]);
    let (typ, name) = match t {
        Some((e, n)) => (Some(e), n),
        None => (None, None),
    };
    ExceptHandler {
        span: Span::new(l, r),
        typ,
        name,
        body,
    }
}

// ---------------------------------------------------------------- functions and classes

/// One parameter as written, checked and sorted by `arguments`.
pub enum ParamItem {
    Plain(Arg, Option<Expr>),
    /// `*` or `*name`; whether a default followed; the item's span.
    Star(Option<Arg>, bool, usize, usize),
    DoubleStar(Arg, bool, usize, usize),
    Slash(usize, usize),
}

pub fn arg(name: String, annotation: Option<Expr>, l: usize, r: usize) -> Arg {
    Arg {
        name,
        annotation,
        span: Span::new(l, r),
    }
}

/// Position of the `=` of a default written after `from` (for error carets).
fn equals_after(src: &str, from: usize, to: usize) -> usize {
    src.get(from..to)
        .and_then(|s| s.find('='))
        .map_or(from, |i| from + i)
}

fn item_start(item: &ParamItem) -> usize {
    match item {
        ParamItem::Plain(a, _) => a.span.start as usize,
        ParamItem::Star(_, _, l, _)
        | ParamItem::DoubleStar(_, _, l, _)
        | ParamItem::Slash(l, _) => *l,
    }
}

/// Sorts parameters into `Arguments`, with CPython's checks and messages.
fn arguments(src: &str, items: Vec<ParamItem>) -> PResult<Arguments> {
    let mut a = Arguments::default();
    let (mut seen_default, mut seen_slash, mut seen_star, mut seen_kwarg) =
        (false, false, false, false);
    let n = items.len();
    let mut items = items.into_iter().peekable();
    let mut i = 0;
    while let Some(item) = items.next() {
        i += 1;
        if seen_kwarg {
            let s = item_start(&item);
            return fail("arguments cannot follow var-keyword argument", s, s + 1);
        }
        match item {
            ParamItem::Plain(arg, default) => {
                if seen_star {
                    a.kwonly.push(arg);
                    a.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => {
                            seen_default = true;
                            a.defaults.push(d);
                        }
                        None if seen_default => {
                            return fail_at(
                                "non-default argument follows default argument",
                                arg.span,
                            );
                        }
                        None => {}
                    }
                    a.args.push(arg);
                }
            }
            ParamItem::Slash(l, r) => {
                if seen_slash {
                    return fail("/ may appear only once", l, r);
                }
                if seen_star {
                    return fail("/ must be ahead of *", l, r);
                }
                if a.args.is_empty() {
                    return fail("at least one argument must precede /", l, r);
                }
                seen_slash = true;
                a.posonly = std::mem::take(&mut a.args);
            }
            ParamItem::Star(arg, has_default, l, r) => {
                if seen_star {
                    return fail("* argument may appear only once", l, l + 1);
                }
                if has_default {
                    let from = arg.as_ref().map_or(l + 1, |a| a.span.end as usize);
                    let eq = equals_after(src, from, r);
                    return fail(
                        "var-positional argument cannot have default value",
                        eq,
                        eq + 1,
                    );
                }
                if arg.is_none()
                    && (i == n || matches!(items.peek(), Some(ParamItem::DoubleStar(..))))
                {
                    return fail("named arguments must follow bare *", l, l + 1);
                }
                seen_star = true;
                a.vararg = arg;
            }
            ParamItem::DoubleStar(arg, has_default, _, r) => {
                if has_default {
                    let eq = equals_after(src, arg.span.end as usize, r);
                    return fail("var-keyword argument cannot have default value", eq, eq + 1);
                }
                seen_kwarg = true;
                a.kwarg = Some(arg);
            }
        }
    }
    Ok(a)
}

pub fn lambda(src: &str, params: Vec<ParamItem>, body: Expr, l: usize, r: usize) -> PResult<Expr> {
    let args = arguments(src, params)?;
    Ok(expr(
        l,
        r,
        ExprKind::Lambda {
            args: Box::new(args),
            body: Box::new(body),
        },
    ))
}

#[allow(clippy::too_many_arguments)]
pub fn func_def(
    src: &str,
    l: usize,
    decorators: Vec<Expr>,
    dl: usize,
    dr: usize,
    name: String,
    params: Vec<ParamItem>,
    returns: Option<Expr>,
    body: Vec<Stmt>,
) -> PResult<Stmt> {
    let args = arguments(src, params)?;
    let r = body_end(dr, &[&body]);
    Ok(stmt(
        l,
        r,
        StmtKind::FunctionDef(Box::new(FunctionDef {
            name,
            args,
            body,
            decorators,
            returns,
            def_span: Span::new(dl, dr),
        })),
    ))
}

pub fn class_def(
    l: usize,
    decorators: Vec<Expr>,
    dl: usize,
    dr: usize,
    name: String,
    args: Option<Vec<ArgItem>>,
    body: Vec<Stmt>,
) -> PResult<Stmt> {
    let args = args.unwrap_or_default();
    if let Some(ArgItem::Gen(g)) = args.iter().find(|a| matches!(a, ArgItem::Gen(_))) {
        // CPython's class rule has no generator argument.
        let at = g.span.end as usize;
        return fail("invalid syntax", at, at + 1);
    }
    let (bases, keywords) = call_args(args, None)?;
    let r = body_end(dr, &[&body]);
    Ok(stmt(
        l,
        r,
        StmtKind::ClassDef(Box::new(ClassDef {
            name,
            bases,
            keywords,
            body,
            decorators,
            def_span: Span::new(dl, dr),
        })),
    ))
}

// ---------------------------------------------------------------- calls

pub enum ArgItem {
    /// A positional argument (`*x` appears as `Starred`).
    Pos(Expr),
    /// An unparenthesized generator expression argument.
    Gen(Expr),
    /// `key=value` (the key is checked to be a name); the item's span.
    Keyword(Expr, Expr, usize, usize),
    DoubleStar(Expr, usize, usize),
}

/// Splits arguments into positional and keyword ones, with CPython's checks.
/// `parens` is the span of the call's parentheses (a lone generator takes it).
fn call_args(
    items: Vec<ArgItem>,
    parens: Option<(usize, usize)>,
) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
    let n = items.len();
    let mut args = Vec::new();
    let mut keywords = Vec::new();
    let (mut seen_kw, mut seen_dstar) = (false, false);
    for item in items {
        match item {
            ArgItem::Gen(mut g) => {
                if n > 1 {
                    return fail_at("Generator expression must be parenthesized", g.span);
                }
                if let Some((l, r)) = parens {
                    g.span = Span::new(l, r);
                }
                args.push(g);
            }
            ArgItem::Pos(e) => {
                let starred = matches!(e.kind, ExprKind::Starred { .. });
                if starred && seen_dstar {
                    let s = e.span.start as usize;
                    return fail(
                        "iterable argument unpacking follows keyword argument unpacking",
                        s,
                        s + 1,
                    );
                }
                // CPython points just past the argument.
                let end = e.span.end as usize;
                if !starred && seen_dstar {
                    return fail(
                        "positional argument follows keyword argument unpacking",
                        end,
                        end + 1,
                    );
                }
                if !starred && seen_kw {
                    return fail("positional argument follows keyword argument", end, end + 1);
                }
                args.push(e);
            }
            ArgItem::Keyword(k, v, l, r) => {
                let name = match k.kind {
                    ExprKind::Name { id, .. } => id,
                    ExprKind::Constant(Constant::True | Constant::False | Constant::None) => {
                        let msg = format!("cannot assign to {}", expr_name(&k));
                        return fail(msg, k.span.start as usize, k.span.end as usize + 1);
                    }
                    _ => {
                        let msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
                        return fail(msg, k.span.start as usize, k.span.end as usize + 1);
                    }
                };
                seen_kw = true;
                keywords.push(Keyword {
                    name: Some(name),
                    value: v,
                    span: Span::new(l, r),
                });
            }
            ArgItem::DoubleStar(v, l, r) => {
                seen_dstar = true;
                keywords.push(Keyword {
                    name: None,
                    value: v,
                    span: Span::new(l, r),
                });
            }
        }
    }
    Ok((args, keywords))
}

pub fn call(
    src: &str,
    func: Expr,
    items: Vec<ArgItem>,
    paren: usize,
    l: usize,
    r: usize,
) -> PResult<Expr> {
    // `f(x for x in y, )`: the trailing comma makes the generator unparenthesized.
    if let [ArgItem::Gen(g)] = &items[..] {
        let between = src
            .get(g.span.end as usize..r.saturating_sub(1))
            .unwrap_or("");
        if between.contains(',') {
            return fail_at("Generator expression must be parenthesized", g.span);
        }
    }
    let (args, keywords) = call_args(items, Some((paren, r)))?;
    Ok(expr(
        l,
        r,
        ExprKind::Call {
            func: Box::new(func),
            args,
            keywords,
        },
    ))
}

// ---------------------------------------------------------------- comprehensions

#[derive(Clone, Copy)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

pub fn comp_clause(t: (Vec<Expr>, bool), iter: Expr, ifs: Vec<Expr>) -> PResult<Comprehension> {
    Ok(Comprehension {
        target: store_target(target_of(t))?,
        iter,
        ifs,
        is_async: false,
    })
}

pub fn comprehension(
    kind: CompKind,
    elt: Expr,
    value: Option<Expr>,
    generators: Vec<Comprehension>,
    l: usize,
    r: usize,
) -> PResult<Expr> {
    if let ExprKind::Starred { .. } = elt.kind {
        return fail_at(
            "iterable unpacking cannot be used in comprehension",
            elt.span,
        );
    }
    let elt = Box::new(elt);
    let kind = match kind {
        CompKind::List => ExprKind::ListComp { elt, generators },
        CompKind::Set => ExprKind::SetComp { elt, generators },
        CompKind::Gen => ExprKind::GeneratorExp { elt, generators },
        CompKind::Dict => ExprKind::DictComp {
            key: elt,
            value: Box::new(value.expect("dict comprehension value")),
            generators,
        },
    };
    Ok(expr(l, r, kind))
}
