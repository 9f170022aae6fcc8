//! Credentials and reward accounts (stake addresses).

use thiserror::Error;

use crate::core::encoding::bech32::{self, Bech32Error};
use crate::core::encoding::hash::blake2b_224;

/// Which chain a file is for. Only mainnet vs. testnet changes address bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Network {
    Mainnet,
    Testnet { magic: u32 },
}

impl Network {
    pub const MAINNET_MAGIC: u32 = 764_824_073;

    /// The network id in address headers: 1 for mainnet, 0 for every testnet.
    pub fn id(self) -> u8 {
        match self {
            Self::Mainnet => 1,
            Self::Testnet { .. } => 0,
        }
    }

    pub fn magic(self) -> u32 {
        match self {
            Self::Mainnet => Self::MAINNET_MAGIC,
            Self::Testnet { magic } => magic,
        }
    }
}

/// A stake credential: a key hash or a script hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Credential {
    Key([u8; 28]),
    Script([u8; 28]),
}

impl Credential {
    pub fn hash(&self) -> &[u8; 28] {
        match self {
            Self::Key(h) | Self::Script(h) => h,
        }
    }

    pub fn is_script(&self) -> bool {
        matches!(self, Self::Script(_))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AddressError {
    #[error("{0}")]
    Bech32(#[from] Bech32Error),
    #[error("is {found} bytes long; a stake address is 29 bytes (header and 28-byte hash)")]
    WrongLength { found: usize },
    #[error("has header byte {header:#04x}, which is not a stake address (e0, e1, f0 or f1)")]
    NotStake { header: u8 },
    #[error("says network {found} in its header but its prefix is \"{prefix}\"")]
    PrefixMismatch { found: u8, prefix: String },
}

/// A reward account: header byte (`e0|net` key, `f0|net` script) and the credential hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RewardAccount {
    pub network_id: u8,
    pub credential: Credential,
}

impl RewardAccount {
    pub fn new(network: Network, credential: Credential) -> Self {
        Self {
            network_id: network.id(),
            credential,
        }
    }

    pub fn to_bytes(&self) -> [u8; 29] {
        let mut out = [0u8; 29];
        let kind = if self.credential.is_script() {
            0xf0
        } else {
            0xe0
        };
        out[0] = kind | (self.network_id & 0x0f);
        out[1..].copy_from_slice(self.credential.hash());
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, AddressError> {
        let wrong_length = || AddressError::WrongLength { found: bytes.len() };
        let (&header, rest) = bytes.split_first().ok_or_else(wrong_length)?;
        let hash: [u8; 28] = rest.try_into().map_err(|_| wrong_length())?;
        let credential = match header & 0xf0 {
            0xe0 => Credential::Key(hash),
            0xf0 => Credential::Script(hash),
            _ => return Err(AddressError::NotStake { header }),
        };
        Ok(Self {
            network_id: header & 0x0f,
            credential,
        })
    }

    pub fn hrp(&self) -> &'static str {
        if self.network_id == 1 {
            "stake"
        } else {
            "stake_test"
        }
    }

    pub fn to_bech32(&self) -> Result<String, AddressError> {
        Ok(bech32::encode(self.hrp(), &self.to_bytes())?)
    }

    pub fn from_bech32(text: &str) -> Result<Self, AddressError> {
        let (hrp, data) = bech32::decode(text)?;
        if hrp != "stake" && hrp != "stake_test" {
            return Err(Bech32Error::WrongPrefix {
                found: hrp,
                expected: "stake or stake_test".to_owned(),
            }
            .into());
        }
        let account = Self::from_bytes(&data)?;
        if account.hrp() != hrp {
            return Err(AddressError::PrefixMismatch {
                found: account.network_id,
                prefix: hrp,
            });
        }
        Ok(account)
    }
}

/// Script hash of a Plutus script: blake2b-224 of the language tag and the script bytes.
pub fn plutus_script_hash(language_tag: u8, script: &[u8]) -> [u8; 28] {
    let mut data = Vec::with_capacity(script.len() + 1);
    data.push(language_tag);
    data.extend_from_slice(script);
    blake2b_224(&data)
}

/// `pool1…` for a pool id (hex on the odd failure).
pub fn pool_bech32(id: &[u8; 28]) -> String {
    bech32::encode("pool", id).unwrap_or_else(|_| hex::encode(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_by_network_and_credential() {
        let h = [0x11u8; 28];
        assert_eq!(
            RewardAccount::new(Network::Mainnet, Credential::Key(h)).to_bytes()[0],
            0xe1
        );
        assert_eq!(
            RewardAccount::new(Network::Testnet { magic: 42 }, Credential::Key(h)).to_bytes()[0],
            0xe0
        );
        assert_eq!(
            RewardAccount::new(Network::Testnet { magic: 1 }, Credential::Script(h)).to_bytes()[0],
            0xf0
        );
    }

    #[test]
    fn bech32_round_trip_and_prefix_check() {
        let acct = RewardAccount::new(Network::Mainnet, Credential::Key([0x42; 28]));
        let text = acct.to_bech32().unwrap();
        assert!(text.starts_with("stake1"));
        assert_eq!(RewardAccount::from_bech32(&text).unwrap(), acct);
    }
}
