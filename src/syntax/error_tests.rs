//! Syntax errors as CPython 3.11 reports them (each snapshot's last line was
//! checked against `python3`), and a parse of a program using all Tier-1 syntax.

use crate::syntax::ast::*;
use crate::syntax::{parse, LineIndex, SyntaxErrorKind};

fn report(src: &str) -> String {
    match parse(src, "test.py") {
        Ok(_) => panic!("expected a syntax error for {src:?}"),
        Err(e) => e.report(),
    }
}

macro_rules! error_cases {
    ($($name:ident: $src:expr;)*) => {
        $(
            #[test]
            fn $name() {
                insta::assert_snapshot!(report(&$src));
            }
        )*
    };
}

error_cases! {
    missing_colon_if: "x = 1\nif x == 1\n    print(x)\n";
    missing_colon_def: "def f()\n    return 1\n";
    forgot_comma_list: "items = [1, 2 3]\n";
    forgot_comma_call: "print(a b)\n";
    generic_invalid: "x = 1 +\n";
    unterminated_string: "s = 'abc\nprint(s)\n";
    unterminated_triple: "s = '''abc\n\nmore\n";
    never_closed: "x = (1,\n     2\ny = 3\n";
    unmatched_paren: "x = 1)\n";
    mismatched_paren: "x = [1, 2)\n";
    mismatched_paren_lines: "x = [1,\n 2)\n";
    invalid_decimal: "x = 1abc\n";
    leading_zeros: "x = 0777\n";
    assign_literal: "1 = x\n";
    assign_call: "f() = 1\n";
    assign_literal_chained: "x = 1 = 2\n";
    del_call: "del f()\n";
    aug_assign_tuple: "a, b += 1\n";
    unexpected_indent: "x = 1\n    y = 2\n";
    expected_block: "for i in range(3):\nprint(i)\n";
    expected_block_def: "def f():\n\nx = 1\n";
    unindent_mismatch: "if x:\n        a = 1\n    b = 2\n";
    tab_error: "if x:\n\tif y:\n        pass\n";
    positional_after_keyword: "f(a=1, b)\n";
    non_default_param: "def f(a=1, b):\n    pass\n";
    fstring_empty: "x = f'{}'\n";
    fstring_expecting_brace: "x = f'{x'\n";
    fstring_single_brace: "x = f'a}b'\n";
    fstring_forgot_comma: "x = f'{a b}'\n";
    legacy_print: "print 'hello'\n";
    walrus_attribute: "(a.b := 1)\n";
    if_single_equals: "if x = 1:\n    pass\n";
    missing_else: "x = 1 if y\n";
    too_many_parens: "x = ".to_string() + &"(".repeat(201) + "1" + &")".repeat(201) + "\n";
    unsupported_async_with: "x = 1\nasync with open('f') as fh:\n    pass\n";
}

const ALL_SYNTAX: &str = r##""""Module docstring."""
import sys
import os.path as osp, math
from functools import reduce, partial as p
from . import sibling
from ..pkg.mod import (a as b, c,)
from math import *

x: int = 1
y: list
counts = {}
a = b = c = 0
first, *rest = [1, 2, 3]
(p1, p2), [p3, p4] = (1, 2), [3, 4]
obj.attr = data[0] = 5
x += 1; x -= 1; x *= 2; x /= 2; x //= 2; x %= 3; x **= 2
x <<= 1; x >>= 1; x &= 7; x |= 8; x ^= 1; x @= m
del counts, obj.attr, data[0]
assert x > 0, "positive"
global_value = -2**2 + ~3 - +4
big = 0x_FF + 0o17 + 0b1010 + 1_000_000 + 123456789012345678901234567890
floats = [1.5, .5, 1e5, 1_000.0, 3.14e-2, 2j, 1.5J]
s = 'single' "double" '''triple
quoted''' r'raw\n' if False else 'esc\t\x41\u00e9\U0001F600\N{BULLET}\101\
continued'
name, width = "krait", 10
f1 = f"{name!r:>{width}} {x=} {{literal}} {math.pi:.2f} {'nested'}" "tail" f'{name}'
cond = a if b else c
lam = lambda q, /, r=1, *args, s, t=2, **kw: (q, r, args, s, t, kw)
lam2 = lambda: 0
chain = 1 < x <= 10 != y is not None and not x in [] or x not in {} and x is x
bits = (1 | 2) ^ (3 & 4) << 1 >> 2
walrus = [y for v in range(10) if (y := v * 2) > 5]
comps = ([i for i in range(3) for j in range(i) if i if j],
         {k: v for k, v in counts.items()},
         {e for e in "abc"},
         sum(i * i for i in range(10)),
         (g for g in ()))
sets = {1, 2, *rest}
dicts = {"a": 1, **counts, 'b': 2,}
tup = 1, 2,
single = (1,)
empty = ()
nested = data[1:2, ::3, ...][::-1][x:]
calls = print(*rest, sep="", **{"end": "\n"})
call2 = f(a)(b)[c].d(e=1,)
if x:
    pass
elif y:
    x = 1
else:
    x = 2
if x: a = 1; b = 2
while x > 0:
    x -= 1
    if x == 5:
        continue
    break
else:
    pass
for i, (j, k) in enumerate(zip(a, b)):
    print(i, j, k)
else:
    pass
for *head, tail in items: pass
try:
    risky()
except ValueError:
    pass
except (TypeError, KeyError) as err:
    raise RuntimeError("bad") from err
except:
    raise
else:
    pass
finally:
    cleanup()
try:
    pass
finally:
    pass

@decorator
@decorator.with_args(1, key=2)
def func(a, b: int = 1, *args: str, c, d=4, **kwargs) -> None:
    """Docstring."""
    global x
    def inner():
        nonlocal a
        a = yield
        yield from range(3)
        return a
    return inner

def posonly(a, b, /, c, *, d): return a

class Base:
    attr = 1

    def __init__(self):
        self.value = [
            1,
            2,
        ]

@dataclass
class Child(Base, metaclass=Meta):
    def method(self):
        return super().method()

class Empty: pass
print(await_ := 1)
"##;

fn find(body: &[Stmt], pred: impl Fn(&Stmt) -> bool) -> &Stmt {
    body.iter().find(|s| pred(s)).expect("statement present")
}

fn assigned_to<'a>(body: &'a [Stmt], name: &str) -> &'a Expr {
    for s in body {
        if let StmtKind::Assign { targets, value } = &s.kind {
            if matches!(&targets[0].kind, ExprKind::Name { id, .. } if id == name) {
                return value;
            }
        }
    }
    panic!("no assignment to {name}")
}

#[test]
fn parses_all_tier1_syntax() {
    let m = parse(ALL_SYNTAX, "all.py").expect("parses");
    let lines = LineIndex::new(ALL_SYNTAX);
    let line = |s: Span| lines.line_of(s.start);

    // The docstring is an ordinary expression statement.
    match &m.body[0].kind {
        StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            ..
        }) => assert_eq!(s, "Module docstring."),
        other => panic!("{other:?}"),
    }

    // A decorated def: the statement starts at the first `@`, def_span on the `def` line.
    let func = find(
        &m.body,
        |s| matches!(&s.kind, StmtKind::FunctionDef(f) if f.name == "func"),
    );
    let StmtKind::FunctionDef(f) = &func.kind else {
        unreachable!()
    };
    let def_line = lines.line_of(f.def_span.start);
    assert_eq!(line(func.span), def_line - 2);
    assert_eq!(f.decorators.len(), 2);
    assert_eq!(line(f.decorators[1].span), def_line - 1);
    assert_eq!(
        &ALL_SYNTAX[f.def_span.start as usize..f.def_span.start as usize + 8],
        "def func"
    );
    assert_eq!(f.args.args.len(), 2);
    assert_eq!(f.args.defaults.len(), 1);
    assert_eq!(
        f.args.vararg.as_ref().map(|a| a.name.as_str()),
        Some("args")
    );
    assert_eq!(f.args.kwonly.len(), 2);
    assert!(f.args.kw_defaults[0].is_none() && f.args.kw_defaults[1].is_some());
    assert_eq!(
        f.args.kwarg.as_ref().map(|a| a.name.as_str()),
        Some("kwargs")
    );
    // The compound statement ends with its last body statement.
    let last = f.body.last().expect("body");
    assert_eq!(func.span.end, last.span.end);

    let posonly = find(
        &m.body,
        |s| matches!(&s.kind, StmtKind::FunctionDef(f) if f.name == "posonly"),
    );
    let StmtKind::FunctionDef(p) = &posonly.kind else {
        unreachable!()
    };
    assert_eq!(
        (p.args.posonly.len(), p.args.args.len(), p.args.kwonly.len()),
        (2, 1, 1)
    );

    // `-2**2` is `-(2**2)`.
    let g = assigned_to(&m.body, "global_value");
    let ExprKind::BinOp { left, .. } = &g.kind else {
        panic!("{g:?}")
    };
    let ExprKind::BinOp { left, .. } = &left.kind else {
        panic!()
    };
    let ExprKind::UnaryOp {
        op: UnaryOp::USub,
        operand,
    } = &left.kind
    else {
        panic!("{left:?}")
    };
    assert!(matches!(
        operand.kind,
        ExprKind::BinOp { op: BinOp::Pow, .. }
    ));

    // Strings: concatenation, raw strings, escapes and a line continuation.
    let s = assigned_to(&m.body, "s");
    let ExprKind::IfExp { body, orelse, .. } = &s.kind else {
        panic!("{s:?}")
    };
    assert!(
        matches!(&body.kind, ExprKind::Constant(Constant::Str(v)) if v == "singledoubletriple\nquotedraw\\n")
    );
    assert!(
        matches!(&orelse.kind, ExprKind::Constant(Constant::Str(v)) if v == "esc\tA\u{e9}\u{1F600}\u{2022}Acontinued")
    );

    // f-strings: conversions, nested specs, `=` debug text, spans into the source.
    let f1 = assigned_to(&m.body, "f1");
    let ExprKind::JoinedStr(parts) = &f1.kind else {
        panic!("{f1:?}")
    };
    let FStringPart::Formatted {
        value,
        conversion,
        format_spec,
        debug_text,
    } = &parts[0]
    else {
        panic!()
    };
    assert_eq!(*conversion, Some('r'));
    assert!(debug_text.is_none());
    assert_eq!(
        &ALL_SYNTAX[value.span.start as usize..value.span.end as usize],
        "name"
    );
    let spec = format_spec.as_ref().expect("spec");
    assert!(matches!(&spec[0], FStringPart::Literal(l) if l == ">"));
    assert!(
        matches!(&spec[1], FStringPart::Formatted { value, .. } if matches!(&value.kind, ExprKind::Name { id, .. } if id == "width"))
    );
    assert!(
        matches!(&parts[2], FStringPart::Formatted { debug_text: Some(t), conversion: Some('r'), .. } if t == "x=")
    );
    assert!(matches!(&parts[3], FStringPart::Literal(l) if l == " {literal} "));
    assert!(matches!(parts.last(), Some(FStringPart::Formatted { .. })));

    // Calls span from the callee to the closing parenthesis.
    let c = assigned_to(&m.body, "call2");
    let text = &ALL_SYNTAX[c.span.start as usize..c.span.end as usize];
    assert_eq!(text, "f(a)(b)[c].d(e=1,)");

    // Targets get the store context; a starred target keeps its star.
    let first = find(
        &m.body,
        |s| matches!(&s.kind, StmtKind::Assign { targets, .. } if matches!(targets[0].kind, ExprKind::Tuple { .. })),
    );
    let StmtKind::Assign { targets, .. } = &first.kind else {
        unreachable!()
    };
    let ExprKind::Tuple { elts, ctx } = &targets[0].kind else {
        unreachable!()
    };
    assert_eq!(*ctx, ExprContext::Store);
    assert!(matches!(
        elts[1].kind,
        ExprKind::Starred {
            ctx: ExprContext::Store,
            ..
        }
    ));

    // try/except: handler spans start at `except`.
    let t = find(
        &m.body,
        |s| matches!(&s.kind, StmtKind::Try { handlers, .. } if handlers.len() == 3),
    );
    let StmtKind::Try {
        handlers,
        finalbody,
        ..
    } = &t.kind
    else {
        unreachable!()
    };
    let h = &handlers[1];
    assert!(ALL_SYNTAX[h.span.start as usize..].starts_with("except (TypeError"));
    assert_eq!(h.name.as_deref(), Some("err"));
    assert!(handlers[2].typ.is_none());
    assert_eq!(t.span.end, finalbody[0].span.end);

    // Parenthesized expressions exclude the parentheses; tuples include them.
    let single = assigned_to(&m.body, "single");
    assert_eq!(
        &ALL_SYNTAX[single.span.start as usize..single.span.end as usize],
        "(1,)"
    );
}

/// How many items each `with` of `src` has, and whether each has a target.
fn with_items(src: &str) -> Vec<Vec<bool>> {
    let m = parse(src, "t.py").expect("parses");
    m.body
        .iter()
        .filter_map(|s| match &s.kind {
            StmtKind::With { items, .. } => {
                Some(items.iter().map(|i| i.optional_vars.is_some()).collect())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn with_items_parse_as_cpython_reads_them() {
    // CPython's PEG grammar reads `with (a, b):` as two items, and
    // `with (a, b) as c:` as one tuple.
    assert_eq!(with_items("with (a, b):\n    pass\n"), [[false, false]]);
    assert_eq!(with_items("with (a, b) as c:\n    pass\n"), [[true]]);
    assert_eq!(
        with_items("with (a as b,\n      c,):\n    pass\n"),
        [[true, false]]
    );
    assert_eq!(
        with_items("with a as b, c as d:\n    pass\n"),
        [[true, true]]
    );
    assert_eq!(
        with_items("with (a), (b) as c:\n    pass\n"),
        [[false, true]]
    );
    // A generator expression in parentheses is one item.
    assert_eq!(with_items("with (a for a in b):\n    pass\n"), [[false]]);
}

#[test]
fn error_fields() {
    let e = parse("x = 1\nif x\n    pass\n", "f.py").unwrap_err();
    assert_eq!(
        (e.kind, e.lineno, e.offset, e.msg.as_str()),
        (SyntaxErrorKind::SyntaxError, 2, 5, "expected ':'")
    );
    assert_eq!(e.text, "if x");
    let e = parse("if x:\npass\n", "f.py").unwrap_err();
    assert_eq!(e.kind, SyntaxErrorKind::IndentationError);
    assert_eq!(e.filename, "f.py");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let src = "(".repeat(10_000) + &")".repeat(10_000);
    let e = parse(&src, "deep.py").unwrap_err();
    assert_eq!(e.msg, "too many nested parentheses");
    assert_eq!(e.offset, 201);
    // Within the limit, nesting is fine.
    let src = "x = ".to_string() + &"[".repeat(200) + &"]".repeat(200) + "\n";
    assert!(parse(&src, "ok.py").is_ok());
}

#[test]
fn long_chains_parse_without_recursion() {
    // The parse itself is iterative; dropping a 100,000-deep tree recurses in
    // Rust's drop glue, so this runs on a thread with a large stack.
    let t = std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(|| {
            let src = vec!["1"; 100_000].join("+") + "\n";
            let m = parse(&src, "long.py").expect("parses");
            assert_eq!(m.body.len(), 1);
            let src = "-".repeat(100_000) + "1\n";
            assert!(parse(&src, "unary.py").is_ok());
            let src = "x = ".to_string() + &"not ".repeat(50_000) + "y\n";
            assert!(parse(&src, "not.py").is_ok());
        })
        .expect("thread");
    t.join().expect("no panic");
}
