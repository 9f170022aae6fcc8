//! The certificate core: pure functions over bytes and typed values.
//!
//! Nothing in here touches egui, files, clocks, randomness or the environment: callers pass
//! bytes, seeds and "now" in, and get bytes, values and errors out. The command line, the
//! console and the tests all share it.

pub mod address;
pub mod amount;
pub mod bech32;
pub mod calendar;
pub mod cbor;
pub mod cbor_text;
pub mod certificate;
pub mod clock;
pub mod clock_guard;
pub mod describe;
pub mod envelope;
pub mod envelope_views;
pub mod fingerprint;
pub mod genesis;
pub mod hash;
pub mod issue_period;
pub mod journal;
pub mod kes;
pub mod kes_period_info;
pub mod kes_watch;
pub mod keys;
pub mod metadata;
pub mod node_metrics;
pub mod opcert;
pub mod plan;
pub mod predeploy;
pub mod quote;
pub mod recognise;
pub mod redact;
pub mod review;
pub mod secret;
pub mod signing;
pub mod signoff;
pub mod transaction;
pub mod tx_view;
