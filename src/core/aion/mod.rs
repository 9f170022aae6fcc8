//! The Aion Unity profile's core (../shared/docs/AION.md): Ed25519 keys and `0xa0` addresses,
//! AVM ABI call data and signed transactions. Pure, like the rest of the core: callers pass
//! seeds, bytes and "now" in.
//!
//! (wt-aion-tx: `address`, `amount`, `commission`, `error` and `keys` are copies of the keys
//! helper's files as they stood; on merge, keep theirs.)

pub mod abi;
pub mod address;
pub mod amount;
pub mod commission;
pub mod error;
pub mod keys;
pub mod rlp;
pub mod transaction;
pub mod tx_error;

pub use error::AionError;
pub use tx_error::AionTxError;

/// BLAKE2b with a 32-byte digest (not BLAKE2b-512 cut short): Aion's only hash.
pub fn blake2b_256(data: &[u8]) -> [u8; 32] {
    crate::core::encoding::hash::blake2b_256(data)
}
