//! The CBOR writer: canonical form (definite lengths, shortest heads), as cardano-cli writes.

use minicbor::data::Tag;
use minicbor::encode::Encoder;

/// Appends CBOR items to a byte buffer, in canonical form (definite lengths, shortest heads).
#[derive(Debug, Clone)]
pub struct CborWriter {
    enc: Encoder<Vec<u8>>,
}

impl Default for CborWriter {
    fn default() -> Self {
        Self::with_capacity(0)
    }
}

/// Writing into a `Vec` cannot fail (its write error is `Infallible`), and none of the items
/// written here has another error path, so the result carries nothing to handle.
fn wrote<T, E>(_: Result<T, E>) {}

/// The bytes of a head: major type (0..=7) and argument, in the shortest form. The argument is
/// encoded as minicbor encodes an unsigned integer (major type 0), then given its major type.
pub fn encode_head(major: u8, arg: u64) -> Vec<u8> {
    let mut enc = Encoder::new(Vec::with_capacity(9));
    wrote(enc.u64(arg));
    let mut head = enc.into_writer();
    if let Some(first) = head.first_mut() {
        *first |= major << 5;
    }
    head
}

impl CborWriter {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            enc: Encoder::new(Vec::with_capacity(capacity)),
        }
    }

    pub fn uint(&mut self, value: u64) -> &mut Self {
        wrote(self.enc.u64(value));
        self
    }

    pub fn bytes(&mut self, value: &[u8]) -> &mut Self {
        wrote(self.enc.bytes(value));
        self
    }

    pub fn text(&mut self, value: &str) -> &mut Self {
        wrote(self.enc.str(value));
        self
    }

    pub fn array(&mut self, len: usize) -> &mut Self {
        wrote(self.enc.array(len as u64));
        self
    }

    pub fn map(&mut self, len: usize) -> &mut Self {
        wrote(self.enc.map(len as u64));
        self
    }

    pub fn tag(&mut self, tag: u64) -> &mut Self {
        wrote(self.enc.tag(Tag::new(tag)));
        self
    }

    pub fn null(&mut self) -> &mut Self {
        wrote(self.enc.null());
        self
    }

    pub fn bool(&mut self, value: bool) -> &mut Self {
        wrote(self.enc.bool(value));
        self
    }

    /// Appends already-encoded CBOR exactly as given (a body kept byte for byte).
    pub fn raw(&mut self, cbor: &[u8]) -> &mut Self {
        self.enc.writer_mut().extend_from_slice(cbor);
        self
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.enc.into_writer()
    }
}

/// Encodes `value` as a lone CBOR byte string (the payload of every key file).
pub fn encode_bytes(value: &[u8]) -> Vec<u8> {
    let mut w = CborWriter::with_capacity(value.len() + 3);
    w.bytes(value);
    w.into_bytes()
}
