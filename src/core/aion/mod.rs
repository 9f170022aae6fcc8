//! The Aion Unity profile's core (../shared/docs/AION.md): Ed25519 keys and `0xa0` addresses,
//! pool metadata, commission rates, AION amounts, lockouts and the self-bond rule. Pure, like
//! the rest of the core: callers pass seeds, bytes and "now" in.

//! Also AVM ABI call data and signed transactions.

pub mod abi;
pub mod address;
pub mod amount;
pub mod commission;
pub mod error;
pub mod key_file;
pub mod keys;
pub mod lockout;
pub mod metadata;
pub mod png;
pub mod rlp;
pub mod self_bond;
pub mod transaction;
pub mod tx_error;

pub use error::AionError;
pub use tx_error::AionTxError;

/// BLAKE2b with a 32-byte digest (not BLAKE2b-512 cut short): Aion's only hash.
pub fn blake2b_256(data: &[u8]) -> [u8; 32] {
    crate::core::encoding::hash::blake2b_256(data)
}
