//! Key files: every kind cardano-cli writes or reads for pool work, their envelope strings,
//! payload sizes and bech32 prefixes, and the operations on them (derive, hash, sign).

pub mod address;
pub mod derive;
pub mod encrypted;
pub mod mnemonic;
pub mod secret;

use ed25519_dalek::Signer;
use thiserror::Error;

use crate::core::encoding::bech32::{self, Bech32Error};
use crate::core::encoding::cbor::{self, CborError};
use crate::core::encoding::envelope::TextEnvelope;
use crate::core::encoding::hash::{blake2b_224, blake2b_256};
use crate::core::kes::sum6;
use crate::core::keys::secret::SecretBytes;
use crate::core::message::quote;

mod kind;
pub use kind::{accept, describe_accepted, KeyKind};
use KeyKind as K;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeyError {
    #[error("has the unknown key type {}", quote::quote(.0))]
    UnknownType(String),
    #[error("holds {} of {found} bytes; it must be {expected} bytes", with_article(.kind))]
    WrongLength {
        kind: &'static str,
        expected: usize,
        found: usize,
    },
    #[error("is {}, but {expected} is needed here", with_article(.found))]
    WrongKind { found: String, expected: String },
    #[error("key payload is not a CBOR byte string: {0}")]
    Cbor(#[from] CborError),
    #[error("{0}")]
    Bech32(#[from] Bech32Error),
    /// Holds the input as `quote` shows it (never a secret).
    #[error("{0} is neither a bech32 key nor hexadecimal")]
    NotHexOrBech32(String),
    #[error("{0}")]
    Envelope(#[from] crate::core::encoding::envelope::EnvelopeError),
    #[error(
        "is not a key file: it is neither a cardano-cli text envelope (JSON) nor a bech32 key"
    )]
    NotAKeyFile,
    #[error("is {} whose public part does not match its secret part (the file is damaged)", with_article(.kind))]
    Inconsistent { kind: &'static str },
    /// An extended key whose secret scalar is not a BIP32-Ed25519 one: the curve arithmetic
    /// would abort on it, so it is refused when the key is read.
    #[error("is not a valid {kind}: its secret scalar is malformed (the file is damaged)")]
    Malformed { kind: &'static str },
    /// A secret key typed where a verification key belongs: refused rather than derived, so
    /// the habit of pasting secrets on command lines (and into shell history) is not rewarded.
    #[error("is {} (its text is not shown); give the verification key instead, and remove the secret from your shell history", with_article(.kind))]
    SecretGiven { kind: &'static str },
}

/// "a stake key", "an extended (BIP32) payment key".
pub(crate) fn with_article(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// A verification (public) key of any kind: raw payload bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerificationKey {
    kind: KeyKind,
    bytes: Vec<u8>,
}

/// A signing (secret) key of any kind. The payload is wiped on drop and never printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningKey {
    kind: KeyKind,
    bytes: SecretBytes,
}

/// Either kind of key, as read from a file or a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnyKey {
    Verification(VerificationKey),
    Signing(SigningKey),
}

fn check_len(kind: KeyKind, found: usize) -> Result<(), KeyError> {
    if found == kind.payload_len() {
        Ok(())
    } else {
        Err(KeyError::WrongLength {
            kind: kind.human(),
            expected: kind.payload_len(),
            found,
        })
    }
}

impl VerificationKey {
    pub fn new(kind: KeyKind, bytes: &[u8]) -> Result<Self, KeyError> {
        check_len(kind, bytes.len())?;
        if kind.is_signing() {
            return Err(KeyError::WrongKind {
                found: kind.human().to_owned(),
                expected: "a verification key".to_owned(),
            });
        }
        Ok(Self {
            kind,
            bytes: bytes.to_vec(),
        })
    }

    pub fn kind(&self) -> KeyKind {
        self.kind
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The 32-byte public key (an extended key without its chain code).
    pub fn public_key(&self) -> [u8; 32] {
        // Every verification kind is 32 or 64 bytes long (`new` checks it), the key first.
        self.bytes.first_chunk().copied().unwrap_or_default()
    }

    /// blake2b-224 of the public key: pool id, stake key hash, DRep key hash.
    pub fn key_hash(&self) -> [u8; 28] {
        blake2b_224(&self.public_key())
    }

    /// blake2b-256 of the public key: the VRF key hash of a registration.
    pub fn key_hash_256(&self) -> [u8; 32] {
        blake2b_256(&self.public_key())
    }

    pub fn to_envelope(&self) -> TextEnvelope {
        TextEnvelope::new(
            self.kind.type_name(),
            self.kind.description(),
            cbor::encode_bytes(&self.bytes),
        )
    }

    pub fn to_bech32(&self) -> Result<String, KeyError> {
        Ok(bech32::encode(self.kind.bech32_hrp(), &self.bytes)?)
    }
}

impl SigningKey {
    /// Checks the length and, for an extended key, its secret scalar: every key read from a
    /// file or a string passes here, so no command meets a key the curve arithmetic rejects.
    pub fn new(kind: KeyKind, bytes: SecretBytes) -> Result<Self, KeyError> {
        check_len(kind, bytes.len())?;
        if !kind.is_signing() {
            return Err(KeyError::WrongKind {
                found: kind.human().to_owned(),
                expected: "a signing key".to_owned(),
            });
        }
        if kind.is_extended() {
            xprv_of(kind, bytes.expose())?;
        }
        Ok(Self { kind, bytes })
    }

    pub fn kind(&self) -> KeyKind {
        self.kind
    }

    pub fn expose(&self) -> &[u8] {
        self.bytes.expose()
    }

    /// Derives the matching verification key; checks the stored public parts of VRF and
    /// extended keys against the secret.
    pub fn verification_key(&self) -> Result<VerificationKey, KeyError> {
        let b = self.bytes.expose();
        let vkind = self.kind.verification();
        // `new` checked the length; a payload too short for its parts is said so, not sliced.
        let short = || KeyError::WrongLength {
            kind: self.kind.human(),
            expected: self.kind.payload_len(),
            found: b.len(),
        };
        let public: Vec<u8> = match self.kind {
            K::VrfSigning => {
                // seed ‖ public key
                let (seed, stored) = b.split_first_chunk::<32>().ok_or_else(short)?;
                let derived = ed25519_public(seed);
                if derived.as_slice() != stored {
                    return Err(KeyError::Inconsistent {
                        kind: self.kind.human(),
                    });
                }
                derived.to_vec()
            }
            K::KesSigning => sum6::verification_key(b).ok_or_else(short)?.to_vec(),
            k if k.is_extended() => {
                let xprv = self.xprv()?;
                let derived = xprv.public().public_key();
                // kL ‖ kR ‖ public key ‖ chain code
                let (_, public_and_chain) = b.split_at_checked(64).ok_or_else(short)?;
                let (stored, _) = public_and_chain
                    .split_first_chunk::<32>()
                    .ok_or_else(short)?;
                if derived != *stored {
                    return Err(KeyError::Inconsistent {
                        kind: self.kind.human(),
                    });
                }
                public_and_chain.to_vec()
            }
            _ => ed25519_public(b.try_into().map_err(|_| short())?).to_vec(),
        };
        VerificationKey::new(vkind, &public)
    }

    fn xprv(&self) -> Result<ed25519_bip32::XPrv, KeyError> {
        xprv_of(self.kind, self.bytes.expose())
    }

    /// Ed25519 signature (plain seed keys, or BIP32-Ed25519 for extended keys).
    pub fn sign(&self, message: &[u8]) -> Result<[u8; 64], KeyError> {
        if !self.kind.is_ed25519() {
            return Err(KeyError::WrongKind {
                found: self.kind.human().to_owned(),
                expected: "an Ed25519 signing key".to_owned(),
            });
        }
        let b = self.bytes.expose();
        if self.kind.is_extended() {
            let sig: ed25519_bip32::Signature<()> = self.xprv()?.sign(message);
            Ok(*sig.to_bytes())
        } else {
            let mut seed = zeroize::Zeroizing::new([0u8; 32]);
            seed.copy_from_slice(b);
            let sk = ed25519_dalek::SigningKey::from_bytes(&seed);
            Ok(sk.sign(message).to_bytes())
        }
    }

    pub fn to_envelope(&self) -> TextEnvelope {
        TextEnvelope::new(
            self.kind.type_name(),
            self.kind.description(),
            cbor::encode_bytes(self.bytes.expose()),
        )
    }

    pub fn to_bech32(&self) -> Result<SecretBytes, KeyError> {
        let text = bech32::encode(self.kind.bech32_hrp(), self.bytes.expose())?;
        Ok(SecretBytes::new(text.into_bytes()))
    }
}

/// The BIP32-Ed25519 key in an extended signing key's 128 bytes (kL ‖ kR ‖ public key ‖
/// chain code), checked by ed25519-bip32 itself (`from_slice_verified`: the lowest three bits
/// of kL clear, its highest two 01); cryptoxide asserts, and the command would panic, on a
/// scalar that fails it.
fn xprv_of(kind: KeyKind, b: &[u8]) -> Result<ed25519_bip32::XPrv, KeyError> {
    let malformed = || KeyError::Malformed { kind: kind.human() };
    let (Some(secret), Some(chain_code)) = (b.get(..64), b.get(96..128)) else {
        return Err(malformed());
    };
    let mut xprv = zeroize::Zeroizing::new([0u8; ed25519_bip32::XPRV_SIZE]);
    for (to, from) in xprv.iter_mut().zip(secret.iter().chain(chain_code)) {
        *to = *from;
    }
    ed25519_bip32::XPrv::from_slice_verified(xprv.as_slice()).map_err(|_| malformed())
}

impl AnyKey {
    pub fn kind(&self) -> KeyKind {
        match self {
            Self::Verification(v) => v.kind,
            Self::Signing(s) => s.kind,
        }
    }

    fn build(kind: KeyKind, raw: &[u8]) -> Result<Self, KeyError> {
        if kind.is_signing() {
            Ok(Self::Signing(SigningKey::new(
                kind,
                SecretBytes::from_slice(raw),
            )?))
        } else {
            Ok(Self::Verification(VerificationKey::new(kind, raw)?))
        }
    }

    pub fn from_envelope(env: &TextEnvelope) -> Result<Self, KeyError> {
        let kind = KeyKind::from_type_name(&env.type_name)
            .ok_or_else(|| KeyError::UnknownType(env.type_name.clone()))?;
        let raw = cbor::decode_bytes(env.cbor.expose(), "the key bytes")?;
        Self::build(kind, raw)
    }

    pub fn from_bech32(text: &str) -> Result<Self, KeyError> {
        let (hrp, data) = bech32::decode(text)?;
        let kind = KeyKind::from_hrp(&hrp).ok_or(Bech32Error::UnknownPrefix(hrp))?;
        let key = Self::build(kind, &data);
        drop(SecretBytes::new(data));
        key
    }

    /// Reads what a key file holds: a text envelope, or a bare bech32 string.
    pub fn from_file_contents(contents: &[u8]) -> Result<Self, KeyError> {
        let trimmed = contents.trim_ascii();
        if trimmed.first() == Some(&b'{') {
            let env = TextEnvelope::parse(trimmed)?;
            return Self::from_envelope(&env);
        }
        let text = std::str::from_utf8(trimmed).map_err(|_| KeyError::NotAKeyFile)?;
        match Self::from_bech32(text) {
            Err(KeyError::Bech32(Bech32Error::Invalid(_))) => Err(KeyError::NotAKeyFile),
            other => other,
        }
    }

    /// Narrows to one of the accepted kinds, or says what was found instead.
    pub fn expect(self, accepted: &[KeyKind]) -> Result<Self, KeyError> {
        if accepted.contains(&self.kind()) {
            Ok(self)
        } else {
            Err(KeyError::WrongKind {
                found: format!("{} ({})", self.kind().human(), self.kind().type_name()),
                expected: describe_accepted(accepted),
            })
        }
    }

    pub fn into_verification(self, accepted: &[KeyKind]) -> Result<VerificationKey, KeyError> {
        match self.expect(accepted)? {
            Self::Verification(v) => Ok(v),
            Self::Signing(s) => s.verification_key(),
        }
    }

    pub fn into_signing(self, accepted: &[KeyKind]) -> Result<SigningKey, KeyError> {
        match self.expect(accepted)? {
            Self::Signing(s) => Ok(s),
            Self::Verification(v) => Err(KeyError::WrongKind {
                found: v.kind.human().to_owned(),
                expected: describe_accepted(accepted),
            }),
        }
    }
}

/// Parses a verification key given on the command line as bech32 or hex, for one of the
/// accepted kinds (hex is taken as the first kind whose length matches).
pub fn verification_key_from_text(
    text: &str,
    accepted: &[KeyKind],
) -> Result<VerificationKey, KeyError> {
    let text = text.trim();
    if let Ok(raw) = hex::decode(text) {
        let kind = accepted
            .iter()
            .copied()
            .find(|k| k.payload_len() == raw.len())
            .ok_or_else(|| KeyError::WrongLength {
                kind: accepted.first().map_or("key", |k| k.human()),
                expected: accepted.first().map_or(32, |k| k.payload_len()),
                found: raw.len(),
            })?;
        return VerificationKey::new(kind, &raw);
    }
    match AnyKey::from_bech32(text) {
        Ok(AnyKey::Signing(sk)) => Err(KeyError::SecretGiven {
            kind: sk.kind().human(),
        }),
        Ok(key) => key.into_verification(accepted),
        Err(KeyError::Bech32(Bech32Error::Invalid(_))) => Err(KeyError::NotHexOrBech32(
            quote::quote_in_secret_context(text),
        )),
        Err(e) => Err(e),
    }
}

/// Ed25519 public key of a 32-byte seed.
pub fn ed25519_public(seed: &[u8; 32]) -> [u8; 32] {
    let s = zeroize::Zeroizing::new(*seed);
    ed25519_dalek::SigningKey::from_bytes(&s)
        .verifying_key()
        .to_bytes()
}

/// Checks an Ed25519 signature strictly (as the ledger does).
pub fn ed25519_verify(public: &[u8; 32], message: &[u8], signature: &[u8; 64]) -> bool {
    let Ok(vk) = ed25519_dalek::VerifyingKey::from_bytes(public) else {
        return false;
    };
    vk.verify_strict(message, &ed25519_dalek::Signature::from_bytes(signature))
        .is_ok()
}

/// Key generation from caller-supplied entropy (the core never reads the OS).
pub mod generate {
    use super::{ed25519_public, KeyError, KeyKind, SigningKey, VerificationKey};
    use crate::core::kes::sum6;
    use crate::core::keys::secret::SecretBytes;

    /// A new Ed25519 key pair of a plain kind (cold, stake, payment, DRep, genesis delegate).
    pub fn ed25519(
        kind: KeyKind,
        seed: &[u8; 32],
    ) -> Result<(SigningKey, VerificationKey), KeyError> {
        let sk = SigningKey::new(kind, SecretBytes::from_slice(seed))?;
        let vk = VerificationKey::new(kind.verification(), &ed25519_public(seed))?;
        Ok((sk, vk))
    }

    /// A new VRF key pair: signing key = seed ‖ public key.
    pub fn vrf(seed: &[u8; 32]) -> Result<(SigningKey, VerificationKey), KeyError> {
        let public = ed25519_public(seed);
        let mut raw = Vec::with_capacity(64);
        raw.extend_from_slice(seed);
        raw.extend_from_slice(&public);
        let sk = SigningKey::new(KeyKind::VrfSigning, SecretBytes::new(raw))?;
        let vk = VerificationKey::new(KeyKind::VrfVerification, &public)?;
        Ok((sk, vk))
    }

    /// A new Sum6 KES key pair at evolution 0.
    pub fn kes(seed: &[u8; 32]) -> Result<(SigningKey, VerificationKey), KeyError> {
        let (raw, public) = sum6::generate(seed);
        let sk = SigningKey::new(KeyKind::KesSigning, raw)?;
        let vk = VerificationKey::new(KeyKind::KesVerification, &public)?;
        Ok((sk, vk))
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests;
