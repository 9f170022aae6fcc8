//! Bech32 (BIP-173, not bech32m) as Cardano uses it: no 90-character limit, lowercase.

use bech32::primitives::decode::CheckedHrpstring;
use bech32::{Bech32, Hrp};
use thiserror::Error;

use crate::core::message::quote::escape;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Bech32Error {
    /// The decoder's reason; escaped, as it may name a character of the input.
    #[error("is not valid bech32: {}", escape(.0))]
    Invalid(String),
    #[error("has the bech32 prefix \"{0}\", which is not a key or id prefix this tool knows")]
    UnknownPrefix(String),
    #[error("has the bech32 prefix \"{found}\", but \"{expected}\" was expected")]
    WrongPrefix { found: String, expected: String },
    #[error("cannot be written as bech32: {0}")]
    Encode(String),
}

/// Encodes bytes under a human-readable prefix.
pub fn encode(hrp: &str, data: &[u8]) -> Result<String, Bech32Error> {
    let hrp = Hrp::parse(hrp).map_err(|e| Bech32Error::Encode(e.to_string()))?;
    bech32::encode_lower::<Bech32>(hrp, data).map_err(|e| Bech32Error::Encode(e.to_string()))
}

/// Decodes a bech32 string (strict Bech32 checksum) into its prefix and bytes.
pub fn decode(text: &str) -> Result<(String, Vec<u8>), Bech32Error> {
    let checked = CheckedHrpstring::new::<Bech32>(text.trim())
        .map_err(|e| Bech32Error::Invalid(e.to_string()))?;
    // The bits left over after the last whole byte must be fewer than 5 and all zero (BIP-173's
    // conversion without padding, which the Haskell bech32 library behind cardano-cli applies
    // too); otherwise several strings, each with a valid checksum, would name the same bytes.
    checked
        .validate_segwit_padding()
        .map_err(|e| Bech32Error::Invalid(e.to_string()))?;
    let hrp = checked.hrp().to_lowercase();
    Ok((hrp, checked.byte_iter().collect()))
}

/// Decodes and checks the prefix.
pub fn decode_expecting(text: &str, expected: &str) -> Result<Vec<u8>, Bech32Error> {
    let (hrp, data) = decode(text)?;
    if hrp == expected {
        Ok(data)
    } else {
        Err(Bech32Error::WrongPrefix {
            found: hrp,
            expected: expected.to_owned(),
        })
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn pool_id_round_trip() {
        let id = hex::decode("52de4f7516061672852f7e7245d98997c1c67b4b9115e6f3b39f6657").unwrap();
        let s = encode("pool", &id).unwrap();
        assert_eq!(
            s,
            "pool12t0y7agkqct89pf00eeytkvfjlquv76tjy27duannan9w63ckxv"
        );
        assert_eq!(decode_expecting(&s, "pool").unwrap(), id);
    }

    /// Found with the `bech32` fuzz target's property (encode ∘ decode gives the input back) on
    /// hand-made inputs: these two have valid checksums but decoded to the pool id's bytes.
    #[test]
    fn only_the_canonical_string_of_some_bytes_decodes() {
        for other in [
            // The last character's padding bit set.
            "pool12t0y7agkqct89pf00eeytkvfjlquv76tjy27duannan9088vrm7",
            // One more (zero) character: 6 bits of padding.
            "pool12t0y7agkqct89pf00eeytkvfjlquv76tjy27duannan9wqfgm34z",
        ] {
            assert!(
                matches!(decode(other), Err(Bech32Error::Invalid(_))),
                "{other}"
            );
        }
        assert!(decode("pool12t0y7agkqct89pf00eeytkvfjlquv76tjy27duannan9w63ckxv").is_ok());
    }

    #[test]
    fn bad_checksum_is_rejected() {
        // A pool id widely copied in CIP examples whose checksum is wrong.
        assert!(decode("pool12a39rkzfylvn9wfe8j6y8ucq6g2l4mw4azj70y0gd8ejczznyj2").is_err());
    }
}
