//! KES Sum6 (Ed25519 + Blake2b-256) keys as cardano-base stores them: 608 bytes, evolution 0.
//!
//! pallas-crypto keeps a 4-byte period after the 608 bytes; files never carry it, so it is
//! appended (as zero) on load and dropped on save. Files we write are always fresh keys.

use pallas_crypto::kes::summed_kes::{Sum6Kes, Sum6KesSig};
use pallas_crypto::kes::traits::{KesSig, KesSk};
use zeroize::Zeroizing;

use crate::core::encoding::hash::blake2b_256;
use crate::core::keys::secret::SecretBytes;

/// Size of a Sum6 KES signing key file payload.
pub const SIGNING_KEY_LEN: usize = 608;
/// Size of a Sum6 KES signature.
pub const SIGNATURE_LEN: usize = 448;
/// Number of evolutions a Sum6 key supports (2^6).
pub const TOTAL_PERIODS: u32 = 64;

/// The KES verification key of a 608-byte signing key: blake2b-256 of the top-level vk0 ‖ vk1
/// (its last 64 bytes). `None` if the bytes are too short to be a key.
pub fn verification_key(signing_key: &[u8]) -> Option<[u8; 32]> {
    signing_key
        .get(SIGNING_KEY_LEN - 64..SIGNING_KEY_LEN)
        .map(blake2b_256)
}

/// Generates a fresh key from a 32-byte seed, exactly as cardano-base `genKeyKES` does.
pub fn generate(seed: &[u8; 32]) -> (SecretBytes, [u8; 32]) {
    let mut seed = Zeroizing::new(*seed);
    let mut buf = Zeroizing::new([0u8; SIGNING_KEY_LEN + 4]);
    let (sk, vk) = Sum6Kes::keygen(&mut *buf, &mut *seed);
    // pallas-crypto's 612 bytes without the trailing period.
    let raw = SecretBytes::new(
        sk.as_bytes()
            .iter()
            .take(SIGNING_KEY_LEN)
            .copied()
            .collect(),
    );
    let mut public = [0u8; 32];
    public.copy_from_slice(vk.as_bytes());
    (raw, public)
}

/// Signs `message` at evolution 0 with a 608-byte key. `None` if the bytes are not a key.
pub fn sign(signing_key: &[u8], message: &[u8]) -> Option<Vec<u8>> {
    if signing_key.len() != SIGNING_KEY_LEN {
        return None;
    }
    let mut buf = Zeroizing::new([0u8; SIGNING_KEY_LEN + 4]);
    for (to, from) in buf.iter_mut().zip(signing_key) {
        *to = *from;
    }
    let sk = Sum6Kes::from_bytes(&mut *buf).ok()?;
    Some(sk.sign(message).to_bytes().to_vec())
}

/// Verifies a Sum6 signature made at `period` (evolutions since the key was fresh).
pub fn verify(public: &[u8; 32], period: u32, message: &[u8], signature: &[u8]) -> bool {
    let Ok(pk) = pallas_crypto::kes::PublicKey::from_bytes(public) else {
        return false;
    };
    let Ok(sig) = Sum6KesSig::from_bytes(signature) else {
        return false;
    };
    sig.verify(period, &pk, message).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_key_derives_its_own_vkey_and_signs() {
        let (sk, vk) = generate(&[3u8; 32]);
        assert_eq!(sk.len(), SIGNING_KEY_LEN);
        assert_eq!(verification_key(sk.expose()), Some(vk));
        let sig = sign(sk.expose(), b"block header").unwrap();
        assert_eq!(sig.len(), SIGNATURE_LEN);
        assert!(verify(&vk, 0, b"block header", &sig));
        assert!(!verify(&vk, 0, b"another header", &sig));
        assert!(!verify(&vk, 1, b"block header", &sig));
    }
}
