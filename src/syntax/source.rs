//! Source bytes to text, as CPython 3.11's tokenizer reads a file: a UTF-8
//! BOM, a PEP 263 coding declaration on line 1 or 2, universal newlines,
//! and its errors for undecodable bytes and NUL bytes.

use std::borrow::Cow;

use super::error::{SyntaxError, SyntaxErrorKind};

/// How the bytes of a file are turned into text.
enum Codec {
    /// UTF-8 read by the tokenizer itself (no declaration, a BOM, or a
    /// declaration CPython normalizes to `utf-8`).
    Utf8 {
        declared: bool,
    },
    /// UTF-8 through the codec machinery (`utf8`, `u8`, ...): a bad byte is an "encoding problem".
    Utf8ByName,
    Latin1,
    Ascii,
}

/// Decodes a script file's bytes into source text (newlines already
/// normalized to `\n`), or CPython's `SyntaxError`.
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, SyntaxError> {
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let problem = |msg: String| bare_error(msg, filename);
    let codec = match coding_spec(body) {
        None => Codec::Utf8 { declared: bom },
        Some(name) => {
            let name = normal_name(&name);
            if bom && name != "utf-8" {
                return Err(problem(format!("encoding problem: {name} with BOM")));
            }
            if name == "utf-8" {
                Codec::Utf8 { declared: true }
            } else if name == "iso-8859-1" {
                Codec::Latin1
            } else {
                match lookup_codec(&name) {
                    Some(c) => c,
                    None if is_known_codec(&name) => {
                        return Err(problem(format!(
                            "encoding problem: {name} (krait reads source files only in \
                             utf-8, latin-1 or ascii)"
                        )))
                    }
                    None => return Err(problem(format!("encoding problem: {name}"))),
                }
            }
        }
    };
    let text = match codec {
        Codec::Utf8 { declared } => match std::str::from_utf8(body) {
            Ok(s) => s.to_string(),
            Err(e) if !declared => {
                let at = e.valid_up_to();
                let line = count_lines(&body[..at]);
                return Err(problem(format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {} on line {}, but no \
                     encoding declared; see https://peps.python.org/pep-0263/ for details",
                    body[at], filename, line
                )));
            }
            Err(_) => return decode_declared_utf8(body, filename),
        },
        Codec::Utf8ByName => match std::str::from_utf8(body) {
            Ok(s) => s.strip_prefix('\u{feff}').unwrap_or(s).to_string(),
            Err(_) => {
                let name = normal_name(&coding_spec(body).unwrap_or_default());
                return Err(problem(format!("encoding problem: {name}")));
            }
        },
        Codec::Latin1 => body.iter().map(|&b| b as char).collect(),
        Codec::Ascii => {
            if !body.is_ascii() {
                let name = normal_name(&coding_spec(body).unwrap_or_default());
                return Err(problem(format!("encoding problem: {name}")));
            }
            String::from_utf8_lossy(body).into_owned()
        }
    };
    match prepare_source(&text, filename)? {
        Cow::Borrowed(_) => Ok(text),
        Cow::Owned(t) => Ok(t),
    }
}

/// Source text as the tokenizer sees it: `\r\n` and lone `\r` become `\n`
/// (everywhere, string literals included), and NUL bytes are refused.
pub fn prepare_source<'a>(text: &'a str, filename: &str) -> Result<Cow<'a, str>, SyntaxError> {
    let text = if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let stand_in = |c: char| crate::value::string::is_surrogate(c);
    if let Some(c) = text
        .as_bytes()
        .contains(&0xF3)
        .then(|| text.chars().find(|&c| stand_in(c)))
        .flatten()
    {
        let at = text.find(c).unwrap_or(0);
        let mut e = SyntaxError::syntax(
            crate::value::string::unrepresentable(c as u32),
            &text,
            at,
            at + c.len_utf8(),
        );
        e.filename = filename.to_string();
        return Err(e);
    }
    if let Some(at) = text.find('\0') {
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        return Err(SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: "source code cannot contain null bytes".into(),
            filename: filename.to_string(),
            lineno: text[..start].matches('\n').count() as u32 + 1,
            offset: 0,
            end_offset: 0,
            text: text[start..at].to_string(),
        });
    }
    Ok(text)
}

/// A `SyntaxError` CPython prints without a location (`SyntaxError: msg`).
fn bare_error(msg: String, filename: &str) -> SyntaxError {
    SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg,
        filename: filename.to_string(),
        lineno: 0,
        offset: 0,
        end_offset: 0,
        text: String::new(),
    }
}

/// 1-based number of the line that follows `bytes` (universal newlines).
fn count_lines(bytes: &[u8]) -> usize {
    let mut n = 1;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            n += 1;
        }
    }
    n
}

/// The coding declaration of line 1, or of line 2 when line 1 is blank or
/// only a comment (CPython's `check_coding_spec`).
fn coding_spec(body: &[u8]) -> Option<String> {
    let mut rest = body;
    for _ in 0..2 {
        let end = rest
            .iter()
            .position(|&b| b == b'\n' || b == b'\r')
            .map_or(rest.len(), |i| i + 1);
        let line = &rest[..end];
        if let Some(spec) = line_coding_spec(line) {
            return Some(spec);
        }
        let only_comment = line
            .iter()
            .take_while(|&&b| !matches!(b, b'#' | b'\n' | b'\r'))
            .all(|&b| matches!(b, b' ' | b'\t' | b'\x0c'));
        if !only_comment {
            return None;
        }
        rest = &rest[end..];
        if rest.first() == Some(&b'\n') && line.last() == Some(&b'\r') {
            rest = &rest[1..];
        }
    }
    None
}

/// CPython's `get_coding_spec`: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`.
fn line_coding_spec(line: &[u8]) -> Option<String> {
    let size = line.len();
    let mut i = 0;
    while i + 6 < size {
        if line[i] == b'#' {
            break;
        }
        if !matches!(line[i], b' ' | b'\t' | b'\x0c') {
            return None;
        }
        i += 1;
    }
    while i + 6 < size {
        if &line[i..i + 6] == b"coding" && matches!(line.get(i + 6), Some(b':' | b'=')) {
            let mut t = i + 7;
            while matches!(line.get(t), Some(b' ' | b'\t')) {
                t += 1;
            }
            let begin = t;
            while line
                .get(t)
                .is_some_and(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
            {
                t += 1;
            }
            if t > begin {
                return Some(String::from_utf8_lossy(&line[begin..t]).into_owned());
            }
        }
        i += 1;
    }
    None
}

/// CPython's `get_normal_name`: the spellings of utf-8 and latin-1 the
/// tokenizer recognizes itself (other names go through the codec registry).
fn normal_name(s: &str) -> String {
    let buf: String = s
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        "utf-8".into()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(&buf.as_str())
        || ["latin-1-", "iso-8859-1-", "iso-latin-1-"]
            .iter()
            .any(|p| buf.starts_with(p))
    {
        "iso-8859-1".into()
    } else {
        s.to_string()
    }
}

/// Python's `encodings.normalize_encoding` (lowercased, as `codecs.lookup` does).
fn registry_name(name: &str) -> String {
    let mut out = String::new();
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// The codecs krait decodes, under every name Python's registry knows them by.
fn lookup_codec(name: &str) -> Option<Codec> {
    let n = registry_name(name);
    let n = n.as_str();
    const UTF8: &[&str] = &[
        "utf_8",
        "utf8",
        "u8",
        "utf",
        "utf8_ucs2",
        "utf8_ucs4",
        "cp65001",
        "utf_8_sig",
    ];
    const LATIN1: &[&str] = &[
        "latin_1",
        "latin1",
        "latin",
        "l1",
        "8859",
        "cp819",
        "csisolatin1",
        "ibm819",
        "iso8859",
        "iso8859_1",
        "iso_8859_1",
        "iso_8859_1_1987",
        "iso_ir_100",
    ];
    const ASCII: &[&str] = &[
        "ascii",
        "646",
        "ansi_x3.4_1968",
        "ansi_x3.4_1986",
        "ansi_x3_4_1968",
        "cp367",
        "csascii",
        "ibm367",
        "iso646_us",
        "iso_646.irv_1991",
        "iso_ir_6",
        "us",
        "us_ascii",
    ];
    let alt = n.replace('.', "_");
    let is = |list: &[&str]| list.contains(&n) || list.contains(&alt.as_str());
    if is(UTF8) {
        Some(Codec::Utf8ByName)
    } else if is(LATIN1) {
        Some(Codec::Latin1)
    } else if is(ASCII) {
        Some(Codec::Ascii)
    } else {
        None
    }
}

/// The other text codecs of CPython 3.11's registry (normalized names):
/// a file declaring one runs in CPython, so krait says it cannot read it
/// rather than calling the name unknown.
const OTHER_CODECS: &str = "
037 1026 1125 1140 1250 1251 1252 1253 1254 1255 1256 1257 1258 273 424 437 500 775 850
852 855 857 858 860 861 862 863 864 865 866 869 932 936 949 950 arabic asmo_708 big5
big5_hkscs big5_tw big5hkscs charmap chinese cp037 cp1006 cp1026 cp1051 cp1125 cp1140
cp1250 cp1251 cp1252 cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 cp1361 cp154 cp273 cp424
cp437 cp500 cp720 cp737 cp775 cp850 cp852 cp855 cp856 cp857 cp858 cp860 cp861 cp862 cp863
cp864 cp865 cp866 cp866u cp869 cp874 cp875 cp932 cp936 cp949 cp950 cp_gr cp_is csbig5
csibm037 csibm1026 csibm273 csibm424 csibm500 csibm855 csibm857 csibm858 csibm860 csibm861
csibm863 csibm864 csibm865 csibm866 csibm869 csiso2022jp csiso2022kr csiso58gb231280
csisolatin2 csisolatin3 csisolatin4 csisolatin5 csisolatin6 csisolatinarabic
csisolatincyrillic csisolatingreek csisolatinhebrew cskoi8r cspc775baltic
cspc850multilingual cspc862latinhebrew cspc8codepage437 cspcp852 csptcp154 csshiftjis
cyrillic cyrillic_asian ebcdic_cp_be ebcdic_cp_ca ebcdic_cp_ch ebcdic_cp_he ebcdic_cp_nl
ebcdic_cp_us ebcdic_cp_wt ecma_114 ecma_118 elot_928 euc_cn euc_jis2004 euc_jis_2004
euc_jisx0213 euc_jp euc_kr euccn eucgb2312_cn eucjis2004 eucjisx0213 eucjp euckr gb18030
gb18030_2000 gb2312 gb2312_1980 gb2312_80 gbk greek greek8 hebrew hkscs hp_roman8 hz hz_gb
hz_gb_2312 hzgb ibm037 ibm039 ibm1026 ibm1051 ibm1125 ibm1140 ibm273 ibm424 ibm437 ibm500
ibm775 ibm850 ibm852 ibm855 ibm857 ibm858 ibm860 ibm861 ibm862 ibm863 ibm864 ibm865 ibm866
ibm869 idna iso2022_jp iso2022_jp_1 iso2022_jp_2 iso2022_jp_2004 iso2022_jp_3
iso2022_jp_ext iso2022_kr iso2022jp iso2022jp_1 iso2022jp_2 iso2022jp_2004 iso2022jp_3
iso2022jp_ext iso2022kr iso8859_10 iso8859_11 iso8859_13 iso8859_14 iso8859_15 iso8859_16
iso8859_2 iso8859_3 iso8859_4 iso8859_5 iso8859_6 iso8859_7 iso8859_8 iso8859_9
iso_2022_jp iso_2022_jp_1 iso_2022_jp_2 iso_2022_jp_2004 iso_2022_jp_3 iso_2022_jp_ext
iso_2022_kr iso_8859_10 iso_8859_10_1992 iso_8859_11 iso_8859_11_2001 iso_8859_13
iso_8859_14 iso_8859_14_1998 iso_8859_15 iso_8859_16 iso_8859_16_2001 iso_8859_2
iso_8859_2_1987 iso_8859_3 iso_8859_3_1988 iso_8859_4 iso_8859_4_1988 iso_8859_5
iso_8859_5_1988 iso_8859_6 iso_8859_6_1987 iso_8859_7 iso_8859_7_1987 iso_8859_8
iso_8859_8_1988 iso_8859_9 iso_8859_9_1989 iso_celtic iso_ir_101 iso_ir_109 iso_ir_110
iso_ir_126 iso_ir_127 iso_ir_138 iso_ir_144 iso_ir_148 iso_ir_157 iso_ir_166 iso_ir_199
iso_ir_226 iso_ir_58 jisx0213 johab koi8_r koi8_t koi8_u korean ks_c_5601 ks_c_5601_1987
ks_x_1001 ksc5601 ksx1001 kz1048 kz_1048 l10 l2 l3 l4 l5 l6 l7 l8 l9 latin10 latin2 latin3
latin4 latin5 latin6 latin7 latin8 latin9 mac_arabic mac_centeuro mac_croatian
mac_cyrillic mac_farsi mac_greek mac_iceland mac_latin2 mac_roman mac_romanian mac_turkish
maccentraleurope maccyrillic macgreek maciceland macintosh maclatin2 macroman macturkish
ms1361 ms932 ms936 ms949 ms950 ms_kanji mskanji palmos pt154 ptcp154 punycode r8
raw_unicode_escape rk1048 roman8 ruscii s_jis s_jis_2004 s_jisx0213 shift_jis
shift_jis_2004 shift_jisx0213 shiftjis shiftjis2004 shiftjisx0213 sjis sjis_2004 sjisx0213
strk1048_2002 thai tis620 tis_620 tis_620_0 tis_620_2529_0 tis_620_2529_1 u16 u32 u7 u_jis
uhc ujis undefined unicode_1_1_utf_7 unicode_escape unicodebigunmarked
unicodelittleunmarked utf16 utf32 utf7 utf_16 utf_16_be utf_16_le utf_16be utf_16le utf_32
utf_32_be utf_32_le utf_32be utf_32le utf_7 utf_8_sig windows_1250 windows_1251
windows_1252 windows_1253 windows_1254 windows_1255 windows_1256 windows_1257 windows_1258
x_mac_japanese x_mac_korean x_mac_simp_chinese x_mac_trad_chinese
";

fn is_known_codec(name: &str) -> bool {
    let n = registry_name(name);
    let alt = n.replace('.', "_");
    OTHER_CODECS
        .split_ascii_whitespace()
        .any(|c| c == n || c == alt)
}

/// A file declared (or BOM-marked) UTF-8 whose bytes are not: CPython only
/// notices inside a token (bytes in comments pass), and reports the
/// position within the string body or name.
fn decode_declared_utf8(body: &[u8], filename: &str) -> Result<String, SyntaxError> {
    let lossy = String::from_utf8_lossy(body);
    let mut i = 0;
    let n = body.len();
    while i < n {
        let c = body[i];
        if c == b'#' {
            while i < n && body[i] != b'\n' && body[i] != b'\r' {
                i += 1;
            }
        } else if c == b'\'' || c == b'"' {
            // An f-string's literal parts are decoded one by one.
            let prefix_has = |p: &[u8]| {
                body[..i]
                    .iter()
                    .rev()
                    .take_while(|b| b.is_ascii_alphabetic())
                    .any(|b| p.contains(b))
            };
            let fstring = prefix_has(b"fF");
            // Bytes literals: the parser's own "only ASCII" error comes instead.
            let bytes = prefix_has(b"bB");
            let triple = body[i..].starts_with(&[c, c, c]);
            let q = if triple { 3 } else { 1 };
            let start = i + q;
            let mut j = start;
            while j < n && !body[j..].starts_with(&[c, c, c][..q]) {
                if !triple && (body[j] == b'\n' || body[j] == b'\r') {
                    break;
                }
                j += if body[j] == b'\\' { 2 } else { 1 };
            }
            let end = j.min(n);
            // An unterminated string is the tokenizer's error, found first.
            if end < n && body[end] == c {
                // With escapes to decode (and in f-strings), CPython decodes
                // each run of non-ASCII bytes on its own.
                let raw = prefix_has(b"rR");
                let runs = fstring || (!raw && body[start..end].contains(&b'\\'));
                if !bytes {
                    check_token(body, start, end, runs, filename)?;
                }
            }
            i = end + q;
        } else if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            let start = i;
            while i < n && (body[i].is_ascii_alphanumeric() || body[i] == b'_' || body[i] >= 0x80) {
                i += 1;
            }
            check_token(body, start, i, false, filename)?;
        } else {
            i += 1;
        }
    }
    // Undecodable bytes only in comments: they never reach the program.
    let text = lossy.into_owned();
    match prepare_source(&text, filename)? {
        Cow::Borrowed(_) => Ok(text),
        Cow::Owned(t) => Ok(t),
    }
}

/// CPython's error for a token of `body[start..end]` that is not UTF-8
/// (decoded whole, or by runs of non-ASCII bytes when `runs`).
fn check_token(
    body: &[u8],
    start: usize,
    end: usize,
    runs: bool,
    filename: &str,
) -> Result<(), SyntaxError> {
    let Err(e) = std::str::from_utf8(&body[start..end]) else {
        return Ok(());
    };
    let (start, end) = if runs {
        let bad = start + e.valid_up_to();
        let from = start
            + body[start..bad]
                .iter()
                .rposition(|&b| b < 0x80)
                .map_or(0, |k| k + 1);
        let to = bad
            + body[bad..end]
                .iter()
                .position(|&b| b < 0x80)
                .unwrap_or(end - bad);
        (from, to)
    } else {
        (start, end)
    };
    let Err(e) = std::str::from_utf8(&body[start..end]) else {
        return Ok(());
    };
    let at = e.valid_up_to();
    let b = body[start + at];
    let what = match e.error_len() {
        // A truncated sequence: CPython names all of its bytes.
        None if end - start - at > 1 => format!("bytes in position {}-{}", at, end - start - 1),
        _ => format!("byte 0x{b:02x} in position {at}"),
    };
    let why = match e.error_len() {
        None => "unexpected end of data",
        Some(_) if matches!(b, 0x80..=0xc1 | 0xf5..=0xff) => "invalid start byte",
        Some(_) => "invalid continuation byte",
    };
    let line_start = body[..start]
        .iter()
        .rposition(|&c| c == b'\n' || c == b'\r')
        .map_or(0, |k| k + 1);
    let line_end = body[start..]
        .iter()
        .position(|&c| c == b'\n' || c == b'\r')
        .map_or(body.len(), |k| start + k);
    let text = String::from_utf8_lossy(&body[line_start..line_end]).into_owned();
    let col = String::from_utf8_lossy(&body[line_start..start])
        .chars()
        .count() as u32
        + 1;
    Err(SyntaxError {
        kind: SyntaxErrorKind::SyntaxError,
        msg: format!("(unicode error) 'utf-8' codec can't decode {what}: {why}"),
        filename: filename.to_string(),
        lineno: count_lines(&body[..line_start]) as u32,
        offset: col,
        end_offset: col + 1,
        text,
    })
}
