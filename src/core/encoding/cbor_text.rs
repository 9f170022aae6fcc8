//! What `cardano-cli text-view decode-cbor` prints.
//!
//! # `--output-text` (the default)
//!
//! cardano-cli (`Cardano.CLI.Helper.cborToText`, called from
//! `Cardano.CLI.EraBased.TextView.Run.runTextViewInfoCmd`) decodes the envelope's raw CBOR with
//! cborg's `decodeTerm`, re-encodes the `Term` with `encodeTerm` and prints it with cborg's
//! `Codec.CBOR.Pretty.prettyHexEnc`. If bytes are left after the first item, the next item is
//! decoded and printed the same way; every printed item is followed by one `"\n"`. Any decoding
//! error anywhere fails the whole command (no partial output).
//!
//! Consequences reproduced here:
//!
//! * Every token starts on a new line, so the output *begins* with an empty line, and it ends with
//!   exactly one newline.
//! * A token line is `indent`, then the token's bytes as two-digit lower-case hex, each followed
//!   by one space, then one more space and the `# comment`. A token longer than 16 bytes (a long
//!   byte or text string, with its head) is broken after every 16 bytes; each full line keeps its
//!   trailing space and the comment goes on the last line only.
//! * The hex is of the *re-encoded* token: heads always use the shortest form, whatever the input
//!   used.
//! * Comments: `int(n)` (fits a 64-bit signed `Int`), `integer(n)` (bigger, or a tag-2/3 bignum
//!   written `c2`/`c3`), `bytes(len)`, `text("…")` (Haskell `show` of the text), `list(n)`,
//!   `map(n)`, `tag(n)`, `bool(true|false)`, `null`, `simple(n)` (undefined is `simple(23)`),
//!   `float16(x)`, `float32(x)`, `float64(x)` (Haskell `show` of a `Float`/`Double`; any NaN is
//!   re-encoded as `f9 7e 00`), and for
//!   indefinite items `bytes(*)`, `text(*)`, `list(*)`, `map(*)` closed by a `ff  # break` line.
//! * Nesting adds 3 spaces. A map prints, before every key and every value, a marker line of
//!   the child indentation followed by ` # key` / ` # value`; an indefinite map's entries sit
//!   3 spaces deeper still. Empty chunks of indefinite strings are dropped (cborg keeps the
//!   chunks in a lazy string, which never holds empty chunks).
//!
//! # `--output-json`
//!
//! cardano-cli does not decode anything for JSON: it prints the text envelope itself
//! (`Json.encodeJson tv`: aeson-pretty, 4-space indent, keys sorted, no trailing newline), so the
//! output is `cborHex`, `description`, `type` in that order. [`envelope_json`] reproduces it.

pub use crate::core::encoding::cbor::MAX_DEPTH;
use crate::core::encoding::cbor::{chunk_error, encode_head, CborError, CborReader, Head};
pub use crate::core::encoding::envelope_views::{envelope_json, envelope_yaml};

/// What the next item in a container must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Any CBOR item.
    Item,
    /// A definite-length chunk of the given major type (2 bytes, 3 text) inside an indefinite
    /// string.
    Chunk(u8),
}

#[derive(Debug)]
enum Kind {
    /// An array (or the single item under a tag): `left` items still to come, `None` if
    /// indefinite.
    Seq { left: Option<u64> },
    /// A map: `left` entries still to start, `None` if indefinite; `key_next` when the next item
    /// is a key.
    Map { left: Option<u64>, key_next: bool },
    /// An indefinite byte (2) or text (3) string.
    Chunks { major: u8 },
}

#[derive(Debug)]
struct Frame {
    kind: Kind,
    /// Indentation of the items inside.
    child: usize,
    /// Indentation of the container's own line (and of its `break`).
    own: usize,
}

/// Renders CBOR exactly as `cardano-cli text-view decode-cbor --output-text` does.
///
/// Every top-level item in `cbor` is printed in turn; the result starts with `"\n"` and ends with
/// a single `"\n"`. Empty input or malformed CBOR is an error (cardano-cli prints nothing then).
pub fn pretty_text(cbor: &[u8]) -> Result<String, CborError> {
    let mut reader = CborReader::new(cbor);
    let mut out = String::with_capacity(cbor.len() * 4 + 32);
    loop {
        print_term(&mut reader, cbor, &mut out)?;
        out.push('\n');
        if reader.is_at_end() {
            return Ok(out);
        }
    }
}

// ------------------------------------------------------------------------------------ text

const WHAT: &str = "a CBOR item";

/// Prints one complete top-level item (with everything nested in it), without recursion so that
/// deeply nested input cannot overflow the stack.
fn print_term(r: &mut CborReader<'_>, input: &[u8], out: &mut String) -> Result<(), CborError> {
    let mut stack: Vec<Frame> = Vec::new();
    if let Some(frame) = print_item(r, input, 0, Expect::Item, out)? {
        stack.push(frame);
    }
    while let Some(top) = stack.last_mut() {
        let at_break = input.get(r.offset()) == Some(&0xff);
        let (expect, indent) = match &mut top.kind {
            Kind::Seq { left: Some(0) }
            | Kind::Map {
                left: Some(0),
                key_next: true,
            } => {
                stack.pop();
                continue;
            }
            Kind::Seq { left: None }
            | Kind::Chunks { .. }
            | Kind::Map {
                left: None,
                key_next: true,
            } if at_break => {
                r.head(WHAT)?;
                token_line(out, top.own, &[0xff], "break");
                stack.pop();
                continue;
            }
            Kind::Seq { left } => {
                if let Some(n) = left {
                    *n -= 1;
                }
                (Expect::Item, top.child)
            }
            Kind::Map { left, key_next } => {
                if *key_next {
                    if let Some(n) = left {
                        *n -= 1;
                    }
                }
                out.push('\n');
                push_spaces(out, top.child);
                out.push_str(if *key_next { " # key" } else { " # value" });
                *key_next = !*key_next;
                (Expect::Item, top.child)
            }
            Kind::Chunks { major } => (Expect::Chunk(*major), top.child),
        };
        if let Some(frame) = print_item(r, input, indent, expect, out)? {
            // Indentation makes the output grow with the square of the depth: refuse files
            // nested deeper than any real envelope before they eat the machine's memory.
            if stack.len() >= MAX_DEPTH {
                return Err(CborError::TooDeep { limit: MAX_DEPTH });
            }
            stack.push(frame);
        }
    }
    Ok(())
}

/// Prints the token at the reader's position and returns the frame to push if it opens a
/// container.
fn print_item(
    r: &mut CborReader<'_>,
    input: &[u8],
    indent: usize,
    expect: Expect,
    out: &mut String,
) -> Result<Option<Frame>, CborError> {
    let start = r.offset();
    let first = input.get(start).copied();
    let mut whole = r.clone();
    let head = r.head(WHAT)?;

    if let Expect::Chunk(major) = expect {
        if let Some(e) = chunk_error(major, &head, start) {
            return Err(e);
        }
    }

    let nested = |kind| Frame {
        kind,
        child: indent + 3,
        own: indent,
    };

    match head {
        Head::Uint(n) => {
            let comment = if n <= i64::MAX as u64 {
                format!("int({n})")
            } else {
                format!("integer({n})")
            };
            token_line(out, indent, &encode_head(0, n), &comment);
        }
        Head::Negative(n) => {
            let value = -1 - i128::from(n);
            let comment = if n <= i64::MAX as u64 {
                format!("int({value})")
            } else {
                format!("integer({value})")
            };
            token_line(out, indent, &encode_head(1, n), &comment);
        }
        Head::Bytes(Some(_)) => {
            let bytes = whole.bytes(WHAT)?;
            *r = whole;
            // Empty chunks vanish from an indefinite string (cborg keeps it as a lazy string).
            if !(matches!(expect, Expect::Chunk(_)) && bytes.is_empty()) {
                let mut token = encode_head(2, bytes.len() as u64);
                token.extend_from_slice(bytes);
                token_line(out, indent, &token, &format!("bytes({})", bytes.len()));
            }
        }
        Head::Text(Some(_)) => {
            let text = whole.text(WHAT)?;
            *r = whole;
            if !(matches!(expect, Expect::Chunk(_)) && text.is_empty()) {
                let mut token = encode_head(3, text.len() as u64);
                token.extend_from_slice(text.as_bytes());
                token_line(
                    out,
                    indent,
                    &token,
                    &format!("text({})", haskell_show_str(text)),
                );
            }
        }
        Head::Bytes(None) => {
            token_line(out, indent, &[0x5f], "bytes(*)");
            return Ok(Some(nested(Kind::Chunks { major: 2 })));
        }
        Head::Text(None) => {
            token_line(out, indent, &[0x7f], "text(*)");
            return Ok(Some(nested(Kind::Chunks { major: 3 })));
        }
        Head::Array(len) => {
            match len {
                Some(n) => token_line(out, indent, &encode_head(4, n), &format!("list({n})")),
                None => token_line(out, indent, &[0x9f], "list(*)"),
            }
            return Ok(Some(nested(Kind::Seq { left: len })));
        }
        Head::Map(len) => {
            let kind = Kind::Map {
                left: len,
                key_next: true,
            };
            return Ok(Some(match len {
                Some(n) => {
                    token_line(out, indent, &encode_head(5, n), &format!("map({n})"));
                    nested(kind)
                }
                None => {
                    token_line(out, indent, &[0xbf], "map(*)");
                    Frame {
                        kind,
                        child: indent + 6,
                        own: indent,
                    }
                }
            }));
        }
        Head::Tag(t) => {
            // Only the one-byte heads c2/c3 are read as bignums by cborg; `d8 02` is a plain tag.
            if let Some(negative @ (0xc2 | 0xc3)) = first {
                let magnitude = r.bytes("the byte string of a bignum")?;
                let (token, value) = bignum(negative == 0xc3, magnitude);
                token_line(out, indent, &token, &format!("integer({value})"));
            } else {
                token_line(out, indent, &encode_head(6, t), &format!("tag({t})"));
                return Ok(Some(nested(Kind::Seq { left: Some(1) })));
            }
        }
        Head::Bool(b) => {
            let (byte, name) = if b {
                (0xf5, "bool(true)")
            } else {
                (0xf4, "bool(false)")
            };
            token_line(out, indent, &[byte], name);
        }
        Head::Null => token_line(out, indent, &[0xf6], "null"),
        Head::Undefined => token_line(out, indent, &[0xf7], "simple(23)"),
        Head::Simple(v) => {
            let token = if v < 24 {
                vec![0xe0 | v]
            } else {
                vec![0xf8, v]
            };
            token_line(out, indent, &token, &format!("simple({v})"));
        }
        Head::Float(x) => {
            // cborg writes every NaN as the canonical half-precision NaN; other values keep their
            // width and bits.
            let token = if x.is_nan() {
                &[0xf9, 0x7e, 0x00][..]
            } else {
                input.get(start..r.offset()).unwrap_or_default()
            };
            let comment = match first {
                Some(0xf9) => format!("float16({})", show_f32(x as f32)),
                Some(0xfa) => format!("float32({})", show_f32(x as f32)),
                _ => format!("float64({})", show_f64(x)),
            };
            token_line(out, indent, token, &comment);
        }
        Head::Break => {
            return Err(CborError::Unexpected {
                expected: WHAT,
                found: head.describe_kind(),
                offset: start,
            });
        }
    }
    Ok(None)
}

/// One token: its bytes as hex, 16 to a line, then the comment.
fn token_line(out: &mut String, indent: usize, token: &[u8], comment: &str) {
    out.push('\n');
    let mut chunks = token.chunks(16).peekable();
    if chunks.peek().is_none() {
        push_spaces(out, indent);
    }
    while let Some(chunk) = chunks.next() {
        push_spaces(out, indent);
        for b in chunk {
            push_hex(out, *b);
            out.push(' ');
        }
        if chunks.peek().is_some() {
            out.push('\n');
        }
    }
    out.push_str(" # ");
    out.push_str(comment);
}

fn push_spaces(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn push_hex(out: &mut String, b: u8) {
    for nibble in [b >> 4, b & 0x0f] {
        out.extend(char::from_digit(u32::from(nibble), 16));
    }
}

/// A tag-2/3 bignum as cborg re-encodes it (a plain integer when it fits 64 bits, otherwise the
/// tag and the magnitude without leading zeros) and its decimal value.
fn bignum(negative: bool, magnitude: &[u8]) -> (Vec<u8>, String) {
    let first_nonzero = magnitude
        .iter()
        .position(|&b| b != 0)
        .unwrap_or(magnitude.len());
    let m = magnitude.get(first_nonzero..).unwrap_or_default();
    if m.len() <= 8 {
        let n = m.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        return if negative {
            (encode_head(1, n), format!("-{}", u128::from(n) + 1))
        } else {
            (encode_head(0, n), n.to_string())
        };
    }
    let mut token = vec![if negative { 0xc3 } else { 0xc2 }];
    token.extend(encode_head(2, m.len() as u64));
    token.extend_from_slice(m);
    let value = if negative {
        format!("-{}", big_decimal(&big_plus_one(m)))
    } else {
        big_decimal(m)
    };
    (token, value)
}

/// `n + 1` for a big-endian unsigned number.
fn big_plus_one(n: &[u8]) -> Vec<u8> {
    let mut v = n.to_vec();
    for b in v.iter_mut().rev() {
        let (sum, carry) = b.overflowing_add(1);
        *b = sum;
        if !carry {
            return v;
        }
    }
    v.insert(0, 1);
    v
}

/// Decimal digits of a big-endian unsigned number.
fn big_decimal(n: &[u8]) -> String {
    let mut num: Vec<u8> = n.iter().copied().skip_while(|&b| b == 0).collect();
    if num.is_empty() {
        return "0".to_owned();
    }
    // Repeated division by 10^19 (the largest power of ten below 2^64).
    const BASE: u64 = 10_000_000_000_000_000_000;
    let mut groups: Vec<u64> = Vec::new();
    while !num.is_empty() {
        let mut rem: u128 = 0;
        let mut quotient = Vec::with_capacity(num.len());
        for &b in &num {
            let cur = (rem << 8) | u128::from(b);
            let q = cur / u128::from(BASE);
            rem = cur % u128::from(BASE);
            if !(quotient.is_empty() && q == 0) {
                quotient.push(q as u8);
            }
        }
        groups.push(rem as u64);
        num = quotient;
    }
    let mut s = String::new();
    for (i, g) in groups.iter().rev().enumerate() {
        if i == 0 {
            s.push_str(&g.to_string());
        } else {
            s.push_str(&format!("{g:019}"));
        }
    }
    s
}

// --------------------------------------------------------------------- Haskell `show`

/// ASCII control character names used by Haskell's `showLitChar`.
const ASCII_NAMES: [&str; 32] = [
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "a", "b", "t", "n", "v", "f", "r", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS",
    "RS", "US",
];

/// Haskell's `show` of a `String`/`Text`: double quotes, `\"` and `\\`, named or decimal escapes
/// for control and non-ASCII characters, and `\&` where an escape would otherwise run into the
/// next character.
fn haskell_show_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let code = u32::from(c);
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ if code > 0x7f => {
                out.push('\\');
                out.push_str(&code.to_string());
                if chars.peek().is_some_and(char::is_ascii_digit) {
                    out.push_str("\\&");
                }
            }
            '\x7f' => out.push_str("\\DEL"),
            _ if code >= 0x20 => out.push(c),
            _ => {
                out.push('\\');
                out.push_str(ASCII_NAMES.get(code as usize).copied().unwrap_or_default());
                if c == '\x0e' && chars.peek() == Some(&'H') {
                    out.push_str("\\&");
                }
            }
        }
    }
    out.push('"');
    out
}

/// Haskell's `show` of a `Float`.
fn show_f32(x: f32) -> String {
    show_real(f64::from(x), format!("{:e}", x.abs()))
}

/// Haskell's `show` of a `Double`.
fn show_f64(x: f64) -> String {
    show_real(x, format!("{:e}", x.abs()))
}

/// `NaN`, or [`show_float`] of `sci`: the shortest digits of `|x|` at its own precision.
fn show_real(x: f64, sci: String) -> String {
    if x.is_nan() {
        return "NaN".to_owned();
    }
    show_float(x.is_sign_negative(), x.is_infinite(), x == 0.0, &sci)
}

/// Formats shortest round-trip digits the way GHC's `showFloat` does: plain decimals for
/// `0.1 <= |x| < 10^7`, otherwise `d.ddde<exp>`, always with a fractional digit.
/// `sci` is Rust's `{:e}` rendering of `|x|` (shortest digits, e.g. `1.25e-3`).
fn show_float(negative: bool, infinite: bool, zero: bool, sci: &str) -> String {
    let sign = if negative { "-" } else { "" };
    if infinite {
        return format!("{sign}Infinity");
    }
    if zero {
        return format!("{sign}0.0");
    }
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    // Haskell's floatToDigits exponent: x = 0.d1d2… × 10^e.
    let e = exp.parse::<i32>().unwrap_or(0) + 1;
    let body = if !(0..=7).contains(&e) {
        let (d, rest) = digits.split_at(1.min(digits.len()));
        let rest = if rest.is_empty() { "0" } else { rest };
        format!("{d}.{rest}e{}", e - 1)
    } else if e == 0 {
        format!("0.{digits}")
    } else {
        let e = e as usize;
        if digits.len() > e {
            format!("{}.{}", &digits[..e], &digits[e..])
        } else {
            format!("{digits}{}.0", "0".repeat(e - digits.len()))
        }
    };
    format!("{sign}{body}")
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests;
