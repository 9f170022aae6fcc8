//! The slice of CBOR the certificate core needs, on minicbor.
//!
//! minicbor does the token work: heads, integers, floats (half precision too), tags and string
//! contents. What it adds here is what messages and the ledger need: every error names what was
//! being read and the byte offset, raw spans (a transaction body) are kept exactly as given, and
//! arrays and maps of indefinite length read like definite ones, so the decoders above need not
//! know which form a wallet chose. The writer always writes the canonical form: definite lengths
//! and the shortest heads, as cardano-cli does.

use minicbor::data::Type;
use minicbor::decode::{Decoder, Error as DecodeError};
use thiserror::Error;

mod writer;
pub use writer::{encode_bytes, encode_head, CborWriter};

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

/// How deep indefinite-length containers may nest before reading stops (each one open is a
/// frame kept in memory; definite ones are only counted).
pub const MAX_DEPTH: usize = 1000;

/// The head of one CBOR item: what kind it is and its argument (`None`: indefinite length).
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
    /// What was found, for a message: "a byte string of 3 bytes", "tag 24", "null".
    pub fn describe(&self) -> String {
        self.describe_with(true)
    }

    /// The same without sizes: "a byte string", "an array".
    pub fn describe_kind(&self) -> String {
        self.describe_with(false)
    }

    fn describe_with(&self, sizes: bool) -> String {
        let (kind, unit) = match self {
            Self::Uint(n) => return format!("the unsigned integer {n}"),
            Self::Negative(n) => return format!("the negative integer -{}", u128::from(*n) + 1),
            Self::Float(_) => return "a floating-point number".to_owned(),
            Self::Bool(b) => return b.to_string(),
            Self::Null => return "null".to_owned(),
            Self::Undefined => return "undefined".to_owned(),
            Self::Simple(s) => return format!("the simple value {s}"),
            Self::Tag(t) => return format!("tag {t}"),
            Self::Break => return "a break marker".to_owned(),
            Self::Bytes(len) => (("a byte string", "an indefinite byte string", len), "bytes"),
            Self::Text(len) => (("a text string", "an indefinite text string", len), "bytes"),
            Self::Array(len) => (("an array", "an indefinite array", len), "items"),
            Self::Map(len) => (("a map", "an indefinite map", len), "entries"),
        };
        match kind {
            (plain, _, Some(n)) if sizes => format!("{plain} of {n} {unit}"),
            (_, indefinite, None) if sizes => indefinite.to_owned(),
            (plain, ..) => plain.to_owned(),
        }
    }
}

/// Reads CBOR items one after another from a byte slice, borrowing byte and text strings.
#[derive(Debug, Clone)]
pub struct CborReader<'a> {
    dec: Decoder<'a>,
    /// Where the break that closes each indefinite array or map opened by [`Self::array`] or
    /// [`Self::map`] sits, innermost last; it is consumed when reading gets there.
    breaks: Vec<usize>,
}

impl<'a> CborReader<'a> {
    pub fn new(input: &'a [u8]) -> Self {
        Self {
            dec: Decoder::new(input),
            breaks: Vec::new(),
        }
    }

    /// Byte offset of the next unread byte.
    pub fn offset(&self) -> usize {
        self.dec.position()
    }

    pub fn is_at_end(&self) -> bool {
        let mut pos = self.dec.position();
        for &b in self.breaks.iter().rev() {
            if b != pos {
                break;
            }
            pos += 1;
        }
        pos >= self.dec.input().len()
    }

    /// Steps over the breaks of indefinite containers whose items have all been read.
    fn settle(&mut self) {
        while self.breaks.last() == Some(&self.dec.position()) {
            self.breaks.pop();
            self.dec.set_position(self.dec.position() + 1);
        }
    }

    fn fail(&mut self, e: DecodeError, start: usize, what: &'static str, text: bool) -> CborError {
        self.dec.set_position(start);
        if e.is_end_of_input() {
            CborError::Truncated { what }
        } else if text {
            CborError::InvalidText { what }
        } else {
            CborError::Malformed { offset: start }
        }
    }

    /// Reads the next head (for a definite string: its head only, the content stays unread).
    pub fn head(&mut self, what: &'static str) -> Result<Head, CborError> {
        self.settle();
        let start = self.dec.position();
        let ty = self
            .dec
            .datatype()
            .map_err(|e| self.fail(e, start, what, false))?;
        let d = &mut self.dec;
        let read = match ty {
            Type::U8 | Type::U16 | Type::U32 | Type::U64 => d.u64().map(Head::Uint),
            Type::I8 | Type::I16 | Type::I32 | Type::I64 | Type::Int => {
                d.int().map(|i| Head::Negative((-1 - i128::from(i)) as u64))
            }
            Type::Bytes => d.bytes().map(|b| b.len()).map(|n| {
                d.set_position(d.position() - n);
                Head::Bytes(Some(n as u64))
            }),
            Type::String => d.str().map(str::len).map(|n| {
                d.set_position(d.position() - n);
                Head::Text(Some(n as u64))
            }),
            Type::BytesIndef => d.bytes_iter().map(|_| Head::Bytes(None)),
            Type::StringIndef => d.str_iter().map(|_| Head::Text(None)),
            Type::Array | Type::ArrayIndef => d.array().map(Head::Array),
            Type::Map | Type::MapIndef => d.map().map(Head::Map),
            Type::Tag => d.tag().map(|t| Head::Tag(t.as_u64())),
            Type::Bool => d.bool().map(Head::Bool),
            Type::Null => d.null().map(|()| Head::Null),
            Type::Undefined => d.undefined().map(|()| Head::Undefined),
            Type::Simple => d.simple().map(Head::Simple),
            Type::F16 => d.f16().map(|x| Head::Float(f64::from(x))),
            Type::F32 => d.f32().map(|x| Head::Float(f64::from(x))),
            Type::F64 => d.f64().map(Head::Float),
            // minicbor reads a break only inside its own iterators; here it is one byte.
            Type::Break => {
                d.set_position(start + 1);
                Ok(Head::Break)
            }
            Type::Unknown(_) => return Err(CborError::Malformed { offset: start }),
        };
        read.map_err(|e| self.fail(e, start, what, ty == Type::String))
    }

    /// Reads the head of the next item without consuming it.
    pub fn peek(&mut self, what: &'static str) -> Result<Head, CborError> {
        self.settle();
        self.peek_at(self.dec.position(), what)
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
        self.settle();
        let offset = self.dec.position();
        let h = self.head(what)?;
        pick(h).ok_or_else(|| Self::unexpected(what, &h, offset))
    }

    /// Reads the head of a definite string of the given kind; a chunked one is named as such.
    fn string_head(&mut self, what: &'static str, text: bool) -> Result<usize, CborError> {
        self.settle();
        let start = self.dec.position();
        self.expect(what, |h| match (h, text) {
            (Head::Bytes(Some(_)), false) | (Head::Text(Some(_)), true) => Some(()),
            _ => None,
        })
        .map_err(|e| match self.peek_at(start, what) {
            Ok(Head::Bytes(None)) if !text => CborError::Indefinite { what },
            Ok(Head::Text(None)) if text => CborError::Indefinite { what },
            _ => e,
        })?;
        self.dec.set_position(start);
        Ok(start)
    }

    fn peek_at(&mut self, offset: usize, what: &'static str) -> Result<Head, CborError> {
        let save = self.dec.position();
        self.dec.set_position(offset);
        let h = self.head(what);
        self.dec.set_position(save);
        h
    }

    pub fn is_null(&mut self) -> Result<bool, CborError> {
        Ok(matches!(self.peek("the next item")?, Head::Null))
    }

    pub fn null(&mut self, what: &'static str) -> Result<(), CborError> {
        self.expect(what, |h| (h == Head::Null).then_some(()))
    }

    /// Reads an array head and returns how many items follow. An indefinite array is counted
    /// ahead, and its closing break is stepped over once its last item has been read.
    pub fn array(&mut self, what: &'static str) -> Result<u64, CborError> {
        match self.expect(what, |h| match h {
            Head::Array(len) => Some(len),
            _ => None,
        })? {
            Some(n) => Ok(n),
            None => self.count_indefinite(what, 1),
        }
    }

    /// Reads an array head and checks it has exactly `len` items.
    pub fn array_of(&mut self, len: u64, what: &'static str) -> Result<(), CborError> {
        self.settle();
        let offset = self.dec.position();
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

    /// Reads a map head and returns how many entries follow (indefinite maps as for arrays).
    pub fn map(&mut self, what: &'static str) -> Result<u64, CborError> {
        match self.expect(what, |h| match h {
            Head::Map(len) => Some(len),
            _ => None,
        })? {
            Some(n) => Ok(n),
            None => self.count_indefinite(what, 2),
        }
    }

    /// Counts the items of the indefinite container whose head was just read, in units of
    /// `per` items (2 for a map entry), and notes where its break is.
    fn count_indefinite(&mut self, what: &'static str, per: u64) -> Result<u64, CborError> {
        if self.breaks.len() >= MAX_DEPTH {
            return Err(CborError::TooDeep { limit: MAX_DEPTH });
        }
        let mut ahead = CborReader::new(self.dec.input());
        ahead.dec.set_position(self.dec.position());
        let mut items = 0u64;
        loop {
            let offset = ahead.offset();
            if ahead.peek(what)? == Head::Break {
                if !items.is_multiple_of(per) {
                    return Err(Self::unexpected(
                        "the value of a map entry",
                        &Head::Break,
                        offset,
                    ));
                }
                self.breaks.push(offset);
                return Ok(items / per);
            }
            ahead.skip(what)?;
            items += 1;
        }
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
        let start = self.string_head(what, false)?;
        self.dec
            .bytes()
            .map_err(|e| CborError::from_minicbor(e, start, what))
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
        self.string_head(what, true)?;
        self.dec.str().map_err(|_| CborError::InvalidText { what })
    }

    /// Skips one whole item (with everything nested in it, indefinite lengths included) and
    /// returns its raw bytes exactly as given.
    pub fn skip(&mut self, what: &'static str) -> Result<&'a [u8], CborError> {
        self.settle();
        let start = self.dec.position();
        // Items still owed at the current level; each open indefinite container keeps the count
        // owed outside it, and how many items it has had (a map needs an even number).
        let mut owed: u64 = 1;
        let mut open: Vec<(u64, Kind, u64)> = Vec::new();
        loop {
            let offset = self.dec.position();
            let head = if owed > 0 {
                owed -= 1;
                self.head(what)?
            } else if let Some(&mut (outside, kind, ref mut items)) = open.last_mut() {
                let head = self.head(what)?;
                if head == Head::Break {
                    if kind == Kind::Map && !items.is_multiple_of(2) {
                        return Err(Self::unexpected("the value of a map entry", &head, offset));
                    }
                    open.pop();
                    owed = outside;
                    continue;
                }
                *items += 1;
                if let Kind::Chunks(major) = kind {
                    self.chunk(major, head, offset, what)?;
                    continue;
                }
                head
            } else {
                break;
            };
            match head {
                Head::Tag(_) => owed += 1,
                Head::Bytes(Some(n)) | Head::Text(Some(n)) => self.step(n, what)?,
                Head::Array(Some(n)) => owed = owed.saturating_add(n),
                Head::Map(Some(n)) => owed = owed.saturating_add(n.saturating_mul(2)),
                Head::Break => return Err(Self::unexpected(what, &head, offset)),
                Head::Array(None) | Head::Map(None) | Head::Bytes(None) | Head::Text(None) => {
                    if open.len() >= MAX_DEPTH {
                        return Err(CborError::TooDeep { limit: MAX_DEPTH });
                    }
                    let kind = match head {
                        Head::Array(_) => Kind::Array,
                        Head::Map(_) => Kind::Map,
                        Head::Bytes(_) => Kind::Chunks(2),
                        _ => Kind::Chunks(3),
                    };
                    open.push((owed, kind, 0));
                    owed = 0;
                }
                _ => {}
            }
        }
        let end = self.dec.position();
        Ok(self.dec.input().get(start..end).unwrap_or_default())
    }

    /// Steps over the content of a definite string whose head was just read.
    fn step(&mut self, n: u64, what: &'static str) -> Result<(), CborError> {
        let end = usize::try_from(n)
            .ok()
            .and_then(|n| self.dec.position().checked_add(n))
            .filter(|&e| e <= self.dec.input().len())
            .ok_or(CborError::Truncated { what })?;
        self.dec.set_position(end);
        Ok(())
    }

    /// One chunk of an indefinite string: a definite string of the same major type.
    fn chunk(
        &mut self,
        major: u8,
        head: Head,
        offset: usize,
        what: &'static str,
    ) -> Result<(), CborError> {
        match (chunk_error(major, &head, offset), head) {
            (Some(e), _) => Err(e),
            (None, Head::Bytes(Some(n)) | Head::Text(Some(n))) => self.step(n, what),
            (None, _) => Ok(()),
        }
    }

    /// Fails unless every input byte has been read.
    pub fn finish(mut self) -> Result<(), CborError> {
        self.settle();
        let len = self.dec.input().len();
        match len.checked_sub(self.dec.position()) {
            Some(0) | None => Ok(()),
            Some(count) => Err(CborError::TrailingBytes { count }),
        }
    }
}

/// Why `head` cannot be a chunk of an indefinite string of major type `major` (2 bytes, 3 text):
/// each chunk is a definite string of the same type.
pub fn chunk_error(major: u8, head: &Head, offset: usize) -> Option<CborError> {
    match (major, head) {
        (2, Head::Bytes(Some(_))) | (3, Head::Text(Some(_))) => None,
        _ => Some(CborError::Unexpected {
            expected: if major == 2 {
                "a definite-length byte string chunk"
            } else {
                "a definite-length text string chunk"
            },
            found: head.describe_kind(),
            offset,
        }),
    }
}

/// What an open indefinite item is, while skipping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Array,
    Map,
    /// A string of chunks of this major type.
    Chunks(u8),
}

impl CborError {
    fn from_minicbor(e: DecodeError, offset: usize, what: &'static str) -> Self {
        if e.is_end_of_input() {
            Self::Truncated { what }
        } else {
            Self::Malformed { offset }
        }
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
#[allow(clippy::indexing_slicing)]
mod tests;
