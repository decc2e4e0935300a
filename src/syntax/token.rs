//! The tokens the grammar consumes, after the indentation layer.

use num_bigint::BigInt;

/// One string literal as written: where its prefix, quotes and body are.
/// Escapes are decoded by the grammar actions, so that decoding errors are
/// reported in parser order (as CPython does).
#[derive(Debug, Clone, PartialEq)]
pub struct StrTok {
    /// Byte offset of the body (after the opening quotes).
    pub body_start: usize,
    /// Byte offset just past the body (before the closing quotes).
    pub body_end: usize,
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Name(String),
    Int(BigInt),
    Float(f64),
    Imag(f64),
    Str(StrTok),
    Newline,
    Indent,
    Dedent,
    /// Synthetic first token selecting the expression start (f-string fields).
    StartExpr,
    /// A character CPython's tokenizer turns into an ERRORTOKEN (`$`, `?`, `!`, `` ` ``).
    Error(char),
    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    // Operators and delimiters.
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    At,
    LShift,
    RShift,
    Amper,
    Vbar,
    Circumflex,
    Tilde,
    ColonEqual,
    Less,
    Greater,
    LessEqual,
    GreaterEqual,
    EqEqual,
    NotEqual,
    LPar,
    /// A `(` that opens the parenthesized items of `with (a as b, c):`,
    /// told apart from a parenthesized expression by the parser's driver
    /// (the PEG grammar's first `with` alternative, which LR(1) cannot see).
    WithLPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Comma,
    Colon,
    Dot,
    Semi,
    Equal,
    RArrow,
    PlusEqual,
    MinusEqual,
    StarEqual,
    SlashEqual,
    DoubleSlashEqual,
    PercentEqual,
    AtEqual,
    AmperEqual,
    VbarEqual,
    CircumflexEqual,
    LShiftEqual,
    RShiftEqual,
    DoubleStarEqual,
    Ellipsis,
}

impl Tok {
    /// The keyword for a name, if it is one (hard keywords of Python 3.11).
    pub fn keyword(name: &str) -> Option<Tok> {
        Some(match name {
            "False" => Tok::False,
            "None" => Tok::None,
            "True" => Tok::True,
            "and" => Tok::And,
            "as" => Tok::As,
            "assert" => Tok::Assert,
            "async" => Tok::Async,
            "await" => Tok::Await,
            "break" => Tok::Break,
            "class" => Tok::Class,
            "continue" => Tok::Continue,
            "def" => Tok::Def,
            "del" => Tok::Del,
            "elif" => Tok::Elif,
            "else" => Tok::Else,
            "except" => Tok::Except,
            "finally" => Tok::Finally,
            "for" => Tok::For,
            "from" => Tok::From,
            "global" => Tok::Global,
            "if" => Tok::If,
            "import" => Tok::Import,
            "in" => Tok::In,
            "is" => Tok::Is,
            "lambda" => Tok::Lambda,
            "nonlocal" => Tok::Nonlocal,
            "not" => Tok::Not,
            "or" => Tok::Or,
            "pass" => Tok::Pass,
            "raise" => Tok::Raise,
            "return" => Tok::Return,
            "try" => Tok::Try,
            "while" => Tok::While,
            "with" => Tok::With,
            "yield" => Tok::Yield,
            _ => return None,
        })
    }

    /// True for tokens that can start an expression (used by error heuristics).
    pub fn starts_expr(&self) -> bool {
        matches!(
            self,
            Tok::Name(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Imag(_)
                | Tok::Str(_)
                | Tok::False
                | Tok::None
                | Tok::True
                | Tok::Lambda
                | Tok::Not
                | Tok::Await
                | Tok::LPar
                | Tok::LSqb
                | Tok::LBrace
                | Tok::Tilde
                | Tok::Ellipsis
        )
    }

    /// True for tokens that can end an expression.
    pub fn ends_expr(&self) -> bool {
        matches!(
            self,
            Tok::Name(_)
                | Tok::Int(_)
                | Tok::Float(_)
                | Tok::Imag(_)
                | Tok::Str(_)
                | Tok::False
                | Tok::None
                | Tok::True
                | Tok::RPar
                | Tok::RSqb
                | Tok::RBrace
                | Tok::Ellipsis
        )
    }
}
