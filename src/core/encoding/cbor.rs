//! The slice of CBOR the certificate core needs.
//!
//! Writing is done here by hand: ledger encodings are a handful of definite-length heads with
//! minimal integer widths, and an infallible `Vec` writer keeps every encoder free of error paths.
//! Reading is a cursor over a byte slice that borrows strings in place and knows the byte offset
//! of every item, so errors can say where the data went wrong and raw spans (a transaction body)
//! can be kept exactly as given.

use thiserror::Error;

/// Why a CBOR item could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CborError {
    #[error("the CBOR ends early (truncated data) while reading {what}")]
    Truncated { what: &'static str },
    #[error("the CBOR is malformed at byte {offset}")]
    Malformed { offset: usize },
    #[error("expected {expected} at byte {offset} of the CBOR, found {found}")]
    Unexpected {
        expected: &'static str,
        found: String,
        offset: usize,
    },
    #[error("expected {expected} with {len} bytes, found {found} bytes")]
    WrongLength {
        expected: &'static str,
        len: usize,
        found: usize,
    },
    #[error("{count} unexpected bytes after the end of the CBOR item")]
    TrailingBytes { count: usize },
    #[error("{what} is not valid UTF-8 text")]
    InvalidText { what: &'static str },
    #[error("{what} uses indefinite-length encoding, which is not supported here")]
    Indefinite { what: &'static str },
    #[error("the CBOR is nested more than {limit} levels deep")]
    TooDeep { limit: usize },
}

/// Appends CBOR items to a byte buffer.
#[derive(Debug, Default, Clone)]
pub struct CborWriter {
    buf: Vec<u8>,
}

impl CborWriter {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            buf: Vec::with_capacity(capacity),
        }
    }

    /// Writes a head: major type (0..=7) and argument, in the shortest form.
    fn head(&mut self, major: u8, arg: u64) {
        let m = major << 5;
        if arg < 24 {
            self.buf.push(m | arg as u8);
        } else if arg <= u64::from(u8::MAX) {
            self.buf.extend_from_slice(&[m | 24, arg as u8]);
        } else if arg <= u64::from(u16::MAX) {
            self.buf.push(m | 25);
            self.buf.extend_from_slice(&(arg as u16).to_be_bytes());
        } else if arg <= u64::from(u32::MAX) {
            self.buf.push(m | 26);
            self.buf.extend_from_slice(&(arg as u32).to_be_bytes());
        } else {
            self.buf.push(m | 27);
            self.buf.extend_from_slice(&arg.to_be_bytes());
        }
    }

    pub fn uint(&mut self, value: u64) -> &mut Self {
        self.head(0, value);
        self
    }

    pub fn bytes(&mut self, value: &[u8]) -> &mut Self {
        self.head(2, value.len() as u64);
        self.buf.extend_from_slice(value);
        self
    }

    pub fn text(&mut self, value: &str) -> &mut Self {
        self.head(3, value.len() as u64);
        self.buf.extend_from_slice(value.as_bytes());
        self
    }

    pub fn array(&mut self, len: usize) -> &mut Self {
        self.head(4, len as u64);
        self
    }

    pub fn map(&mut self, len: usize) -> &mut Self {
        self.head(5, len as u64);
        self
    }

    pub fn tag(&mut self, tag: u64) -> &mut Self {
        self.head(6, tag);
        self
    }

    pub fn null(&mut self) -> &mut Self {
        self.buf.push(0xf6);
        self
    }

    pub fn bool(&mut self, value: bool) -> &mut Self {
        self.buf.push(if value { 0xf5 } else { 0xf4 });
        self
    }

    /// Appends bytes that are already CBOR (e.g. a transaction body kept verbatim).
    pub fn raw(&mut self, cbor: &[u8]) -> &mut Self {
        self.buf.extend_from_slice(cbor);
        self
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
}

/// Encodes `value` as a lone CBOR byte string (the payload of every key file).
pub fn encode_bytes(value: &[u8]) -> Vec<u8> {
    let mut w = CborWriter::with_capacity(value.len() + 3);
    w.bytes(value);
    w.into_bytes()
}

/// The head of one CBOR item: what kind it is and its argument.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Head {
    Uint(u64),
    /// A negative integer `-1 - n`.
    Negative(u64),
    Bytes(Option<u64>),
    Text(Option<u64>),
    Array(Option<u64>),
    Map(Option<u64>),
    Tag(u64),
    Bool(bool),
    Null,
    Undefined,
    Simple(u8),
    Float(f64),
    Break,
}

impl Head {
    fn describe(&self) -> String {
        match self {
            Self::Uint(n) => format!("the unsigned integer {n}"),
            Self::Negative(n) => format!("the negative integer -{}", u128::from(*n) + 1),
            Self::Float(_) => "a floating-point number".to_owned(),
            Self::Bool(b) => b.to_string(),
            Self::Null => "null".to_owned(),
            Self::Undefined => "undefined".to_owned(),
            Self::Simple(s) => format!("the simple value {s}"),
            Self::Tag(t) => format!("tag {t}"),
            Self::Break => "a break marker".to_owned(),
            Self::Bytes(Some(n)) => format!("a byte string of {n} bytes"),
            Self::Text(Some(n)) => format!("a text string of {n} bytes"),
            Self::Array(Some(n)) => format!("an array of {n} items"),
            Self::Map(Some(n)) => format!("a map of {n} entries"),
            Self::Bytes(None) => "an indefinite byte string".to_owned(),
            Self::Text(None) => "an indefinite text string".to_owned(),
            Self::Array(None) => "an indefinite array".to_owned(),
            Self::Map(None) => "an indefinite map".to_owned(),
        }
    }
}

/// Reads CBOR items one after another from a byte slice, borrowing byte and text strings.
#[derive(Debug, Clone)]
pub struct CborReader<'a> {
    input: &'a [u8],
    pos: usize,
}

impl<'a> CborReader<'a> {
    pub fn new(input: &'a [u8]) -> Self {
        Self { input, pos: 0 }
    }

    /// Byte offset of the next unread item.
    pub fn offset(&self) -> usize {
        self.pos
    }

    pub fn is_at_end(&self) -> bool {
        self.pos >= self.input.len()
    }

    fn take(&mut self, n: u64, what: &'static str) -> Result<&'a [u8], CborError> {
        let n = usize::try_from(n).map_err(|_| CborError::Truncated { what })?;
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.input.len())
            .ok_or(CborError::Truncated { what })?;
        let slice = &self.input[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn be(&mut self, n: u64, what: &'static str) -> Result<u64, CborError> {
        Ok(self
            .take(n, what)?
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
    }

    /// Reads the next head.
    pub fn head(&mut self, what: &'static str) -> Result<Head, CborError> {
        let start = self.pos;
        let first = *self
            .take(1, what)?
            .first()
            .ok_or(CborError::Truncated { what })?;
        let major = first >> 5;
        let info = first & 0x1f;
        let arg = match info {
            0..=23 => Some(u64::from(info)),
            24 => Some(self.be(1, what)?),
            25 => Some(self.be(2, what)?),
            26 => Some(self.be(4, what)?),
            27 => Some(self.be(8, what)?),
            31 => None,
            _ => return Err(CborError::Malformed { offset: start }),
        };
        let malformed = CborError::Malformed { offset: start };
        Ok(match (major, arg) {
            (0, Some(n)) => Head::Uint(n),
            (1, Some(n)) => Head::Negative(n),
            (2, len) => Head::Bytes(len),
            (3, len) => Head::Text(len),
            (4, len) => Head::Array(len),
            (5, len) => Head::Map(len),
            (6, Some(t)) => Head::Tag(t),
            (7, None) => Head::Break,
            (7, Some(v)) => match info {
                20 => Head::Bool(false),
                21 => Head::Bool(true),
                22 => Head::Null,
                23 => Head::Undefined,
                0..=19 => Head::Simple(info),
                24 => Head::Simple(v as u8),
                25 => Head::Float(half_to_f64(v as u16)),
                26 => Head::Float(f64::from(f32::from_bits(v as u32))),
                _ => Head::Float(f64::from_bits(v)),
            },
            _ => return Err(malformed),
        })
    }

    /// Reads the head of the next item without consuming it.
    pub fn peek(&mut self, what: &'static str) -> Result<Head, CborError> {
        let save = self.pos;
        let h = self.head(what);
        self.pos = save;
        h
    }

    fn unexpected(expected: &'static str, found: &Head, offset: usize) -> CborError {
        CborError::Unexpected {
            expected,
            found: found.describe(),
            offset,
        }
    }

    fn expect<T>(
        &mut self,
        what: &'static str,
        pick: impl FnOnce(Head) -> Option<T>,
    ) -> Result<T, CborError> {
        let offset = self.pos;
        let h = self.head(what)?;
        match h {
            Head::Bytes(None) | Head::Text(None) | Head::Array(None) | Head::Map(None) => {
                if let Some(v) = pick(h) {
                    return Ok(v);
                }
                Err(CborError::Indefinite { what })
            }
            _ => pick(h).ok_or_else(|| Self::unexpected(what, &h, offset)),
        }
    }

    pub fn is_null(&mut self) -> Result<bool, CborError> {
        Ok(matches!(self.peek("the next item")?, Head::Null))
    }

    pub fn null(&mut self, what: &'static str) -> Result<(), CborError> {
        self.expect(what, |h| (h == Head::Null).then_some(()))
    }

    /// Reads a definite-length array head and returns its length.
    pub fn array(&mut self, what: &'static str) -> Result<u64, CborError> {
        self.expect(what, |h| match h {
            Head::Array(Some(n)) => Some(n),
            _ => None,
        })
    }

    /// Reads an array head and checks it has exactly `len` items.
    pub fn array_of(&mut self, len: u64, what: &'static str) -> Result<(), CborError> {
        let offset = self.pos;
        let n = self.array(what)?;
        if n == len {
            Ok(())
        } else {
            Err(CborError::Unexpected {
                expected: what,
                found: format!("an array of {n} items (expected {len})"),
                offset,
            })
        }
    }

    pub fn map(&mut self, what: &'static str) -> Result<u64, CborError> {
        self.expect(what, |h| match h {
            Head::Map(Some(n)) => Some(n),
            _ => None,
        })
    }

    pub fn uint(&mut self, what: &'static str) -> Result<u64, CborError> {
        self.expect(what, |h| match h {
            Head::Uint(n) => Some(n),
            _ => None,
        })
    }

    pub fn tag(&mut self, what: &'static str) -> Result<u64, CborError> {
        self.expect(what, |h| match h {
            Head::Tag(t) => Some(t),
            _ => None,
        })
    }

    pub fn bool(&mut self, what: &'static str) -> Result<bool, CborError> {
        self.expect(what, |h| match h {
            Head::Bool(b) => Some(b),
            _ => None,
        })
    }

    /// Borrows the content of a definite-length byte string.
    pub fn bytes(&mut self, what: &'static str) -> Result<&'a [u8], CborError> {
        let n = self.expect(what, |h| match h {
            Head::Bytes(Some(n)) => Some(n),
            _ => None,
        })?;
        self.take(n, what)
    }

    /// Reads a byte string that must be exactly `N` bytes long.
    pub fn bytes_exact<const N: usize>(
        &mut self,
        what: &'static str,
    ) -> Result<[u8; N], CborError> {
        let b = self.bytes(what)?;
        <[u8; N]>::try_from(b).map_err(|_| CborError::WrongLength {
            expected: what,
            len: N,
            found: b.len(),
        })
    }

    pub fn text(&mut self, what: &'static str) -> Result<&'a str, CborError> {
        let n = self.expect(what, |h| match h {
            Head::Text(Some(n)) => Some(n),
            _ => None,
        })?;
        let b = self.take(n, what)?;
        std::str::from_utf8(b).map_err(|_| CborError::InvalidText { what })
    }

    /// Skips one whole item (with everything nested in it) and returns its raw bytes.
    pub fn skip(&mut self, what: &'static str) -> Result<&'a [u8], CborError> {
        let start = self.pos;
        let mut pending: u64 = 1;
        while pending > 0 {
            pending -= 1;
            let offset = self.pos;
            match self.head(what)? {
                Head::Tag(_) => pending += 1,
                Head::Bytes(Some(n)) | Head::Text(Some(n)) => {
                    self.take(n, what)?;
                }
                Head::Array(Some(n)) => pending = pending.saturating_add(n),
                Head::Map(Some(n)) => pending = pending.saturating_add(n.saturating_mul(2)),
                Head::Break => return Err(Self::unexpected(what, &Head::Break, offset)),
                Head::Bytes(None) | Head::Text(None) | Head::Array(None) | Head::Map(None) => {
                    return Err(CborError::Indefinite { what });
                }
                _ => {}
            }
        }
        Ok(&self.input[start..self.pos])
    }

    /// Fails unless every input byte has been read.
    pub fn finish(self) -> Result<(), CborError> {
        if self.pos == self.input.len() {
            Ok(())
        } else {
            Err(CborError::TrailingBytes {
                count: self.input.len() - self.pos,
            })
        }
    }
}

/// IEEE 754 half precision to f64 (CBOR floats of 2 bytes).
fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 == 0 { 1.0 } else { -1.0 };
    let exp = i32::from((h >> 10) & 0x1f);
    let frac = f64::from(h & 0x03ff);
    sign * match exp {
        0 => frac * 2f64.powi(-24),
        31 if frac == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + frac / 1024.0) * 2f64.powi(exp - 15),
    }
}

/// Decodes a CBOR document that must be a single byte string (a key payload).
pub fn decode_bytes<'a>(cbor: &'a [u8], what: &'static str) -> Result<&'a [u8], CborError> {
    let mut r = CborReader::new(cbor);
    let b = r.bytes(what)?;
    r.finish()?;
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_use_the_shortest_head() {
        let mut w = CborWriter::new();
        w.uint(0).uint(23).uint(24).uint(1000).uint(100_000_000_000);
        assert_eq!(
            hex::encode(w.into_bytes()),
            "001718181903e81b000000174876e800"
        );
    }

    #[test]
    fn tags_and_byte_strings() {
        let mut w = CborWriter::new();
        w.tag(258)
            .array(1)
            .bytes(&[0xab; 2])
            .tag(30)
            .array(2)
            .uint(1)
            .uint(10);
        assert_eq!(hex::encode(w.into_bytes()), "d901028142ababd81e82010a");
    }

    #[test]
    fn reader_reports_truncation_and_trailing_bytes() {
        let mut r = CborReader::new(&[0x58, 0x20, 1, 2]);
        assert_eq!(
            r.bytes("a key"),
            Err(CborError::Truncated { what: "a key" })
        );
        let mut r = CborReader::new(&[0x00, 0x01]);
        assert_eq!(r.uint("n"), Ok(0));
        assert_eq!(r.finish(), Err(CborError::TrailingBytes { count: 1 }));
    }

    #[test]
    fn reader_names_what_it_found() {
        let mut r = CborReader::new(&[0x43, 1, 2, 3]);
        assert_eq!(
            r.uint("the epoch").unwrap_err().to_string(),
            "expected the epoch at byte 0 of the CBOR, found a byte string of 3 bytes"
        );
    }

    #[test]
    fn skip_returns_the_raw_item() {
        let data = hex::decode("82a10102d8184301020300").unwrap();
        let mut r = CborReader::new(&data);
        assert_eq!(hex::encode(r.skip("item").unwrap()), "82a10102d81843010203");
        assert_eq!(r.uint("rest"), Ok(0));
        assert!(r.finish().is_ok());
    }
}
