//! Expressions, calls, comprehensions and lambdas to bytecode.

use super::codegen::{err, CResult, Compiler};
use super::fold::const_value;
use super::symtable::ScopeKind;
use crate::bytecode::{BinOpKind, CmpKind, CodeKind, Op, CO_GENERATOR};
use crate::syntax::ast::*;
use crate::value::Value;

/// Deeper expressions than this are refused, as CPython's compiler does.
const MAX_EXPR_DEPTH: u32 = super::symtable::MAX_DEPTH;

pub fn binop_kind(op: BinOp) -> u32 {
    (match op {
        BinOp::Add => BinOpKind::Add,
        BinOp::Sub => BinOpKind::Sub,
        BinOp::Mult => BinOpKind::Mul,
        BinOp::MatMult => BinOpKind::MatMul,
        BinOp::Div => BinOpKind::TrueDiv,
        BinOp::FloorDiv => BinOpKind::FloorDiv,
        BinOp::Mod => BinOpKind::Mod,
        BinOp::Pow => BinOpKind::Pow,
        BinOp::LShift => BinOpKind::LShift,
        BinOp::RShift => BinOpKind::RShift,
        BinOp::BitAnd => BinOpKind::And,
        BinOp::BitOr => BinOpKind::Or,
        BinOp::BitXor => BinOpKind::Xor,
    }) as u32
}

fn cmp_kind(op: CmpOp) -> Option<u32> {
    Some(
        (match op {
            CmpOp::Lt => CmpKind::Lt,
            CmpOp::LtE => CmpKind::Le,
            CmpOp::Eq => CmpKind::Eq,
            CmpOp::NotEq => CmpKind::Ne,
            CmpOp::Gt => CmpKind::Gt,
            CmpOp::GtE => CmpKind::Ge,
            _ => return None,
        }) as u32,
    )
}

/// CPython's STACK_USE_GUIDELINE: longer displays and calls are built
/// item by item.
const STACK_USE_GUIDELINE: usize = 30;

impl<'a> Compiler<'a> {
    /// Compiles an expression; its instructions carry its own first line.
    pub fn expr(&mut self, e: &Expr) -> CResult {
        self.depth += 1;
        if self.depth > MAX_EXPR_DEPTH {
            self.depth -= 1;
            return Err(super::codegen::CompileError {
                msg: "maximum recursion depth exceeded during compilation".into(),
                span: e.span,
                recursion: true,
            });
        }
        let saved = self.u().line;
        self.set_line(e.span);
        let r = self.expr_inner(e);
        self.u().line = saved;
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult {
        if let Some(v) = const_value(e) {
            self.load_const(v);
            return Ok(());
        }
        match &e.kind {
            ExprKind::Constant(c) => match c {
                Constant::Complex(_) => {
                    return err("complex numbers are not supported by krait", e.span)
                }
                Constant::Bytes(_) => {
                    return err("bytes literals are not supported by krait", e.span)
                }
                _ => unreachable!("folded above"),
            },
            ExprKind::Name { id, .. } => self.load_name(id),
            ExprKind::BoolOp { op, values } => {
                let end = self.u().new_label();
                let jop = match op {
                    BoolOp::And => Op::JumpIfFalseOrPop,
                    BoolOp::Or => Op::JumpIfTrueOrPop,
                };
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        self.u().emit_jump(jop, end);
                    }
                }
                self.u().bind(end);
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.u().emit(Op::Copy, 1);
                if let ExprKind::Name { id, .. } = &target.kind {
                    self.store_name(id);
                }
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.u().emit(Op::BinaryOp, binop_kind(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                let o = match op {
                    UnaryOp::Invert => Op::UnaryInvert,
                    UnaryOp::Not => Op::UnaryNot,
                    UnaryOp::UAdd => Op::UnaryPositive,
                    UnaryOp::USub => Op::UnaryNegative,
                };
                self.u().emit(o, 0);
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let next = self.u().new_label();
                let end = self.u().new_label();
                self.jump_if(test, false, next)?;
                self.expr(body)?;
                self.u().emit_noline(Op::Jump, end.0);
                self.u().bind(next);
                self.expr(orelse)?;
                self.u().bind(end);
            }
            ExprKind::Dict { keys, values } => self.dict_display(keys, values)?,
            ExprKind::Set(elts) => self.sequence(elts, Op::BuildSet, Op::SetUpdate, false)?,
            ExprKind::List { elts, .. } => {
                self.sequence(elts, Op::BuildList, Op::ListExtend, false)?
            }
            ExprKind::Tuple { elts, .. } => {
                self.sequence(elts, Op::BuildTuple, Op::ListExtend, true)?
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, Comp::List(elt))?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, Comp::Set(elt))?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, Comp::Dict(key, value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, Comp::Gen(elt))?
            }
            ExprKind::Yield(v) => {
                self.check_yield_allowed(e)?;
                match v {
                    Some(v) => self.expr(v)?,
                    None => {
                        let c = self.u().add_const(Value::None);
                        self.u().emit(Op::LoadConst, c);
                    }
                }
                // Leaves what the resumption sends (`send`), as CPython's
                // YIELD_VALUE; RESUME 1.
                self.u().emit(Op::YieldValue, 0);
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield_allowed(e)?;
                // CPython 3.11: GET_YIELD_FROM_ITER; LOAD_CONST None;
                // SEND end; YIELD_VALUE; RESUME 2; JUMP_BACKWARD_NO_INTERRUPT.
                self.expr(v)?;
                self.u().emit(Op::GetYieldFromIter, 0);
                let c = self.u().add_const(Value::None);
                self.u().emit(Op::LoadConst, c);
                let start = self.u().new_label();
                let end = self.u().new_label();
                self.u().bind(start);
                self.u().emit_jump(Op::Send, end);
                self.u().emit(Op::YieldValue, 0);
                self.u().emit_jump(Op::Jump, start);
                self.u().bind(end);
            }
            ExprKind::Await(_) => return err("'await' is not supported by krait", e.span),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords)?,
            ExprKind::JoinedStr(parts) => self.fstring(parts)?,
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                self.u().line = self.lines.line_of(e.span.end.saturating_sub(1));
                let n = self.add_attr_name(attr);
                self.u().emit(Op::LoadAttr, n);
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.u().emit(Op::BinarySubscr, 0);
            }
            ExprKind::Starred { .. } => {
                return err("can't use starred expression here", e.span);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(x) => self.expr(x)?,
                        None => self.load_const(Value::None),
                    }
                }
                match step {
                    Some(x) => {
                        self.expr(x)?;
                        self.u().emit(Op::BuildSlice, 3);
                    }
                    None => {
                        self.u().emit(Op::BuildSlice, 2);
                    }
                }
            }
        }
        Ok(())
    }

    /// Lists, tuples and sets, with `*x` items, laid out as CPython's
    /// starunpack_helper: the items before the first star are built at once,
    /// later ones appended; past 30 items (STACK_USE_GUIDELINE) all are appended.
    fn sequence(&mut self, elts: &[Expr], build: Op, extend: Op, is_tuple: bool) -> CResult {
        let n = elts.len();
        // Three or more constants: a constant tuple, or build empty and
        // extend by a constant tuple (a list) or frozenset (a set).
        if n > 2 {
            if let Some(vs) = elts.iter().map(const_value).collect::<Option<Vec<_>>>() {
                if is_tuple {
                    self.load_const(Value::tuple(vs));
                    return Ok(());
                }
                let keys = if build == Op::BuildSet {
                    vs.iter()
                        .map(|v| crate::value::DictKey::new(v.clone()).ok())
                        .collect::<Option<Vec<_>>>()
                } else {
                    None
                };
                let c = match keys {
                    Some(keys) => Value::FrozenSet(std::rc::Rc::new(
                        crate::value::SetObj::constant_frozenset(keys),
                    )),
                    None => Value::tuple(vs),
                };
                self.u().emit(build, 0);
                self.load_const(c);
                self.u().emit(extend, 1);
                return Ok(());
            }
        }
        let has_star = elts
            .iter()
            .any(|x| matches!(x.kind, ExprKind::Starred { .. }));
        let big = n > STACK_USE_GUIDELINE;
        if !has_star && !big {
            for x in elts {
                self.expr(x)?;
            }
            self.u().emit(build, n as u32);
            return Ok(());
        }
        let (b, ext) = if is_tuple {
            (Op::BuildList, Op::ListExtend)
        } else {
            (build, extend)
        };
        let add = if b == Op::BuildSet {
            Op::SetAdd
        } else {
            Op::ListAppend
        };
        let mut built = big;
        if big {
            self.u().emit(b, 0);
        }
        for (i, x) in elts.iter().enumerate() {
            match &x.kind {
                ExprKind::Starred { value, .. } => {
                    if !built {
                        self.u().emit(b, i as u32);
                        built = true;
                    }
                    self.expr(value)?;
                    self.u().emit(ext, 1);
                }
                _ => {
                    self.expr(x)?;
                    if built {
                        self.u().emit(add, 1);
                    }
                }
            }
        }
        if is_tuple {
            self.u().emit(Op::ListToTuple, 0);
        }
        Ok(())
    }

    fn dict_display(&mut self, keys: &[Option<Expr>], values: &[Expr]) -> CResult {
        let mut pending = 0u32;
        let mut built = false;
        for (k, v) in keys.iter().zip(values) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    pending += 1;
                }
                None => {
                    if !built || pending > 0 {
                        self.u().emit(Op::BuildMap, pending);
                        if built {
                            self.u().emit(Op::DictUpdate, 1);
                        }
                        built = true;
                        pending = 0;
                    }
                    self.expr(v)?;
                    self.u().emit(Op::DictUpdate, 1);
                }
            }
        }
        if !built || pending > 0 {
            self.u().emit(Op::BuildMap, pending);
            if built {
                self.u().emit(Op::DictUpdate, 1);
            }
        }
        Ok(())
    }

    fn compare(&mut self, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) -> CResult {
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&comparators[0])?;
            self.cmp_op(ops[0]);
            return Ok(());
        }
        let cleanup = self.u().new_label();
        let end = self.u().new_label();
        for (i, (op, c)) in ops.iter().zip(comparators).enumerate() {
            self.expr(c)?;
            if i + 1 < ops.len() {
                self.u().emit(Op::Swap, 2);
                self.u().emit(Op::Copy, 2);
                self.cmp_op(*op);
                self.u().emit_jump(Op::JumpIfFalseOrPop, cleanup);
            } else {
                self.cmp_op(*op);
            }
        }
        self.u().emit_noline(Op::Jump, end.0);
        self.u().bind(cleanup);
        self.u().emit(Op::Swap, 2);
        self.u().emit(Op::PopTop, 0);
        self.u().bind(end);
        Ok(())
    }

    fn cmp_op(&mut self, op: CmpOp) {
        match op {
            CmpOp::Is => self.u().emit(Op::IsOp, 0),
            CmpOp::IsNot => self.u().emit(Op::IsOp, 1),
            CmpOp::In => self.u().emit(Op::ContainsOp, 0),
            CmpOp::NotIn => self.u().emit(Op::ContainsOp, 1),
            _ => self.u().emit(Op::CompareOp, cmp_kind(op).unwrap()),
        };
    }

    /// Evaluates `test` and jumps to `target` when its truth equals `when`
    /// (CPython 3.11's compiler_jump_if, lines included: `not`, `and`/`or`
    /// and conditional expressions set no line of their own, so their jumps
    /// carry the current line; a comparison sets its line for good).
    pub fn jump_if(
        &mut self,
        test: &Expr,
        when: bool,
        target: crate::compile::unit::Label,
    ) -> CResult {
        match &test.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } if const_value(test).is_none() => {
                return self.jump_if(operand, !when, target);
            }
            ExprKind::BoolOp { op, values } => {
                // `and` with when=false (or `or` with when=true) jumps out on the first decisive value.
                let is_or = *op == BoolOp::Or;
                let skip = self.u().new_label();
                let inner = if is_or == when { target } else { skip };
                let (last, rest) = values.split_last().unwrap();
                for v in rest {
                    self.jump_if(v, is_or, inner)?;
                }
                self.jump_if(last, when, target)?;
                self.u().bind(skip);
                return Ok(());
            }
            ExprKind::IfExp {
                test: cond,
                body,
                orelse,
            } => {
                let end = self.u().new_label();
                let other = self.u().new_label();
                self.jump_if(cond, false, other)?;
                self.jump_if(body, when, target)?;
                self.u().emit_noline(Op::Jump, end.0);
                self.u().bind(other);
                self.jump_if(orelse, when, target)?;
                self.u().bind(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.set_line(test.span);
                if ops.len() > 1 {
                    self.expr(left)?;
                    let cleanup = self.u().new_label();
                    let end = self.u().new_label();
                    let n = ops.len() - 1;
                    for (op, c) in ops[..n].iter().zip(comparators) {
                        self.expr(c)?;
                        self.u().emit(Op::Swap, 2);
                        self.u().emit(Op::Copy, 2);
                        self.cmp_op(*op);
                        self.u().emit_jump(Op::PopJumpIfFalse, cleanup);
                    }
                    self.expr(&comparators[n])?;
                    self.cmp_op(ops[n]);
                    let j = if when {
                        Op::PopJumpIfTrue
                    } else {
                        Op::PopJumpIfFalse
                    };
                    self.u().emit_jump(j, target);
                    self.u().emit_noline(Op::Jump, end.0);
                    self.u().bind(cleanup);
                    self.u().emit(Op::PopTop, 0);
                    if !when {
                        self.u().emit_noline(Op::Jump, target.0);
                    }
                    self.u().bind(end);
                    return Ok(());
                }
            }
            _ => {}
        }
        self.expr(test)?;
        let j = if when {
            Op::PopJumpIfTrue
        } else {
            Op::PopJumpIfFalse
        };
        self.u().emit_jump(j, target);
        Ok(())
    }

    fn call(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> CResult {
        let star_or_dstar = args
            .iter()
            .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.name.is_none());
        for (i, k) in keywords.iter().enumerate() {
            if let Some(name) = &k.name {
                if keywords[..i].iter().any(|o| o.name.as_ref() == Some(name)) {
                    return err(format!("keyword argument repeated: {}", name), k.span);
                }
            }
        }
        // As CPython 3.11's maybe_optimize_method_call and compiler_call_helper.
        let (na, nk) = (args.len(), keywords.len());
        let method = match &func.kind {
            ExprKind::Attribute { value, attr, .. }
                if !star_or_dstar && na + nk + usize::from(nk != 0) < STACK_USE_GUIDELINE =>
            {
                Some((value, attr))
            }
            _ => None,
        };
        match method {
            Some((obj, attr)) => {
                self.expr(obj)?;
                // CPython 3.11 puts the method load and the call on the line
                // where the attribute name ends (`x.f(\n).g()` chains).
                let attr_line = self.lines.line_of(func.span.end.saturating_sub(1));
                self.u().line = attr_line;
                let n = self.add_attr_name(attr);
                self.u().emit(Op::LoadMethod, n);
            }
            None => {
                self.u().emit(Op::PushNull, 0);
                self.expr(func)?;
            }
        }
        if method.is_none() && (star_or_dstar || na + nk * 2 > STACK_USE_GUIDELINE) {
            return self.call_ex(args, keywords);
        }
        for a in args {
            self.expr(a)?;
        }
        if keywords.is_empty() {
            self.u().emit(Op::Call, args.len() as u32);
        } else {
            let mut names = vec![];
            for k in keywords {
                let name = k.name.clone().unwrap_or_default();
                self.expr(&k.value)?;
                names.push(Value::str(&name));
            }
            let n = (args.len() + keywords.len()) as u32;
            self.load_const(Value::tuple(names));
            self.u().emit(Op::CallKw, n);
        }
        Ok(())
    }

    /// A call through CallEx: positional arguments as one tuple, keyword
    /// arguments as one dict (runs of named ones built at once, as
    /// compiler_subkwargs), laid out as CPython's compiler_call_helper.
    fn call_ex(&mut self, args: &[Expr], keywords: &[Keyword]) -> CResult {
        match args {
            [Expr {
                kind: ExprKind::Starred { value, .. },
                ..
            }] => self.expr(value)?,
            _ => self.sequence(args, Op::BuildTuple, Op::ListExtend, true)?,
        }
        let mut have_dict = false;
        let mut start = 0;
        for (i, k) in keywords.iter().enumerate() {
            if k.name.is_some() {
                continue;
            }
            if start < i {
                self.subkwargs(&keywords[start..i])?;
                if have_dict {
                    self.u().emit(Op::DictMerge, 1);
                }
                have_dict = true;
            }
            if !have_dict {
                self.u().emit(Op::BuildMap, 0);
                have_dict = true;
            }
            self.expr(&k.value)?;
            self.u().emit(Op::DictMerge, 1);
            start = i + 1;
        }
        if start < keywords.len() {
            self.subkwargs(&keywords[start..])?;
            if have_dict {
                self.u().emit(Op::DictMerge, 1);
            }
            have_dict = true;
        }
        self.u().emit(Op::CallEx, have_dict as u32);
        Ok(())
    }

    /// Named keyword arguments `kws` as one dict (CPython's compiler_subkwargs).
    fn subkwargs(&mut self, kws: &[Keyword]) -> CResult {
        let names: Vec<Value> = kws
            .iter()
            .map(|k| Value::str(k.name.as_deref().unwrap_or_default()))
            .collect();
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in kws {
                self.expr(&k.value)?;
            }
            self.load_const(Value::tuple(names));
            self.u().emit(Op::BuildConstKeyMap, n as u32);
            return Ok(());
        }
        if big {
            self.u().emit(Op::BuildMap, 0);
        }
        for (k, name) in kws.iter().zip(names) {
            self.load_const(name);
            self.expr(&k.value)?;
            if big {
                self.u().emit(Op::MapAdd, 1);
            }
        }
        if !big {
            self.u().emit(Op::BuildMap, n as u32);
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> CResult {
        let mut n = 0;
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    if s.is_empty() {
                        continue;
                    }
                    self.load_const(Value::str(s));
                    n += 1;
                }
                FStringPart::Formatted {
                    value,
                    conversion,
                    format_spec,
                    debug_text,
                } => {
                    if let Some(t) = debug_text {
                        self.load_const(Value::str(t));
                        n += 1;
                    }
                    self.expr(value)?;
                    let mut flags = match conversion {
                        None if debug_text.is_some() && format_spec.is_none() => 2,
                        None => 0,
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        Some(_) => 0,
                    };
                    if let Some(spec) = format_spec {
                        self.fstring(spec)?;
                        flags |= 4;
                    }
                    self.u().emit(Op::FormatValue, flags);
                    n += 1;
                }
            }
        }
        if n != 1 {
            self.u().emit(Op::BuildString, n);
        }
        Ok(())
    }

    fn lambda(&mut self, e: &Expr, args: &Arguments, body: &Expr) -> CResult {
        let flags = self.arg_defaults(args)?;
        let scope = self.child_scope(e.span, ScopeKind::Function)?;
        let line = self.line_of(e.span);
        self.enter_scope(scope, CodeKind::Function, "<lambda>", line);
        self.set_arg_counts(args);
        self.u().line = line;
        self.u().emit(Op::Resume, 0);
        self.u().add_const(Value::None);
        self.expr(body)?;
        self.u().emit(Op::ReturnValue, 0);
        let code = self.leave_scope();
        self.make_function(code, flags);
        Ok(())
    }

    /// `yield` only in a function (a lambda too), as CPython's symtable
    /// refuses it elsewhere.
    fn check_yield_allowed(&mut self, e: &Expr) -> CResult {
        let u = self.u();
        let msg = match u.kind {
            CodeKind::Function => return Ok(()),
            CodeKind::Module | CodeKind::Class => "'yield' outside function".to_string(),
            CodeKind::Comprehension => {
                let what = match u.name.as_str() {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                format!("'yield' inside {what}")
            }
        };
        err(msg, e.span)
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        gens: &[Comprehension],
        comp: Comp,
    ) -> CResult {
        if gens.iter().any(|g| g.is_async) {
            return err(
                "asynchronous comprehensions are not supported by krait",
                e.span,
            );
        }
        let scope = self.child_scope(e.span, ScopeKind::Comprehension)?;
        let line = self.line_of(e.span);
        self.enter_scope(scope, CodeKind::Comprehension, name, line);
        self.u().argcount = 1;
        let is_gen = matches!(comp, Comp::Gen(_));
        if is_gen {
            self.u().flags |= CO_GENERATOR;
        }
        self.u().line = line;
        self.u().emit(Op::Resume, 0);
        match comp {
            Comp::List(_) => {
                self.u().emit(Op::BuildList, 0);
            }
            Comp::Set(_) => {
                self.u().emit(Op::BuildSet, 0);
            }
            Comp::Dict(..) => {
                self.u().emit(Op::BuildMap, 0);
            }
            Comp::Gen(_) => {}
        }
        self.comp_generator(gens, 0, &comp, 0)?;

        if is_gen {
            // CPython's implicit `return None`: no line of its own.
            let c = self.u().add_const(Value::None);
            self.u().emit_noline(Op::LoadConst, c);
            self.u().emit_noline(Op::ReturnValue, 0);
        } else {
            self.u().emit(Op::ReturnValue, 0);
        }
        let code = self.leave_scope();
        self.u().emit(Op::PushNull, 0);
        self.make_function(code, 0);
        self.expr(&gens[0].iter)?;
        self.u().emit(Op::GetIter, 0);
        self.u().emit(Op::Call, 1);
        Ok(())
    }

    /// One `for` of a comprehension; `depth`: the iterators on the stack
    /// above the collection.
    fn comp_generator(
        &mut self,
        gens: &[Comprehension],
        i: usize,
        comp: &Comp,
        mut depth: u32,
    ) -> CResult {
        let g = &gens[i];
        let start = self.u().new_label();
        let end = self.u().new_label();
        let if_cleanup = self.u().new_label();
        // CPython's fast path for `for y in [expr]` (not the first `for`):
        // bind the one item, no loop.
        let single = match &g.iter.kind {
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. }
                if i > 0 && elts.len() == 1 =>
            {
                Some(&elts[0]).filter(|e| !matches!(e.kind, ExprKind::Starred { .. }))
            }
            _ => None,
        };
        if i == 0 {
            self.u().emit(Op::LoadFast, 0);
        } else if let Some(item) = single {
            self.expr(item)?;
        } else {
            self.expr(&g.iter)?;
            self.u().emit(Op::GetIter, 0);
        }
        if single.is_none() {
            depth += 1;
            self.u().bind(start);
            self.u().emit_jump(Op::ForIter, end);
        }
        self.assign_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, if_cleanup)?;
        }
        if i + 1 < gens.len() {
            self.comp_generator(gens, i + 1, comp, depth)?;
        } else {
            // The collection sits below the iterators.
            let d = depth + 1;
            match comp {
                Comp::List(elt) => {
                    self.expr(elt)?;
                    self.u().emit(Op::ListAppend, d);
                }
                Comp::Set(elt) => {
                    self.expr(elt)?;
                    self.u().emit(Op::SetAdd, d);
                }
                Comp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.u().emit(Op::MapAdd, d);
                }
                Comp::Gen(elt) => {
                    self.expr(elt)?;
                    self.u().emit(Op::YieldValue, 0);
                    self.u().emit(Op::PopTop, 0);
                }
            }
        }
        // As CPython: failed conditions jump to the jump back, which has the
        // current line (a condition's comparison may have set it); jump
        // threading then sends same-line jumps straight to the loop start.
        self.u().bind(if_cleanup);
        if single.is_none() {
            self.u().emit(Op::Jump, start.0);
            self.u().bind(end);
        }
        Ok(())
    }
}

enum Comp<'e> {
    List(&'e Expr),
    Set(&'e Expr),
    Dict(&'e Expr, &'e Expr),
    Gen(&'e Expr),
}
