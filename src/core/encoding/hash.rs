//! Blake2b digests used by the ledger: 224-bit key hashes and 256-bit content hashes.

use blake2::digest::consts::{U28, U32};
use blake2::{Blake2b, Digest};

/// blake2b-224: pool ids, stake key hashes, script hashes.
pub fn blake2b_224(data: &[u8]) -> [u8; 28] {
    Blake2b::<U28>::digest(data).into()
}

/// blake2b-256: VRF key hash, metadata hash, transaction id, KES vkey.
pub fn blake2b_256(data: &[u8]) -> [u8; 32] {
    Blake2b::<U32>::digest(data).into()
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn empty_input_digests() {
        assert_eq!(
            hex::encode(blake2b_256(b"")),
            "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"
        );
        assert_eq!(
            hex::encode(blake2b_224(b"")),
            "836cc68931c2e4e3e838602eca1902591d216837bafddfe6f0c8cb07"
        );
    }
}
