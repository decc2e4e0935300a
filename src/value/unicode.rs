//! Character properties and case mappings as CPython's `unicodedata`-backed
//! str methods use them, from ICU4X's Unicode tables (one place for them).
//! ASCII takes fast paths; the tables serve the rest. Characters assigned
//! after Unicode 14.0 (CPython 3.11's version) count as unassigned for the
//! properties (`unicode14.rs`); `upper`/`lower`/`casefold` still map them.

use icu_casemap::options::{LeadingAdjustment, TitlecaseOptions, TrailingCase};
use icu_casemap::CaseMapper;
use icu_properties::props::{
    BidiClass, CaseIgnorable, Cased, GeneralCategory as GC, NumericType, XidContinue, XidStart,
};
use icu_properties::{CodePointMapData, CodePointSetData};

/// Assigned only after Unicode 14.0 (CPython 3.11's version): unassigned there.
fn after_14(c: char) -> bool {
    let n = c as u32;
    let t = super::unicode14::UNASSIGNED;
    let i = t.partition_point(|&(_, hi)| hi < n);
    i < t.len() && t[i].0 <= n
}

fn category(c: char) -> GC {
    if after_14(c) {
        return GC::Unassigned;
    }
    CodePointMapData::<GC>::new().get(c)
}

fn numeric_type(c: char) -> NumericType {
    if after_14(c) {
        return NumericType::None;
    }
    CodePointMapData::<NumericType>::new().get(c)
}

/// `str.isprintable` for one character (what `repr` leaves unescaped):
/// not in categories C* or Z*, space excepted.
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !matches!(
        category(c),
        GC::Control
            | GC::Format
            | GC::Surrogate
            | GC::PrivateUse
            | GC::Unassigned
            | GC::SpaceSeparator
            | GC::LineSeparator
            | GC::ParagraphSeparator
    )
}

/// `str.isspace`: bidirectional class WS, B or S, or category Zs.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t'..='\r' | '\x1c'..='\x1f');
    }
    category(c) == GC::SpaceSeparator
        || !after_14(c)
            && matches!(
                CodePointMapData::<BidiClass>::new().get(c),
                BidiClass::WhiteSpace | BidiClass::ParagraphSeparator | BidiClass::SegmentSeparator
            )
}

/// `str.isalpha`: categories Lu, Ll, Lt, Lm, Lo.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(
        category(c),
        GC::UppercaseLetter
            | GC::LowercaseLetter
            | GC::TitlecaseLetter
            | GC::ModifierLetter
            | GC::OtherLetter
    )
}

/// `str.isdecimal`: Numeric_Type=Decimal (category Nd).
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    numeric_type(c) == NumericType::Decimal
}

/// The value of a decimal digit (`int('١٢٣')`): Unicode assigns them in
/// runs of ten, ascending from zero, so the value is the position in its run.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    if !is_decimal(c) {
        return None;
    }
    let mut n = c as u32;
    let mut k = 0;
    while n > 0 && char::from_u32(n - 1).is_some_and(is_decimal) {
        n -= 1;
        k += 1;
    }
    Some(k % 10)
}

/// `str.isdigit`: Numeric_Type Decimal or Digit.
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    matches!(numeric_type(c), NumericType::Decimal | NumericType::Digit)
}

/// `str.isnumeric`: any Numeric_Type.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    numeric_type(c) != NumericType::None
}

/// Category Lt.
pub fn is_titlecase(c: char) -> bool {
    !c.is_ascii() && category(c) == GC::TitlecaseLetter
}

/// The Cased property (`str.title` and final sigma look at it).
pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    !after_14(c) && CodePointSetData::new::<Cased>().contains(c)
}

fn is_case_ignorable(c: char) -> bool {
    !after_14(c) && CodePointSetData::new::<CaseIgnorable>().contains(c)
}

/// `str.isidentifier` (also what the tokenizer accepts in names).
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c)
            if c == '_' || (!after_14(c) && CodePointSetData::new::<XidStart>().contains(c)) => {}
        _ => return false,
    }
    chars.all(|c| !after_14(c) && CodePointSetData::new::<XidContinue>().contains(c))
}

/// The full lowercase of `chars[i]` in its string: a capital sigma ends a
/// word (becomes `ς`) when a cased letter precedes it and none follows,
/// case-ignorable characters skipped (CPython's `handle_capital_sigma`).
pub fn lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c != 'Σ' {
        out.extend(c.to_lowercase());
        return;
    }
    let before = chars[..i]
        .iter()
        .rev()
        .find(|&&d| !is_case_ignorable(d))
        .is_some_and(|&d| is_cased(d));
    let after = chars[i + 1..]
        .iter()
        .find(|&&d| !is_case_ignorable(d))
        .is_some_and(|&d| is_cased(d));
    out.push(if before && !after { 'ς' } else { 'σ' });
}

/// The full titlecase mapping of `c` (`'ﬁ'` to `"Fi"`, `'ǆ'` to `'ǅ'`).
pub fn title_into(c: char, out: &mut String) {
    if c.is_ascii() || after_14(c) {
        out.push(c.to_ascii_uppercase());
        return;
    }
    let mut opts = TitlecaseOptions::default();
    opts.leading_adjustment = Some(LeadingAdjustment::None);
    opts.trailing_case = Some(TrailingCase::Unchanged);
    let mut buf = [0u8; 4];
    let one = c.encode_utf8(&mut buf);
    let root = icu_locale_core::LanguageIdentifier::UNKNOWN;
    out.push_str(
        &CaseMapper::new().titlecase_segment_with_only_case_data_to_string(one, &root, opts),
    );
}

/// `str.casefold`: full case folding.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    CaseMapper::new().fold_string(s).into_owned()
}

/// NFKC, as the tokenizer normalizes non-ASCII identifiers.
pub fn nfkc(s: &str) -> String {
    icu_normalizer::ComposingNormalizerBorrowed::new_nfkc()
        .normalize(s)
        .into_owned()
}

/// The character a `\N{...}` escape names: a name or an alias in any
/// ASCII case, as CPython's lookup (the crate also matches loosely, without
/// spaces or with underscores, which CPython refuses for names).
pub fn lookup_name(name: &str) -> Option<char> {
    let upper = name.to_ascii_uppercase();
    // CPython spells the algorithmic names' prefixes in capitals only.
    if (upper.starts_with("HANGUL SYLLABLE ") || upper.starts_with("CJK UNIFIED IDEOGRAPH-"))
        && name != upper
    {
        return None;
    }
    if upper.contains('_') || upper.starts_with(' ') || upper.ends_with(' ') || upper.contains("  ")
    {
        return None;
    }
    let c = unicode_names2::character(name)?;
    let real = unicode_names2::name(c)
        .map(|n| n.to_string())
        .unwrap_or_default();
    let squeeze = |s: &str| s.replace([' ', '-'], "");
    // A loose match of the character's own name must be the exact name;
    // otherwise the match was one of its aliases.
    if real != upper && squeeze(&real) == squeeze(&upper) {
        return None;
    }
    Some(c)
}

/// What `int()` and `float()` parse: CPython's
/// `_PyUnicode_TransformDecimalAndSpaceToASCII` (Unicode decimal digits to
/// ASCII digits, Unicode spaces to ' ', any other non-ASCII character to '?').
pub fn decimal_and_space_to_ascii(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c
            } else if is_space(c) {
                ' '
            } else {
                decimal_value(c).map_or('?', |d| (b'0' + d as u8) as char)
            }
        })
        .collect::<String>()
        .into()
}
