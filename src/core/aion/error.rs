//! What can be wrong with Aion input: each message says what is wrong and how to fix it, and
//! never repeats a key.

use thiserror::Error;

use crate::core::message::quote::quote;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AionError {
    #[error("the key is not hexadecimal: an Aion private key is 64 or 128 hex digits (0-9, a-f), with or without 0x")]
    KeyNotHex,
    #[error("the key is {0} bytes; an Aion private key is 32 bytes (the seed) or 64 bytes (seed and public key), written as hex with or without 0x")]
    KeyLength(usize),
    #[error("the key's last 32 bytes are not the public key of its first 32 (a damaged or mixed-up 64-byte key); export the key again")]
    KeyMismatch,
    #[error("the public key is not 64 hex digits (32 bytes) with or without 0x")]
    PublicKey,
    #[error("an Aion address is hex digits only (0-9, a-f), with or without 0x")]
    AddressNotHex,
    #[error("an Aion address is 64 hex digits (32 bytes); this one has {0}")]
    AddressLength(usize),
    #[error("an Aion account address starts with a0; this one starts with {0} (is it an Ethereum or a contract address?)")]
    AddressNotA0(String),
    #[error("the address's upper- and lower-case letters do not match its checksum (a typo?); check it, or type it all in lower case")]
    AddressChecksum,
    #[error("{} is not a percent: use digits and up to 4 decimals, e.g. 5 or 2.5", quote(.0))]
    PercentNotANumber(String),
    #[error("{} has more than 4 decimals; the Pool Registry counts the rate in steps of 0.0001 %", quote(.0))]
    PercentTooPrecise(String),
    #[error("{} is above 100 %", quote(.0))]
    PercentTooLarge(String),
    #[error("{} is negative; give an amount of AION without a sign", quote(.0))]
    AmountNegative(String),
    #[error("{} is not an amount: use digits, an optional decimal point and up to 18 decimals", quote(.0))]
    AmountNotANumber(String),
    #[error("{} has more than 18 decimals (1 nAmp = 0.000000000000000001 AION)", quote(.0))]
    AmountTooPrecise(String),
    #[error("{} is more AION than the transaction format can carry", quote(.0))]
    AmountTooLarge(String),
    #[error("{} is not a lockout: use commission, signing-address, undelegate or transfer", quote(.0))]
    UnknownLockout(String),
}
