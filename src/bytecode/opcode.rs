//! The opcodes, each defined once in the `opcodes!` table below: its
//! documentation (operand and stack effect, written `before -- after` with
//! the top of the stack on the right), what its operand is, how control
//! leaves it, and its stack effect as a function of the operand `a` and of
//! `j` (whether the jump to the operand is taken). The compiler's stack
//! depth and jump analyses, the disassembler and the dispatch loop read
//! these properties. Jump operands are absolute instruction indices.

/// What an opcode's operand is (the disassembler shows it accordingly).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operand {
    /// No operand (shown as nothing).
    None,
    /// A number shown as is.
    Raw,
    /// An index into `consts`.
    Const,
    /// A localsplus slot (local, cell or free variable).
    Local,
    /// An index into `names`.
    Name,
    /// An instruction index.
    Jump,
    /// A `BinOpKind`.
    BinOp,
    /// A `CmpKind`.
    Cmp,
    /// Two slots, `a & 0xffff` and `a >> 16`.
    LocalPair,
    /// A slot `a & 0xffff` and a constant `a >> 16`.
    LocalConst,
}

/// How control leaves an instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Goes on to the next instruction (or raises).
    Next,
    /// Jumps to the operand or goes on to the next instruction.
    Branch,
    /// Always jumps to the operand.
    Goto,
    /// Leaves the code object (returns or raises).
    Exit,
}

macro_rules! opcodes {
    ($($(#[doc = $doc:literal])* $name:ident: $operand:ident, $flow:ident, |$a:ident, $j:ident| $effect:expr;)*) => {
        /// An opcode (see the module documentation).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u8)]
        #[allow(clippy::enum_variant_names)] // CPython's names: BinaryOp, CompareOp
        pub enum Op {
            $($(#[doc = $doc])* $name,)*
        }

        impl Op {
            /// What the operand is.
            pub fn operand(self) -> Operand {
                match self {
                    $(Op::$name => Operand::$operand,)*
                }
            }

            /// How control leaves the instruction.
            pub fn flow(self) -> Flow {
                match self {
                    $(Op::$name => Flow::$flow,)*
                }
            }

            /// The change in stack depth with operand `arg`: on the jump to
            /// the operand when `jump`, else on the way to the next instruction.
            #[allow(unused_variables)]
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                match self {
                    $(Op::$name => {
                        let ($a, $j) = (arg, jump);
                        $effect
                    })*
                }
            }
        }
    };
}

impl Op {
    /// Whether the operand is a jump target.
    pub fn is_jump(self) -> bool {
        matches!(self.flow(), Flow::Branch | Flow::Goto)
    }

    /// Whether control never goes on to the next instruction.
    pub fn is_terminator(self) -> bool {
        matches!(self.flow(), Flow::Goto | Flow::Exit)
    }
}

opcodes! {
    /// Does nothing; carries a line number (e.g. the `try:` line). `--`
    Nop: None, Next, |a, j| 0;
    /// First instruction of every code object: the `call` event fires here. `--`
    Resume: Raw, Next, |a, j| 0;
    /// `a --`
    PopTop: None, Next, |a, j| -1;
    /// Pushes the marker that says "no bound self" below a callable. `-- NULL`
    PushNull: None, Next, |a, j| 1;
    /// Pushes a copy of the item at depth `arg` (1 = top). `a ... -- a ... a`
    Copy: Raw, Next, |a, j| 1;
    /// Swaps the top with the item at depth `arg` (2 = second). `a ... b -- b ... a`
    Swap: Raw, Next, |a, j| 0;
    /// `Copy 2; Copy 2; BinarySubscr` on one line fused (an augmented
    /// subscript assignment's load): when the two items below are a list
    /// and an int index in range, pushes the item and skips the two
    /// instructions left in place; otherwise runs as `Copy arg`.
    /// `c k -- c k c[k]`; the stack effect counts the first copy, the
    /// skipped instructions the rest.
    CopySubscr: Raw, Next, |a, j| 1;
    /// `Swap 3; Swap 2; StoreSubscr` on one line fused (an augmented
    /// subscript assignment's store): when the items below the top are a
    /// list and an int index in range, stores the top there and skips the
    /// two instructions left in place; otherwise runs as `Swap arg`.
    /// `c k v --`; the stack effect counts the swap, the skipped
    /// instructions the rest.
    SwapStoreSubscr: Raw, Next, |a, j| 0;
    /// Pushes `consts[arg]`. `-- v`
    LoadConst: Const, Next, |a, j| 1;
    /// Pushes local `arg`; `UnboundLocalError` if unset. `-- v`
    LoadFast: Local, Next, |a, j| 1;
    /// Two `LoadFast`s on one line fused: pushes local `arg & 0xffff`, then
    /// local `arg >> 16`, and skips the second `LoadFast`, which stays in
    /// place (so offsets and jump targets do not move). `-- a b`; the stack
    /// effect counts one load, the skipped instruction the other.
    LoadFastPair: LocalPair, Next, |a, j| 1;
    /// `LoadFast; LoadConst` on one line fused: pushes local `arg & 0xffff`,
    /// then constant `arg >> 16`, skipping the `LoadConst` left in place.
    /// `-- a c`; the stack effect counts one load, as for `LoadFastPair`.
    LoadFastConst: LocalConst, Next, |a, j| 1;
    /// `LoadFast; LoadAttr` on one line fused: when local `arg` is an
    /// instance whose attribute cache (for the `LoadAttr`'s name) hits,
    /// pushes the attribute and skips the `LoadAttr` left in place;
    /// otherwise runs as `LoadFast`. `-- v`; the stack effect counts the
    /// load, the skipped instruction the rest.
    LoadFastAttr: Local, Next, |a, j| 1;
    /// `LoadFast; LoadMethod` fused as `LoadFastAttr` is. `-- meth self`
    /// (or `-- v` as `LoadFast`).
    LoadFastMethod: Local, Next, |a, j| 1;
    /// `LoadFast; StoreAttr` fused as `LoadFastAttr` is: stores the top
    /// into local `arg`'s attribute through the cache. `v --` (or `-- v` as
    /// `LoadFast`).
    LoadFastStoreAttr: Local, Next, |a, j| 1;
    /// `v --` stores into local `arg`.
    StoreFast: Local, Next, |a, j| -1;
    /// Unbinds local `arg`. `--`
    DeleteFast: Local, Next, |a, j| 0;
    /// Pushes the value of the cell in localsplus slot `arg`. `-- v`
    LoadDeref: Local, Next, |a, j| 1;
    /// `v --` stores into the cell in slot `arg`.
    StoreDeref: Local, Next, |a, j| -1;
    /// Empties the cell in slot `arg`. `--`
    DeleteDeref: Local, Next, |a, j| 0;
    /// Pushes the cell object in slot `arg` itself (to build a closure). `-- cell`
    LoadClosure: Local, Next, |a, j| 1;
    /// Pushes global (then built-in) `names[arg]`. `-- v`
    LoadGlobal: Name, Next, |a, j| 1;
    /// `v --` into globals.
    StoreGlobal: Name, Next, |a, j| -1;
    /// `--`
    DeleteGlobal: Name, Next, |a, j| 0;
    /// Pushes `names[arg]` from the frame's namespace dict, then globals, then built-ins. `-- v`
    LoadName: Name, Next, |a, j| 1;
    /// `v --` into the namespace dict.
    StoreName: Name, Next, |a, j| -1;
    /// `--`
    DeleteName: Name, Next, |a, j| 0;
    /// In a class body: the name of slot `arg` from the class namespace,
    /// else the value of the cell in slot `arg`. `-- v`
    LoadClassDeref: Local, Next, |a, j| 1;
    /// `obj -- obj.names[arg]`
    LoadAttr: Name, Next, |a, j| 0;
    /// `v obj --` sets `obj.names[arg] = v`.
    StoreAttr: Name, Next, |a, j| -2;
    /// `obj --` deletes `obj.names[arg]`.
    DeleteAttr: Name, Next, |a, j| -1;
    /// `obj -- meth obj` when `names[arg]` is a plain method of obj's class,
    /// else `obj -- NULL attr`.
    LoadMethod: Name, Next, |a, j| 1;
    /// `NULL|meth callable|self a1..an -- result` with n = `arg`.
    Call: Raw, Next, |a, j| -(a as i32) - 1;
    /// Like `Call`, with keyword names: `... a1..an names -- result`, the
    /// last `len(names)` arguments being keyword values.
    CallKw: Raw, Next, |a, j| -(a as i32) - 2;
    /// `NULL|meth callable args_tuple [kwargs_dict] -- result`; `arg & 1`: kwargs present.
    CallEx: Raw, Next, |a, j| -2 - (a & 1) as i32;
    /// `a b -- a op b`, the operator being `BinOpKind` `arg` (in-place forms included).
    BinaryOp: BinOp, Next, |a, j| -1;
    /// `a -- -a`
    UnaryNegative: None, Next, |a, j| 0;
    /// `a -- +a`
    UnaryPositive: None, Next, |a, j| 0;
    /// `a -- not a`
    UnaryNot: None, Next, |a, j| 0;
    /// `a -- ~a`
    UnaryInvert: None, Next, |a, j| 0;
    /// `a b -- a cmp b`, `arg` a `CmpKind`.
    CompareOp: Cmp, Next, |a, j| -1;
    /// `a b -- a is b` (`arg` 1: `is not`).
    IsOp: Raw, Next, |a, j| -1;
    /// `a b -- a in b` (`arg` 1: `not in`).
    ContainsOp: Raw, Next, |a, j| -1;
    /// `container key -- container[key]`
    BinarySubscr: None, Next, |a, j| -1;
    /// `v container key --` sets `container[key] = v`.
    StoreSubscr: None, Next, |a, j| -3;
    /// `container key --`
    DeleteSubscr: None, Next, |a, j| -2;
    /// `start stop [step] -- slice`, `arg` = 2 or 3.
    BuildSlice: Raw, Next, |a, j| 1 - a as i32;
    /// `a1..an -- (a1..an)`
    BuildTuple: Raw, Next, |a, j| 1 - a as i32;
    /// `a1..an -- [a1..an]`
    BuildList: Raw, Next, |a, j| 1 - a as i32;
    /// `a1..an -- {a1..an}`
    BuildSet: Raw, Next, |a, j| 1 - a as i32;
    /// `k1 v1 .. kn vn -- {k1: v1, ..}`
    BuildMap: Raw, Next, |a, j| 1 - 2 * a as i32;
    /// `v1 .. vn keys -- {keys[0]: v1, ..}`: `keys` a constant tuple of `arg` strs.
    BuildConstKeyMap: Raw, Next, |a, j| -(a as i32);
    /// `s1..sn -- s1+..+sn` (f-string pieces).
    BuildString: Raw, Next, |a, j| 1 - a as i32;
    /// `v [spec] -- str`: `arg & 3` conversion (0 none, 1 str, 2 repr, 3 ascii), `arg & 4` spec present.
    FormatValue: Raw, Next, |a, j| -((a & 4 != 0) as i32);
    /// `list ... v -- list ...`: appends v to the list at depth `arg` (after popping v).
    ListAppend: Raw, Next, |a, j| -1;
    /// `set ... v -- set ...`
    SetAdd: Raw, Next, |a, j| -1;
    /// `dict ... k v -- dict ...`
    MapAdd: Raw, Next, |a, j| -2;
    /// `list ... it -- list ...`: extends the list at depth `arg` by an iterable.
    ListExtend: Raw, Next, |a, j| -1;
    /// `set ... it -- set ...`
    SetUpdate: Raw, Next, |a, j| -1;
    /// `dict ... m -- dict ...`: `dict.update` semantics.
    DictUpdate: Raw, Next, |a, j| -1;
    /// `dict ... m -- dict ...`: like `DictUpdate` but duplicate keys are a TypeError (calls).
    DictMerge: Raw, Next, |a, j| -1;
    /// `list -- tuple`
    ListToTuple: None, Next, |a, j| 0;
    /// `seq -- vn..v1`: exactly `arg` items, pushed so that the first is on top.
    UnpackSequence: Raw, Next, |a, j| a as i32 - 1;
    /// `seq -- ...`: `arg & 0xff` items before a starred target, `arg >> 8` after.
    UnpackEx: Raw, Next, |a, j| ((a & 0xff) + (a >> 8)) as i32;
    /// Jumps to `arg`. `--`
    Jump: Jump, Goto, |a, j| 0;
    /// `v --` jumps to `arg` if v is false.
    PopJumpIfFalse: Jump, Branch, |a, j| -1;
    /// `v --` jumps to `arg` if v is true.
    PopJumpIfTrue: Jump, Branch, |a, j| -1;
    /// `v --` jumps to `arg` if v is None.
    PopJumpIfNone: Jump, Branch, |a, j| -1;
    /// `v --` jumps to `arg` if v is not None.
    PopJumpIfNotNone: Jump, Branch, |a, j| -1;
    /// `v -- v` and jumps to `arg` if v is false, else `v --`.
    JumpIfFalseOrPop: Jump, Branch, |a, j| if j { 0 } else { -1 };
    /// `v -- v` and jumps to `arg` if v is true, else `v --`.
    JumpIfTrueOrPop: Jump, Branch, |a, j| if j { 0 } else { -1 };
    /// `v -- iter(v)`
    GetIter: None, Next, |a, j| 0;
    /// `it -- it next` or, when exhausted, `it --` and jumps to `arg`.
    ForIter: Jump, Branch, |a, j| if j { -1 } else { 1 };
    /// `v --` returns v from the frame.
    ReturnValue: None, Exit, |a, j| -1;
    /// `v -- sent` suspends a generator frame, yielding v.
    YieldValue: None, Next, |a, j| 0;
    /// `v -- it`: `iter(v)`, a generator as it is (`yield from`).
    GetYieldFromIter: None, Next, |a, j| 0;
    /// `it v -- it yielded` sends v into the sub-iterator of a `yield
    /// from`, or, when it is done, `it v -- result` and jumps to `arg`.
    Send: Jump, Branch, |a, j| if j { -1 } else { 0 };
    /// `[defaults] [kwdefaults] [closure] code -- function`; `arg` flags:
    /// 1 defaults tuple, 2 kw-defaults dict, 8 closure tuple.
    MakeFunction: Raw, Next, |a, j| -((a & 15).count_ones() as i32);
    /// `body_fn name base? [kwargs] -- class`: runs the class body in a new
    /// frame and builds the class; `arg & 0xff` = number of bases (0 or 1),
    /// `arg & 0x100`: a dict of keyword arguments (for `__init_subclass__`).
    BuildClass: Raw, Next, |a, j| -1 - (a & 0xff) as i32 - ((a >> 8) & 1) as i32;
    /// `[exc [cause]] --` raises; `arg` = number of operands (0: bare `raise`).
    RaiseVarargs: Raw, Exit, |a, j| -(a as i32);
    /// `[lasti ...] exc --` re-raises exc; with `arg` n > 0 the frame's
    /// last instruction is restored first from lasti, the item at depth n
    /// below exc (what lies above it is left to the unwinding).
    Reraise: Raw, Exit, |a, j| -1 - a as i32;
    /// `mgr -- exit entered`: looks `__enter__` and `__exit__` up on
    /// `type(mgr)`, binds `__exit__` and calls `__enter__` (a `with` item).
    BeforeWith: None, Next, |a, j| 1;
    /// `exit lasti prev_exc exc -- exit lasti prev_exc exc res`: a `with`
    /// body raised; calls `exit(type(exc), exc, exc.__traceback__)`.
    WithExceptStart: None, Next, |a, j| 1;
    /// `exc -- prev_exc exc`: enters a handler, making exc the handled exception.
    PushExcInfo: None, Next, |a, j| 1;
    /// `prev_exc --`: leaves a handler, restoring the handled exception.
    PopExcept: None, Next, |a, j| -1;
    /// `exc type -- exc bool`
    CheckExcMatch: None, Next, |a, j| 0;
    /// `-- AssertionError`
    LoadAssertionError: None, Next, |a, j| 1;
    /// `level fromlist -- module`: `__import__(names[arg], globals,
    /// fromlist, level)`: the module itself when fromlist is a tuple,
    /// else the top package of the dotted name.
    ImportName: Name, Next, |a, j| -1;
    /// `module -- module attr`: `from module import names[arg]`.
    ImportFrom: Name, Next, |a, j| 1;
    /// `module --`: `from module import *` into the frame's namespace.
    ImportStar: None, Next, |a, j| -1;
    /// Never compiled: stands in `Code::run` for an instruction where a
    /// host tracer's line event may fire (`vm/lines.rs`). Reports the line
    /// if CPython would, then runs the instruction of `Code::instrs` it
    /// stands for, whose operand it keeps. Stack effect: that instruction's.
    TraceLine: Raw, Next, |a, j| 0;
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
