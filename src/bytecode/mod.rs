//! Bytecode: opcodes, code objects, the disassembler.
//!
//! The instruction set follows CPython 3.11's closely (same names where the
//! meaning is the same) so that the compiler can lay code out as CPython does,
//! which is what makes line events come out in CPython's order.

pub mod dis;
mod opcode;

pub use opcode::{BinOpKind, CmpKind, Op, Operand};

use crate::value::{Str, Value};

/// One instruction: an opcode and its operand (0 when unused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}

/// An exception-table entry: an exception raised by an instruction in
/// `start..end` jumps to `target` with the value stack cut to `depth` items
/// (above the locals); with `push_lasti` the raising offset is pushed first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub push_lasti: bool,
}

/// `Code::line_flags` bits: `Code::continues_line` and `quiet`.
const LINE_CONTINUES: u8 = 1;
const LINE_QUIET: u8 = 2;

pub const CO_OPTIMIZED: u32 = 0x1;
pub const CO_NEWLOCALS: u32 = 0x2;
pub const CO_VARARGS: u32 = 0x4;
pub const CO_VARKEYWORDS: u32 = 0x8;
pub const CO_NESTED: u32 = 0x10;
pub const CO_GENERATOR: u32 = 0x20;

/// What a code object is the body of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Class,
    Function,
    /// `<listcomp>`, `<dictcomp>`, `<setcomp>`, `<genexpr>`
    Comprehension,
}

/// Where a global name was found: entry `ix` of the globals (or, with
/// `in_builtins`, of the built-ins), valid while neither dict's keys
/// changed (`Dict::keys_version`; 0: nothing cached).
#[derive(Clone, Copy, Default)]
pub struct NameCache {
    pub globals_keys: u64,
    pub builtins_keys: u64,
    pub ix: u32,
    pub in_builtins: bool,
}

/// Where a module attribute was found: the entry `ix` of a dict whose keys
/// were placed as `keys_version` says (0: nothing cached).
#[derive(Clone, Copy, Default)]
pub struct ModuleAttrCache {
    pub keys_version: u64,
    pub ix: u32,
}

/// A compiled body, immutable once built.
pub struct Code {
    pub name: Str,
    pub qualname: Str,
    pub filename: Str,
    pub firstlineno: u32,
    pub kind: CodeKind,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// Local variable names: parameters first (positional, keyword-only,
    /// `*args`, `**kwargs`), then other locals.
    pub varnames: Vec<Str>,
    /// Locals captured by inner functions (stored as cells).
    pub cellvars: Vec<Str>,
    /// Variables of enclosing functions this code uses.
    pub freevars: Vec<Str>,
    /// For each cell variable that is also a parameter: its parameter index.
    pub cell2arg: Vec<Option<u32>>,
    pub names: Vec<Str>,
    pub consts: Vec<Value>,
    pub instrs: Vec<Instr>,
    /// What the untraced loops run: `instrs`, but while only the host's
    /// line tracers are on, with the places they watch instrumented
    /// (`vm/lines.rs`). Read by those loops only.
    pub run: Box<[std::cell::Cell<Instr>]>,
    /// The source line of each instruction; 0 when it has none (CPython's -1).
    pub lines: Vec<u32>,
    /// Per instruction, what the traced loop asks of it (`LINE_*` bits):
    /// `continues_line` and `quiet`.
    pub line_flags: Vec<u8>,
    pub exc_table: Vec<ExcEntry>,
    /// The deepest the value stack gets (above the locals).
    pub stacksize: u32,
    /// `varnames`, `cellvars` and `freevars` together (`nlocalsplus`), and
    /// with `stacksize` (`frame_size`): read on every call and return.
    pub nslots: u32,
    /// `argcount` when a call with that many positional arguments only
    /// lays them out and adds empty slots (no `*args`, `**kwargs`,
    /// keyword-only parameters, cells or generator): the dispatch loop's
    /// inline call path (`Vm::enter_simple_call`). `u32::MAX` otherwise.
    pub simple_argcount: u32,
    /// Per name: where `LoadGlobal` (or `LoadName` and `StoreName` in
    /// module code) found it (`vm::name_cache`).
    pub global_cache: std::cell::RefCell<Vec<NameCache>>,
    /// Per name, two entries (load, store): where `LoadAttr`/`StoreAttr`
    /// last found that instance attribute (`vm::attr_cache`); empty until
    /// the first instance access.
    pub attr_cache: std::cell::RefCell<Vec<crate::value::shape::AttrCache>>,
    /// Per name, a few entries: the methods `LoadMethod` last found on
    /// instances, and values `LoadAttr` read from class objects.
    pub method_cache: std::cell::RefCell<Vec<crate::value::shape::MethodCache>>,
    /// Per name: where `LoadAttr`/`LoadMethod` last found it in a module's
    /// dict (`vm::name_cache`); empty until the first module access.
    pub module_cache: std::cell::RefCell<Vec<ModuleAttrCache>>,
    /// How many times a frame ran this code (saturating): CPython 3.11
    /// specializes call sites of warm code, which changes how calls count
    /// against the recursion limit (see `Vm::builtin_call_counts`).
    pub warmup: std::cell::Cell<u32>,
}

impl Code {
    /// Slots before the value stack: locals, then cells, then free variables.
    #[inline]
    pub fn nlocalsplus(&self) -> usize {
        self.nslots as usize
    }

    /// The stack a frame of this code needs: its slots and deepest stack.
    #[inline]
    pub fn frame_size(&self) -> usize {
        self.nslots as usize + self.stacksize as usize
    }

    /// Instruction `ip` of a running frame: `check_operands` made sure that
    /// control never runs past the last instruction (a terminator) and that
    /// every jump lands inside the code.
    #[inline(always)]
    pub fn instr(&self, ip: usize) -> Instr {
        debug_assert!(ip < self.instrs.len());
        // SAFETY: see above.
        unsafe { *self.instrs.get_unchecked(ip) }
    }

    /// `instr` of `run`, which has as many.
    #[inline(always)]
    pub fn run_instr(&self, ip: usize) -> Instr {
        debug_assert!(ip < self.run.len());
        // SAFETY: as for `instr`: `run` is as long as `instrs`.
        unsafe { self.run.get_unchecked(ip).get() }
    }

    /// Constant `i`, the operand of an instruction `check_operands` checked.
    #[inline(always)]
    pub fn konst(&self, i: usize) -> &Value {
        debug_assert!(i < self.consts.len());
        // SAFETY: see above.
        unsafe { self.consts.get_unchecked(i) }
    }

    /// Checks what the dispatch loop trusts without checking: every local,
    /// constant and jump operand is in range, and the code ends with an
    /// instruction that does not go on. A failure is a compiler bug, caught
    /// here rather than as memory unsafety when the code runs.
    pub fn check_operands(&self) {
        let nslots = self.nlocalsplus() as u32;
        let nconsts = self.consts.len() as u32;
        let ninstrs = self.instrs.len() as u32;
        let name = self.qualname.as_str();
        for (i, ins) in self.instrs.iter().enumerate() {
            let a = ins.arg;
            assert!(
                ins.op != Op::TraceLine,
                "{name}: {:?} at {i} is no compiled instruction",
                ins.op
            );
            let ok = match ins.op.operand() {
                Operand::Local => a < nslots,
                Operand::LocalPair => (a & 0xffff) < nslots && (a >> 16) < nslots,
                Operand::LocalConst => (a & 0xffff) < nslots && (a >> 16) < nconsts,
                Operand::Const => a < nconsts,
                Operand::Jump => a < ninstrs,
                _ => true,
            };
            assert!(
                ok,
                "{name}: operand {a} of {:?} at {i} out of range",
                ins.op
            );
        }
        assert!(
            self.instrs.last().is_some_and(|i| i.op.is_terminator()),
            "{name}: the code does not end with a terminator"
        );
        assert_eq!(
            self.lines.len(),
            self.instrs.len(),
            "{name}: not one line per instruction"
        );
        assert_eq!(self.line_flags.len(), self.instrs.len());
    }

    /// `line_flags` of instruction `ip`, named as for `instr`.
    #[inline(always)]
    fn line_flag(&self, ip: usize, flag: u8) -> bool {
        debug_assert!(ip < self.line_flags.len());
        // SAFETY: as for `instr_line` (one per instruction, checked).
        unsafe { *self.line_flags.get_unchecked(ip) & flag != 0 }
    }

    /// Reached from the instruction before it, instruction `ip` reports no
    /// line event: it has no line or that one's, and that one is not the
    /// code's first.
    #[inline(always)]
    pub fn continues_line(&self, ip: usize) -> bool {
        self.line_flag(ip, LINE_CONTINUES)
    }

    /// `continues_line`, and instruction `ip` is reached only from the one
    /// before it: not a jump or handler target. A steady traced loop runs
    /// these with no other test and without recording them as the last
    /// instruction run (`Vm::trace_quiet`).
    #[inline(always)]
    pub fn quiet(&self, ip: usize) -> bool {
        self.line_flag(ip, LINE_QUIET)
    }

    /// CPython 3.11's rule (`maybe_call_line_trace`): whether instruction
    /// `ip`, which has a line, run after instruction `prev` (`u32::MAX`:
    /// none), reports a `line` event. It does when its line is not
    /// `prev`'s (the first instruction after RESUME always counts as a new
    /// line) or when it was reached by a backward jump, but for the one
    /// back to a `yield from`'s SEND.
    #[inline]
    pub fn starts_line_event(&self, ip: usize, prev: u32) -> bool {
        let lastline = if prev == u32::MAX || prev == 0 {
            0
        } else {
            self.line_at(prev as usize)
        };
        let backward = (ip as u32) < prev && self.instr(ip).op != Op::Send;
        self.instr_line(ip) != lastline || backward
    }

    /// `line_flags` for each instruction.
    pub fn line_flags(instrs: &[Instr], lines: &[u32], handlers: &[ExcEntry]) -> Vec<u8> {
        let mut flags: Vec<u8> = (0..lines.len())
            .map(|i| {
                if i >= 2 && (lines[i] == 0 || lines[i] == lines[i - 1]) {
                    LINE_CONTINUES | LINE_QUIET
                } else {
                    0
                }
            })
            .collect();
        for ins in instrs {
            if ins.op.is_jump() {
                flags[ins.arg as usize] &= !LINE_QUIET;
            }
        }
        for h in handlers {
            flags[h.target as usize] &= !LINE_QUIET;
        }
        flags
    }

    /// The line of instruction `ip` of a running frame (0: none), or of
    /// one run before it: `check_operands` made sure there is one per
    /// instruction, and `ip` names one as for `instr`.
    #[inline(always)]
    pub fn instr_line(&self, ip: usize) -> u32 {
        debug_assert!(ip < self.lines.len());
        // SAFETY: see above.
        unsafe { *self.lines.get_unchecked(ip) }
    }

    /// The line of the instruction at `index` (0: none).
    #[inline]
    pub fn line_at(&self, index: usize) -> u32 {
        self.lines.get(index).copied().unwrap_or(0)
    }

    /// The innermost exception-table entry covering `index`.
    pub fn handler_for(&self, index: u32) -> Option<&ExcEntry> {
        self.exc_table
            .iter()
            .find(|e| e.start <= index && index < e.end)
    }

    /// The name of localsplus slot `i` (local, cell or free variable).
    pub fn slot_name(&self, i: usize) -> &Str {
        let nv = self.varnames.len();
        let nc = self.cellvars.len();
        if i < nv {
            &self.varnames[i]
        } else if i < nv + nc {
            &self.cellvars[i - nv]
        } else {
            &self.freevars[i - nv - nc]
        }
    }

    /// Number of parameters in `varnames` (incl. `*args` and `**kwargs`).
    pub fn total_params(&self) -> usize {
        let mut n = (self.argcount + self.kwonlyargcount) as usize;
        if self.flags & CO_VARARGS != 0 {
            n += 1;
        }
        if self.flags & CO_VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }
}
