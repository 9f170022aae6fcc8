//! cardano-cli text envelopes: `{"type", "description", "cborHex"}`.
//!
//! Written byte for byte as cardano-cli does (aeson-pretty: fixed key order, 4-space indent,
//! one trailing newline); read leniently (any whitespace, extra keys, no final newline).

use serde::Deserialize;
use thiserror::Error;
use zeroize::Zeroizing;

use crate::core::keys::secret::SecretBytes;
use crate::core::message::quote::quote;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EnvelopeError {
    #[error("is not a cardano-cli text envelope (JSON with \"type\", \"description\" and \"cborHex\"): {reason}")]
    NotAnEnvelope { reason: String },
    #[error("\"cborHex\" is not valid hexadecimal: {reason}")]
    BadHex { reason: String },
    /// `found` is the file's type name: a label, shown through core::message::quote.
    #[error("has type {}, but {expected} was expected", quote(.found))]
    WrongType { found: String, expected: String },
}

/// A decoded text envelope. The CBOR payload is kept in a wiped buffer because signing keys
/// travel through here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextEnvelope {
    pub type_name: String,
    pub description: String,
    pub cbor: SecretBytes,
}

#[derive(Deserialize)]
struct RawEnvelope {
    #[serde(rename = "type")]
    type_name: String,
    #[serde(default)]
    description: String,
    #[serde(rename = "cborHex")]
    cbor_hex: Zeroizing<String>,
}

impl TextEnvelope {
    pub fn new(type_name: &str, description: &str, cbor: Vec<u8>) -> Self {
        Self {
            type_name: type_name.to_owned(),
            description: description.to_owned(),
            cbor: SecretBytes::new(cbor),
        }
    }

    /// Parses an envelope from file contents.
    pub fn parse(text: &[u8]) -> Result<Self, EnvelopeError> {
        let raw: RawEnvelope =
            serde_json::from_slice(text).map_err(|e| EnvelopeError::NotAnEnvelope {
                reason: crate::core::message::quote::library_reason(&e.to_string()),
            })?;
        let cbor = hex::decode(raw.cbor_hex.trim()).map_err(|e| EnvelopeError::BadHex {
            reason: e.to_string(),
        })?;
        Ok(Self {
            type_name: raw.type_name,
            description: raw.description,
            cbor: SecretBytes::new(cbor),
        })
    }

    /// The exact bytes cardano-cli writes for this envelope.
    pub fn render(&self) -> SecretBytes {
        let hex = Zeroizing::new(hex::encode(self.cbor.expose()));
        let mut out = String::with_capacity(hex.len() + 128);
        out.push_str("{\n    \"type\": ");
        push_json_string(&mut out, &self.type_name);
        out.push_str(",\n    \"description\": ");
        push_json_string(&mut out, &self.description);
        out.push_str(",\n    \"cborHex\": \"");
        out.push_str(&hex);
        out.push_str("\"\n}\n");
        SecretBytes::new(out.into_bytes())
    }

    /// Checks the type against the accepted names, in the order they are listed.
    pub fn expect_type(&self, accepted: &[&str], expected: &str) -> Result<(), EnvelopeError> {
        if accepted.contains(&self.type_name.as_str()) {
            Ok(())
        } else {
            Err(EnvelopeError::WrongType {
                found: self.type_name.clone(),
                expected: expected.to_owned(),
            })
        }
    }
}

/// A JSON string literal escaped as aeson does it.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_json_string(&mut out, s);
    out
}

/// JSON string escaping as aeson does it: `"` and `\`, the usual short escapes, other control
/// characters as `\u00xx`; everything else (including non-ASCII) verbatim.
fn push_json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The certificate type cardano-cli ≥ 10.14 writes.
pub const CERTIFICATE_TYPE: &str = "Certificate";
/// Certificate type names a reader accepts (older cardano-cli wrote the era-specific ones).
pub const CERTIFICATE_TYPES: &[&str] = &["Certificate", "CertificateConway", "CertificateShelley"];

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_cardano_cli() {
        let env = TextEnvelope::new(
            "Certificate",
            "Stake Pool Retirement Certificate",
            vec![0x83, 0x04],
        );
        assert_eq!(
            String::from_utf8(env.render().expose().to_vec()).unwrap(),
            "{\n    \"type\": \"Certificate\",\n    \"description\": \"Stake Pool Retirement Certificate\",\n    \"cborHex\": \"8304\"\n}\n"
        );
    }

    #[test]
    fn reads_leniently() {
        let text = br#"{"cborHex":"5820AB", "extra": 1,
              "type":"X","description":"d"}"#;
        let env = TextEnvelope::parse(text).unwrap();
        assert_eq!(env.type_name, "X");
        assert_eq!(env.cbor.expose(), &[0x58, 0x20, 0xab]);
    }

    #[test]
    fn escapes_like_aeson() {
        let mut s = String::new();
        push_json_string(&mut s, "a\"b\\c\u{1}é");
        assert_eq!(s, "\"a\\\"b\\\\c\\u0001é\"");
    }

    #[test]
    fn rejects_non_json_and_bad_hex() {
        assert!(matches!(
            TextEnvelope::parse(b"hello"),
            Err(EnvelopeError::NotAnEnvelope { .. })
        ));
        let bad = br#"{"type":"X","description":"","cborHex":"58zz"}"#;
        assert!(matches!(
            TextEnvelope::parse(bad),
            Err(EnvelopeError::BadHex { .. })
        ));
    }
}
