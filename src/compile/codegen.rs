//! Statements, functions and classes to bytecode.

use std::rc::Rc;

use super::fold::const_value;
use super::symtable::{self, NameScope, ScopeKind, SymbolTable};
use super::unit::{Label, Unit};
use crate::bytecode::{
    Code, CodeKind, Op, CO_NESTED, CO_NEWLOCALS, CO_OPTIMIZED, CO_VARARGS, CO_VARKEYWORDS,
};
use crate::syntax::ast::*;
use crate::syntax::LineIndex;
use crate::value::{PyStr, Str, Value};

/// A compile-time error (becomes a `SyntaxError`).
pub struct CompileError {
    pub msg: String,
    pub span: Span,
    /// Too deep to compile: CPython's RecursionError rather than a SyntaxError.
    pub recursion: bool,
}

pub type CResult<T = ()> = Result<T, CompileError>;

pub fn err<T>(msg: impl Into<String>, span: Span) -> CResult<T> {
    Err(CompileError {
        msg: msg.into(),
        span,
        recursion: false,
    })
}

/// What a `break`, `continue` or `return` must undo on its way out.
#[derive(Clone)]
pub enum FBlock {
    WhileLoop {
        start: Label,
        end: Label,
    },
    /// The iterator is on the stack.
    ForLoop {
        start: Label,
        end: Label,
    },
    TryExcept,
    /// The `finally` body to run again on the way out.
    FinallyTry(Rc<Vec<Stmt>>),
    /// Inside the exceptional copy of a finally body: the exception is on the stack.
    FinallyEnd,
    /// Inside an `except` body: the saved exception is on the stack; the name to clear.
    HandlerCleanup(Option<String>),
    /// A value to discard (a return value kept across a finally body).
    PopValue,
    /// Inside a `with` body: the bound `__exit__` is on the stack; the
    /// statement's span (the exit call's line).
    With(Span),
}

pub struct Compiler<'a> {
    pub table: SymbolTable,
    pub lines: &'a LineIndex,
    pub filename: Str,
    pub units: Vec<Unit>,
    pub fblocks: Vec<Vec<FBlock>>,
    pub depth: u32,
    /// The symbol-table scope of the code object `leave_scope` made last.
    left_scope: usize,
}

pub fn compile_module(module: &Module, filename: &str, lines: &LineIndex) -> CResult<Rc<Code>> {
    compile_top(module, filename, lines, |c| {
        c.body_with_docstring(&module.body, true)?;
        c.u().line = 0;
        c.return_none_implicit();
        Ok(())
    })
}

/// `eval` mode: a `<module>` code object that returns the expression's value.
pub fn compile_expression(e: &Expr, filename: &str, lines: &LineIndex) -> CResult<Rc<Code>> {
    // The symbol table walks a module holding the expression as a statement.
    let module = Module {
        body: vec![Stmt {
            span: e.span,
            kind: StmtKind::Expr(e.clone()),
        }],
    };
    compile_top(&module, filename, lines, |c| {
        c.expr(e)?;
        c.set_line(e.span);
        c.u().emit(Op::ReturnValue, 0);
        Ok(())
    })
}

/// A `<module>` code object of `module`'s scopes, its body emitted by `body`
/// after the `Resume`.
fn compile_top(
    module: &Module,
    filename: &str,
    lines: &LineIndex,
    body: impl FnOnce(&mut Compiler) -> CResult,
) -> CResult<Rc<Code>> {
    let annotations_as_text = super::future::future_annotations(module)?;
    let table = symtable::build(module, annotations_as_text).map_err(|e| CompileError {
        msg: e.msg,
        span: e.span,
        recursion: e.recursion,
    })?;
    let mut c = Compiler {
        table,
        lines,
        filename: Rc::new(PyStr::new(filename)),
        units: vec![],
        fblocks: vec![],
        depth: 0,
        left_scope: 0,
    };
    c.units
        .push(Unit::new(0, CodeKind::Module, "<module>", "<module>", 1));
    c.fblocks.push(vec![]);
    c.u().line = 0;
    c.u().emit(Op::Resume, 0);
    body(&mut c)?;
    let unit = c.units.pop().unwrap();
    Ok(crate::gc::alloc(unit.finish(&c.filename)))
}

impl<'a> Compiler<'a> {
    #[inline]
    pub fn u(&mut self) -> &mut Unit {
        self.units.last_mut().unwrap()
    }

    pub fn line_of(&self, span: Span) -> u32 {
        self.lines.line_of(span.start)
    }

    pub fn set_line(&mut self, span: Span) {
        let l = self.line_of(span);
        self.u().line = l;
    }

    pub fn scope(&self) -> &symtable::Scope {
        &self.table.scopes[self.units.last().unwrap().scope]
    }

    fn return_none_implicit(&mut self) {
        let c = self.u().add_const(Value::None);
        self.u().emit_noline(Op::LoadConst, c);
        self.u().emit_noline(Op::ReturnValue, 0);
    }

    fn body_with_docstring(&mut self, body: &[Stmt], module_level: bool) -> CResult {
        if module_level && body.iter().any(stores_annotations) {
            // CPython's SETUP_ANNOTATIONS: a fresh `__annotations__` dict.
            if let Some(first) = body.first() {
                let saved = self.u().line;
                if self.u().line == 0 {
                    self.set_line(first.span);
                }
                self.u().emit(Op::BuildMap, 0);
                let n = self.u().add_name("__annotations__");
                self.u().emit(Op::StoreName, n);
                self.u().line = saved;
            }
        }
        let mut rest = body;
        if let Some(first) = body.first() {
            if let StmtKind::Expr(Expr {
                kind: ExprKind::Constant(Constant::Str(s)),
                ..
            }) = &first.kind
            {
                if module_level {
                    self.set_line(first.span);
                    let c = self.u().add_const(Value::str(s));
                    self.u().emit(Op::LoadConst, c);
                    let n = self.u().add_name("__doc__");
                    self.u().emit(Op::StoreName, n);
                    rest = &body[1..];
                }
            }
        }
        for s in rest {
            self.stmt(s)?;
        }
        Ok(())
    }

    // ----- names -----

    pub fn load_name(&mut self, name: &str) {
        self.name_op(name, ExprContext::Load)
    }

    pub fn store_name(&mut self, name: &str) {
        self.name_op(name, ExprContext::Store)
    }

    pub fn delete_name(&mut self, name: &str) {
        self.name_op(name, ExprContext::Del)
    }

    /// Loads, stores or deletes a name the way its scope says.
    fn name_op(&mut self, name: &str, ctx: ExprContext) {
        use ExprContext::{Del, Load, Store};
        let name = &*self.mangled(name);
        let is_class = self.scope().kind == Some(ScopeKind::Class);
        let (op, arg) = match self.scope().lookup(name) {
            NameScope::Local => {
                let ops = [Op::LoadFast, Op::StoreFast, Op::DeleteFast];
                (ops, self.u().use_var(name))
            }
            NameScope::Cell | NameScope::Free => {
                // A class body reads enclosing variables through its namespace first.
                let load = if is_class {
                    Op::LoadClassDeref
                } else {
                    Op::LoadDeref
                };
                let i = self.u().deref_index(name).unwrap_or(0);
                ([load, Op::StoreDeref, Op::DeleteDeref], i)
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit => {
                let ops = [Op::LoadGlobal, Op::StoreGlobal, Op::DeleteGlobal];
                (ops, self.u().add_name(name))
            }
            NameScope::Name => {
                let ops = [Op::LoadName, Op::StoreName, Op::DeleteName];
                (ops, self.u().add_name(name))
            }
        };
        let op = match ctx {
            Load => op[0],
            Store => op[1],
            Del => op[2],
        };
        self.u().emit(op, arg);
    }

    /// An attribute's name in the names table (mangled as CPython's ADDOP_NAME).
    pub fn add_attr_name(&mut self, attr: &str) -> u32 {
        let attr = self.mangled(attr).into_owned();
        self.u().add_name(&attr)
    }

    /// A name or attribute as this scope stores it (`__x` mangled in a class).
    pub fn mangled<'n>(&self, name: &'n str) -> std::borrow::Cow<'n, str> {
        symtable::mangle(self.scope().private.as_deref(), name)
    }

    pub fn load_const(&mut self, v: Value) {
        let c = self.u().add_const(v);
        self.u().emit(Op::LoadConst, c);
    }

    // ----- statements -----

    pub fn stmts(&mut self, body: &[Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmt(&mut self, s: &Stmt) -> CResult {
        self.set_line(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                if let Some(v) = const_value(e) {
                    // A constant expression statement compiles to nothing but a line marker.
                    let _ = v;
                    self.u().emit(Op::Nop, 0);
                    return Ok(());
                }
                self.expr(e)?;
                // CPython marks the POP_TOP artificial (UNSET_LOC) and leaves
                // the location unset: what follows without a line of its own
                // (the re-raise after a finally body) gets its line from
                // the code before it, per predecessor.
                self.u().line = 0;
                self.u().emit(Op::PopTop, 0);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.u().emit(Op::Copy, 1);
                    }
                    self.assign_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.assign_target(target)?;
                } else if !matches!(target.kind, ExprKind::Name { .. }) {
                    // `a.b: int` still evaluates `a`.
                    if let ExprKind::Attribute { value, .. } = &target.kind {
                        self.expr(value)?;
                        self.u().emit(Op::PopTop, 0);
                    }
                }
                // Only module and class bodies evaluate annotations (the last
                // thing); as text, only a plain name's is stored.
                let kind = self.scope().kind;
                let as_text = self.table.annotations_as_text;
                let simple = matches!(target.kind, ExprKind::Name { .. });
                if matches!(kind, Some(ScopeKind::Module) | Some(ScopeKind::Class))
                    && (simple || !as_text)
                {
                    self.annotation(annotation)?;
                    match &target.kind {
                        ExprKind::Name { id, .. } => {
                            self.set_line(s.span);
                            let n = self.u().add_name("__annotations__");
                            self.u().emit(Op::LoadName, n);
                            let key = self.mangled(id).into_owned();
                            self.load_const(Value::str(&key));
                            self.u().emit(Op::StoreSubscr, 0);
                        }
                        _ => {
                            self.u().emit(Op::PopTop, 0);
                        }
                    }
                }
            }
            StmtKind::If { test, body, orelse } => {
                let end = self.u().new_label();
                if orelse.is_empty() {
                    self.jump_if(test, false, end)?;
                    self.stmts(body)?;
                } else {
                    let next = self.u().new_label();
                    self.jump_if(test, false, next)?;
                    self.stmts(body)?;
                    self.u().emit_noline(Op::Jump, end.0);
                    self.u().bind(next);
                    self.stmts(orelse)?;
                }
                self.u().bind(end);
            }
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse)?,
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(s, target, iter, body, orelse)?,
            StmtKind::Break => self.break_continue(s, true)?,
            StmtKind::Continue => self.break_continue(s, false)?,
            StmtKind::Pass => {
                self.u().emit(Op::Nop, 0);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                let end = self.u().new_label();
                self.jump_if(test, true, end)?;
                self.u().emit(Op::LoadAssertionError, 0);
                if let Some(m) = msg {
                    self.u().emit(Op::PushNull, 0);
                    self.u().emit(Op::Swap, 2);
                    self.expr(m)?;
                    self.u().emit(Op::Call, 1);
                }
                self.u().emit(Op::RaiseVarargs, 1);
                self.u().bind(end);
            }
            // Declarations compile to nothing (no line event either).
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Return(value) => self.return_stmt(s, value.as_ref())?,
            StmtKind::Import(aliases) => {
                for a in aliases {
                    self.set_line(s.span);
                    self.load_const(Value::Int(0));
                    self.load_const(Value::None);
                    let n = self.u().add_name(&a.name);
                    self.u().emit(Op::ImportName, n);
                    match &a.asname {
                        Some(asname) => {
                            // `import a.b as c` binds the submodule.
                            for part in a.name.split('.').skip(1) {
                                let p = self.u().add_name(part);
                                self.u().emit(Op::ImportFrom, p);
                                self.u().emit(Op::Swap, 2);
                                self.u().emit(Op::PopTop, 0);
                            }
                            self.store_name(asname);
                        }
                        None => {
                            let first = a.name.split('.').next().unwrap_or("").to_string();
                            self.store_name(&first);
                        }
                    }
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                let m = module.clone().unwrap_or_default();
                self.load_const(Value::Int(*level as i64));
                let fromlist = names.iter().map(|a| Value::str(&a.name)).collect();
                self.load_const(Value::tuple(fromlist));
                let n = self.u().add_name(&m);
                self.u().emit(Op::ImportName, n);
                if names.len() == 1 && names[0].name == "*" {
                    if self.in_function() {
                        return err("import * only allowed at module level", s.span);
                    }
                    self.u().emit(Op::ImportStar, 0);
                    return Ok(());
                }
                for a in names {
                    let p = self.u().add_name(&a.name);
                    self.u().emit(Op::ImportFrom, p);
                    let target = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.store_name(&target);
                }
                self.u().emit(Op::PopTop, 0);
            }
            StmtKind::FunctionDef(f) => self.function_def(s, f)?,
            StmtKind::ClassDef(c) => self.class_def(s, c)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(s, body, handlers, orelse)?;
                } else {
                    self.try_finally(s, body, handlers, orelse, finalbody)?;
                }
            }
            StmtKind::With { items, body } => self.with_stmt(s, items, body)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.u().emit(Op::RaiseVarargs, n);
            }
        }
        Ok(())
    }

    fn in_function(&self) -> bool {
        matches!(
            self.scope().kind,
            Some(ScopeKind::Function) | Some(ScopeKind::Comprehension)
        )
    }

    fn return_stmt(&mut self, s: &Stmt, value: Option<&Expr>) -> CResult {
        if !self.in_function() {
            return err("'return' outside function", s.span);
        }
        let constant = value.and_then(const_value);
        let preserve = value.is_some() && constant.is_none();
        // CPython 3.11's line markers: a constant value's own line, then the
        // `return` line when the value starts elsewhere (both line events).
        if preserve {
            self.expr(value.unwrap())?;
        } else if let Some(v) = value {
            self.set_line(v.span);
            self.u().emit(Op::Nop, 0);
        }
        if value.is_none_or(|v| self.line_of(v.span) != self.line_of(s.span)) {
            self.set_line(s.span);
            self.u().emit(Op::Nop, 0);
        }
        let saved_handlers = self.u().handlers.clone();
        self.unwind_all(preserve)?;
        match (value, constant) {
            (None, _) => self.load_const(Value::None),
            (Some(_), Some(c)) => self.load_const(c),
            _ => {}
        }
        self.u().emit(Op::ReturnValue, 0);
        self.u().handlers = saved_handlers;
        Ok(())
    }

    /// Runs the unwinding of every enclosing block (for `return`).
    fn unwind_all(&mut self, preserve: bool) -> CResult {
        let blocks = self.fblocks.last().unwrap().clone();
        for (i, b) in blocks.iter().enumerate().rev() {
            self.unwind_block(b, i, preserve)?;
        }
        Ok(())
    }

    /// Emits what leaving block `b` (at index `idx` of the block stack) requires.
    fn unwind_block(&mut self, b: &FBlock, idx: usize, preserve: bool) -> CResult {
        let below = self.handler_count_at(idx);
        if self.u().handlers.len() > below {
            self.u().handlers.truncate(below);
            if matches!(b, FBlock::TryExcept | FBlock::FinallyTry(_)) {
                self.u().emit(Op::Nop, 0);
            }
        }
        match b {
            FBlock::WhileLoop { .. } | FBlock::TryExcept => {}
            FBlock::ForLoop { .. } => {
                if preserve {
                    self.u().emit(Op::Swap, 2);
                }
                self.u().emit(Op::PopTop, 0);
            }
            FBlock::FinallyTry(body) => {
                // Run the finally body with the blocks outside it in effect.
                let saved_blocks = self.fblocks.last().unwrap().clone();
                self.fblocks.last_mut().unwrap().truncate(idx);
                if preserve {
                    self.fblocks.last_mut().unwrap().push(FBlock::PopValue);
                }
                self.stmts(body)?;
                *self.fblocks.last_mut().unwrap() = saved_blocks;
                // What follows (the jump or return) belongs to no line: the
                // finally body appears to run after the unwinding statement.
                self.u().line = 0;
            }
            FBlock::FinallyEnd => {
                if preserve {
                    self.u().emit(Op::Swap, 2);
                }
                self.u().emit(Op::PopTop, 0);
                if preserve {
                    self.u().emit(Op::Swap, 2);
                }
                self.u().emit(Op::PopExcept, 0);
            }
            FBlock::HandlerCleanup(name) => {
                if preserve {
                    self.u().emit(Op::Swap, 2);
                }
                self.u().emit(Op::PopExcept, 0);
                if let Some(n) = name {
                    self.load_const(Value::None);
                    self.store_name(n);
                    self.delete_name(n);
                }
            }
            FBlock::PopValue => {
                if preserve {
                    self.u().emit(Op::Swap, 2);
                }
                self.u().emit(Op::PopTop, 0);
            }
            FBlock::With(span) => {
                self.set_line(*span);
                if preserve {
                    self.u().emit(Op::Swap, 2);
                }
                self.call_exit_with_nones();
                // The exit appears to run after the unwinding statement.
                self.u().line = 0;
            }
        }
        Ok(())
    }

    /// Enters block `b`, refusing more than CPython's 20 (`CO_MAXBLOCKS`);
    /// an `except` body counts twice, as CPython's EXCEPTION_HANDLER and
    /// HANDLER_CLEANUP blocks.
    fn push_fblock(&mut self, b: FBlock, span: Span) -> CResult {
        const MAX_BLOCKS: usize = 20;
        let weight = |b: &FBlock| match b {
            FBlock::HandlerCleanup(_) => 2,
            _ => 1,
        };
        let blocks = self.fblocks.last_mut().unwrap();
        if blocks.iter().map(weight).sum::<usize>() + weight(&b) > MAX_BLOCKS {
            return err("too many statically nested blocks", span);
        }
        blocks.push(b);
        Ok(())
    }

    /// How many exception handlers are pushed by the blocks below index `idx`.
    fn handler_count_at(&self, idx: usize) -> usize {
        self.fblocks.last().unwrap()[..idx]
            .iter()
            .map(|b| match b {
                FBlock::TryExcept
                | FBlock::FinallyTry(_)
                | FBlock::FinallyEnd
                | FBlock::HandlerCleanup(None)
                | FBlock::With(_) => 1,
                // The handler-wide cleanup plus the one that clears the name.
                FBlock::HandlerCleanup(Some(_)) => 2,
                _ => 0,
            })
            .sum()
    }

    fn break_continue(&mut self, s: &Stmt, is_break: bool) -> CResult {
        let blocks = self.fblocks.last().unwrap().clone();
        let loop_idx = blocks
            .iter()
            .rposition(|b| matches!(b, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }));
        let Some(li) = loop_idx else {
            return if is_break {
                err("'break' outside loop", s.span)
            } else {
                err("'continue' not properly in loop", s.span)
            };
        };
        self.u().emit(Op::Nop, 0);
        let saved_handlers = self.u().handlers.clone();
        for i in (li + 1..blocks.len()).rev() {
            self.unwind_block(&blocks[i], i, false)?;
        }
        let (start, end) = match &blocks[li] {
            FBlock::WhileLoop { start, end } | FBlock::ForLoop { start, end } => (*start, *end),
            _ => unreachable!(),
        };
        if is_break {
            self.unwind_block(&blocks[li], li, false)?;
            self.u().emit_jump(Op::Jump, end);
        } else {
            self.u().emit_jump(Op::Jump, start);
        }
        self.u().handlers = saved_handlers;
        Ok(())
    }

    fn while_stmt(&mut self, s: &Stmt, test: &Expr, body: &[Stmt], orelse: &[Stmt]) -> CResult {
        let start = self.u().new_label();
        let body_l = self.u().new_label();
        let anchor = self.u().new_label();
        let end = self.u().new_label();
        self.u().bind(start);
        let always = const_value(test).and_then(|v| v.fast_truth());
        if always == Some(false) {
            // `while 0:` compiles to its else clause only; its body is
            // compiled and dropped (it still names its locals first).
            self.u().emit(Op::Nop, 0);
            let mark = self.u().instrs.len();
            self.push_fblock(FBlock::WhileLoop { start, end }, s.span)?;
            self.stmts(body)?;
            self.fblocks.last_mut().unwrap().pop();
            self.u().truncate(mark);
            self.stmts(orelse)?;
            self.u().bind(end);
            self.u().bind(anchor);
            self.u().bind(body_l);
            return Ok(());
        }
        self.push_fblock(FBlock::WhileLoop { start, end }, s.span)?;
        if always == Some(true) {
            self.u().emit(Op::Nop, 0);
        } else {
            self.jump_if(test, false, anchor)?;
        }
        self.u().bind(body_l);
        self.stmts(body)?;
        self.set_line(s.span);
        if always == Some(true) {
            self.u().emit_jump(Op::Jump, body_l);
        } else {
            self.jump_if(test, true, body_l)?;
        }
        self.fblocks.last_mut().unwrap().pop();
        self.u().bind(anchor);
        self.stmts(orelse)?;
        self.u().bind(end);
        Ok(())
    }

    fn for_stmt(
        &mut self,
        s: &Stmt,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> CResult {
        let start = self.u().new_label();
        let cleanup = self.u().new_label();
        let end = self.u().new_label();
        self.expr(iter)?;
        self.set_line(s.span);
        self.u().emit(Op::GetIter, 0);
        self.u().bind(start);
        self.u().emit_jump(Op::ForIter, cleanup);
        self.u().depth += 1;
        self.push_fblock(FBlock::ForLoop { start, end }, s.span)?;
        self.assign_target(target)?;
        self.stmts(body)?;
        // The jump back and what follows the loop (up to the next statement,
        // e.g. the RERAISE ending a finally body) have no line, as in CPython.
        self.u().line = 0;
        self.u().emit(Op::Jump, start.0);
        self.fblocks.last_mut().unwrap().pop();
        self.u().depth -= 1;
        self.u().bind(cleanup);
        self.stmts(orelse)?;
        self.u().bind(end);
        Ok(())
    }

    fn try_except(
        &mut self,
        s: &Stmt,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
    ) -> CResult {
        let except = self.u().new_label();
        let end = self.u().new_label();
        let cleanup = self.u().new_label();
        let depth = self.u().depth;
        self.set_line(s.span);
        self.u().emit(Op::Nop, 0);
        self.u().push_handler(except, depth, false);
        self.push_fblock(FBlock::TryExcept, s.span)?;
        self.stmts(body)?;
        self.fblocks.last_mut().unwrap().pop();
        self.u().pop_handler();
        self.stmts(orelse)?;
        self.u().emit_noline(Op::Jump, end.0);
        self.except_handlers(handlers, except, cleanup, end, depth)?;
        self.u().bind(end);
        Ok(())
    }

    /// The handler chain: entered with the exception on the stack above `depth`.
    fn except_handlers(
        &mut self,
        handlers: &[ExceptHandler],
        except: Label,
        cleanup: Label,
        end: Label,
        depth: u32,
    ) -> CResult {
        self.u().bind(except);
        self.u().push_handler(cleanup, depth + 1, true);
        self.u().emit_noline(Op::PushExcInfo, 0);
        self.u().depth = depth + 1;
        for (i, h) in handlers.iter().enumerate() {
            self.set_line(h.span);
            let next = self.u().new_label();
            match &h.typ {
                Some(t) => {
                    self.expr(t)?;
                    self.u().emit(Op::CheckExcMatch, 0);
                    self.u().emit_jump(Op::PopJumpIfFalse, next);
                }
                None => {
                    if i + 1 < handlers.len() {
                        return err("default 'except:' must be last", h.span);
                    }
                }
            }
            match &h.name {
                Some(name) => {
                    self.store_name(name);
                    let cleanup_body = self.u().new_label();
                    self.u().push_handler(cleanup_body, depth + 1, true);
                    self.push_fblock(FBlock::HandlerCleanup(Some(name.clone())), h.span)?;
                    self.stmts(&h.body)?;
                    self.fblocks.last_mut().unwrap().pop();
                    self.u().pop_handler();
                    // Artificial cleanup: its line comes from what ran before it
                    // (CPython's UNSET_LOC, which lasts to the next statement).
                    self.u().line = 0;
                    self.u().emit(Op::PopExcept, 0);
                    self.load_const(Value::None);
                    self.store_name(name);
                    self.delete_name(name);
                    self.u().emit_jump(Op::Jump, end);
                    // The exception escaping the handler body: clear the name, re-raise.
                    self.u().bind(cleanup_body);
                    self.load_const(Value::None);
                    self.store_name(name);
                    self.delete_name(name);
                    self.u().emit(Op::Reraise, 1);
                }
                None => {
                    self.u().emit(Op::PopTop, 0);
                    self.push_fblock(FBlock::HandlerCleanup(None), h.span)?;
                    self.stmts(&h.body)?;
                    self.fblocks.last_mut().unwrap().pop();
                    self.u().line = 0;
                    self.u().emit(Op::PopExcept, 0);
                    self.u().emit(Op::Jump, end.0);
                }
            }
            self.u().bind(next);
        }
        // No handler matched: re-raise (line-less: it takes the line of the
        // last except clause's test, its only predecessor).
        self.u().line = 0;
        self.u().emit(Op::Reraise, 0);
        self.u().pop_handler();
        self.u().bind(cleanup);
        self.u().emit_noline(Op::Copy, 3);
        self.u().emit_noline(Op::PopExcept, 0);
        self.u().emit_noline(Op::Reraise, 1);
        self.u().depth = depth;
        Ok(())
    }

    fn try_finally(
        &mut self,
        s: &Stmt,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> CResult {
        let end = self.u().new_label();
        let exc_path = self.u().new_label();
        let exc_cleanup = self.u().new_label();
        let depth = self.u().depth;
        let fin = Rc::new(finalbody.to_vec());
        self.set_line(s.span);
        self.u().emit(Op::Nop, 0);
        self.u().push_handler(exc_path, depth, false);
        self.push_fblock(FBlock::FinallyTry(fin.clone()), s.span)?;
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            // try/except nested inside try/finally, as CPython does.
            let except = self.u().new_label();
            let inner_end = self.u().new_label();
            let cleanup = self.u().new_label();
            self.u().push_handler(except, depth, false);
            self.push_fblock(FBlock::TryExcept, s.span)?;
            self.stmts(body)?;
            self.fblocks.last_mut().unwrap().pop();
            self.u().pop_handler();
            self.stmts(orelse)?;
            self.u().emit_noline(Op::Jump, inner_end.0);
            self.except_handlers(handlers, except, cleanup, inner_end, depth)?;
            self.u().bind(inner_end);
        }
        self.fblocks.last_mut().unwrap().pop();
        self.u().pop_handler();
        // Normal exit: the finally body inline.
        self.stmts(finalbody)?;
        self.u().emit_noline(Op::Jump, end.0);
        // Exceptional exit: the finally body again, then re-raise.
        self.u().bind(exc_path);
        self.u().push_handler(exc_cleanup, depth + 1, true);
        self.u().emit_noline(Op::PushExcInfo, 0);
        self.u().depth = depth + 2;
        self.push_fblock(FBlock::FinallyEnd, s.span)?;
        self.stmts(finalbody)?;
        self.fblocks.last_mut().unwrap().pop();
        self.u().emit(Op::Reraise, 0);
        self.u().pop_handler();
        self.u().bind(exc_cleanup);
        self.u().emit(Op::Copy, 3);
        self.u().emit(Op::PopExcept, 0);
        self.u().emit(Op::Reraise, 1);
        self.u().depth = depth;
        self.u().bind(end);
        Ok(())
    }

    /// `with` as CPython 3.11 compiles it, one item at a time (the later
    /// items nest inside the earlier ones): `BeforeWith`, the target, the
    /// body under a handler, then `__exit__(None, None, None)` on the `with`
    /// line; the handler calls `__exit__` with the exception and re-raises
    /// it unless that returns true.
    fn with_stmt(&mut self, s: &Stmt, items: &[WithItem], body: &[Stmt]) -> CResult {
        let (item, rest) = items.split_first().expect("a with statement has items");
        let exc_path = self.u().new_label();
        let exc_cleanup = self.u().new_label();
        let suppress = self.u().new_label();
        let end = self.u().new_label();
        let depth = self.u().depth;
        self.expr(&item.context_expr)?;
        self.u().emit(Op::BeforeWith, 0);
        self.u().push_handler(exc_path, depth + 1, true);
        self.u().depth = depth + 1;
        self.push_fblock(FBlock::With(s.span), s.span)?;
        match &item.optional_vars {
            Some(t) => self.assign_target(t)?,
            None => {
                self.u().emit(Op::PopTop, 0);
            }
        }
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with_stmt(s, rest, body)?;
        }
        self.fblocks.last_mut().unwrap().pop();
        self.u().pop_handler();
        // Normal exit: on the `with` line again.
        self.set_line(s.span);
        self.call_exit_with_nones();
        self.u().emit(Op::Jump, end.0);
        // Exceptional exit: `exit lasti prev exc`.
        self.u().bind(exc_path);
        self.u().push_handler(exc_cleanup, depth + 3, true);
        self.u().emit(Op::PushExcInfo, 0);
        self.u().emit(Op::WithExceptStart, 0);
        self.u().line = 0;
        self.u().emit_jump(Op::PopJumpIfTrue, suppress);
        self.u().emit(Op::Reraise, 2);
        self.u().pop_handler();
        self.u().bind(exc_cleanup);
        self.u().emit(Op::Copy, 3);
        self.u().emit(Op::PopExcept, 0);
        self.u().emit(Op::Reraise, 1);
        // `__exit__` returned true: the exception is swallowed.
        self.u().bind(suppress);
        self.u().push_handler(exc_cleanup, depth + 3, true);
        self.u().emit(Op::PopTop, 0);
        self.u().pop_handler();
        self.u().emit(Op::PopExcept, 0);
        self.u().emit(Op::PopTop, 0);
        self.u().emit(Op::PopTop, 0);
        self.u().depth = depth;
        self.u().bind(end);
        Ok(())
    }

    /// `exit -- ` calling `exit(None, None, None)` (the bound `__exit__`
    /// stands in the method slot and the first None as its self, as in
    /// CPython's `compiler_call_exit_with_nones`).
    fn call_exit_with_nones(&mut self) {
        for _ in 0..3 {
            self.load_const(Value::None);
        }
        self.u().emit(Op::Call, 2);
        self.u().emit(Op::PopTop, 0);
    }

    // ----- functions and classes -----

    /// The symbol-table scope of the node at `span` in the current scope.
    pub fn child_scope(&self, span: Span, kind: ScopeKind) -> CResult<usize> {
        let parent = self.units.last().unwrap().scope;
        match self.table.child_at(parent, span, kind) {
            Some(id) => Ok(id),
            None => err("internal error: no symbol table for this scope", span),
        }
    }

    pub fn qualname_for(&self, name: &str) -> String {
        let parent = self.units.last().unwrap();
        match parent.kind {
            CodeKind::Module => name.to_string(),
            // As CPython's compiler_set_qualname: only a function (or lambda)
            // parent adds `.<locals>`.
            CodeKind::Class | CodeKind::Comprehension => format!("{}.{}", parent.qualname, name),
            CodeKind::Function => format!("{}.<locals>.{}", parent.qualname, name),
        }
    }

    /// Starts a new unit for a child scope with its variables laid out.
    pub fn enter_scope(&mut self, scope: usize, kind: CodeKind, name: &str, firstlineno: u32) {
        let mut qualname = self.qualname_for(name);
        if kind == CodeKind::Function || kind == CodeKind::Class {
            // Names declared global keep a plain qualname.
            let parent_scope = &self.table.scopes[self.units.last().unwrap().scope];
            if parent_scope.lookup(name) == NameScope::GlobalExplicit {
                qualname = name.to_string();
            }
        }
        let mut u = Unit::new(scope, kind, name, &qualname, firstlineno);
        let sc = &self.table.scopes[scope];
        for p in &sc.params {
            u.varname_index(p);
        }
        u.nparams = u.varnames.len();
        if kind == CodeKind::Function || kind == CodeKind::Comprehension {
            for n in &sc.bound {
                if sc.lookup(n) == NameScope::Local {
                    u.varname_index(n);
                }
            }
            u.flags |= CO_OPTIMIZED | CO_NEWLOCALS;
        }
        if kind == CodeKind::Function && sc.is_generator {
            u.flags |= crate::bytecode::CO_GENERATOR;
        }
        u.set_derefs(&sc.cellvars, &sc.freevars);
        if self.units.len() > 1 || kind == CodeKind::Comprehension {
            u.flags |= CO_NESTED;
        }
        self.units.push(u);
        self.fblocks.push(vec![]);
    }

    pub fn leave_scope(&mut self) -> Rc<Code> {
        self.fblocks.pop();
        let u = self.units.pop().unwrap();
        self.left_scope = u.scope;
        crate::gc::alloc(u.finish(&self.filename))
    }

    /// Pushes a new function object for `code`, the code object
    /// `leave_scope` made last (closure from the current scope).
    pub fn make_function(&mut self, code: Rc<Code>, mut flags: u32) {
        if !code.freevars.is_empty() {
            for f in code.freevars.clone().iter() {
                let i = self.u().deref_index(f.as_str()).unwrap_or(0);
                self.u().emit(Op::LoadClosure, i);
            }
            let n = code.freevars.len() as u32;
            self.u().emit(Op::BuildTuple, n);
            flags |= 8;
        }
        let scope = self.left_scope;
        let c = self.u().add_code_const(code, scope);
        self.u().emit(Op::LoadConst, c);
        self.u().emit(Op::MakeFunction, flags);
    }

    /// Pushes defaults tuple and kw-defaults dict; returns MakeFunction flags.
    pub fn arg_defaults(&mut self, a: &Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !a.defaults.is_empty() {
            let consts: Option<Vec<Value>> = a.defaults.iter().map(const_value).collect();
            match consts {
                Some(vs) => {
                    // CPython folds the tuple after compiling each default on its
                    // own line: a NOP per other line is left (and traced).
                    // CPython then drops a NOP on the line of the one before or after.
                    let line = self.u().line;
                    let lines: Vec<u32> = a.defaults.iter().map(|d| self.line_of(d.span)).collect();
                    let mut prev = None;
                    for (i, &l) in lines.iter().enumerate() {
                        let next = lines.get(i + 1).copied().unwrap_or(line);
                        if prev != Some(l) && next != l {
                            self.u().line = l;
                            self.u().emit(Op::Nop, 0);
                            prev = Some(l);
                        }
                    }
                    self.u().line = line;
                    self.load_const(Value::tuple(vs))
                }
                None => {
                    for d in &a.defaults {
                        self.expr(d)?;
                    }
                    let n = a.defaults.len() as u32;
                    self.u().emit(Op::BuildTuple, n);
                }
            }
            flags |= 1;
        }
        let kw: Vec<(&Arg, &Expr)> = a
            .kwonly
            .iter()
            .zip(a.kw_defaults.iter())
            .filter_map(|(arg, d)| d.as_ref().map(|d| (arg, d)))
            .collect();
        if !kw.is_empty() {
            // As CPython: the values on their lines, then the names as one
            // constant tuple and BUILD_CONST_KEY_MAP on the def's line.
            let line = self.u().line;
            let mut names = Vec::with_capacity(kw.len());
            for (arg, d) in &kw {
                names.push(Value::str(&self.mangled(&arg.name)));
                self.expr(d)?;
            }
            self.u().line = line;
            self.load_const(Value::tuple(names));
            self.u().emit(Op::BuildConstKeyMap, kw.len() as u32);
            flags |= 2;
        }
        Ok(flags)
    }

    /// Pushes the `(name, annotation, ...)` tuple in CPython 3.11's order
    /// (args, then posonly, *args, kw-only, **kwargs, return); false if none.
    fn annotations(&mut self, f: &FunctionDef) -> CResult<bool> {
        let a = &f.args;
        let params = a
            .args
            .iter()
            .chain(a.posonly.iter())
            .chain(a.vararg.iter())
            .chain(a.kwonly.iter())
            .chain(a.kwarg.iter());
        let mut items: Vec<(String, &Expr)> = params
            .filter_map(|p| p.annotation.as_ref().map(|e| (p.name.clone(), e)))
            .collect();
        if let Some(r) = &f.returns {
            items.push(("return".to_string(), r));
        }
        if items.is_empty() {
            return Ok(false);
        }
        for (name, e) in &items {
            let key = self.mangled(name).into_owned();
            self.load_const(Value::str(&key));
            self.annotation(e)?;
        }
        self.u().emit(Op::BuildTuple, 2 * items.len() as u32);
        Ok(true)
    }

    /// An annotation's value: the expression's, or its text under
    /// `from __future__ import annotations`.
    fn annotation(&mut self, e: &Expr) -> CResult {
        if self.table.annotations_as_text {
            let text = super::future::annotation_text(e)?;
            self.load_const(Value::str(&text));
            return Ok(());
        }
        self.expr(e)
    }

    pub fn set_arg_counts(&mut self, a: &Arguments) {
        let u = self.u();
        u.posonlyargcount = a.posonly.len() as u32;
        u.argcount = (a.posonly.len() + a.args.len()) as u32;
        u.kwonlyargcount = a.kwonly.len() as u32;
        if a.vararg.is_some() {
            u.flags |= CO_VARARGS;
        }
        if a.kwarg.is_some() {
            u.flags |= CO_VARKEYWORDS;
        }
    }

    fn function_def(&mut self, s: &Stmt, f: &FunctionDef) -> CResult {
        let def_line = self.line_of(f.def_span);
        let firstlineno = self.line_of(s.span);
        for d in &f.decorators {
            self.set_line(d.span);
            self.u().emit(Op::PushNull, 0);
            self.expr(d)?;
        }
        self.u().line = def_line;
        let mut flags = self.arg_defaults(&f.args)?;
        if self.annotations(f)? {
            flags |= 4;
        }
        let scope = self.child_scope(s.span, ScopeKind::Function)?;
        self.enter_scope(scope, CodeKind::Function, &f.name, firstlineno);
        self.set_arg_counts(&f.args);
        self.u().line = firstlineno;
        self.u().emit(Op::Resume, 0);
        let mut body: &[Stmt] = &f.body;
        let mut doc = None;
        if let Some(first) = body.first() {
            if let StmtKind::Expr(Expr {
                kind: ExprKind::Constant(Constant::Str(d)),
                ..
            }) = &first.kind
            {
                doc = Some(d.clone());
                body = &body[1..];
            }
        }
        // CPython keeps the docstring as the first constant.
        match &doc {
            Some(d) => {
                self.u().add_const(Value::str(d));
            }
            None => {
                self.u().add_const(Value::None);
            }
        }
        for st in body {
            self.stmt(st)?;
        }
        if body.is_empty() {
            // A body that is only a docstring still has a line to report.
            let l = self.line_of(f.body[0].span);
            self.u().line = l;
            self.u().emit(Op::Nop, 0);
        }
        if !ends_in_return(self.u()) {
            self.return_none_implicit();
        }
        let code = self.leave_scope();
        self.u().line = def_line;
        self.make_function(code, flags);
        self.apply_decorators(&f.decorators);
        self.u().line = def_line;
        self.store_name(&f.name);
        Ok(())
    }

    fn apply_decorators(&mut self, decorators: &[Expr]) {
        for d in decorators.iter().rev() {
            self.set_line(d.span);
            self.u().emit(Op::Call, 1);
        }
    }

    fn class_def(&mut self, s: &Stmt, c: &ClassDef) -> CResult {
        if c.bases.len() > 1 {
            return err(
                "multiple inheritance is not supported by krait",
                c.bases[1].span,
            );
        }
        for (i, k) in c.keywords.iter().enumerate() {
            let Some(name) = &k.name else {
                return err(
                    "class keyword arguments ** are not supported by krait",
                    k.span,
                );
            };
            if c.keywords[..i]
                .iter()
                .any(|o| o.name.as_ref() == Some(name))
            {
                return err(format!("keyword argument repeated: {name}"), k.span);
            }
        }
        if let Some(k) = c
            .keywords
            .iter()
            .find(|k| k.name.as_deref() == Some("metaclass"))
        {
            return err("metaclasses are not supported by krait", k.span);
        }
        let def_line = self.line_of(c.def_span);
        let firstlineno = self.line_of(s.span);
        for d in &c.decorators {
            self.set_line(d.span);
            self.u().emit(Op::PushNull, 0);
            self.expr(d)?;
        }
        self.u().line = def_line;
        let scope = self.child_scope(s.span, ScopeKind::Class)?;
        self.enter_scope(scope, CodeKind::Class, &c.name, firstlineno);
        self.u().line = firstlineno;
        self.u().emit(Op::Resume, 0);
        // The body's prologue is at the first decorator's line, as in
        // CPython 3.11 (its first line event).
        let n = self.u().add_name("__name__");
        self.u().emit(Op::LoadName, n);
        let m = self.u().add_name("__module__");
        self.u().emit(Op::StoreName, m);
        let qn = self.u().qualname.clone();
        self.load_const(Value::str(&qn));
        let q = self.u().add_name("__qualname__");
        self.u().emit(Op::StoreName, q);
        self.body_with_docstring(&c.body, true)?;
        let cell = self.u().deref_index("__class__");
        match cell {
            Some(i) if self.u().has_cell("__class__") => {
                self.u().emit_noline(Op::LoadClosure, i);
                self.u().emit_noline(Op::ReturnValue, 0);
            }
            _ => self.return_none_implicit(),
        }
        let code = self.leave_scope();
        self.u().line = def_line;
        self.make_function(code, 0);
        self.load_const(Value::str(&c.name));
        for b in &c.bases {
            self.expr(b)?;
        }
        let mut arg = c.bases.len() as u32;
        if !c.keywords.is_empty() {
            // For `__init_subclass__`, as a dict (CPython passes them to
            // `__build_class__` as keywords).
            for k in &c.keywords {
                self.load_const(Value::str(k.name.as_deref().unwrap_or_default()));
                self.expr(&k.value)?;
            }
            self.u().line = def_line;
            self.u().emit(Op::BuildMap, c.keywords.len() as u32);
            arg |= crate::vm::call::BUILD_CLASS_KWARGS;
        }
        self.u().line = def_line;
        self.u().emit(Op::BuildClass, arg);
        self.apply_decorators(&c.decorators);
        self.u().line = def_line;
        self.store_name(&c.name);
        Ok(())
    }

    // ----- assignment targets -----

    pub fn assign_target(&mut self, t: &Expr) -> CResult {
        let saved = self.u().line;
        self.set_line(t.span);
        match &t.kind {
            ExprKind::Name { id, .. } => self.store_name(id),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                self.u().line = self.lines.line_of(t.span.end.saturating_sub(1));
                let n = self.add_attr_name(attr);
                self.u().emit(Op::StoreAttr, n);
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.u().emit(Op::StoreSubscr, 0);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                let star = elts
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred { .. }));
                match star {
                    None => {
                        self.u().emit(Op::UnpackSequence, elts.len() as u32);
                    }
                    Some(i) => {
                        if elts
                            .iter()
                            .skip(i + 1)
                            .any(|e| matches!(e.kind, ExprKind::Starred { .. }))
                        {
                            return err("multiple starred expressions in assignment", t.span);
                        }
                        let after = (elts.len() - i - 1) as u32;
                        self.u().emit(Op::UnpackEx, i as u32 | (after << 8));
                    }
                }
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred { value, .. } => self.assign_target(value)?,
                        _ => self.assign_target(e)?,
                    }
                }
            }
            ExprKind::Starred { .. } => {
                return err(
                    "starred assignment target must be in a list or tuple",
                    t.span,
                )
            }
            _ => return err(format!("cannot assign to {}", describe(t)), t.span),
        }
        self.u().line = saved;
        Ok(())
    }

    fn delete_target(&mut self, t: &Expr) -> CResult {
        self.set_line(t.span);
        match &t.kind {
            ExprKind::Name { id, .. } => self.delete_name(id),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let n = self.add_attr_name(attr);
                self.u().emit(Op::DeleteAttr, n);
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.u().emit(Op::DeleteSubscr, 0);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            _ => return err(format!("cannot delete {}", describe(t)), t.span),
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr) -> CResult {
        let kind = super::expr::binop_kind(op) + crate::bytecode::BinOpKind::COUNT;
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.load_name(id);
                self.expr(value)?;
                self.u().emit(Op::BinaryOp, kind);
                self.store_name(id);
            }
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.expr(obj)?;
                self.u().emit(Op::Copy, 1);
                let n = self.add_attr_name(attr);
                self.u().emit(Op::LoadAttr, n);
                self.expr(value)?;
                self.u().emit(Op::BinaryOp, kind);
                self.u().emit(Op::Swap, 2);
                self.u().emit(Op::StoreAttr, n);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.u().emit(Op::Copy, 2);
                self.u().emit(Op::Copy, 2);
                self.u().emit(Op::BinarySubscr, 0);
                self.expr(value)?;
                self.u().emit(Op::BinaryOp, kind);
                self.u().emit(Op::Swap, 3);
                self.u().emit(Op::Swap, 2);
                self.u().emit(Op::StoreSubscr, 0);
            }
            _ => {
                return err(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        describe(target)
                    ),
                    target.span,
                )
            }
        }
        Ok(())
    }
}

fn ends_in_return(u: &Unit) -> bool {
    // Only when the very last instruction returns and nothing jumps past it.
    let _ = u;
    false
}

/// How CPython names an expression in "cannot assign to ..." messages.
pub fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call { .. } => "function call",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::True) => "True",
        ExprKind::Constant(Constant::False) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::BoolOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Whether a module or class body stores annotations (CPython's find_ann:
/// `x: T` anywhere in its statements, outside nested functions and classes).
fn stores_annotations(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::If { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::For { body, orelse, .. } => {
            body.iter().chain(orelse.iter()).any(stores_annotations)
        }
        StmtKind::With { body, .. } => body.iter().any(stores_annotations),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            body.iter()
                .chain(orelse.iter())
                .chain(finalbody.iter())
                .any(stores_annotations)
                || handlers
                    .iter()
                    .any(|h| h.body.iter().any(stores_annotations))
        }
        _ => false,
    }
}
