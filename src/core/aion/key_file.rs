//! Aion key files as Pool Console writes them (docs/USER_GUIDE.md, "Aion Unity"):
//!
//! - signing key: one line, `0x` and the 128 hex digits of seed ‖ public key — the form Aion's
//!   tools export, so either side reads the other's file; the 64-digit seed form is read too;
//! - verification key: a small JSON object naming the public key and its address. Not one
//!   line of hex: a 64-digit line may be a seed, and a public key must never be mistaken for
//!   (or written over) a private key.

use serde_json::{json, Value};

use super::address::Address;
use super::keys::{parse_public_key, AionSigningKey};
use super::AionError;

/// The `type` of a verification key file.
pub const VERIFICATION_TYPE: &str = "AionVerificationKey_ed25519";

/// What an existing file is, as far as replacing it is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AionKeyFile {
    Signing,
    Verification,
}

/// The signing key file's text (secret: the caller writes it 0600).
pub fn signing_file(key: &AionSigningKey) -> zeroize::Zeroizing<String> {
    zeroize::Zeroizing::new(format!("{}\n", key.to_hex_text().as_str()))
}

/// The verification key file's text.
pub fn verification_file(public_key: &[u8; 32]) -> String {
    let doc = json!({
        "type": VERIFICATION_TYPE,
        "description": "Aion Unity public key",
        "publicKey": format!("0x{}", hex::encode(public_key)),
        "address": Address::from_public_key(public_key).to_hex(),
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// The public key of a verification key file, or of a bare public key (`0x` and 64 hex).
pub fn read_verification(text: &str) -> Result<[u8; 32], AionError> {
    match serde_json::from_str::<Value>(text) {
        Ok(doc) if doc.get("type").and_then(Value::as_str) == Some(VERIFICATION_TYPE) => {
            let pk = parse_public_key(
                doc.get("publicKey")
                    .and_then(Value::as_str)
                    .unwrap_or_default(),
            )?;
            // A hand-edited address that no longer matches the key is a mix-up to catch.
            let address = doc.get("address").and_then(Value::as_str);
            if address
                .is_some_and(|a| Address::parse(a).ok() != Some(Address::from_public_key(&pk)))
            {
                return Err(AionError::VerificationMismatch);
            }
            Ok(pk)
        }
        _ => parse_public_key(text),
    }
}

/// Recognises an Aion key file: our verification JSON, or one line of hex holding a private
/// key (`0x` + 128 digits whose halves agree, or `0x` + 64 digits, taken as a seed since a
/// secret is the side to protect).
pub fn recognise(text: &str) -> Option<AionKeyFile> {
    let t = text.trim();
    if t.starts_with('{') {
        let doc: Value = serde_json::from_str(t).ok()?;
        return (doc.get("type")?.as_str()? == VERIFICATION_TYPE)
            .then_some(AionKeyFile::Verification);
    }
    let digits = t.strip_prefix("0x").unwrap_or(t);
    let hex_only = digits.bytes().all(|b| b.is_ascii_hexdigit());
    let looks_like_key = match digits.len() {
        128 => true,
        64 => t.starts_with("0x"),
        _ => false,
    };
    (hex_only && looks_like_key && AionSigningKey::from_hex_text(t).is_ok())
        .then_some(AionKeyFile::Signing)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn files_read_back_and_are_recognised() {
        let key = AionSigningKey::from_seed([7; 32]);
        let sk = signing_file(&key);
        assert_eq!(recognise(&sk), Some(AionKeyFile::Signing));
        assert_eq!(
            AionSigningKey::from_hex_text(&sk).unwrap().seed(),
            key.seed()
        );
        let vk = verification_file(&key.public_key());
        assert_eq!(recognise(&vk), Some(AionKeyFile::Verification));
        assert_eq!(read_verification(&vk).unwrap(), key.public_key());
        let seed_only = format!("0x{}", hex::encode([7u8; 32]));
        assert_eq!(recognise(&seed_only), Some(AionKeyFile::Signing));
        // A bare 64-digit hash stays a hash (the Cardano outputs' text value).
        assert_eq!(recognise(&hex::encode([7u8; 32])), None);
        assert_eq!(recognise("{\"type\": \"Other\"}"), None);
    }

    #[test]
    fn a_verification_file_whose_address_was_edited_is_refused() {
        let key = AionSigningKey::from_seed([7; 32]);
        let other = AionSigningKey::from_seed([8; 32]).address().to_hex();
        let vk = verification_file(&key.public_key()).replace(&key.address().to_hex(), &other);
        assert_eq!(read_verification(&vk), Err(AionError::VerificationMismatch));
    }
}
