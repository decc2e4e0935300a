//! `re` patterns: Python's pattern syntax parsed as CPython 3.11's
//! `re/_parser.py` parses it (the same errors, messages and positions),
//! into a tree that `emit` writes in the syntax of the `regex` crate's
//! engine, every character escaped and every class spelled out, so that
//! what Python means is what the engine runs: `\w`, `\s`, `\d` and `\b` as
//! Python defines them for str patterns (or ASCII), `.` without DOTALL
//! never matching `\n`, `$` as Python's (see `Dollar`), case folding per
//! the IGNORECASE and ASCII flags in force where each node was parsed.
//!
//! What the engine cannot run is parsed (its errors are CPython's) and
//! refused by name when emitted: backreferences, lookahead and lookbehind,
//! conditionals, atomic groups and possessive quantifiers.

pub const TEMPLATE: u32 = 1;
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
pub const DEBUG: u32 = 128;
pub const ASCII: u32 = 256;

const TYPE_FLAGS: u32 = ASCII | LOCALE | UNICODE;
const GLOBAL_FLAGS: u32 = DEBUG | TEMPLATE;
const MAXREPEAT: u64 = 4294967295;
const MAXGROUPS: usize = 1073741823;

fn flag_of(c: char) -> Option<u32> {
    Some(match c {
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'x' => VERBOSE,
        'a' => ASCII,
        't' => TEMPLATE,
        'u' => UNICODE,
        _ => return None,
    })
}

/// A `re.error`: message, position in characters.
#[derive(Debug)]
pub struct ReError {
    pub msg: String,
    pub pos: Option<usize>,
}

/// What went wrong making a pattern: CPython's `re.error`, its
/// `ValueError` for bad flag combinations, or its OverflowError.
#[derive(Debug)]
pub enum Fail {
    Error(ReError),
    Value(String),
    Overflow(String),
    /// Nested deeper than CPython's recursive parser could go.
    Recursion,
}

type R<T> = Result<T, Fail>;

/// Scoped flags turned on and off by the enclosing groups.
type Scoped = (u32, u32);

fn error(msg: impl Into<String>, pos: usize) -> Fail {
    Fail::Error(ReError {
        msg: msg.into(),
        pos: Some(pos),
    })
}

/// `\d`, `\w`, `\s` and their negations.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cat {
    Digit,
    NotDigit,
    Word,
    NotWord,
    Space,
    NotSpace,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Lit(char),
    Range(char, char),
    Cat(Cat),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum At {
    /// `^`
    Beginning,
    /// `$`
    End,
    /// `\A`
    StrStart,
    /// `\Z`
    StrEnd,
    Boundary,
    NonBoundary,
}

#[derive(Clone, Debug)]
pub enum Node {
    /// A character, with the flags in force where it was written.
    Lit(char, u32),
    Any(u32),
    Class {
        items: Vec<Item>,
        negate: bool,
        flags: u32,
    },
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    /// A group: its number when it captures.
    Group(Option<usize>, Box<Node>),
    Repeat {
        min: u32,
        max: Option<u32>,
        greedy: bool,
        possessive: bool,
        node: Box<Node>,
    },
    At(At, u32),
    /// Parsed, never run: the construct's name.
    Refused(&'static str),
}

/// A parsed pattern.
#[derive(Debug)]
pub struct Parsed {
    pub tree: Node,
    /// The flags after parsing (inline global flags, UNICODE added).
    pub flags: u32,
    pub groups: usize,
    /// Group names in the order they were defined, with their numbers.
    pub names: Vec<(String, usize)>,
    /// For each group (index 0 unused), where its `)` is: the order in
    /// which groups close, for `lastindex`.
    pub close_order: Vec<usize>,
}

struct Tok<'a> {
    s: &'a [char],
    index: usize,
    next: Option<(char, Option<char>)>,
}

impl<'a> Tok<'a> {
    fn new(s: &'a [char]) -> R<Tok<'a>> {
        let mut t = Tok {
            s,
            index: 0,
            next: None,
        };
        t.advance()?;
        Ok(t)
    }
    fn advance(&mut self) -> R<()> {
        let Some(&c) = self.s.get(self.index) else {
            self.next = None;
            return Ok(());
        };
        if c == '\\' {
            match self.s.get(self.index + 1) {
                None => {
                    return Err(error(
                        "bad escape (end of pattern)",
                        self.s.len().saturating_sub(1),
                    ))
                }
                Some(&d) => {
                    self.next = Some((c, Some(d)));
                    self.index += 2;
                }
            }
        } else {
            self.next = Some((c, None));
            self.index += 1;
        }
        Ok(())
    }
    fn next_len(&self) -> usize {
        match self.next {
            None => 0,
            Some((_, None)) => 1,
            Some(_) => 2,
        }
    }
    fn tell(&self) -> usize {
        self.index - self.next_len()
    }
    fn seek(&mut self, i: usize) -> R<()> {
        self.index = i;
        self.advance()
    }
    /// The next token when it is a plain character.
    fn peek(&self) -> Option<char> {
        match self.next {
            Some((c, None)) => Some(c),
            _ => None,
        }
    }
    fn matches(&mut self, c: char) -> R<bool> {
        if self.peek() == Some(c) {
            self.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }
    fn get(&mut self) -> R<Option<(char, Option<char>)>> {
        let t = self.next;
        self.advance()?;
        Ok(t)
    }
    fn get_char(&mut self) -> R<Option<String>> {
        Ok(self.get()?.map(tok_str))
    }
    fn err(&self, msg: impl Into<String>, offset: usize) -> Fail {
        error(msg, self.tell().saturating_sub(offset))
    }
    fn getwhile(&mut self, n: usize, ok: fn(char) -> bool) -> R<String> {
        let mut out = String::new();
        for _ in 0..n {
            match self.peek() {
                Some(c) if ok(c) => {
                    out.push(c);
                    self.advance()?;
                }
                _ => break,
            }
        }
        Ok(out)
    }
    fn getuntil(&mut self, term: char, name: &str) -> R<String> {
        let mut out = String::new();
        loop {
            let c = self.get()?;
            match c {
                None => {
                    if out.is_empty() {
                        return Err(self.err(format!("missing {name}"), 0));
                    }
                    return Err(self.err(
                        format!("missing {term}, unterminated name"),
                        out.chars().count(),
                    ));
                }
                Some((c, None)) if c == term => {
                    if out.is_empty() {
                        return Err(self.err(format!("missing {name}"), 1));
                    }
                    return Ok(out);
                }
                Some(t) => out.push_str(&tok_str(t)),
            }
        }
    }
    fn checkgroupname(&self, name: &str, offset: usize) -> R<()> {
        if !is_identifier(name) {
            return Err(self.err(
                format!("bad character in group name {}", py_repr(name)),
                name.chars().count() + offset,
            ));
        }
        Ok(())
    }
}

fn tok_str((c, d): (char, Option<char>)) -> String {
    let mut s = String::from(c);
    if let Some(d) = d {
        s.push(d);
    }
    s
}

/// `str.isidentifier()`.
pub fn is_identifier(s: &str) -> bool {
    crate::value::unicode::is_identifier(s)
}

/// Python's repr of a str, for messages.
pub fn py_repr(s: &str) -> String {
    crate::value::repr::str_repr(s)
}

fn is_hex(c: char) -> bool {
    c.is_ascii_hexdigit()
}
fn is_oct(c: char) -> bool {
    ('0'..='7').contains(&c)
}
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

struct State {
    /// How deep groups may nest (CPython's parser recurses per group).
    max_nested: usize,
    flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
    open: Vec<usize>,
    close_order: Vec<usize>,
    grouprefpos: Vec<(usize, usize)>,
    closed_count: usize,
}

impl State {
    fn groupdict(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|(_, g)| *g)
    }
    fn checkgroup(&self, gid: usize) -> bool {
        gid < self.groups && !self.open.contains(&gid)
    }
}

/// `ESCAPES` of `_parser.py`.
fn simple_escape(c: char) -> Option<char> {
    Some(match c {
        'a' => '\x07',
        'b' => '\x08',
        'f' => '\x0c',
        'n' => '\n',
        'r' => '\r',
        't' => '\t',
        'v' => '\x0b',
        '\\' => '\\',
        _ => return None,
    })
}

fn category(c: char) -> Option<Cat> {
    Some(match c {
        'd' => Cat::Digit,
        'D' => Cat::NotDigit,
        's' => Cat::Space,
        'S' => Cat::NotSpace,
        'w' => Cat::Word,
        'W' => Cat::NotWord,
        _ => return None,
    })
}

enum Esc {
    Lit(char),
    Cat(Cat),
    At(At),
    GroupRef,
}

fn code_char(src: &Tok, cp: u32, escape: &str) -> R<char> {
    crate::value::string::char_for_code(cp)
        .ok_or_else(|| src.err(format!("bad escape {escape}"), escape.chars().count()))
}

/// The escapes both contexts share: `\x`, `\u`, `\U`, `\N{...}`.
fn hex_escape(src: &mut Tok, c: char, escape: &mut String) -> R<Option<char>> {
    let n = match c {
        'x' => 2,
        'u' => 4,
        'U' => 8,
        'N' => {
            if !src.matches('{')? {
                return Err(src.err("missing {", 0));
            }
            let name = src.getuntil('}', "character name")?;
            return match unicode_names2::character(&name) {
                Some(ch) => Ok(Some(ch)),
                None => Err(src.err(
                    format!("undefined character name {}", py_repr(&name)),
                    name.chars().count() + 4,
                )),
            };
        }
        _ => return Ok(None),
    };
    escape.push_str(&src.getwhile(n, is_hex)?);
    if escape.chars().count() != n + 2 {
        return Err(src.err(
            format!("incomplete escape {escape}"),
            escape.chars().count(),
        ));
    }
    let cp = u32::from_str_radix(&escape[2..], 16).unwrap_or(u32::MAX);
    if cp > 0x10FFFF {
        return Err(src.err(format!("bad escape {escape}"), escape.chars().count()));
    }
    code_char(src, cp, escape).map(Some)
}

fn class_escape(src: &mut Tok, c: char) -> R<Esc> {
    if let Some(x) = simple_escape(c) {
        return Ok(Esc::Lit(x));
    }
    if let Some(cat) = category(c) {
        return Ok(Esc::Cat(cat));
    }
    let mut escape = format!("\\{c}");
    if let Some(x) = hex_escape(src, c, &mut escape)? {
        return Ok(Esc::Lit(x));
    }
    if is_oct(c) {
        escape.push_str(&src.getwhile(2, is_oct)?);
        let v = u32::from_str_radix(&escape[1..], 8).unwrap_or(0);
        if v > 0o377 {
            return Err(src.err(
                format!("octal escape value {escape} outside of range 0-0o377"),
                escape.chars().count(),
            ));
        }
        return code_char(src, v, &escape).map(Esc::Lit);
    }
    if is_digit(c) || c.is_ascii_alphabetic() {
        return Err(src.err(format!("bad escape {escape}"), escape.chars().count()));
    }
    Ok(Esc::Lit(c))
}

fn escape(src: &mut Tok, c: char, st: &mut State) -> R<Esc> {
    match c {
        'A' => return Ok(Esc::At(At::StrStart)),
        'Z' => return Ok(Esc::At(At::StrEnd)),
        'b' => return Ok(Esc::At(At::Boundary)),
        'B' => return Ok(Esc::At(At::NonBoundary)),
        _ => {}
    }
    if let Some(cat) = category(c) {
        return Ok(Esc::Cat(cat));
    }
    if let Some(x) = simple_escape(c) {
        return Ok(Esc::Lit(x));
    }
    let mut escape = format!("\\{c}");
    if let Some(x) = hex_escape(src, c, &mut escape)? {
        return Ok(Esc::Lit(x));
    }
    if c == '0' {
        escape.push_str(&src.getwhile(2, is_oct)?);
        let v = u32::from_str_radix(&escape[1..], 8).unwrap_or(0);
        return code_char(src, v, &escape).map(Esc::Lit);
    }
    if is_digit(c) {
        if let Some(d) = src.peek().filter(|&d| is_digit(d)) {
            src.advance()?;
            escape.push(d);
            if is_oct(c) && is_oct(d) {
                if let Some(e) = src.peek().filter(|&e| is_oct(e)) {
                    src.advance()?;
                    escape.push(e);
                    let v = u32::from_str_radix(&escape[1..], 8).unwrap_or(0);
                    if v > 0o377 {
                        return Err(src.err(
                            format!("octal escape value {escape} outside of range 0-0o377"),
                            escape.len(),
                        ));
                    }
                    return code_char(src, v, &escape).map(Esc::Lit);
                }
            }
        }
        let group: usize = escape[1..].parse().unwrap_or(usize::MAX);
        if group < st.groups {
            if !st.checkgroup(group) {
                return Err(src.err("cannot refer to an open group", escape.len()));
            }
            return Ok(Esc::GroupRef);
        }
        return Err(src.err(format!("invalid group reference {group}"), escape.len() - 1));
    }
    if c.is_ascii_alphabetic() {
        return Err(src.err(format!("bad escape {escape}"), escape.chars().count()));
    }
    Ok(Esc::Lit(c))
}

fn is_repeat(n: &Node) -> bool {
    matches!(n, Node::Repeat { .. })
}

fn parse_sub(src: &mut Tok, st: &mut State, verbose: bool, nested: usize, fl: Scoped) -> R<Node> {
    if nested > st.max_nested {
        return Err(Fail::Recursion);
    }
    crate::vm::with_native_stack(|| parse_alternatives(src, st, verbose, nested, fl))
}

fn parse_alternatives(
    src: &mut Tok,
    st: &mut State,
    verbose: bool,
    nested: usize,
    fl: Scoped,
) -> R<Node> {
    let mut items = vec![];
    let mut verbose = verbose;
    loop {
        let first = nested == 0 && items.is_empty();
        items.push(parse(src, st, verbose, nested + 1, first, fl)?);
        if !src.matches('|')? {
            break;
        }
        if nested == 0 {
            verbose = st.flags & VERBOSE != 0;
        }
    }
    if items.len() == 1 {
        return Ok(items.pop().unwrap());
    }
    Ok(Node::Alt(items))
}

fn parse(
    src: &mut Tok,
    st: &mut State,
    mut verbose: bool,
    nested: usize,
    first: bool,
    fl: Scoped,
) -> R<Node> {
    let mut sub: Vec<Node> = vec![];
    // The flags in force: the global ones (known once the leading inline
    // flags are read) and the scoped ones of the enclosing groups.
    let flags_now = |st: &State| (st.flags | fl.0) & !fl.1;
    while let Some(this) = src.next {
        if this == ('|', None) || this == (')', None) {
            break;
        }
        src.advance()?;
        let (c, esc) = this;
        if verbose && esc.is_none() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') {
                continue;
            }
            if c == '#' {
                loop {
                    match src.get()? {
                        None | Some(('\n', None)) => break,
                        _ => {}
                    }
                }
                continue;
            }
        }
        let f = flags_now(st);
        if let Some(e) = esc {
            match escape(src, e, st)? {
                Esc::Lit(x) => sub.push(Node::Lit(x, f)),
                Esc::Cat(cat) => sub.push(Node::Class {
                    items: vec![Item::Cat(cat)],
                    negate: false,
                    flags: f,
                }),
                Esc::At(a) => sub.push(Node::At(a, f)),
                Esc::GroupRef => sub.push(Node::Refused("backreferences")),
            }
            continue;
        }
        match c {
            '[' => sub.push(parse_class(src, f)?),
            '?' | '*' | '+' | '{' => {
                let here = src.tell();
                let (min, max): (u64, u64) = match c {
                    '?' => (0, 1),
                    '*' => (0, MAXREPEAT),
                    '+' => (1, MAXREPEAT),
                    _ => {
                        if src.peek() == Some('}') {
                            sub.push(Node::Lit('{', f));
                            continue;
                        }
                        let mut lo = String::new();
                        let mut hi = String::new();
                        while let Some(d) = src.peek().filter(|&d| is_digit(d)) {
                            lo.push(d);
                            src.advance()?;
                        }
                        if src.matches(',')? {
                            while let Some(d) = src.peek().filter(|&d| is_digit(d)) {
                                hi.push(d);
                                src.advance()?;
                            }
                        } else {
                            hi = lo.clone();
                        }
                        if !src.matches('}')? {
                            sub.push(Node::Lit('{', f));
                            src.seek(here)?;
                            continue;
                        }
                        let mut min = 0u64;
                        let mut max = MAXREPEAT;
                        if !lo.is_empty() {
                            min = lo.parse().unwrap_or(u64::MAX);
                            if min >= MAXREPEAT {
                                return Err(Fail::Overflow(
                                    "the repetition number is too large".into(),
                                ));
                            }
                        }
                        if !hi.is_empty() {
                            max = hi.parse().unwrap_or(u64::MAX);
                            if max >= MAXREPEAT {
                                return Err(Fail::Overflow(
                                    "the repetition number is too large".into(),
                                ));
                            }
                            if max < min {
                                return Err(src
                                    .err("min repeat greater than max repeat", src.tell() - here));
                            }
                        }
                        (min, max)
                    }
                };
                let at = src.tell() - here + 1;
                let item = match sub.pop() {
                    None | Some(Node::At(..)) => {
                        return Err(src.err("nothing to repeat", at));
                    }
                    Some(n) if is_repeat(&n) => {
                        return Err(src.err("multiple repeat", at));
                    }
                    Some(n) => n,
                };
                let (greedy, possessive) = if src.matches('?')? {
                    (false, false)
                } else if src.matches('+')? {
                    (true, true)
                } else {
                    (true, false)
                };
                sub.push(Node::Repeat {
                    min: min as u32,
                    max: (max != MAXREPEAT).then_some(max as u32),
                    greedy,
                    possessive,
                    node: Box::new(item),
                });
            }
            '.' => sub.push(Node::Any(f)),
            '(' => {
                let start = src.tell() - 1;
                let mut capture = true;
                let mut name: Option<String> = None;
                let mut add = 0u32;
                let mut del = 0u32;
                let mut refused: Option<&'static str> = None;
                if src.matches('?')? {
                    let Some(ch) = src.get_char()? else {
                        return Err(src.err("unexpected end of pattern", 0));
                    };
                    match ch.as_str() {
                        "P" => {
                            if src.matches('<')? {
                                let n = src.getuntil('>', "group name")?;
                                src.checkgroupname(&n, 1)?;
                                name = Some(n);
                            } else if src.matches('=')? {
                                let n = src.getuntil(')', "group name")?;
                                src.checkgroupname(&n, 1)?;
                                let len = n.chars().count() + 1;
                                match st.groupdict(&n) {
                                    None => {
                                        return Err(src.err(
                                            format!("unknown group name {}", py_repr(&n)),
                                            len,
                                        ))
                                    }
                                    Some(g) if !st.checkgroup(g) => {
                                        return Err(src.err("cannot refer to an open group", len))
                                    }
                                    _ => {}
                                }
                                sub.push(Node::Refused("backreferences"));
                                continue;
                            } else {
                                let Some(ch) = src.get_char()? else {
                                    return Err(src.err("unexpected end of pattern", 0));
                                };
                                let len = ch.chars().count() + 2;
                                return Err(src.err(format!("unknown extension ?P{ch}"), len));
                            }
                        }
                        ":" => capture = false,
                        "#" => {
                            loop {
                                if src.next.is_none() {
                                    return Err(src.err(
                                        "missing ), unterminated comment",
                                        src.tell() - start,
                                    ));
                                }
                                if src.get()? == Some((')', None)) {
                                    break;
                                }
                            }
                            continue;
                        }
                        "=" | "!" | "<" => {
                            let mut what = if ch == "=" {
                                "lookahead assertions"
                            } else {
                                "negative lookahead assertions"
                            };
                            if ch == "<" {
                                let Some(d) = src.get_char()? else {
                                    return Err(src.err("unexpected end of pattern", 0));
                                };
                                if d != "=" && d != "!" {
                                    let len = d.chars().count() + 2;
                                    return Err(src.err(format!("unknown extension ?<{d}"), len));
                                }
                                what = if d == "=" {
                                    "lookbehind assertions"
                                } else {
                                    "negative lookbehind assertions"
                                };
                            }
                            parse_sub(src, st, verbose, nested + 1, fl)?;
                            if !src.matches(')')? {
                                return Err(src.err(
                                    "missing ), unterminated subpattern",
                                    src.tell() - start,
                                ));
                            }
                            sub.push(Node::Refused(what));
                            continue;
                        }
                        "(" => {
                            let cond = src.getuntil(')', "group name")?;
                            let len = cond.chars().count() + 1;
                            if is_identifier(&cond) {
                                if st.groupdict(&cond).is_none() {
                                    return Err(src.err(
                                        format!("unknown group name {}", py_repr(&cond)),
                                        len,
                                    ));
                                }
                            } else {
                                let g: usize = match cond.parse::<u64>() {
                                    Ok(g) if cond.chars().all(|c| c.is_ascii_digit()) => {
                                        g.min(usize::MAX as u64) as usize
                                    }
                                    _ => {
                                        return Err(src.err(
                                            format!(
                                                "bad character in group name {}",
                                                py_repr(&cond)
                                            ),
                                            len,
                                        ))
                                    }
                                };
                                if g == 0 {
                                    return Err(src.err("bad group number", len));
                                }
                                if g >= MAXGROUPS {
                                    return Err(
                                        src.err(format!("invalid group reference {g}"), len)
                                    );
                                }
                                if !st.grouprefpos.iter().any(|(x, _)| *x == g) {
                                    st.grouprefpos.push((g, src.tell() - len));
                                }
                            }
                            parse(src, st, verbose, nested + 1, false, fl)?;
                            if src.matches('|')? {
                                parse(src, st, verbose, nested + 1, false, fl)?;
                                if src.peek() == Some('|') {
                                    return Err(src.err(
                                        "conditional backref with more than two branches",
                                        0,
                                    ));
                                }
                            }
                            if !src.matches(')')? {
                                return Err(src.err(
                                    "missing ), unterminated subpattern",
                                    src.tell() - start,
                                ));
                            }
                            sub.push(Node::Refused("conditional groups (?(...)...)"));
                            continue;
                        }
                        ">" => {
                            capture = false;
                            refused = Some("atomic groups (?>...)");
                        }
                        _ => {
                            let c0 = ch.chars().next().unwrap_or(' ');
                            if ch.chars().count() == 1 && (flag_of(c0).is_some() || c0 == '-') {
                                match parse_flags(src, st, c0)? {
                                    None => {
                                        if !first || !sub.is_empty() {
                                            return Err(src.err(
                                                "global flags not at the start of the expression",
                                                src.tell() - start,
                                            ));
                                        }
                                        verbose = st.flags & VERBOSE != 0;
                                        continue;
                                    }
                                    Some((a, d)) => {
                                        add = a;
                                        del = d;
                                        capture = false;
                                    }
                                }
                            } else {
                                let len = ch.chars().count() + 1;
                                return Err(src.err(format!("unknown extension ?{ch}"), len));
                            }
                        }
                    }
                }
                let group = if capture {
                    let gid = st.groups;
                    if let Some(n) = &name {
                        if let Some(old) = st.groupdict(n) {
                            return Err(src.err(
                                format!(
                                    "redefinition of group name {} as group {gid}; was group {old}",
                                    py_repr(n)
                                ),
                                n.chars().count() + 1,
                            ));
                        }
                        st.names.push((n.clone(), gid));
                    }
                    st.groups += 1;
                    if st.groups > MAXGROUPS {
                        return Err(src.err("too many groups", 0));
                    }
                    st.open.push(gid);
                    Some(gid)
                } else {
                    None
                };
                let sub_verbose = (verbose || add & VERBOSE != 0) && del & VERBOSE == 0;
                // A scoped flag off turns off a global one too.
                let inner_fl = ((fl.0 & !del) | add, (fl.1 & !add) | del);
                let p = parse_sub(src, st, sub_verbose, nested + 1, inner_fl)?;
                if !src.matches(')')? {
                    return Err(src.err("missing ), unterminated subpattern", src.tell() - start));
                }
                if let Some(g) = group {
                    st.open.retain(|&x| x != g);
                    st.closed_count += 1;
                    if st.close_order.len() <= g {
                        st.close_order.resize(g + 1, 0);
                    }
                    st.close_order[g] = st.closed_count;
                }
                match refused {
                    Some(what) => sub.push(Node::Refused(what)),
                    None => sub.push(Node::Group(group, Box::new(p))),
                }
            }
            '^' => sub.push(Node::At(At::Beginning, f)),
            '$' => sub.push(Node::At(At::End, f)),
            _ => sub.push(Node::Lit(c, f)),
        }
    }
    if sub.len() == 1 {
        return Ok(sub.pop().unwrap());
    }
    Ok(Node::Cat(sub))
}

fn parse_class(src: &mut Tok, f: u32) -> R<Node> {
    let here = src.tell() - 1;
    let mut set: Vec<Item> = vec![];
    let negate = src.matches('^')?;
    let to_item = |e: Esc| match e {
        Esc::Lit(c) => Item::Lit(c),
        Esc::Cat(c) => Item::Cat(c),
        _ => unreachable!("class escapes are literals or categories"),
    };
    loop {
        let Some(this) = src.get()? else {
            return Err(src.err("unterminated character set", src.tell() - here));
        };
        if this == (']', None) && !set.is_empty() {
            break;
        }
        // The loop's first `]` is a literal; so is it after `^`.
        let code1 = match this {
            (_, Some(e)) => to_item(class_escape(src, e)?),
            (c, None) => Item::Lit(c),
        };
        if src.matches('-')? {
            let Some(that) = src.get()? else {
                return Err(src.err("unterminated character set", src.tell() - here));
            };
            if that == (']', None) {
                set.push(code1);
                set.push(Item::Lit('-'));
                break;
            }
            let code2 = match that {
                (_, Some(e)) => to_item(class_escape(src, e)?),
                (c, None) => Item::Lit(c),
            };
            let (ts, tt) = (tok_str(this), tok_str(that));
            let len = ts.chars().count() + 1 + tt.chars().count();
            match (code1, code2) {
                (Item::Lit(lo), Item::Lit(hi)) if hi >= lo => set.push(Item::Range(lo, hi)),
                _ => return Err(src.err(format!("bad character range {ts}-{tt}"), len)),
            }
        } else {
            set.push(code1);
        }
    }
    Ok(Node::Class {
        items: set,
        negate,
        flags: f,
    })
}

/// `_parse_flags`: None for global flags (`(?i)`), else the scoped flags
/// turned on and off.
fn parse_flags(src: &mut Tok, st: &mut State, first: char) -> R<Option<(u32, u32)>> {
    let mut add = 0u32;
    let mut del = 0u32;
    let mut ch = Some(first);
    if first != '-' {
        loop {
            let c = ch.unwrap_or(' ');
            let flag = flag_of(c).unwrap_or(0);
            if c == 'L' {
                return Err(src.err(
                    "bad inline flags: cannot use 'L' flag with a str pattern",
                    0,
                ));
            }
            add |= flag;
            if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                return Err(src.err(
                    "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                    0,
                ));
            }
            let next = src.get_char()?;
            let Some(n) = next else {
                return Err(src.err("missing -, : or )", 0));
            };
            let nc = n.chars().next().unwrap_or(' ');
            ch = Some(nc);
            if n.len() == 1 && matches!(nc, ')' | '-' | ':') {
                break;
            }
            if n.chars().count() != 1 || flag_of(nc).is_none() {
                let msg = if n.chars().count() == 1 && nc.is_alphabetic() {
                    "unknown flag"
                } else {
                    "missing -, : or )"
                };
                return Err(src.err(msg, n.chars().count()));
            }
        }
    }
    if ch == Some(')') {
        st.flags |= add;
        return Ok(None);
    }
    if add & GLOBAL_FLAGS != 0 {
        return Err(src.err("bad inline flags: cannot turn on global flag", 1));
    }
    if ch == Some('-') {
        let Some(n) = src.get_char()? else {
            return Err(src.err("missing flag", 0));
        };
        let mut nc = n.chars().next().unwrap_or(' ');
        if n.chars().count() != 1 || flag_of(nc).is_none() {
            let msg = if n.chars().count() == 1 && nc.is_alphabetic() {
                "unknown flag"
            } else {
                "missing flag"
            };
            return Err(src.err(msg, n.chars().count()));
        }
        loop {
            let flag = flag_of(nc).unwrap_or(0);
            if flag & TYPE_FLAGS != 0 {
                return Err(src.err(
                    "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                    0,
                ));
            }
            del |= flag;
            let Some(n) = src.get_char()? else {
                return Err(src.err("missing :", 0));
            };
            nc = n.chars().next().unwrap_or(' ');
            if n == ":" {
                break;
            }
            if n.chars().count() != 1 || flag_of(nc).is_none() {
                let msg = if n.chars().count() == 1 && nc.is_alphabetic() {
                    "unknown flag"
                } else {
                    "missing :"
                };
                return Err(src.err(msg, n.chars().count()));
            }
        }
    }
    if del & GLOBAL_FLAGS != 0 {
        return Err(src.err("bad inline flags: cannot turn off global flag", 1));
    }
    if add & del != 0 {
        return Err(src.err("bad inline flags: flag turned on and off", 1));
    }
    Ok(Some((add, del)))
}

/// Parses `pattern` with `flags` as `re/_parser.py`'s `parse`.
pub fn parse_pattern(pattern: &str, flags: u32, max_nested: usize) -> R<Parsed> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut src = Tok::new(&chars)?;
    let mut st = State {
        max_nested,
        flags,
        groups: 1,
        names: vec![],
        open: vec![],
        close_order: vec![0],
        grouprefpos: vec![],
        closed_count: 0,
    };
    let tree = parse_sub(&mut src, &mut st, flags & VERBOSE != 0, 0, (0, 0))?;
    // fix_flags
    let mut fl = st.flags;
    if fl & LOCALE != 0 {
        return Err(Fail::Value(
            "cannot use LOCALE flag with a str pattern".into(),
        ));
    }
    if fl & ASCII == 0 {
        fl |= UNICODE;
    } else if fl & UNICODE != 0 {
        return Err(Fail::Value(
            "ASCII and UNICODE flags are incompatible".into(),
        ));
    }
    if src.next.is_some() {
        return Err(src.err("unbalanced parenthesis", 0));
    }
    for &(g, pos) in &st.grouprefpos {
        if g >= st.groups {
            return Err(error(format!("invalid group reference {g}"), pos));
        }
    }
    st.close_order.resize(st.groups, 0);
    Ok(Parsed {
        tree,
        flags: fl,
        groups: st.groups - 1,
        names: st.names,
        close_order: st.close_order,
    })
}

/// How `$` without MULTILINE is written for the engine. Python's matches
/// at the end and before a final `\n`; the engine has no lookahead, so a
/// pattern holding one is compiled per haystack kind: `\z` where the
/// haystack does not end in `\n`, `(?m:$)` where its only `\n` is its last
/// character (the same positions then).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Dollar {
    End,
    Line,
    /// As `End`, for the empty haystack, where Python's `\B` never
    /// matches (the engine's does).
    Empty,
}

/// Whether the tree has a `$` without MULTILINE.
pub fn has_plain_dollar(n: &Node) -> bool {
    match n {
        Node::At(At::End, f) => f & MULTILINE == 0,
        Node::Cat(v) | Node::Alt(v) => v.iter().any(has_plain_dollar),
        Node::Group(_, b) => has_plain_dollar(b),
        Node::Repeat { node, .. } => has_plain_dollar(node),
        _ => false,
    }
}

/// Whether the tree has a `\b` or `\B` without ASCII: the engine's word
/// characters are not Python's (marks, connector punctuation, `½`...).
pub fn has_unicode_boundary(n: &Node) -> bool {
    match n {
        Node::At(At::Boundary | At::NonBoundary, f) => f & ASCII == 0,
        Node::Cat(v) | Node::Alt(v) => v.iter().any(has_unicode_boundary),
        Node::Group(_, b) => has_unicode_boundary(b),
        Node::Repeat { node, .. } => has_unicode_boundary(node),
        _ => false,
    }
}

/// A pattern for the engine finding a character that is a word character
/// to the engine's `\b` but not to Python's `\w`, or the reverse.
pub fn word_disagreement() -> String {
    let py = unicode_ranges(Cat::Word);
    format!(r"[\w--[{py}]]|[[{py}]--\w]")
}

/// The first construct of the tree krait refuses, if any.
pub fn refused(n: &Node) -> Option<&'static str> {
    match n {
        Node::Refused(w) => Some(w),
        Node::Repeat {
            possessive: true, ..
        } => Some("possessive quantifiers (*+, ++, ?+, {m,n}+)"),
        Node::Repeat { max, node, .. } if *max != Some(1) && nullable(node) && captures(node) => {
            Some(
                "a capturing group in a repeat whose body can match empty \
                 (CPython's groups after an empty last iteration)",
            )
        }
        Node::Cat(v) | Node::Alt(v) => v.iter().find_map(refused),
        Node::Group(_, b) => refused(b),
        Node::Repeat { node, .. } => refused(node),
        _ => None,
    }
}

/// Whether `n` can match the empty string.
pub fn nullable(n: &Node) -> bool {
    match n {
        Node::Lit(..) | Node::Any(_) | Node::Class { .. } => false,
        Node::Cat(v) => v.iter().all(nullable),
        Node::Alt(v) => v.iter().any(nullable),
        Node::Group(_, b) => nullable(b),
        Node::Repeat { min, node, .. } => *min == 0 || nullable(node),
        Node::At(..) | Node::Refused(_) => true,
    }
}

/// Whether `n` holds a capturing group.
fn captures(n: &Node) -> bool {
    match n {
        Node::Group(Some(_), _) => true,
        Node::Group(None, b) | Node::Repeat { node: b, .. } => captures(b),
        Node::Cat(v) | Node::Alt(v) => v.iter().any(captures),
        _ => false,
    }
}

fn push_char(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() {
        out.push(c);
    } else {
        out.push_str(&format!("\\x{{{:x}}}", c as u32));
    }
}

/// The members of a Unicode category as Python defines it for str
/// patterns, written as class ranges, from krait's own Unicode tables
/// (CPython 3.11's version): `\w` is `str.isalnum()` or `_`, `\d`
/// `str.isdecimal()`, `\s` `str.isspace()`. Made once, when first used.
fn unicode_ranges(cat: Cat) -> &'static str {
    use crate::value::unicode as u;
    use std::sync::OnceLock;
    static TABLES: [OnceLock<String>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let (i, pred): (usize, fn(char) -> bool) = match cat {
        Cat::Word | Cat::NotWord => (0, |c| {
            c == '_' || u::is_alpha(c) || u::is_decimal(c) || u::is_digit(c) || u::is_numeric(c)
        }),
        Cat::Digit | Cat::NotDigit => (1, u::is_decimal),
        Cat::Space | Cat::NotSpace => (2, u::is_space),
    };
    TABLES[i].get_or_init(|| {
        let mut out = String::new();
        let mut run: Option<(char, char)> = None;
        let flush = |run: (char, char), out: &mut String| {
            push_char(out, run.0);
            if run.1 != run.0 {
                out.push('-');
                push_char(out, run.1);
            }
        };
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if !pred(c) {
                continue;
            }
            run = match run {
                Some((a, b)) if b as u32 + 1 == c as u32 => Some((a, c)),
                Some(r) => {
                    flush(r, &mut out);
                    Some((c, c))
                }
                None => Some((c, c)),
            };
        }
        if let Some(r) = run {
            flush(r, &mut out);
        }
        out
    })
}

fn push_cat(out: &mut String, cat: Cat, ascii: bool) {
    if !ascii {
        let negate = matches!(cat, Cat::NotWord | Cat::NotDigit | Cat::NotSpace);
        if negate {
            out.push_str("[^");
        }
        out.push_str(unicode_ranges(cat));
        if negate {
            out.push(']');
        }
        return;
    }
    out.push_str(match cat {
        Cat::Digit => "0-9",
        Cat::NotDigit => "[^0-9]",
        Cat::Word => "0-9A-Za-z_",
        Cat::NotWord => "[^0-9A-Za-z_]",
        Cat::Space => r"\t\n\x{b}\x{c}\r ",
        Cat::NotSpace => r"[^\t\n\x{b}\x{c}\r ]",
    });
}

/// The ASCII case partners of `[lo, hi]`'s letters, for IGNORECASE with
/// ASCII.
fn ascii_partners(lo: char, hi: char, out: &mut String) {
    for (a, z, shift) in [('a', 'z', -32i32), ('A', 'Z', 32)] {
        let (l, h) = (lo.max(a), hi.min(z));
        if l <= h {
            let m = |c: char| char::from_u32((c as i32 + shift) as u32).unwrap_or(c);
            push_char(out, m(l));
            out.push('-');
            push_char(out, m(h));
        }
    }
}

/// What IGNORECASE makes one letter in Python (lowercase by the simple
/// mapping, and `_casefix`'s `i`/`ı`), where the engine's case folding
/// keeps the Turkic ones apart.
const DOTTED_I: [char; 4] = ['i', 'I', '\u{130}', '\u{131}'];

/// Writes the tree in the engine's syntax.
pub fn emit(n: &Node, dollar: Dollar, out: &mut String) {
    match n {
        Node::Lit(c, f) => {
            let ascii = f & ASCII != 0;
            if f & IGNORECASE != 0 {
                if ascii {
                    if c.is_ascii_alphabetic() {
                        out.push('[');
                        out.push(c.to_ascii_lowercase());
                        out.push(c.to_ascii_uppercase());
                        out.push(']');
                    } else {
                        push_char(out, *c);
                    }
                } else if DOTTED_I.contains(c) {
                    out.push_str(r"[iI\x{130}\x{131}]");
                } else {
                    out.push_str("(?i:");
                    push_char(out, *c);
                    out.push(')');
                }
            } else {
                push_char(out, *c);
            }
        }
        Node::Any(f) => out.push_str(if f & DOTALL != 0 { "(?s:.)" } else { r"[^\n]" }),
        Node::Class {
            items,
            negate,
            flags,
        } => {
            let ascii = flags & ASCII != 0;
            let icase = flags & IGNORECASE != 0;
            if icase && !ascii {
                out.push_str("(?i:");
            }
            out.push('[');
            if *negate {
                out.push('^');
            }
            for it in items {
                match it {
                    Item::Lit(c) => {
                        push_char(out, *c);
                        if icase && ascii {
                            ascii_partners(*c, *c, out);
                        }
                    }
                    Item::Range(a, b) => {
                        push_char(out, *a);
                        out.push('-');
                        push_char(out, *b);
                        if icase && ascii {
                            ascii_partners(*a, *b, out);
                        }
                    }
                    Item::Cat(c) => push_cat(out, *c, ascii),
                }
            }
            let touches_i = |it: &Item| match it {
                Item::Lit(c) => DOTTED_I.contains(c),
                Item::Range(a, b) => DOTTED_I.iter().any(|c| (a..=b).contains(&c)),
                Item::Cat(_) => false,
            };
            if icase && !ascii && items.iter().any(touches_i) {
                out.push_str(r"iI\x{130}\x{131}");
            }
            out.push(']');
            if icase && !ascii {
                out.push(')');
            }
        }
        // No group of its own: every parent that needs one writes it (a
        // repeat's), which keeps the engine's nesting that of the pattern.
        Node::Cat(v) => {
            for x in v {
                emit(x, dollar, out);
            }
        }
        Node::Alt(v) => {
            out.push_str("(?:");
            for (i, x) in v.iter().enumerate() {
                if i > 0 {
                    out.push('|');
                }
                emit(x, dollar, out);
            }
            out.push(')');
        }
        Node::Group(g, b) => {
            out.push_str(if g.is_some() { "(" } else { "(?:" });
            emit(b, dollar, out);
            out.push(')');
        }
        Node::Repeat {
            min,
            max,
            greedy,
            node,
            ..
        } => {
            out.push_str("(?:");
            emit(node, dollar, out);
            out.push(')');
            match max {
                Some(m) => out.push_str(&format!("{{{min},{m}}}")),
                None => out.push_str(&format!("{{{min},}}")),
            }
            if !greedy {
                out.push('?');
            }
        }
        Node::At(a, f) => {
            let ascii = f & ASCII != 0;
            out.push_str(match a {
                At::Beginning if f & MULTILINE != 0 => "(?m:^)",
                At::Beginning | At::StrStart => r"\A",
                At::End if f & MULTILINE != 0 => "(?m:$)",
                At::End => match dollar {
                    Dollar::End | Dollar::Empty => r"\z",
                    Dollar::Line => "(?m:$)",
                },
                At::StrEnd => r"\z",
                At::Boundary if ascii => r"(?-u:\b)",
                At::Boundary => r"\b",
                At::NonBoundary if dollar == Dollar::Empty => r"[^\x{0}-\x{10ffff}]",
                At::NonBoundary if ascii => r"(?-u:\B)",
                At::NonBoundary => r"\B",
            })
        }
        Node::Refused(_) => out.push_str(r"[^\x{0}-\x{10ffff}]"),
    }
}
