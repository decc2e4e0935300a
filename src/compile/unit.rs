//! One code object under construction: instructions with their lines and
//! exception handlers, constants, names, labels.

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::bytecode::{Code, CodeKind, ExcEntry, Instr, Op};
use crate::value::{dict::key_eq, PyStr, Str, Value};

/// A jump target, resolved to an instruction index when the unit is finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Label(pub u32);

/// An exception handler in effect for the instructions emitted while it is pushed.
#[derive(Debug, Clone, Copy)]
pub struct Handler {
    pub label: Label,
    pub depth: u32,
    pub push_lasti: bool,
}

pub struct Unit {
    pub scope: usize,
    pub kind: CodeKind,
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    pub instrs: Vec<Instr>,
    pub lines: Vec<u32>,
    handler_of: Vec<Option<Handler>>,
    pub handlers: Vec<Handler>,
    pub consts: Vec<Value>,
    pub names: Vec<Str>,
    name_index: FxHashMap<String, u32>,
    /// Constants already added, by value (type included: `1` and `1.0` differ).
    const_index: FxHashMap<ConstKey, u32>,
    /// Code objects already added, by the symbol-table scope they were
    /// compiled from: a `finally` body is compiled twice, and CPython's
    /// constant cache keeps one of the two equal code objects.
    code_index: FxHashMap<usize, u32>,
    pub varnames: Vec<Str>,
    pub cellvars: Vec<Str>,
    pub freevars: Vec<Str>,
    /// Indexes of `varnames`, and of cells then frees (hash lookups keep
    /// compiling a function with very many variables linear).
    var_index: FxHashMap<String, u32>,
    /// How many of `varnames` are parameters; the rest are numbered in the
    /// order the code first names them (`used_vars`), as CPython's compiler
    /// adds them to co_varnames (a try's else before its handlers, a finally
    /// body where a break inlines it).
    pub nparams: usize,
    used_vars: Vec<u32>,
    var_used: Vec<bool>,
    deref_pos: FxHashMap<String, u32>,
    labels: Vec<Option<u32>>,
    /// The line the next instruction gets (0: none).
    pub line: u32,
    /// Values the enclosing statements keep on the stack (iterators, saved exceptions).
    pub depth: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
}

impl Unit {
    pub fn new(scope: usize, kind: CodeKind, name: &str, qualname: &str, firstlineno: u32) -> Unit {
        Unit {
            scope,
            kind,
            name: name.into(),
            qualname: qualname.into(),
            firstlineno,
            instrs: vec![],
            lines: vec![],
            handler_of: vec![],
            handlers: vec![],
            consts: vec![],
            names: vec![],
            name_index: FxHashMap::default(),
            const_index: FxHashMap::default(),
            code_index: FxHashMap::default(),
            varnames: vec![],
            nparams: 0,
            used_vars: vec![],
            var_used: vec![],
            cellvars: vec![],
            freevars: vec![],
            var_index: FxHashMap::default(),
            deref_pos: FxHashMap::default(),
            labels: vec![],
            line: firstlineno,
            depth: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
        }
    }

    pub fn emit(&mut self, op: Op, arg: u32) -> usize {
        self.instrs.push(Instr { op, arg });
        self.lines.push(self.line);
        self.handler_of.push(self.handlers.last().copied());
        self.instrs.len() - 1
    }

    /// Drops the instructions from `len` on (code compiled only for the
    /// names it uses, as CPython compiles dead code before removing it).
    pub fn truncate(&mut self, len: usize) {
        self.instrs.truncate(len);
        self.lines.truncate(len);
        self.handler_of.truncate(len);
        // Labels bound in the dropped code (nothing kept jumps there) must
        // still name an instruction when the layout is rebuilt.
        for l in self.labels.iter_mut().flatten() {
            *l = (*l).min(len as u32);
        }
    }

    /// Emits an instruction that has no line of its own (CPython's artificial instructions).
    pub fn emit_noline(&mut self, op: Op, arg: u32) -> usize {
        let saved = self.line;
        self.line = 0;
        let i = self.emit(op, arg);
        self.line = saved;
        i
    }

    pub fn emit_jump(&mut self, op: Op, target: Label) -> usize {
        self.emit(op, target.0)
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, l: Label) {
        self.labels[l.0 as usize] = Some(self.instrs.len() as u32);
    }

    /// `add_const` for a code object compiled from symbol-table scope
    /// `scope`: the one already added for that scope, if any.
    pub fn add_code_const(&mut self, code: Rc<Code>, scope: usize) -> u32 {
        if let Some(i) = self.code_index.get(&scope) {
            return *i;
        }
        let i = self.add_const(Value::Code(code));
        self.code_index.insert(scope, i);
        i
    }

    pub fn add_const(&mut self, v: Value) -> u32 {
        // Each code object is its own constant.
        if let Value::Code(_) = v {
            self.consts.push(v);
            return self.consts.len() as u32 - 1;
        }
        match ConstKey::of(&v) {
            Some(k) => {
                if let Some(i) = self.const_index.get(&k) {
                    return *i;
                }
                self.consts.push(v);
                let i = self.consts.len() as u32 - 1;
                self.const_index.insert(k, i);
                i
            }
            None => {
                for (i, c) in self.consts.iter().enumerate() {
                    if same_const(c, &v) {
                        return i as u32;
                    }
                }
                self.consts.push(v);
                self.consts.len() as u32 - 1
            }
        }
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        if let Some(i) = self.name_index.get(name) {
            return *i;
        }
        let i = self.names.len() as u32;
        self.names.push(crate::value::string::intern(name));
        self.name_index.insert(name.to_string(), i);
        i
    }

    pub fn varname_index(&mut self, name: &str) -> u32 {
        if let Some(i) = self.var_index.get(name) {
            return *i;
        }
        let i = self.varnames.len() as u32;
        self.varnames.push(crate::value::string::intern(name));
        self.var_index.insert(name.to_string(), i);
        i
    }

    /// The slot of local `name` named by the code being compiled.
    pub fn use_var(&mut self, name: &str) -> u32 {
        let i = self.varname_index(name);
        let k = i as usize;
        if self.var_used.len() <= k {
            self.var_used.resize(k + 1, false);
        }
        if k >= self.nparams && !self.var_used[k] {
            self.var_used[k] = true;
            self.used_vars.push(i);
        }
        i
    }

    /// Renumbers the non-parameter locals in order of first use (those
    /// never named last, as they were).
    fn order_varnames(&mut self) {
        let n = self.varnames.len();
        let mut order: Vec<u32> = (0..self.nparams as u32).collect();
        order.extend(self.used_vars.iter().copied());
        for i in self.nparams as u32..n as u32 {
            if !self.var_used.get(i as usize).copied().unwrap_or(false) {
                order.push(i);
            }
        }
        let mut new_of = vec![0u32; n];
        for (new, &old) in order.iter().enumerate() {
            new_of[old as usize] = new as u32;
        }
        if new_of.iter().enumerate().all(|(i, &j)| i as u32 == j) {
            return;
        }
        for ins in self.instrs.iter_mut() {
            if matches!(ins.op, Op::LoadFast | Op::StoreFast | Op::DeleteFast) {
                ins.arg = new_of[ins.arg as usize];
            }
        }
        self.varnames = order
            .iter()
            .map(|&i| self.varnames[i as usize].clone())
            .collect();
        for v in self.var_index.values_mut() {
            *v = new_of[*v as usize];
        }
    }

    /// Sets the cell and free variables (once, before any deref is emitted).
    pub fn set_derefs(&mut self, cells: &[String], frees: &[String]) {
        self.cellvars = cells
            .iter()
            .map(|c| crate::value::string::intern(c))
            .collect();
        self.freevars = frees
            .iter()
            .map(|c| crate::value::string::intern(c))
            .collect();
        // The first slot of a name wins (a class's `__class__` cell and free).
        for (i, n) in cells.iter().chain(frees).enumerate() {
            self.deref_pos.entry(n.clone()).or_insert(i as u32);
        }
    }

    /// The localsplus slot of a cell or free variable.
    pub fn deref_index(&self, name: &str) -> Option<u32> {
        let nv = self.varnames.len() as u32;
        self.deref_pos.get(name).map(|i| nv + i)
    }

    pub fn has_cell(&self, name: &str) -> bool {
        matches!(self.deref_pos.get(name), Some(i) if (*i as usize) < self.cellvars.len())
    }

    pub fn push_handler(&mut self, label: Label, depth: u32, push_lasti: bool) {
        self.handlers.push(Handler {
            label,
            depth,
            push_lasti,
        });
    }

    pub fn pop_handler(&mut self) {
        self.handlers.pop();
    }

    /// Resolves labels and builds the exception table and the code object.
    pub fn finish(mut self, filename: &Str) -> Code {
        self.order_varnames();
        let mut labels: Vec<u32> = self.labels.iter().map(|l| l.unwrap_or(0)).collect();
        for ins in self.instrs.iter_mut() {
            if ins.op.is_jump() {
                ins.arg = labels[ins.arg as usize];
            }
        }
        self.fold_constant_tests(&mut labels);
        self.thread_jumps();
        self.copy_exit_blocks(&mut labels);
        self.remove_unreachable(&mut labels);
        // Consecutive instructions with the same handler form one entry.
        let mut table: Vec<ExcEntry> = vec![];
        let mut i = 0;
        while i < self.handler_of.len() {
            if let Some(h) = self.handler_of[i] {
                let start = i;
                while i < self.handler_of.len()
                    && matches!(self.handler_of[i], Some(g) if g.label == h.label)
                {
                    i += 1;
                }
                table.push(ExcEntry {
                    start: start as u32,
                    end: i as u32,
                    target: labels[h.label.0 as usize],
                    depth: h.depth,
                    push_lasti: h.push_lasti,
                });
            } else {
                i += 1;
            }
        }
        let cell2arg = self
            .cellvars
            .iter()
            .map(|c| {
                self.var_index
                    .get(c.as_str())
                    .map(|p| *p as usize)
                    .filter(|p| {
                        (*p as u32)
                            < self.argcount
                                + self.kwonlyargcount
                                + ((self.flags & crate::bytecode::CO_VARARGS != 0) as u32)
                                + ((self.flags & crate::bytecode::CO_VARKEYWORDS != 0) as u32)
                    })
                    .map(|p| p as u32)
            })
            .collect();
        let reachable = self.reachable(&labels);
        propagate_lines(&self.instrs, &mut self.lines, &table, &reachable);
        fuse_superinstructions(&mut self.instrs, &self.lines, &table);
        let stacksize = stack_depth(&self.instrs, &table);
        let nnames = self.names.len();
        let nslots = (self.varnames.len() + self.cellvars.len() + self.freevars.len()) as u32;
        let simple_argcount = if self.flags
            & (crate::bytecode::CO_VARARGS
                | crate::bytecode::CO_VARKEYWORDS
                | crate::bytecode::CO_GENERATOR)
            == 0
            && self.kwonlyargcount == 0
            && self.cellvars.is_empty()
            && self.freevars.is_empty()
        {
            self.argcount
        } else {
            u32::MAX
        };
        let line_flags = Code::line_flags(&self.instrs, &self.lines, &table);
        let code = Code {
            name: Rc::new(PyStr::new(&self.name)),
            qualname: Rc::new(PyStr::new(&self.qualname)),
            filename: filename.clone(),
            firstlineno: self.firstlineno,
            kind: self.kind,
            flags: self.flags,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            varnames: self.varnames,
            cellvars: self.cellvars,
            freevars: self.freevars,
            cell2arg,
            names: self.names,
            consts: self.consts,
            run: self
                .instrs
                .iter()
                .copied()
                .map(std::cell::Cell::new)
                .collect(),
            instrs: self.instrs,
            line_flags,
            lines: self.lines,
            exc_table: table,
            stacksize,
            nslots,
            simple_argcount,
            global_cache: std::cell::RefCell::new(vec![Default::default(); nnames]),
            attr_cache: std::cell::RefCell::new(Vec::new()),
            method_cache: std::cell::RefCell::new(Vec::new()),
            module_cache: std::cell::RefCell::new(Vec::new()),
            warmup: Default::default(),
        };
        code.check_operands();
        code
    }
}

/// CPython's MAX_COPY_SIZE: exit blocks at most this long are copied to the jumps to them.
const MAX_COPY_SIZE: usize = 4;

/// One instruction of a rebuilt unit: a copy of instruction `src`, with
/// its line replaced when `line` is set, or a NOP on its line.
#[derive(Clone, Copy)]
struct Piece {
    src: usize,
    line: Option<u32>,
    nop: bool,
}

impl Piece {
    fn of(src: usize) -> Piece {
        Piece {
            src,
            line: None,
            nop: false,
        }
    }
}

impl Unit {
    /// CPython's jump threading (optimize_basic_block): a jump to an
    /// unconditional jump on the same line (line-less ones included) goes
    /// straight to the final target, and `x or y`-style jumps to a jump on
    /// the opposite condition are resolved. A line-less jump left behind
    /// would otherwise break a line in two (an extra line event).
    fn thread_jumps(&mut self) {
        use Op::*;
        let n = self.instrs.len();
        for i in 0..n {
            // Each rewrite moves the jump further on: a bound keeps cycles finite.
            for _ in 0..n {
                let ins = self.instrs[i];
                if !ins.op.is_jump() || ins.op == ForIter {
                    break;
                }
                let t = ins.arg as usize;
                let Some(tgt) = self.instrs.get(t).copied() else {
                    break;
                };
                let same_line = self.lines[i] == self.lines[t];
                // (new op, new target, whether it is jump_thread's rewrite)
                let (op, arg, thread) = match (ins.op, tgt.op) {
                    (
                        Jump | PopJumpIfFalse | PopJumpIfTrue | PopJumpIfNone | PopJumpIfNotNone,
                        Jump,
                    ) => (ins.op, tgt.arg, true),
                    (JumpIfFalseOrPop, PopJumpIfFalse) => (PopJumpIfFalse, tgt.arg, true),
                    (JumpIfFalseOrPop, Jump | JumpIfFalseOrPop) => {
                        (JumpIfFalseOrPop, tgt.arg, true)
                    }
                    (JumpIfTrueOrPop, PopJumpIfTrue) => (PopJumpIfTrue, tgt.arg, true),
                    (JumpIfTrueOrPop, Jump | JumpIfTrueOrPop) => (JumpIfTrueOrPop, tgt.arg, true),
                    // The value decides the second test the other way: skip it.
                    (JumpIfFalseOrPop, JumpIfTrueOrPop | PopJumpIfTrue) => {
                        (PopJumpIfFalse, t as u32 + 1, false)
                    }
                    (JumpIfTrueOrPop, JumpIfFalseOrPop | PopJumpIfFalse) => {
                        (PopJumpIfTrue, t as u32 + 1, false)
                    }
                    _ => break,
                };
                // jump_thread: same line, and a target that is not the jump's own.
                if !same_line || (thread && tgt.arg as usize == t) {
                    break;
                }
                self.instrs[i] = Instr { op, arg };
            }
        }
    }

    /// CPython 3.11 gives every instruction that leaves the code (return,
    /// raise) a line, so that `f_lineno` is right when a frame ends, even
    /// untraced (the 'return' event under setprofile). Exit blocks without
    /// a line are copied for each jump to them, as its assembler does:
    /// `extend_block` replaces an unconditional jump to a short one by a
    /// copy; `duplicate_exits_without_lineno` gives each other jump to one
    /// with several predecessors its own copy, placed after the original.
    /// Line propagation then gives each copy the line of the code that
    /// jumped there. `labels` (label -> instruction) are remapped.
    /// Which instructions a jump or an exception handler lands on.
    fn jump_targets(&self, labels: &[u32]) -> Vec<bool> {
        let mut target = vec![false; self.instrs.len() + 1];
        for ins in &self.instrs {
            if ins.op.is_jump() {
                target[ins.arg as usize] = true;
            }
        }
        for h in self.handler_of.iter().flatten() {
            target[labels[h.label.0 as usize] as usize] = true;
        }
        target
    }

    fn copy_exit_blocks(&mut self, labels: &mut [u32]) {
        let n = self.instrs.len();
        let target = self.jump_targets(labels);
        // Pass 1 (extend_block).
        let mut plan: Vec<Vec<Piece>> = (0..n).map(|i| vec![Piece::of(i)]).collect();
        for (i, slot) in plan.iter_mut().enumerate() {
            if self.instrs[i].op != Op::Jump {
                continue;
            }
            let t = self.instrs[i].arg as usize;
            if let Some(k) = self.lineless_exit(t, &target, MAX_COPY_SIZE) {
                // The jump becomes a NOP, kept only for a line of its own.
                let mut pieces = vec![];
                if self.lines[i] != 0 {
                    pieces.push(Piece {
                        nop: true,
                        ..Piece::of(i)
                    });
                }
                pieces.extend((t..=k).map(Piece::of));
                *slot = pieces;
            }
        }
        self.rebuild(labels, &plan, &[]);
        // Pass 2 (duplicate_exits_without_lineno), on reachable code only.
        let n = self.instrs.len();
        let target = self.jump_targets(labels);
        let reachable = self.reachable(labels);
        let mut preds = vec![0u32; n + 1];
        for i in (0..n).filter(|i| reachable[*i]) {
            if self.instrs[i].op.is_jump() {
                preds[self.instrs[i].arg as usize] += 1;
            }
            if !self.instrs[i].op.is_terminator() {
                preds[i + 1] += 1;
            }
        }
        let mut plan: Vec<Vec<Piece>> = (0..n).map(|i| vec![Piece::of(i)]).collect();
        // (jump, the plan slot and offset where its copy starts)
        let mut retarget: Vec<(usize, usize, usize)> = vec![];
        for i in (0..n).filter(|i| reachable[*i]) {
            if !self.instrs[i].op.is_jump() {
                continue;
            }
            let t = self.instrs[i].arg as usize;
            if preds[t] < 2 {
                continue;
            }
            if let Some(k) = self.lineless_exit(t, &target, usize::MAX) {
                preds[t] -= 1;
                let at = plan[k].len();
                let line = Some(self.lines[i]);
                plan[k].push(Piece {
                    line,
                    ..Piece::of(t)
                });
                plan[k].extend((t + 1..=k).map(Piece::of));
                retarget.push((i, k, at));
            }
        }
        self.rebuild(labels, &plan, &retarget);
    }

    /// The end of the exit block starting at `t` (at most `max` long) when
    /// none of its instructions has a line.
    fn lineless_exit(&self, t: usize, target: &[bool], max: usize) -> Option<usize> {
        for (k, &is_target) in target.iter().enumerate().take(self.instrs.len()).skip(t) {
            let op = self.instrs[k].op;
            if k - t >= max || (k > t && is_target) || op.is_jump() || self.lines[k] != 0 {
                return None;
            }
            if op.is_terminator() {
                return Some(k);
            }
        }
        None
    }

    /// CPython's optimize_basic_block for a constant test (`if 0:`, `while
    /// 2:`, `x = 1 or y`): `LOAD_CONST c; POP_JUMP_IF_*` becomes a jump or
    /// nothing, and the branch not taken becomes unreachable
    /// (`remove_unreachable`). The test's line keeps a NOP only where
    /// CPython's remove_redundant_nops keeps one: the line is not that of
    /// the instruction before (in the same block) or of the one after.
    fn fold_constant_tests(&mut self, labels: &mut [u32]) {
        use Op::*;
        let n = self.instrs.len();
        let target = self.jump_targets(labels);
        let mut plan: Vec<Vec<Piece>> = (0..n).map(|i| vec![Piece::of(i)]).collect();
        let mut changed = false;
        for i in 0..n.saturating_sub(1) {
            let (load, test) = (self.instrs[i], self.instrs[i + 1]);
            let line = self.lines[i];
            if load.op != LoadConst
                || target[i + 1]
                || (self.lines[i + 1] != line && self.lines[i + 1] != 0)
            {
                continue;
            }
            let Some(truth) = self.consts[load.arg as usize].fast_truth() else {
                continue;
            };
            // (A jump to the very next instruction is no jump: CPython
            // drops jumps to the next block.)
            let (taken, keeps_value) = match test.op {
                PopJumpIfFalse | PopJumpIfTrue if test.arg as usize == i + 2 => (false, false),
                PopJumpIfFalse | PopJumpIfTrue => (truth == (test.op == PopJumpIfTrue), false),
                JumpIfFalseOrPop | JumpIfTrueOrPop => (truth == (test.op == JumpIfTrueOrPop), true),
                _ => continue,
            };
            changed = true;
            self.lines[i + 1] = line;
            if taken {
                // `x = 1 or y` still loads the 1 it jumps with.
                if !keeps_value {
                    plan[i] = vec![];
                }
                self.instrs[i + 1] = Instr {
                    op: Jump,
                    arg: test.arg,
                };
                continue;
            }
            plan[i] = vec![];
            let same_block_before = i > 0
                && !target[i]
                && !self.instrs[i - 1].op.is_jump()
                && !self.instrs[i - 1].op.is_terminator()
                && self.handler_of[i - 1].map(|h| h.label) == self.handler_of[i].map(|h| h.label);
            let redundant = line == 0
                || (same_block_before && self.lines[i - 1] == line)
                || self.lines.get(i + 2) == Some(&line);
            if redundant {
                plan[i + 1] = vec![];
            } else {
                self.instrs[i + 1] = Instr { op: Nop, arg: 0 };
            }
        }
        if changed {
            self.rebuild(labels, &plan, &[]);
        }
    }

    /// Drops the instructions nothing reaches, as CPython drops unreachable
    /// blocks: the code after `while True:` or a `return` has no lines in
    /// `co_lines()` and no place to jump to.
    fn remove_unreachable(&mut self, labels: &mut [u32]) {
        let reachable = self.reachable(labels);
        let n = self.instrs.len();
        if reachable[..n].iter().all(|&r| r) {
            return;
        }
        let plan: Vec<Vec<Piece>> = (0..n)
            .map(|i| match reachable[i] {
                true => vec![Piece::of(i)],
                false => vec![],
            })
            .collect();
        self.rebuild(labels, &plan, &[]);
        // What jumped over removed code may now jump to the next
        // instruction: no jump, as CPython drops jumps to the next block.
        for (i, ins) in self.instrs.iter_mut().enumerate() {
            if ins.op == Op::Jump && ins.arg as usize == i + 1 {
                *ins = Instr {
                    op: Op::Nop,
                    arg: 0,
                };
            }
        }
    }

    /// Which instructions can run (from the start or an exception handler).
    fn reachable(&self, labels: &[u32]) -> Vec<bool> {
        let n = self.instrs.len();
        let mut seen = vec![false; n + 1];
        let mut todo = vec![0usize];
        while let Some(i) = todo.pop() {
            if i >= n || seen[i] {
                continue;
            }
            seen[i] = true;
            let ins = self.instrs[i];
            if ins.op.is_jump() {
                todo.push(ins.arg as usize);
            }
            if !ins.op.is_terminator() {
                todo.push(i + 1);
            }
            if let Some(h) = self.handler_of[i] {
                todo.push(labels[h.label.0 as usize] as usize);
            }
        }
        seen
    }

    /// Lays the unit out again following `plan` (what each old instruction
    /// becomes); jumps and labels follow their target's first piece, and
    /// each `(jump, slot, offset)` of `retarget` jumps to that piece instead.
    fn rebuild(
        &mut self,
        labels: &mut [u32],
        plan: &[Vec<Piece>],
        retarget: &[(usize, usize, usize)],
    ) {
        // Nothing to do when every instruction stays itself (a slot of one
        // piece may still be another instruction: a jump replaced by the
        // one exit instruction it jumped to).
        let unchanged = |(i, p): (usize, &Vec<Piece>)| matches!(p.as_slice(), [q] if q.src == i && !q.nop && q.line.is_none());
        if plan.iter().enumerate().all(unchanged) && retarget.is_empty() {
            return;
        }
        let n = self.instrs.len();
        let mut map = vec![0u32; n + 1];
        let mut slot_start = vec![0usize; n];
        let mut instrs = Vec::with_capacity(n);
        let mut lines = Vec::with_capacity(n);
        let mut handler_of = Vec::with_capacity(n);
        for (i, pieces) in plan.iter().enumerate() {
            map[i] = instrs.len() as u32;
            slot_start[i] = instrs.len();
            for p in pieces {
                instrs.push(match p.nop {
                    true => Instr {
                        op: Op::Nop,
                        arg: 0,
                    },
                    false => self.instrs[p.src],
                });
                lines.push(p.line.unwrap_or(self.lines[p.src]));
                handler_of.push(self.handler_of[p.src]);
            }
        }
        map[n] = instrs.len() as u32;
        let mut new_arg: Vec<Option<u32>> = vec![None; n];
        for &(j, slot, off) in retarget {
            new_arg[j] = Some((slot_start[slot] + off) as u32);
        }
        for (i, pieces) in plan.iter().enumerate() {
            for (o, p) in pieces.iter().enumerate() {
                let at = slot_start[i] + o;
                if instrs[at].op.is_jump() {
                    instrs[at].arg = match (p.src == i, new_arg[i]) {
                        (true, Some(a)) => a,
                        _ => map[self.instrs[p.src].arg as usize],
                    };
                }
            }
        }
        for l in labels.iter_mut() {
            *l = map[*l as usize];
        }
        self.instrs = instrs;
        self.lines = lines;
        self.handler_of = handler_of;
    }
}

/// Gives line-less instructions the line of their only predecessor, as
/// CPython's assembler does; block starts with several predecessors (and
/// exception handlers) keep no line.
fn propagate_lines(instrs: &[Instr], lines: &mut [u32], table: &[ExcEntry], reachable: &[bool]) {
    let n = instrs.len();
    let mut preds = vec![0u32; n + 1];
    let mut jump_from = vec![usize::MAX; n + 1];
    let mut target = vec![false; n + 1];
    // Dead code (CPython drops it) is no predecessor.
    for (i, ins) in instrs.iter().enumerate().filter(|(i, _)| reachable[*i]) {
        if ins.op.is_jump() {
            let t = ins.arg as usize;
            preds[t] += 1;
            jump_from[t] = i;
            target[t] = true;
        }
        if !ins.op.is_terminator() {
            preds[i + 1] += 1;
        }
    }
    for e in table {
        target[e.target as usize] = true;
    }
    for i in 0..n {
        if lines[i] != 0 {
            continue;
        }
        let falls_in = i > 0 && reachable[i - 1] && !instrs[i - 1].op.is_terminator();
        if !target[i] && falls_in {
            lines[i] = lines[i - 1];
        } else if preds[i] == 1 {
            if falls_in {
                lines[i] = lines[i - 1];
            } else if jump_from[i] != usize::MAX {
                lines[i] = lines[jump_from[i]];
            }
        }
    }
}

/// Marks `LoadFast a; LoadFast b` and `LoadFast a; LoadConst c` on one line
/// (the second no jump or handler target) as pairs the VM runs in one
/// dispatch, `LoadFast` followed by `LoadAttr`, `LoadMethod` or
/// `StoreAttr` as pairs it runs in one when the attribute cache hits, and
/// an augmented subscript assignment's `Copy 2; Copy 2; BinarySubscr` and
/// `Swap 3; Swap 2; StoreSubscr` as runs it takes in one for a list.
fn fuse_superinstructions(instrs: &mut [Instr], lines: &[u32], table: &[ExcEntry]) {
    let mut target = vec![false; instrs.len() + 1];
    for ins in instrs.iter() {
        if ins.op.is_jump() {
            target[ins.arg as usize] = true;
        }
    }
    for e in table {
        target[e.target as usize] = true;
    }
    let mut i = 0;
    while i + 1 < instrs.len() {
        let (a, b) = (instrs[i], instrs[i + 1]);
        // Three-instruction runs: both augmented subscript halves.
        if let Some(c) = instrs.get(i + 2).copied() {
            let fused = match (a.op, a.arg, b.op, b.arg, c.op) {
                (Op::Copy, 2, Op::Copy, 2, Op::BinarySubscr) => Some(Op::CopySubscr),
                (Op::Swap, 3, Op::Swap, 2, Op::StoreSubscr) => Some(Op::SwapStoreSubscr),
                _ => None,
            };
            if let Some(op) = fused {
                if lines[i] == lines[i + 1]
                    && lines[i] == lines[i + 2]
                    && !target[i + 1]
                    && !target[i + 2]
                {
                    instrs[i] = Instr { op, arg: a.arg };
                    i += 3;
                    continue;
                }
            }
        }
        let fused = match (a.op, b.op) {
            (Op::LoadFast, Op::LoadFast) => Some(Op::LoadFastPair),
            (Op::LoadFast, Op::LoadConst) => Some(Op::LoadFastConst),
            (Op::LoadFast, Op::LoadAttr) => Some(Op::LoadFastAttr),
            (Op::LoadFast, Op::LoadMethod) => Some(Op::LoadFastMethod),
            (Op::LoadFast, Op::StoreAttr) => Some(Op::LoadFastStoreAttr),
            _ => None,
        };
        // The attribute pairs keep the second operand in the instruction they skip.
        let arg = match fused {
            Some(Op::LoadFastAttr | Op::LoadFastMethod | Op::LoadFastStoreAttr) => a.arg,
            _ => a.arg | (b.arg << 16),
        };
        match fused {
            Some(op)
                if lines[i] == lines[i + 1]
                    && !target[i + 1]
                    && a.arg < 0x10000
                    && b.arg < 0x10000 =>
            {
                instrs[i] = Instr { op, arg };
                i += 2;
            }
            _ => i += 1,
        }
    }
}

/// The deepest the value stack gets above the locals, from each opcode's
/// stack effect (`Op::stack_effect`) along every path, exception handlers
/// entered at their table depth with the exception (and lasti) pushed. The
/// VM reserves this much at frame entry, so its pushes need no capacity check.
fn stack_depth(instrs: &[Instr], table: &[ExcEntry]) -> u32 {
    let n = instrs.len();
    let mut depth: Vec<Option<u32>> = vec![None; n];
    let mut work: Vec<usize> = Vec::new();
    let mut max = 0;
    let mut reach = |at: usize, d: i64, depth: &mut Vec<Option<u32>>, work: &mut Vec<usize>| {
        debug_assert!(d >= 0, "negative stack depth at {at}");
        let d = d.max(0) as u32;
        max = max.max(d);
        // As CPython's stackdepth(): the first depth that reaches an
        // instruction is its depth (every path agrees in valid code).
        match depth.get(at) {
            Some(None) => {
                depth[at] = Some(d);
                work.push(at);
            }
            Some(Some(old)) => debug_assert_eq!(*old, d, "stack depths differ at {at}"),
            None => {}
        }
    };
    reach(0, 0, &mut depth, &mut work);
    for e in table {
        let d = e.depth as i64 + e.push_lasti as i64 + 1;
        reach(e.target as usize, d, &mut depth, &mut work);
    }
    while let Some(i) = work.pop() {
        let d = depth[i].unwrap_or(0) as i64;
        let ins = instrs[i];
        if ins.op.is_jump() {
            let to = d + ins.op.stack_effect(ins.arg, true) as i64;
            reach(ins.arg as usize, to, &mut depth, &mut work);
        }
        if !ins.op.is_terminator() {
            let to = d + ins.op.stack_effect(ins.arg, false) as i64;
            reach(i + 1, to, &mut depth, &mut work);
        }
    }
    max
}

/// A hashable identity for the common constants (tuples of them too, so
/// that many tuple constants do not make compiling quadratic).
#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    Int(i64),
    Float(u64),
    Str(String),
    Bool(bool),
    None,
    Big(String),
    Tuple(Vec<ConstKey>),
}

impl ConstKey {
    fn of(v: &Value) -> Option<ConstKey> {
        Some(match v {
            Value::Int(i) => ConstKey::Int(*i),
            Value::Float(f) => ConstKey::Float(f.to_bits()),
            Value::Str(s) => ConstKey::Str(s.as_str().to_string()),
            Value::Bool(b) => ConstKey::Bool(*b),
            Value::None => ConstKey::None,
            Value::BigInt(b) => ConstKey::Big(b.to_string()),
            Value::Tuple(t) => ConstKey::Tuple(t.iter().map(ConstKey::of).collect::<Option<_>>()?),
            _ => return None,
        })
    }
}

/// Constants are shared when equal and of the same type (`1` and `1.0` stay apart).
fn same_const(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::None, Value::None) => true,
        (Value::BigInt(x), Value::BigInt(y)) => x == y,
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| same_const(p, q))
        }
        (Value::Code(x), Value::Code(y)) => Rc::ptr_eq(x, y),
        _ => {
            let _ = key_eq;
            false
        }
    }
}
