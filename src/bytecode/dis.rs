//! A readable disassembly: offsets, lines, opcodes, operands resolved.

use super::{Code, Op, Operand};
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
        .filter(|i| i.op.is_jump())
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
    match op.operand() {
        Operand::None => String::new(),
        Operand::Raw => format!("{}", arg),
        Operand::LocalConst => format!(
            "{} ({}, {})",
            arg,
            code.slot_name((arg & 0xffff) as usize).as_str(),
            repr_plain(&code.consts[(arg >> 16) as usize])
        ),
        Operand::LocalPair => format!(
            "{} ({}, {})",
            arg,
            code.slot_name((arg & 0xffff) as usize).as_str(),
            code.slot_name((arg >> 16) as usize).as_str()
        ),
        Operand::Const => match &code.consts[arg as usize] {
            Value::Code(c) => format!("{} (<code object {}>)", arg, c.name.as_str()),
            v => format!("{} ({})", arg, repr_plain(v)),
        },
        Operand::Local => format!("{} ({})", arg, code.slot_name(arg as usize).as_str()),
        Operand::Name => format!("{} ({})", arg, code.names[arg as usize].as_str()),
        Operand::BinOp => {
            let (k, inplace) = super::BinOpKind::from_arg(arg);
            format!("{} ({}{})", arg, k.symbol(), if inplace { "=" } else { "" })
        }
        Operand::Cmp => format!("{} ({})", arg, super::CmpKind::from_arg(arg).symbol()),
        Operand::Jump => format!("(to {})", arg),
    }
}
