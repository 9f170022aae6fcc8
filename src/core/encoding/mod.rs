//! Bytes on the wire and on disk: CBOR, cardano-cli's decode-cbor text, text envelopes, bech32, hashes.

pub mod bech32;
pub mod cbor;
pub mod cbor_text;
pub mod envelope;
pub mod envelope_views;
pub mod hash;
