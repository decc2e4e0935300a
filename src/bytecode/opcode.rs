//! The opcodes. Each documents its operand and its stack effect, written
//! `before -- after` with the top of the stack on the right.

/// An opcode. Jump operands are absolute instruction indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Op {
    /// Does nothing; carries a line number (e.g. the `try:` line). `--`
    Nop,
    /// First instruction of every code object: the `call` event fires here. `--`
    Resume,
    /// `a --`
    PopTop,
    /// Pushes the marker that says "no bound self" below a callable. `-- NULL`
    PushNull,
    /// Pushes a copy of the item at depth `arg` (1 = top). `a ... -- a ... a`
    Copy,
    /// Swaps the top with the item at depth `arg` (2 = second). `a ... b -- b ... a`
    Swap,
    /// Pushes `consts[arg]`. `-- v`
    LoadConst,
    /// Pushes local `arg`; `UnboundLocalError` if unset. `-- v`
    LoadFast,
    /// Two `LoadFast`s on one line fused: pushes local `arg & 0xffff`, then
    /// local `arg >> 16`, and skips the second `LoadFast`, which stays in
    /// place (so offsets and jump targets do not move). `-- a b`
    LoadFastPair,
    /// `LoadFast; LoadConst` on one line fused: pushes local `arg & 0xffff`,
    /// then constant `arg >> 16`, skipping the `LoadConst` left in place. `-- a c`
    LoadFastConst,
    /// `v --` stores into local `arg`.
    StoreFast,
    /// Unbinds local `arg`. `--`
    DeleteFast,
    /// Pushes the value of the cell in localsplus slot `arg`. `-- v`
    LoadDeref,
    /// `v --` stores into the cell in slot `arg`.
    StoreDeref,
    /// Empties the cell in slot `arg`. `--`
    DeleteDeref,
    /// Pushes the cell object in slot `arg` itself (to build a closure). `-- cell`
    LoadClosure,
    /// Pushes global (then built-in) `names[arg]`. `-- v`
    LoadGlobal,
    /// `v --` into globals.
    StoreGlobal,
    /// `--`
    DeleteGlobal,
    /// Pushes `names[arg]` from the frame's namespace dict, then globals, then built-ins. `-- v`
    LoadName,
    /// `v --` into the namespace dict.
    StoreName,
    /// `--`
    DeleteName,
    /// In a class body: the name of slot `arg` from the class namespace,
    /// else the value of the cell in slot `arg`. `-- v`
    LoadClassDeref,
    /// `obj -- obj.names[arg]`
    LoadAttr,
    /// `v obj --` sets `obj.names[arg] = v`.
    StoreAttr,
    /// `obj --` deletes `obj.names[arg]`.
    DeleteAttr,
    /// `obj -- meth obj` when `names[arg]` is a plain method of obj's class,
    /// else `obj -- NULL attr`.
    LoadMethod,
    /// `NULL|meth callable|self a1..an -- result` with n = `arg`.
    Call,
    /// Like `Call`, with keyword names: `... a1..an names -- result`, the
    /// last `len(names)` arguments being keyword values.
    CallKw,
    /// `NULL|meth callable args_tuple [kwargs_dict] -- result`; `arg & 1`: kwargs present.
    CallEx,
    /// `a b -- a op b`, the operator being `BinOpKind` `arg` (in-place forms included).
    BinaryOp,
    /// `a -- -a`
    UnaryNegative,
    /// `a -- +a`
    UnaryPositive,
    /// `a -- not a`
    UnaryNot,
    /// `a -- ~a`
    UnaryInvert,
    /// `a b -- a cmp b`, `arg` a `CmpKind`.
    CompareOp,
    /// `a b -- a is b` (`arg` 1: `is not`).
    IsOp,
    /// `a b -- a in b` (`arg` 1: `not in`).
    ContainsOp,
    /// `container key -- container[key]`
    BinarySubscr,
    /// `v container key --` sets `container[key] = v`.
    StoreSubscr,
    /// `container key --`
    DeleteSubscr,
    /// `start stop [step] -- slice`, `arg` = 2 or 3.
    BuildSlice,
    /// `a1..an -- (a1..an)`
    BuildTuple,
    /// `a1..an -- [a1..an]`
    BuildList,
    /// `a1..an -- {a1..an}`
    BuildSet,
    /// `k1 v1 .. kn vn -- {k1: v1, ..}`
    BuildMap,
    /// `v1 .. vn keys -- {keys[0]: v1, ..}`: `keys` a constant tuple of `arg` strs.
    BuildConstKeyMap,
    /// `s1..sn -- s1+..+sn` (f-string pieces).
    BuildString,
    /// `v [spec] -- str`: `arg & 3` conversion (0 none, 1 str, 2 repr, 3 ascii), `arg & 4` spec present.
    FormatValue,
    /// `list ... v -- list ...`: appends v to the list at depth `arg` (after popping v).
    ListAppend,
    /// `set ... v -- set ...`
    SetAdd,
    /// `dict ... k v -- dict ...`
    MapAdd,
    /// `list ... it -- list ...`: extends the list at depth `arg` by an iterable.
    ListExtend,
    /// `set ... it -- set ...`
    SetUpdate,
    /// `dict ... m -- dict ...`: `dict.update` semantics.
    DictUpdate,
    /// `dict ... m -- dict ...`: like `DictUpdate` but duplicate keys are a TypeError (calls).
    DictMerge,
    /// `list -- tuple`
    ListToTuple,
    /// `seq -- vn..v1`: exactly `arg` items, pushed so that the first is on top.
    UnpackSequence,
    /// `seq -- ...`: `arg & 0xff` items before a starred target, `arg >> 8` after.
    UnpackEx,
    /// Jumps to `arg`. `--`
    Jump,
    /// `v --` jumps to `arg` if v is false.
    PopJumpIfFalse,
    /// `v --` jumps to `arg` if v is true.
    PopJumpIfTrue,
    /// `v --` jumps to `arg` if v is None.
    PopJumpIfNone,
    /// `v --` jumps to `arg` if v is not None.
    PopJumpIfNotNone,
    /// `v -- v` and jumps to `arg` if v is false, else `v --`.
    JumpIfFalseOrPop,
    /// `v -- v` and jumps to `arg` if v is true, else `v --`.
    JumpIfTrueOrPop,
    /// `v -- iter(v)`
    GetIter,
    /// `it -- it next` or, when exhausted, `it --` and jumps to `arg`.
    ForIter,
    /// `v --` returns v from the frame.
    ReturnValue,
    /// `v -- sent` suspends a generator frame, yielding v.
    YieldValue,
    /// `[defaults] [kwdefaults] [closure] code -- function`; `arg` flags:
    /// 1 defaults tuple, 2 kw-defaults dict, 8 closure tuple.
    MakeFunction,
    /// `body_fn name base? -- class`: runs the class body in a new frame and
    /// builds the class; `arg` = number of bases (0 or 1).
    BuildClass,
    /// `[exc [cause]] --` raises; `arg` = number of operands (0: bare `raise`).
    RaiseVarargs,
    /// `[lasti] exc --` re-raises exc; with `arg` 1 the frame's last
    /// instruction is restored from lasti first.
    Reraise,
    /// `exc -- prev_exc exc`: enters a handler, making exc the handled exception.
    PushExcInfo,
    /// `prev_exc --`: leaves a handler, restoring the handled exception.
    PopExcept,
    /// `exc type -- exc bool`
    CheckExcMatch,
    /// `-- AssertionError`
    LoadAssertionError,
    /// `-- module` imports the built-in module `names[arg]`.
    ImportName,
    /// `module -- module attr`
    ImportFrom,
}

/// `BinaryOp` operands. In-place forms follow the plain ones in the same order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOpKind {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOpKind {
    pub const COUNT: u32 = 13;
    #[inline]
    pub fn from_arg(arg: u32) -> (BinOpKind, bool) {
        use BinOpKind::*;
        const ALL: [BinOpKind; 26] = [
            Add, Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor, Add,
            Sub, Mul, MatMul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, And, Or, Xor,
        ];
        (ALL[arg as usize], arg >= Self::COUNT)
    }
    pub fn symbol(self) -> &'static str {
        use BinOpKind::*;
        match self {
            Add => "+",
            Sub => "-",
            Mul => "*",
            MatMul => "@",
            TrueDiv => "/",
            FloorDiv => "//",
            Mod => "%",
            Pow => "**",
            LShift => "<<",
            RShift => ">>",
            And => "&",
            Or => "|",
            Xor => "^",
        }
    }
    /// The dunder method names: plain, reflected, in-place.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        use BinOpKind::*;
        match self {
            Add => ("__add__", "__radd__", "__iadd__"),
            Sub => ("__sub__", "__rsub__", "__isub__"),
            Mul => ("__mul__", "__rmul__", "__imul__"),
            MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            Mod => ("__mod__", "__rmod__", "__imod__"),
            Pow => ("__pow__", "__rpow__", "__ipow__"),
            LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            And => ("__and__", "__rand__", "__iand__"),
            Or => ("__or__", "__ror__", "__ior__"),
            Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// `CompareOp` operands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpKind {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpKind {
    #[inline]
    pub fn from_arg(arg: u32) -> CmpKind {
        use CmpKind::*;
        [Lt, Le, Eq, Ne, Gt, Ge][arg as usize]
    }
    pub fn symbol(self) -> &'static str {
        use CmpKind::*;
        match self {
            Lt => "<",
            Le => "<=",
            Eq => "==",
            Ne => "!=",
            Gt => ">",
            Ge => ">=",
        }
    }
    pub fn dunder(self) -> &'static str {
        use CmpKind::*;
        match self {
            Lt => "__lt__",
            Le => "__le__",
            Eq => "__eq__",
            Ne => "__ne__",
            Gt => "__gt__",
            Ge => "__ge__",
        }
    }
    /// The reflected comparison (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpKind {
        use CmpKind::*;
        match self {
            Lt => Gt,
            Le => Ge,
            Eq => Eq,
            Ne => Ne,
            Gt => Lt,
            Ge => Le,
        }
    }
}
