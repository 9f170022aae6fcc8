//! Aion Ed25519 keys as Aion's tools keep them: the 32-byte seed, or libsodium's 64-byte
//! secret key (seed ‖ public key), in hex with or without `0x` (AION.md §1).

use ed25519_dalek::SigningKey;
use zeroize::{Zeroize, Zeroizing};

use super::address::Address;
use super::AionError;

/// What a pool key is for: the management key is the pool's identity (it registers the pool
/// and cannot change); the signing key signs blocks and may be rotated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Management,
    Signing,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Self::Management => "management (identity) key",
            Self::Signing => "block-signing key",
        }
    }
}

/// An Aion private key: its 32-byte seed, wiped when dropped. No Debug, so it never lands
/// in a log.
pub struct AionSigningKey {
    seed: Zeroizing<[u8; 32]>,
}

impl AionSigningKey {
    pub fn from_seed(seed: [u8; 32]) -> Self {
        let mut seed = seed;
        let key = Self {
            seed: Zeroizing::new(seed),
        };
        seed.zeroize();
        key
    }

    /// Reads the hex of a 32-byte seed or a 64-byte seed ‖ public key (`0x` optional,
    /// surrounding whitespace ignored). A 64-byte key whose halves disagree is refused.
    pub fn from_hex_text(text: &str) -> Result<Self, AionError> {
        let t = text.trim();
        let t = t
            .strip_prefix("0x")
            .or_else(|| t.strip_prefix("0X"))
            .unwrap_or(t);
        let bytes = Zeroizing::new(hex::decode(t).map_err(|_| AionError::KeyNotHex)?);
        let (seed, pk) = match bytes.len() {
            32 => (bytes.as_slice(), None),
            64 => {
                let (seed, pk) = bytes.split_at(32);
                (seed, Some(pk))
            }
            n => return Err(AionError::KeyLength(n)),
        };
        let mut array = Zeroizing::new([0u8; 32]);
        array.copy_from_slice(seed);
        let key = Self { seed: array };
        if pk.is_some_and(|pk| pk != key.public_key()) {
            return Err(AionError::KeyMismatch);
        }
        Ok(key)
    }

    pub fn seed(&self) -> &[u8; 32] {
        &self.seed
    }

    pub fn public_key(&self) -> [u8; 32] {
        SigningKey::from_bytes(&self.seed)
            .verifying_key()
            .to_bytes()
    }

    pub fn address(&self) -> Address {
        Address::from_public_key(&self.public_key())
    }

    /// `0x` ‖ hex(seed ‖ public key): the form Aion's tools export and read.
    pub fn to_hex_text(&self) -> Zeroizing<String> {
        let mut both = Zeroizing::new([0u8; 64]);
        let (seed, pk) = both.split_at_mut(32);
        seed.copy_from_slice(&*self.seed);
        pk.copy_from_slice(&self.public_key());
        Zeroizing::new(format!("0x{}", hex::encode(*both)))
    }
}

/// Reads a public key: 64 hex digits, `0x` optional.
pub fn parse_public_key(text: &str) -> Result<[u8; 32], AionError> {
    let t = text.trim();
    let t = t.strip_prefix("0x").unwrap_or(t);
    let bytes = hex::decode(t).map_err(|_| AionError::PublicKey)?;
    bytes.try_into().map_err(|_| AionError::PublicKey)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const SEED: &str = "6df86a106f599c78ab9b2ad593b2983038edf706a52b24bfa895b49066a7f2a0";
    const PK: &str = "3ddfb8596435b9530b5e635736c801c1403578b85e582d98dd7a322ddfb1e4c1";

    #[test]
    fn both_key_forms_read_and_the_64_byte_form_is_written() {
        let short = AionSigningKey::from_hex_text(&format!("0x{SEED}\n")).unwrap();
        assert_eq!(hex::encode(short.public_key()), PK);
        let long = AionSigningKey::from_hex_text(&format!("{SEED}{PK}")).unwrap();
        assert_eq!(long.seed(), short.seed());
        assert_eq!(*short.to_hex_text(), format!("0x{SEED}{PK}"));
    }

    #[test]
    fn bad_keys_are_refused_with_reasons() {
        let wrong_pk = format!("{SEED}{}", "00".repeat(32));
        assert_eq!(
            AionSigningKey::from_hex_text(&wrong_pk).err(),
            Some(AionError::KeyMismatch)
        );
        assert_eq!(
            AionSigningKey::from_hex_text("0xabcd").err(),
            Some(AionError::KeyLength(2))
        );
        assert_eq!(
            AionSigningKey::from_hex_text("zz").err(),
            Some(AionError::KeyNotHex)
        );
    }

    #[test]
    fn roles_have_labels() {
        assert_eq!(Role::Management.label(), "management (identity) key");
        assert_eq!(Role::Signing.label(), "block-signing key");
    }
}
