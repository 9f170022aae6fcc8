//! Binary and envelope parsers: the CBOR reader, the decode-cbor printer, text envelopes,
//! certificates, opcerts and counters, key files, and describing or recognising any file.

use pool_console::core::certificate::Certificate;
use pool_console::core::describe::{describe, describe_certificate, recognise};
use pool_console::core::encoding::cbor::{decode_bytes, CborReader, Head};
use pool_console::core::encoding::cbor_text::{envelope_json, envelope_yaml, pretty_text};
use pool_console::core::encoding::envelope::TextEnvelope;
use pool_console::core::kes::opcert::{IssueCounter, OpCert};
use pool_console::core::kes::period_info;
use pool_console::core::keys::address::Network;
use pool_console::core::keys::{accept, verification_key_from_text, AnyKey};
use pool_console::core::review::{owner_verdict, registration_of, signoff, Review};
use proptest::prelude::*;

use crate::harness::{bounded, bytes, config, corpus, damaged_inside, mutated, text};

/// Reads item by item to the end (heads, and the content of definite strings) and checks that
/// every step moves on and that peeking moves nothing.
fn walk_heads(input: &[u8]) -> Result<usize, String> {
    let mut r = CborReader::new(input);
    let mut steps = 0;
    while !r.is_at_end() {
        let before = r.offset();
        let peeked = r.peek("an item");
        if r.offset() != before {
            return Err(format!(
                "peek moved the reader from {before} to {}",
                r.offset()
            ));
        }
        let step = match peeked {
            Ok(Head::Bytes(Some(_))) => r.bytes("a byte string").map(drop),
            Ok(Head::Text(Some(_))) => r.text("a text string").map(drop),
            Ok(_) => r.head("an item").map(drop),
            Err(_) => break,
        };
        if step.is_err() {
            break;
        }
        if r.offset() <= before || r.offset() > input.len() {
            return Err(format!("a step went from {before} to {}", r.offset()));
        }
        steps += 1;
    }
    Ok(steps)
}

/// Skips whole items to the end; every skipped item is exactly the bytes it spans.
fn walk_skips(input: &[u8]) -> Result<usize, String> {
    let mut r = CborReader::new(input);
    let mut items = 0;
    while !r.is_at_end() {
        let before = r.offset();
        let Ok(raw) = r.skip("an item") else { break };
        if r.offset() <= before || input.get(before..r.offset()) != Some(raw) {
            return Err(format!(
                "skip from {before} returned {} bytes and stopped at {}",
                raw.len(),
                r.offset()
            ));
        }
        items += 1;
    }
    Ok(items)
}

/// Every typed read from the start, on a fresh reader each.
fn typed_reads(input: &[u8]) {
    let r = || CborReader::new(input);
    let _ = r().uint("n");
    let _ = r().array("a");
    let _ = r().array_of(2, "a");
    let _ = r().map("m");
    let _ = r().tag("t");
    let _ = r().bool("b");
    let _ = r().null("z");
    let _ = r().is_null();
    let _ = r().text("s");
    let _ = r().bytes_exact::<32>("h");
    let _ = r().finish();
    let _ = decode_bytes(input, "k");
}

fn cbor_reader(input: Vec<u8>) -> Result<(), TestCaseError> {
    let (heads, skips) = bounded("the CBOR reader", move || {
        typed_reads(&input);
        (walk_heads(&input), walk_skips(&input))
    })?;
    heads.map_err(TestCaseError::fail)?;
    skips.map_err(TestCaseError::fail)?;
    Ok(())
}

fn printer(input: Vec<u8>) -> Result<(), TestCaseError> {
    let out = bounded("pretty_text", move || {
        let _ = envelope_yaml("T\n'x", "d: 1", &input);
        let _ = envelope_json("T\"", "\u{1}", &input);
        pretty_text(&input)
    })?;
    if let Ok(s) = out {
        prop_assert!(
            s.starts_with('\n') && s.ends_with('\n') && !s.ends_with("\n\n"),
            "{s:?}"
        );
    }
    Ok(())
}

fn envelope(input: Vec<u8>) -> Result<(), TestCaseError> {
    let parsed = bounded("TextEnvelope::parse", move || {
        TextEnvelope::parse(&input).map(|env| {
            let again = TextEnvelope::parse(env.render().expose());
            let _ = env.expect_type(&["Certificate"], "a certificate");
            (env, again)
        })
    })?;
    if let Ok((env, again)) = parsed {
        prop_assert_eq!(again, Ok(env));
    }
    Ok(())
}

/// Decodes a certificate and, when it reads, describes it, reviews it and re-encodes it.
fn certificate(input: Vec<u8>) -> Result<(), TestCaseError> {
    let decoded = bounded("Certificate::decode", move || {
        Certificate::decode(&input).map(|(cert, era)| {
            let _ = describe_certificate(&cert, era, Network::Mainnet).to_text();
            if let Ok(params) = registration_of(&cert) {
                let review = Review::new(&input, params, Some(params), None, params.owners.first());
                let _ = (review.to_text(), review.to_json(), review.changes());
                let _ = signoff::html(&review, "<t>", "now");
                let _ = owner_verdict(params, &[0; 28]);
            }
            let again = Certificate::decode(&cert.encode(era));
            (cert, era, again)
        })
    })?;
    if let Ok((cert, era, again)) = decoded {
        prop_assert_eq!(again, Ok((cert, era)));
    }
    Ok(())
}

fn certificate_file(input: Vec<u8>) -> Result<(), TestCaseError> {
    bounded("Certificate::from_envelope", move || {
        if let Ok(env) = TextEnvelope::parse(&input) {
            let _ = Certificate::from_envelope(&env);
        }
    })?;
    Ok(())
}

fn opcert(input: Vec<u8>) -> Result<(), TestCaseError> {
    let (cert, counter) = bounded("OpCert::decode and IssueCounter::decode", move || {
        let cert = OpCert::decode(&input).map(|c| {
            let check = c.check(Some(&c.cold_vkey), None);
            let _ = (check.is_ok(), check.problems(), c.pool_id());
            (OpCert::decode(&c.encode()), c)
        });
        let counter = IssueCounter::decode(&input).map(|c| (IssueCounter::decode(&c.encode()), c));
        (cert, counter)
    })?;
    if let Ok((again, c)) = cert {
        prop_assert_eq!(again, Ok(c));
    }
    if let Ok((again, c)) = counter {
        prop_assert_eq!(again, Ok(c));
    }
    Ok(())
}

fn opcert_file(input: Vec<u8>) -> Result<(), TestCaseError> {
    bounded("OpCert::from_envelope", move || {
        if let Ok(env) = TextEnvelope::parse(&input) {
            let _ = OpCert::from_envelope(&env);
            let _ = IssueCounter::from_envelope(&env);
        }
    })?;
    Ok(())
}

/// Reads a key file and uses the key every way a command may: derive, hash, sign, write.
fn key_file(input: Vec<u8>) -> Result<(), TestCaseError> {
    let read = bounded("AnyKey::from_file_contents", move || {
        AnyKey::from_file_contents(&input).map(|key| {
            let envelope = match &key {
                AnyKey::Verification(vk) => {
                    let _ = (
                        vk.public_key(),
                        vk.key_hash(),
                        vk.key_hash_256(),
                        vk.to_bech32(),
                    );
                    vk.to_envelope()
                }
                AnyKey::Signing(sk) => {
                    if let Ok(vk) = sk.verification_key() {
                        let _ = (vk.key_hash(), vk.to_bech32());
                    }
                    if sk.kind().is_ed25519() {
                        let _ = sk.sign(b"a transaction id");
                    }
                    let _ = sk.to_bech32();
                    sk.to_envelope()
                }
            };
            let again = AnyKey::from_file_contents(envelope.render().expose());
            let _ = key.clone().into_verification(accept::STAKE_VERIFICATION);
            (key, again)
        })
    })?;
    if let Ok((key, again)) = read {
        prop_assert_eq!(again, Ok(key));
    }
    Ok(())
}

fn key_text(input: String) -> Result<(), TestCaseError> {
    bounded("verification_key_from_text", move || {
        for accepted in [
            accept::COLD_VERIFICATION,
            accept::VRF_VERIFICATION,
            accept::KES_VERIFICATION,
            accept::STAKE_VERIFICATION,
            accept::DREP_VERIFICATION,
            &[],
        ] {
            let _ = verification_key_from_text(&input, accepted);
        }
        let _ = AnyKey::from_bech32(&input);
    })
}

fn describe_any(input: Vec<u8>) -> Result<(), TestCaseError> {
    bounded("describe, classify and parse_on_chain_file", move || {
        for network in [Network::Mainnet, Network::Testnet { magic: 2 }] {
            if let Ok(d) = describe(&input, network) {
                let _ = (d.to_text(), d.to_json());
            }
        }
        let _ = recognise::classify(&input);
        let _ = period_info::parse_on_chain_file(&input);
    })
}

/// Nesting far deeper than any file: an error, never a stack overflow.
#[test]
fn deep_nesting_is_refused_without_recursion() {
    for open in [0x81u8, 0x9f, 0xa1, 0xd8] {
        let mut deep = vec![open; 200_000];
        if open == 0xd8 {
            // Tag 24 over and over: `d8 18 d8 18 …`.
            deep = [0xd8, 0x18].repeat(100_000);
        }
        deep.push(0x00);
        assert!(pretty_text(&deep).is_err());
        let _ = walk_skips(&deep);
        assert!(Certificate::decode(&deep).is_err());
        assert!(describe(&deep, Network::Mainnet).is_err());
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn cbor_reader_on_any_bytes(input in bytes()) {
        cbor_reader(input)?;
    }

    #[test]
    fn cbor_reader_on_damaged_cbor(input in mutated(&corpus().cbor)) {
        cbor_reader(input)?;
    }

    #[test]
    fn decode_cbor_printer_on_any_bytes(input in bytes()) {
        printer(input)?;
    }

    #[test]
    fn decode_cbor_printer_on_damaged_cbor(input in mutated(&corpus().cbor)) {
        printer(input)?;
    }

    #[test]
    fn envelopes_from_any_bytes(input in bytes()) {
        envelope(input)?;
    }

    #[test]
    fn envelopes_from_damaged_files(input in mutated(&corpus().envelopes)) {
        envelope(input)?;
    }

    #[test]
    fn certificates_from_any_bytes(input in bytes()) {
        certificate(input)?;
    }

    #[test]
    fn certificates_from_damaged_cbor(input in mutated(&corpus().certificates)) {
        certificate(input)?;
    }

    #[test]
    fn certificate_files_damaged(input in damaged_inside(&corpus().certificate_files)) {
        certificate_file(input)?;
    }

    #[test]
    fn opcerts_and_counters_from_any_bytes(input in bytes()) {
        opcert(input)?;
    }

    #[test]
    fn opcerts_and_counters_from_damaged_cbor(input in mutated(&corpus().cbor)) {
        opcert(input)?;
    }

    #[test]
    fn opcert_and_counter_files_damaged(input in damaged_inside(&corpus().opcert_files)) {
        opcert_file(input)?;
    }

    #[test]
    fn key_files_from_any_bytes(input in bytes()) {
        key_file(input)?;
    }

    #[test]
    fn key_files_damaged(input in damaged_inside(&corpus().keys)) {
        key_file(input)?;
    }

    #[test]
    fn key_text_from_any_text(input in text()) {
        key_text(input)?;
    }

    #[test]
    fn key_text_damaged(input in mutated(&corpus().keys)) {
        key_text(String::from_utf8_lossy(&input).into_owned())?;
    }

    #[test]
    fn describe_any_bytes(input in bytes()) {
        describe_any(input)?;
    }

    #[test]
    fn describe_damaged_files(input in damaged_inside(&corpus().files)) {
        describe_any(input)?;
    }
}
