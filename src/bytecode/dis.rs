//! A readable disassembly: offsets, lines, opcodes, operands resolved.

use super::{Code, Op};
use crate::value::repr::repr_plain;
use crate::value::Value;

/// Disassembles a code object and every code object in its constants.
pub fn disassemble(code: &Code) -> String {
    let mut out = String::new();
    one(code, &mut out);
    for c in &code.consts {
        if let Value::Code(inner) = c {
            out.push('\n');
            out.push_str(&disassemble(inner));
        }
    }
    out
}

fn one(code: &Code, out: &mut String) {
    out.push_str(&format!(
        "Disassembly of <code object {} (qualname {}), file \"{}\", line {}>:\n",
        code.name.as_str(),
        code.qualname.as_str(),
        code.filename.as_str(),
        code.firstlineno
    ));
    let targets: Vec<u32> = code
        .instrs
        .iter()
        .filter(|i| super::super::compile::is_jump_op(i.op))
        .map(|i| i.arg)
        .collect();
    let mut last_line = u32::MAX;
    for (i, ins) in code.instrs.iter().enumerate() {
        let line = code.lines[i];
        let line_col = if line != last_line && line != 0 {
            last_line = line;
            format!("{:>4}", line)
        } else {
            "    ".to_string()
        };
        let mark = if targets.contains(&(i as u32)) {
            ">>"
        } else {
            "  "
        };
        let operand = describe(code, ins.op, ins.arg);
        let text = format!(
            "{} {} {:>4} {:<20}{}",
            line_col,
            mark,
            i,
            format!("{:?}", ins.op),
            operand
        );
        out.push_str(text.trim_end());
        out.push('\n');
    }
    if !code.exc_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exc_table {
            out.push_str(&format!(
                "  {} to {} -> {} [{}]{}\n",
                e.start,
                e.end,
                e.target,
                e.depth,
                if e.push_lasti { " lasti" } else { "" }
            ));
        }
    }
}

fn describe(code: &Code, op: Op, arg: u32) -> String {
    match op {
        Op::LoadFastConst => format!(
            "{} ({}, {})",
            arg,
            code.slot_name((arg & 0xffff) as usize).as_str(),
            repr_plain(&code.consts[(arg >> 16) as usize])
        ),
        Op::LoadFastPair => format!(
            "{} ({}, {})",
            arg,
            code.slot_name((arg & 0xffff) as usize).as_str(),
            code.slot_name((arg >> 16) as usize).as_str()
        ),
        Op::LoadConst => match &code.consts[arg as usize] {
            Value::Code(c) => format!("{} (<code object {}>)", arg, c.name.as_str()),
            v => format!("{} ({})", arg, repr_plain(v)),
        },
        Op::LoadFast
        | Op::StoreFast
        | Op::DeleteFast
        | Op::LoadDeref
        | Op::StoreDeref
        | Op::DeleteDeref
        | Op::LoadClosure
        | Op::LoadClassDeref => format!("{} ({})", arg, code.slot_name(arg as usize).as_str()),
        Op::LoadGlobal
        | Op::StoreGlobal
        | Op::DeleteGlobal
        | Op::LoadName
        | Op::StoreName
        | Op::DeleteName
        | Op::LoadAttr
        | Op::StoreAttr
        | Op::DeleteAttr
        | Op::LoadMethod
        | Op::ImportName
        | Op::ImportFrom => {
            format!("{} ({})", arg, code.names[arg as usize].as_str())
        }
        Op::BinaryOp => {
            let (k, inplace) = super::BinOpKind::from_arg(arg);
            format!("{} ({}{})", arg, k.symbol(), if inplace { "=" } else { "" })
        }
        Op::CompareOp => format!("{} ({})", arg, super::CmpKind::from_arg(arg).symbol()),
        Op::Jump
        | Op::PopJumpIfFalse
        | Op::PopJumpIfTrue
        | Op::PopJumpIfNone
        | Op::PopJumpIfNotNone
        | Op::JumpIfFalseOrPop
        | Op::JumpIfTrueOrPop
        | Op::ForIter => format!("(to {})", arg),
        Op::Nop
        | Op::PopTop
        | Op::PushNull
        | Op::ReturnValue
        | Op::GetIter
        | Op::BinarySubscr
        | Op::StoreSubscr
        | Op::DeleteSubscr
        | Op::UnaryNegative
        | Op::UnaryNot
        | Op::UnaryInvert
        | Op::UnaryPositive
        | Op::PushExcInfo
        | Op::PopExcept
        | Op::CheckExcMatch
        | Op::LoadAssertionError
        | Op::ListToTuple
        | Op::YieldValue => String::new(),
        _ => format!("{}", arg),
    }
}
