//! Never panic, never loop: every parser of untrusted input in the core, fed arbitrary bytes and
//! strings and real files from `tests/data/` with bytes flipped, inserted, deleted or cut off.
//! Each call runs on a named thread under a time budget ([`harness::bounded`]), so a panic or a
//! hang fails the case and proptest shrinks it to a small input. Where a parser has a writer,
//! what it reads back from its own output is what was written (decode ∘ encode = identity).
//!
//! | module | parsers |
//! |---|---|
//! | [`binary`] | CBOR reader, decode-cbor printer, text envelopes, certificates, opcerts and counters, key files, describe/recognise |
//! | [`transactions`] | transaction files, key witnesses, assembling, the body view and signer fit |
//! | [`text`] | plans (and their review), kes-period-info, node metrics, genesis files and the clock, the rotation journal, clock-guard slots |
//! | [`fields`] | relays, margins, amounts, addresses, bech32, metadata, hashes and pool ids, times, quoting and redaction |
//! | [`round_trips`] | decode ∘ encode for the CBOR writer and reader, golden certificates, bech32, amounts, margins, reward accounts, relay fields, metadata, the journal, generated keys |
//! | [`harness`] | the time budget, the golden files, the edits |
//!
//! Whatever a property reads from damaged input it also writes and reads back (envelopes,
//! certificates, opcerts, counters, keys, witnesses, transactions, relays, metadata, plans).
//! `PROPTEST_CASES=20000 cargo test --test parsers_never_panic` searches deeper.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

#[path = "parsers_never_panic/binary.rs"]
mod binary;
#[path = "parsers_never_panic/fields.rs"]
mod fields;
#[path = "parsers_never_panic/harness.rs"]
mod harness;
#[path = "parsers_never_panic/round_trips.rs"]
mod round_trips;
#[path = "parsers_never_panic/text.rs"]
mod text;
#[path = "parsers_never_panic/transactions.rs"]
mod transactions;
