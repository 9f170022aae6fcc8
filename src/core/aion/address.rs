//! Aion account addresses: `0xA0 ‖ BLAKE2b-256(public key)[1..32]`, and the checksummed
//! display form, where each letter's case is a bit of the address's own hash (AION.md §1).

use super::{blake2b_256, AionError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Address(pub [u8; 32]);

impl Address {
    pub fn from_public_key(pk: &[u8; 32]) -> Self {
        let mut a = blake2b_256(pk);
        a[0] = 0xa0;
        Self(a)
    }

    /// Reads `0x` (optional) and 64 hex digits starting `a0`; mixed case must be the
    /// checksum, all one case is taken as it is.
    pub fn parse(text: &str) -> Result<Self, AionError> {
        let t = text.trim();
        let t = t
            .strip_prefix("0x")
            .or_else(|| t.strip_prefix("0X"))
            .unwrap_or(t);
        if !t.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(AionError::AddressNotHex);
        }
        if t.len() != 64 {
            return Err(AionError::AddressLength(t.len()));
        }
        let bytes: [u8; 32] = hex::decode(t)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or(AionError::AddressNotHex)?;
        let address = Self(bytes);
        if bytes[0] != 0xa0 {
            return Err(AionError::AddressNotA0(
                t.get(..2).unwrap_or(t).to_lowercase(),
            ));
        }
        let mixed =
            t.bytes().any(|b| b.is_ascii_uppercase()) && t.bytes().any(|b| b.is_ascii_lowercase());
        if mixed && address.to_checksum().strip_prefix("0x") != Some(t) {
            return Err(AionError::AddressChecksum);
        }
        Ok(address)
    }

    /// `0xa0…`, lower case.
    pub fn to_hex(&self) -> String {
        format!("0x{}", hex::encode(self.0))
    }

    /// `0x` and the address with letter `i` upper-cased iff bit `i` of BLAKE2b-256(address)
    /// is set, bits counted from the low end of each byte (Java's `BitSet.valueOf`).
    pub fn to_checksum(&self) -> String {
        let h = blake2b_256(&self.0);
        let digits: String = hex::encode(self.0)
            .chars()
            .enumerate()
            .map(|(i, c)| {
                let bit = h.get(i / 8).is_some_and(|b| (b >> (i % 8)) & 1 == 1);
                if bit {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect();
        format!("0x{digits}")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_non_a0_address_is_refused() {
        let eth = format!("0x{}", "12".repeat(32));
        assert_eq!(
            Address::parse(&eth).err(),
            Some(AionError::AddressNotA0("12".to_owned()))
        );
        assert_eq!(
            Address::parse("0xa0ab").err(),
            Some(AionError::AddressLength(4))
        );
        assert_eq!(
            Address::parse("0xa0zz").err(),
            Some(AionError::AddressNotHex)
        );
    }
}
