//! The symbol-table pass: decides for every name in every scope whether it is
//! local, global, a cell (local captured by an inner scope) or free (a
//! variable of an enclosing function).

use rustc_hash::{FxHashMap, FxHashSet};

use crate::syntax::ast::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
}

/// How a name is reached in one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameScope {
    /// A fast local of a function.
    Local,
    /// A local captured by an inner scope: lives in a cell.
    Cell,
    /// A variable of an enclosing function.
    Free,
    /// Declared `global`.
    GlobalExplicit,
    /// Not bound anywhere enclosing: module globals or built-ins.
    GlobalImplicit,
    /// Module and class bodies: the namespace dict.
    Name,
}

#[derive(Debug, Default)]
pub struct Scope {
    pub kind: Option<ScopeKind>,
    /// Names bound here, in first-binding order.
    pub bound: Vec<String>,
    bound_set: FxHashSet<String>,
    pub params: Vec<String>,
    pub used: FxHashSet<String>,
    pub globals: FxHashSet<String>,
    pub nonlocals: FxHashSet<String>,
    /// Resolved: name -> scope.
    pub symbols: FxHashMap<String, NameScope>,
    /// Cell variables, in a stable order.
    pub cellvars: Vec<String>,
    /// Free variables, in a stable order.
    pub freevars: Vec<String>,
    pub children: Vec<usize>,
    /// Child scopes by the span of the node that makes them (see `SymbolTable`).
    child_at: FxHashMap<(u32, u32), usize>,
    pub parent: Option<usize>,
    /// Whether `super` is used directly here (needs the `__class__` cell).
    pub uses_super: bool,
    /// A `yield` or `yield from` is in this scope: a function scope is a
    /// generator (CPython's `ste_generator`), even where the code that
    /// yields is never compiled (`if 0: yield`).
    pub is_generator: bool,
    /// A class body that must provide the `__class__` cell.
    pub needs_class_cell: bool,
    /// Where each `global`/`nonlocal` was declared (for errors found when resolving).
    directives: FxHashMap<String, Span>,
    /// A comprehension's iteration variables (walrus targets may not rebind them).
    comp_iter: FxHashSet<String>,
    /// Walrus targets a comprehension binds in an enclosing scope.
    walrus: FxHashSet<String>,
    /// Visiting a comprehension's `for` target.
    in_comp_target: bool,
    /// Visiting a comprehension's iterable (no walrus allowed there).
    in_comp_iter: u32,
    /// The class whose private names (`__x`) are mangled here: this class
    /// body's, or the one enclosing this function (CPython's `u_private`).
    pub private: Option<String>,
}

/// CPython's `_Py_Mangle`: `__x` inside class `A` is `_A__x` (not dunders,
/// not dotted names, not when the class name is only underscores).
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> std::borrow::Cow<'a, str> {
    let Some(class) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return name.into();
    }
    format!("_{class}{name}").into()
}

impl Scope {
    fn bind(&mut self, name: &str) {
        if self.bound_set.insert(name.to_string()) {
            self.bound.push(name.to_string());
        }
    }
    pub fn lookup(&self, name: &str) -> NameScope {
        match self.symbols.get(name) {
            Some(s) => *s,
            None => match self.kind {
                Some(ScopeKind::Module) | Some(ScopeKind::Class) => NameScope::Name,
                _ => NameScope::GlobalImplicit,
            },
        }
    }
}

/// All scopes of a module; index 0 is the module.
///
/// The code generator finds the scope of a `def`, `class`, lambda or
/// comprehension by the node's source span within its parent scope (as
/// CPython's compiler looks up symtable entries by AST node), never by
/// counting scopes in visiting order: codegen lays code out in a different
/// order than source order (`else` before `except` handlers) and compiles
/// some subtrees several times (`while` tests twice, `finally` bodies once
/// per exit path), so a running index drifts. Spans survive the clones made
/// of `finally` bodies, and two distinct scope-making nodes never share one.
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// `from __future__ import annotations`: annotations are their text,
    /// never evaluated.
    pub annotations_as_text: bool,
}

/// A problem found while building the table (reported as `SyntaxError`).
pub struct SymbolError {
    pub msg: String,
    pub span: Span,
    /// Nesting too deep (CPython's RecursionError during compilation).
    pub recursion: bool,
}

/// Expression nesting the compiler accepts (CPython stops near 3,000 too).
pub const MAX_DEPTH: u32 = 2000;

struct Builder {
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    error: Option<SymbolError>,
    depth: u32,
    annotations_as_text: bool,
}

pub fn build(module: &Module, annotations_as_text: bool) -> Result<SymbolTable, SymbolError> {
    let mut b = Builder {
        scopes: vec![],
        stack: vec![],
        error: None,
        depth: 0,
        annotations_as_text,
    };
    b.push(ScopeKind::Module, "<module>", Span::new(0, 0));
    for s in &module.body {
        b.stmt(s);
    }
    b.stack.pop();
    if let Some(e) = b.error {
        return Err(e);
    }
    let mut t = SymbolTable {
        scopes: b.scopes,
        annotations_as_text,
    };
    t.resolve(0, &FxHashSet::default())?;
    Ok(t)
}

impl Builder {
    fn push(&mut self, kind: ScopeKind, name: &str, span: Span) -> usize {
        let id = self.scopes.len();
        let parent = self.stack.last().copied();
        // Scopes nested in a comprehension's iterable inherit the walrus ban.
        let in_comp_iter = parent.map_or(0, |p| self.scopes[p].in_comp_iter);
        let private = match kind {
            ScopeKind::Class => Some(name.to_string()),
            _ => parent.and_then(|p| self.scopes[p].private.clone()),
        };
        self.scopes.push(Scope {
            kind: Some(kind),
            parent,
            in_comp_iter,
            private,
            ..Default::default()
        });
        if let Some(p) = parent {
            self.scopes[p].children.push(id);
            if self.scopes[p]
                .child_at
                .insert((span.start, span.end), id)
                .is_some()
            {
                self.err("internal error: two scopes at one source span".into(), span);
            }
        }
        self.stack.push(id);
        id
    }
    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap();
        &mut self.scopes[i]
    }
    fn err(&mut self, msg: String, span: Span) {
        if self.error.is_none() {
            self.error = Some(SymbolError {
                msg,
                span,
                recursion: false,
            });
        }
    }
    /// `name` as this scope stores it (mangled in a class).
    fn mangled(&self, name: &str) -> String {
        let i = *self.stack.last().unwrap();
        mangle(self.scopes[i].private.as_deref(), name).into_owned()
    }
    fn bind(&mut self, name: &str, span: Span) {
        let name = &self.mangled(name);
        let s = self.cur();
        if s.in_comp_target {
            if s.walrus.contains(name) {
                let msg = format!(
                    "comprehension inner loop cannot rebind assignment expression target '{}'",
                    name
                );
                self.err(msg, span);
                return;
            }
            s.comp_iter.insert(name.to_string());
        }
        s.bind(name);
    }
    fn use_name(&mut self, name: &str) {
        let name = &self.mangled(name);
        // Both read the enclosing class's `__class__` cell (as CPython's symtable).
        if name == "super" || name == "__class__" {
            self.cur().uses_super = true;
        }
        self.cur().used.insert(name.to_string());
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for t in targets {
                    self.expr(t);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                if let ExprKind::Name { id, .. } = &target.kind {
                    self.use_name(id);
                }
                self.expr(target);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if let Some(v) = value {
                    self.expr(v);
                }
                // Module and class bodies evaluate annotations (functions do not).
                if matches!(
                    self.cur().kind,
                    Some(ScopeKind::Module) | Some(ScopeKind::Class)
                ) && !self.annotations_as_text
                {
                    self.expr(annotation);
                }
                if value.is_some() || !matches!(target.kind, ExprKind::Name { .. }) {
                    self.expr(target);
                } else if let ExprKind::Name { id, .. } = &target.kind {
                    // A bare annotation still makes the name local in a function.
                    self.bind(id, target.span);
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(iter);
                self.expr(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass => {}
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.expr(t);
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m);
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    let n = &self.mangled(n);
                    self.check_declared_late(n, "global", s.span);
                    self.cur().globals.insert(n.clone());
                    self.cur().directives.entry(n.clone()).or_insert(s.span);
                }
            }
            StmtKind::Nonlocal(names) => {
                if matches!(self.cur().kind, Some(ScopeKind::Module)) {
                    self.err(
                        "nonlocal declaration not allowed at module level".into(),
                        s.span,
                    );
                }
                for n in names {
                    let n = &self.mangled(n);
                    self.check_declared_late(n, "nonlocal", s.span);
                    self.cur().nonlocals.insert(n.clone());
                    self.cur().directives.entry(n.clone()).or_insert(s.span);
                }
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v);
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let name = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(&name, a.span);
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        continue;
                    }
                    let name = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.bind(&name, a.span);
                }
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d);
                }
                self.arg_defaults(&f.args);
                // Annotations are evaluated in the enclosing scope, at def time.
                let a = &f.args;
                let params = a.posonly.iter().chain(&a.args).chain(&a.vararg);
                for p in params.chain(&a.kwonly).chain(&a.kwarg) {
                    match &p.annotation {
                        Some(e) if !self.annotations_as_text => self.expr(e),
                        _ => {}
                    }
                }
                match &f.returns {
                    Some(r) if !self.annotations_as_text => self.expr(r),
                    _ => {}
                }
                self.bind(&f.name, s.span);
                self.push(ScopeKind::Function, &f.name, s.span);
                self.params(&f.args);
                self.stmts(&f.body);
                self.stack.pop();
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d);
                }
                self.push(ScopeKind::Class, &c.name, s.span);
                self.stmts(&c.body);
                self.stack.pop();
                // Bases are evaluated after the body's function is made.
                for b in &c.bases {
                    self.expr(b);
                }
                for k in &c.keywords {
                    self.expr(&k.value);
                }
                self.bind(&c.name, s.span);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n, h.span);
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
                self.stmts(finalbody);
            }
            StmtKind::With { items, body } => {
                for item in items {
                    self.expr(&item.context_expr);
                    if let Some(t) = &item.optional_vars {
                        self.expr(t);
                    }
                }
                self.stmts(body);
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e);
                }
                if let Some(c) = cause {
                    self.expr(c);
                }
            }
        }
    }

    /// `global x` / `nonlocal x` after x was already used or assigned here.
    fn check_declared_late(&mut self, n: &str, what: &str, span: Span) {
        let sc = self.cur();
        let msg = if sc.params.iter().any(|p| p == n) {
            format!("name '{}' is parameter and {}", n, what)
        } else if sc.used.contains(n) {
            format!("name '{}' is used prior to {} declaration", n, what)
        } else if sc.bound_set.contains(n) {
            format!("name '{}' is assigned to before {} declaration", n, what)
        } else {
            return;
        };
        self.err(msg, span);
    }

    fn arg_defaults(&mut self, a: &Arguments) {
        for d in &a.defaults {
            self.expr(d);
        }
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d);
        }
    }

    fn params(&mut self, a: &Arguments) {
        let mut all: Vec<&Arg> = a.posonly.iter().chain(a.args.iter()).collect();
        all.extend(a.kwonly.iter());
        if let Some(v) = &a.vararg {
            all.push(v);
        }
        if let Some(k) = &a.kwarg {
            all.push(k);
        }
        for p in all {
            let name = self.mangled(&p.name);
            if self.cur().bound_set.contains(&name) {
                let msg = format!("duplicate argument '{}' in function definition", name);
                self.err(msg, p.span);
            }
            self.cur().params.push(name);
            self.bind(&p.name, p.span);
        }
    }

    /// Visits in CPython's order: the first iterable (evaluated in the
    /// enclosing scope), then each `for` of the comprehension's own scope.
    fn comprehension(&mut self, e: &Expr, name: &str, gens: &[Comprehension], elts: &[&Expr]) {
        self.comp_iterable(&gens[0].iter);
        self.push(ScopeKind::Comprehension, name, e.span);
        self.cur().params.push(".0".into());
        self.cur().bind(".0");
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.comp_iterable(&g.iter);
            }
            self.cur().in_comp_target = true;
            self.expr(&g.target);
            self.cur().in_comp_target = false;
            for c in &g.ifs {
                self.expr(c);
            }
        }
        for e in elts {
            self.expr(e);
        }
        self.stack.pop();
    }

    fn comp_iterable(&mut self, it: &Expr) {
        self.cur().in_comp_iter += 1;
        self.expr(it);
        self.cur().in_comp_iter -= 1;
    }

    /// The target of `:=` inside a comprehension binds in the nearest
    /// enclosing function (as a free variable of the comprehension) or in the
    /// module (as a global), as CPython's symtable_extend_namedexpr_scope.
    fn walrus_in_comprehension(&mut self, id: &str, span: Span) {
        let cur = *self.stack.last().unwrap();
        for &sid in self.stack.iter().rev() {
            let sc = &self.scopes[sid];
            match sc.kind {
                Some(ScopeKind::Comprehension) => {
                    if sc.comp_iter.contains(id) {
                        let msg = format!(
                            "assignment expression cannot rebind comprehension iteration variable '{}'",
                            id
                        );
                        return self.err(msg, span);
                    }
                }
                Some(ScopeKind::Function) => {
                    let global = sc.globals.contains(id);
                    let c = &mut self.scopes[cur];
                    if global {
                        c.globals.insert(id.to_string());
                    } else {
                        c.nonlocals.insert(id.to_string());
                    }
                    c.walrus.insert(id.to_string());
                    c.directives.entry(id.to_string()).or_insert(span);
                    self.scopes[sid].bind(id);
                    return;
                }
                Some(ScopeKind::Module) => {
                    let c = &mut self.scopes[cur];
                    c.globals.insert(id.to_string());
                    c.walrus.insert(id.to_string());
                    self.scopes[sid].globals.insert(id.to_string());
                    return;
                }
                Some(ScopeKind::Class) | None => {
                    return self.err(
                        "assignment expression within a comprehension cannot be used in a class body"
                            .into(),
                        span,
                    );
                }
            }
        }
    }

    fn expr(&mut self, e: &Expr) {
        if self.depth >= MAX_DEPTH {
            if self.error.is_none() {
                self.error = Some(SymbolError {
                    msg: "maximum recursion depth exceeded during compilation".into(),
                    span: e.span,
                    recursion: true,
                });
            }
            return;
        }
        self.depth += 1;
        self.expr_inner(e);
        self.depth -= 1;
    }

    fn expr_inner(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name { id, ctx } => match ctx {
                ExprContext::Load => self.use_name(id),
                ExprContext::Store | ExprContext::Del => self.bind(id, e.span),
            },
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)
                }
            }
            ExprKind::NamedExpr { target, value } => {
                if self.cur().in_comp_iter > 0 {
                    return self.err(
                        "assignment expression cannot be used in a comprehension iterable expression"
                            .into(),
                        e.span,
                    );
                }
                if let ExprKind::Name { id, .. } = &target.kind {
                    if self.cur().kind == Some(ScopeKind::Comprehension) {
                        let id = &self.mangled(id);
                        self.walrus_in_comprehension(id, target.span);
                    }
                }
                self.expr(value);
                self.expr(target);
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                self.arg_defaults(args);
                self.push(ScopeKind::Function, "<lambda>", e.span);
                self.params(args);
                self.expr(body);
                self.stack.pop();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values) {
                    if let Some(k) = k {
                        self.expr(k);
                    }
                    self.expr(v);
                }
            }
            ExprKind::Set(elts) => {
                for x in elts {
                    self.expr(x)
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, &[elt])
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, &[elt])
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, &[elt])
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, &[key, value]),
            ExprKind::Yield(v) => {
                self.cur().is_generator = true;
                if let Some(v) = v {
                    self.expr(v)
                }
            }
            ExprKind::YieldFrom(v) => {
                self.cur().is_generator = true;
                self.expr(v)
            }
            ExprKind::Await(v) => self.expr(v),
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left);
                for c in comparators {
                    self.expr(c)
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func);
                for a in args {
                    self.expr(a)
                }
                for k in keywords {
                    self.expr(&k.value)
                }
            }
            ExprKind::JoinedStr(parts) => self.fstring(parts),
            ExprKind::Constant(_) => {}
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value);
                self.expr(slice);
            }
            ExprKind::Starred { value, .. } => self.expr(value),
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                for x in elts {
                    self.expr(x)
                }
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)
                }
            }
        }
    }

    fn fstring(&mut self, parts: &[FStringPart]) {
        for p in parts {
            if let FStringPart::Formatted {
                value, format_spec, ..
            } = p
            {
                self.expr(value);
                if let Some(spec) = format_spec {
                    self.fstring(spec);
                }
            }
        }
    }
}

impl SymbolTable {
    /// The scope made by the node at `span` directly inside scope `parent`.
    pub fn child_at(&self, parent: usize, span: Span, kind: ScopeKind) -> Option<usize> {
        let id = *self.scopes[parent].child_at.get(&(span.start, span.end))?;
        (self.scopes[id].kind == Some(kind)).then_some(id)
    }

    /// Resolves names top-down. `enclosing` holds names bound in enclosing
    /// function scopes (candidates for free variables).
    fn resolve(&mut self, id: usize, enclosing: &FxHashSet<String>) -> Result<(), SymbolError> {
        let kind = self.scopes[id].kind.unwrap();
        let mut symbols = FxHashMap::default();
        let is_func = matches!(kind, ScopeKind::Function | ScopeKind::Comprehension);
        {
            let s = &self.scopes[id];
            let mut declared: Vec<(&String, &Span)> = s.directives.iter().collect();
            declared.sort_by_key(|(_, sp)| sp.start);
            for (n, sp) in declared {
                let msg = if !s.nonlocals.contains(n) {
                    continue;
                } else if s.globals.contains(n) {
                    format!("name '{}' is nonlocal and global", n)
                } else if !enclosing.contains(n) {
                    format!("no binding for nonlocal '{}' found", n)
                } else {
                    continue;
                };
                return Err(SymbolError {
                    msg,
                    span: *sp,
                    recursion: false,
                });
            }
            for n in &s.globals {
                symbols.insert(n.clone(), NameScope::GlobalExplicit);
            }
            for n in &s.nonlocals {
                symbols.insert(n.clone(), NameScope::Free);
            }
            for n in &s.bound {
                if symbols.contains_key(n) {
                    continue;
                }
                let sc = if is_func {
                    NameScope::Local
                } else {
                    NameScope::Name
                };
                symbols.insert(n.clone(), sc);
            }
            for n in &s.used {
                if symbols.contains_key(n) {
                    continue;
                }
                if enclosing.contains(n) {
                    symbols.insert(n.clone(), NameScope::Free);
                } else if is_func {
                    symbols.insert(n.clone(), NameScope::GlobalImplicit);
                }
            }
        }
        // Zero-argument super() needs the class cell of the enclosing class.
        if self.scopes[id].uses_super && is_func {
            let mut p = self.scopes[id].parent;
            let mut through_class = false;
            while let Some(pi) = p {
                if self.scopes[pi].kind == Some(ScopeKind::Class) {
                    through_class = true;
                    self.scopes[pi].needs_class_cell = true;
                    break;
                }
                if self.scopes[pi].kind == Some(ScopeKind::Module) {
                    break;
                }
                p = self.scopes[pi].parent;
            }
            if through_class {
                symbols.insert("__class__".into(), NameScope::Free);
                // Every function between this one and the class passes it on.
                let mut q = self.scopes[id].parent;
                while let Some(qi) = q {
                    if self.scopes[qi].kind == Some(ScopeKind::Class) {
                        break;
                    }
                    self.scopes[qi]
                        .symbols
                        .insert("__class__".into(), NameScope::Free);
                    q = self.scopes[qi].parent;
                }
            }
        }
        // What inner scopes may capture from here.
        let mut inner_enclosing = enclosing.clone();
        if is_func {
            for (n, sc) in &symbols {
                if matches!(sc, NameScope::Local | NameScope::Free) {
                    inner_enclosing.insert(n.clone());
                }
                if *sc == NameScope::GlobalExplicit {
                    inner_enclosing.remove(n);
                }
            }
        }
        self.scopes[id].symbols = symbols;
        let children = self.scopes[id].children.clone();
        for c in children {
            self.resolve(c, &inner_enclosing)?;
        }
        // Locals that children use as free become cells.
        let children = self.scopes[id].children.clone();
        let mut cells: FxHashSet<String> = FxHashSet::default();
        for c in &children {
            let frees = self.scopes[*c].freevars.clone();
            for f in frees {
                let here = self.scopes[id].symbols.get(&f).copied();
                match here {
                    Some(NameScope::Local) | Some(NameScope::Cell) => {
                        self.scopes[id].symbols.insert(f.clone(), NameScope::Cell);
                        cells.insert(f);
                    }
                    Some(NameScope::Free) => {}
                    _ => {
                        if f == "__class__" && self.scopes[id].kind == Some(ScopeKind::Class) {
                            cells.insert(f);
                        } else if self.scopes[id].kind != Some(ScopeKind::Module) {
                            // Passing through a class body or an intermediate function.
                            self.scopes[id].symbols.insert(f.clone(), NameScope::Free);
                        }
                    }
                }
            }
        }
        if self.scopes[id].needs_class_cell {
            cells.insert("__class__".into());
        }
        // Cell order: parameters first in parameter order, then sorted (as CPython).
        let params = &self.scopes[id].params;
        let mut ordered: Vec<String> = params
            .iter()
            .filter(|p| cells.contains(*p))
            .cloned()
            .collect();
        let param_set: FxHashSet<&String> = params.iter().collect();
        let mut rest: Vec<String> = cells
            .iter()
            .filter(|c| !param_set.contains(c))
            .cloned()
            .collect();
        rest.sort();
        ordered.extend(rest);
        self.scopes[id].cellvars = ordered;
        let mut frees: Vec<String> = self.scopes[id]
            .symbols
            .iter()
            .filter(|(_, s)| **s == NameScope::Free)
            .map(|(n, _)| n.clone())
            .collect();
        frees.sort();
        // A class scope's free names (other than its own cell) pass through.
        self.scopes[id].freevars = frees;
        Ok(())
    }
}
