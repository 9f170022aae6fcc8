//! The certificate core: pure functions over bytes and typed values.
//!
//! Nothing in here touches egui, files, clocks, randomness or the environment: callers pass
//! bytes, seeds and "now" in, and get bytes, values and errors out. The command line, the
//! console and the tests all share it.

pub mod address;
pub mod amount;
pub mod bech32;
pub mod cbor;
pub mod cbor_text;
pub mod certificate;
pub mod clock;
pub mod describe;
pub mod envelope;
pub mod genesis;
pub mod hash;
pub mod kes;
pub mod keys;
pub mod metadata;
pub mod opcert;
pub mod recognise;
pub mod secret;
pub mod transaction;
