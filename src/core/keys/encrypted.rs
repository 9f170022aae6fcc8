//! SPO Scripts' encrypted key envelope: `{"type", "description": "Encrypted …", "encrHex"}`,
//! where `encrHex` is the hex of an OpenPGP message encrypted with a passphrase (AES-256,
//! integrity-protected SEIPD v1, iterated and salted S2K) whose plaintext is the `cborHex`
//! text plus a newline. Stock `gpg --decrypt` opens it; the OpenPGP work is the `pgp` crate's.
//!
//! Pure: the caller brings the random seed (salt, session key and IV come from it).

use std::io::Read;

use pgp::composed::{Message, MessageBuilder};
use pgp::crypto::hash::HashAlgorithm;
use pgp::crypto::sym::SymmetricKeyAlgorithm;
use pgp::types::{Password, StringToKey};
use rand_chacha::rand_core::SeedableRng;
use serde::Deserialize;
use thiserror::Error;
use zeroize::Zeroizing;

use crate::core::encoding::envelope::{json_string, TextEnvelope};
use crate::core::keys::secret::SecretBytes;

/// What SPO Scripts puts before the plain key's description.
pub const DESCRIPTION_PREFIX: &str = "Encrypted ";

/// The S2K count byte 255: 65 011 712 bytes hashed, as gpg chose for the sample.
const S2K_COUNT: u8 = 255;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EncryptedError {
    #[error("is not an encrypted key envelope (JSON with \"type\", \"description\" and \"encrHex\"): {reason}")]
    NotEncrypted { reason: String },
    #[error("\"encrHex\" is not valid hexadecimal: {reason}")]
    BadHex { reason: String },
    #[error(
        "\"encrHex\" is not an OpenPGP message encrypted with a passphrase (the file is damaged)"
    )]
    NotOpenPgp,
    /// OpenPGP's integrity check cannot tell a wrong passphrase from a damaged message (the
    /// quick-check bytes are deliberately not trusted), so the message names both.
    #[error("wrong passphrase, or the encrypted key is damaged: it could not be decrypted (check the passphrase, or restore the file from a backup)")]
    WrongPassphrase,
    #[error("the encrypted message is damaged: its integrity check failed (restore the file from a backup)")]
    Damaged,
    #[error("decrypts to something that is not a key's cborHex text (the file is damaged)")]
    NotCborHex,
    #[error(
        "the passphrase is empty; write the passphrase on the first line of the passphrase file"
    )]
    EmptyPassphrase,
    #[error("cannot encrypt: {reason}")]
    Encrypt { reason: String },
}

/// An encrypted key file as read or about to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncryptedEnvelope {
    pub type_name: String,
    /// The description as stored, "Encrypted " included.
    pub description: String,
    /// The binary OpenPGP message.
    pub message: Vec<u8>,
}

#[derive(Deserialize)]
struct RawEncrypted {
    #[serde(rename = "type")]
    type_name: String,
    #[serde(default)]
    description: String,
    #[serde(rename = "encrHex")]
    encr_hex: String,
}

/// A passphrase, wiped on drop. As with `gpg --passphrase-file`, only the first line counts.
pub struct Passphrase(Zeroizing<Vec<u8>>);

impl Passphrase {
    /// The first line of a passphrase file, without its line ending; empty is refused.
    pub fn from_file_contents(contents: &[u8]) -> Result<Self, EncryptedError> {
        let line = contents.split(|b| *b == b'\n').next().unwrap_or_default();
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            return Err(EncryptedError::EmptyPassphrase);
        }
        Ok(Self(Zeroizing::new(line.to_vec())))
    }

    fn password(&self) -> Password {
        Password::from(self.0.as_slice())
    }
}

/// True when the file contents look like an encrypted envelope (an `encrHex` field).
pub fn is_encrypted(contents: &[u8]) -> bool {
    serde_json::from_slice::<RawEncrypted>(contents.trim_ascii()).is_ok()
}

/// The key kind an encrypted envelope holds, told by its `type` without decrypting it.
pub fn kind_of(contents: &[u8]) -> Option<crate::core::keys::KeyKind> {
    let raw: RawEncrypted = serde_json::from_slice(contents.trim_ascii()).ok()?;
    crate::core::keys::KeyKind::from_type_name(&raw.type_name)
}

impl EncryptedEnvelope {
    pub fn parse(contents: &[u8]) -> Result<Self, EncryptedError> {
        let raw: RawEncrypted = serde_json::from_slice(contents.trim_ascii()).map_err(|e| {
            EncryptedError::NotEncrypted {
                reason: crate::core::message::quote::library_reason(&e.to_string()),
            }
        })?;
        let message = hex::decode(raw.encr_hex.trim()).map_err(|e| EncryptedError::BadHex {
            reason: e.to_string(),
        })?;
        Ok(Self {
            type_name: raw.type_name,
            description: raw.description,
            message,
        })
    }

    /// Encrypts a plain key envelope; `seed` feeds the salt, session key and IV.
    pub fn encrypt(
        plain: &TextEnvelope,
        passphrase: &Passphrase,
        seed: [u8; 32],
    ) -> Result<Self, EncryptedError> {
        let mut rng = rand_chacha::ChaCha20Rng::from_seed(seed);
        let mut text = Zeroizing::new(hex::encode(plain.cbor.expose()));
        text.push('\n');
        let s2k = StringToKey::new_iterated(&mut rng, HashAlgorithm::Sha256, S2K_COUNT);
        let mut builder = MessageBuilder::from_reader("", text.as_bytes())
            .seipd_v1(&mut rng, SymmetricKeyAlgorithm::AES256);
        builder
            .encrypt_with_password(s2k, &passphrase.password())
            .map_err(|e| EncryptedError::Encrypt {
                reason: e.to_string(),
            })?;
        let message = builder
            .to_vec(&mut rng)
            .map_err(|e| EncryptedError::Encrypt {
                reason: e.to_string(),
            })?;
        Ok(Self {
            type_name: plain.type_name.clone(),
            description: format!("{DESCRIPTION_PREFIX}{}", plain.description),
            message,
        })
    }

    /// Decrypts to the plain envelope: same type, "Encrypted " dropped from the description.
    pub fn decrypt(&self, passphrase: &Passphrase) -> Result<TextEnvelope, EncryptedError> {
        let message =
            Message::from_bytes(self.message.as_slice()).map_err(|_| EncryptedError::NotOpenPgp)?;
        if !message.is_encrypted() {
            return Err(EncryptedError::NotOpenPgp);
        }
        let opened = message
            .decrypt_with_password(&passphrase.password())
            .map_err(|_| EncryptedError::WrongPassphrase)?;
        let mut opened = if opened.is_compressed() {
            opened.decompress().map_err(|_| EncryptedError::Damaged)?
        } else {
            opened
        };
        // Room for the longest key text up front, so the wiped buffer is not reallocated.
        let mut text = Zeroizing::new(Vec::with_capacity(1024));
        opened
            .read_to_end(&mut text)
            .map_err(|_| EncryptedError::Damaged)?;
        let hex_text = text.strip_suffix(b"\n").unwrap_or(&text);
        let cbor = SecretBytes::new(hex::decode(hex_text).map_err(|_| EncryptedError::NotCborHex)?);
        if cbor.is_empty() {
            return Err(EncryptedError::NotCborHex);
        }
        let description = self
            .description
            .strip_prefix(DESCRIPTION_PREFIX)
            .unwrap_or(&self.description);
        Ok(TextEnvelope {
            type_name: self.type_name.clone(),
            description: description.to_owned(),
            cbor,
        })
    }

    /// The file as SPO Scripts writes it (`jq` output: 2-space indent, final newline).
    pub fn render(&self) -> Vec<u8> {
        format!(
            "{{\n  \"type\": {},\n  \"description\": {},\n  \"encrHex\": \"{}\"\n}}\n",
            json_string(&self.type_name),
            json_string(&self.description),
            hex::encode(&self.message)
        )
        .into_bytes()
    }
}

#[cfg(test)]
#[path = "encrypted_tests.rs"]
mod tests;
