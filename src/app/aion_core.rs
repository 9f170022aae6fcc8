//! The Aion core as the console uses it: every Aion type the app and UI touch goes through
//! here, so the console's view of the core is one list.

pub use crate::core::aion::{
    abi, address, amount, commission, keys, lockout, metadata, png, self_bond, transaction,
    AionError, AionTxError,
};

/// The one word the console puts before "key" or "address": "management", "signing".
pub fn role_word(role: keys::Role) -> &'static str {
    match role {
        keys::Role::Management => "management",
        keys::Role::Signing => "block-signing",
    }
}
