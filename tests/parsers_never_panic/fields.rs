//! Single fields as people type or files carry them: relays, margins, amounts, reward
//! addresses, bech32, pool metadata and its hash and URL, pool ids, times, and the quoting and
//! redaction every message passes through.

use pool_console::core::certificate::amount::{format_ada, parse_ada};
use pool_console::core::certificate::margin::UnitInterval;
use pool_console::core::certificate::metadata;
use pool_console::core::certificate::relay::{self, DnsName, Relay};
use pool_console::core::chain::clock::{format_utc, parse_time};
use pool_console::core::encoding::bech32;
use pool_console::core::encoding::cbor::{CborReader, CborWriter};
use pool_console::core::keys::address::{plutus_script_hash, RewardAccount};
use pool_console::core::message::quote::{self, Source};
use pool_console::core::message::redact;
use pool_console::core::review::plan::parse_pool_id;
use proptest::prelude::*;

use crate::harness::{bounded, bytes, config, corpus, mutated, mutated_text, text};

fn relay_text(input: String) -> Result<(), TestCaseError> {
    let name = bounded("the relay field parsers", move || {
        let _ = relay::parse_port(&input);
        let _ = relay::parse_ipv4(&input);
        let _ = relay::parse_ipv6(&input);
        let _ = DnsName::from_chain(&input);
        DnsName::parse(&input).map(|n| (DnsName::parse(n.as_str()), n))
    })?;
    if let Ok((again, name)) = name {
        prop_assert_eq!(again, Ok(name));
    }
    Ok(())
}

/// Decodes a relay; one that reads shows itself, warns, and reads back from its own bytes.
fn relay_cbor(input: Vec<u8>) -> Result<(), TestCaseError> {
    let decoded = bounded("Relay::decode", move || {
        let mut r = CborReader::new(&input);
        Relay::decode(&mut r).map(|relay| {
            let _ = (relay.display(), relay.kind_label());
            for w in relay.warnings() {
                let _ = w.to_string();
            }
            let mut w = CborWriter::new();
            relay.encode(&mut w);
            let bytes = w.into_bytes();
            (Relay::decode(&mut CborReader::new(&bytes)), relay)
        })
    })?;
    if let Ok((again, relay)) = decoded {
        prop_assert_eq!(again, Ok(relay));
    }
    Ok(())
}

fn margin(input: String) -> Result<(), TestCaseError> {
    let parsed = bounded("UnitInterval::parse", move || {
        if let Ok(m) = UnitInterval::parse_percent(&input) {
            let _ = m.percent_string(6);
        }
        // The widths every caller uses (4 and 6 decimals), and none.
        UnitInterval::parse(&input).inspect(|m| {
            let _ = (
                m.percent_string(0),
                m.percent_string(4),
                m.percent_string(6),
            );
        })
    })?;
    if let Ok(m) = parsed {
        prop_assert!(m.numerator() <= m.denominator());
        prop_assert_eq!(UnitInterval::parse(&m.to_string()), Ok(m));
    }
    Ok(())
}

fn amount(input: String) -> Result<(), TestCaseError> {
    let parsed = bounded("parse_ada", move || parse_ada(&input))?;
    if let Ok(lovelace) = parsed {
        prop_assert_eq!(parse_ada(&format_ada(lovelace)), Ok(lovelace));
    }
    Ok(())
}

fn address_text(input: String) -> Result<(), TestCaseError> {
    let parsed = bounded("RewardAccount::from_bech32 and bech32::decode", move || {
        let _ = bech32::decode_expecting(&input, "pool");
        let _ = parse_pool_id(&input);
        let _ = bech32::decode(&input);
        RewardAccount::from_bech32(&input)
    })?;
    if let Ok(account) = parsed {
        prop_assert_eq!(RewardAccount::from_bytes(&account.to_bytes()), Ok(account));
    }
    Ok(())
}

fn metadata_file(input: Vec<u8>) -> Result<(), TestCaseError> {
    let parsed = bounded("metadata::validate", move || metadata::validate(&input))?;
    if let Ok((meta, hash)) = parsed {
        prop_assert_eq!(
            metadata::validate(metadata::render(&meta).as_bytes()).map(|(m, _)| m),
            Ok(meta)
        );
        prop_assert_eq!(metadata::parse_hash(&hex::encode(hash)), Ok(hash));
    }
    Ok(())
}

fn small_fields(input: String) -> Result<(), TestCaseError> {
    bounded("parse_hash, check_url, parse_time", move || {
        let _ = metadata::parse_hash(&input);
        let _ = metadata::check_url(&input);
        if let Ok(t) = parse_time(&input) {
            let _ = format_utc(t);
        }
        let _ = plutus_script_hash(3, input.as_bytes());
    })
}

/// Every way a message shows input, on any text.
fn quoting(input: String) -> Result<(), TestCaseError> {
    bounded("quote and redact", move || {
        let _ = (quote::quote(&input), quote::quote_in_secret_context(&input));
        let _ = quote::quote_from(
            &input,
            Source::SecretContext {
                allowed_hex: &[56, 64],
            },
        );
        let _ = (quote::bare(&input), quote::bare_from(&input, Source::Plain));
        let _ = (quote::escape(&input), quote::escape_path(&input));
        let _ = quote::escape_controls_keeping_lines(&input);
        let _ = quote::escape_json_for_terminal(&input);
        let _ = (quote::library_reason(&input), quote::looks_secret(&input));
        let _ = quote::looks_secret_from(&input, Source::Plain);
        let _ = (
            redact::value_is_secret(&input),
            redact::grouped_hex_digits(&input),
        );
        let args = vec![
            input.clone(),
            format!("--x={input}"),
            "--metadata-hash".into(),
        ];
        let _ = redact::redact(&input, &args);
        let _ = redact::redact(&format!("a {input} b"), std::slice::from_ref(&input));
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn relay_fields_from_any_text(input in text()) {
        relay_text(input)?;
    }

    #[test]
    fn relay_fields_damaged(input in mutated_text(&[
        "relay1.example.com", "203.0.113.10", "[2001:db8::1]", "3001", "https://x.io/a",
    ])) {
        relay_text(input)?;
    }

    #[test]
    fn relays_from_any_cbor(input in bytes()) {
        relay_cbor(input)?;
    }

    #[test]
    fn relays_from_damaged_cbor(input in mutated(&corpus().relays)) {
        relay_cbor(input)?;
    }

    #[test]
    fn margins_from_any_text(input in text()) {
        margin(input)?;
    }

    #[test]
    fn margins_damaged(input in mutated_text(&["3/200", "0.015", "1.5%", "1", "0.000000000000000001"])) {
        margin(input)?;
    }

    #[test]
    fn amounts_from_any_text(input in text()) {
        amount(input)?;
    }

    #[test]
    fn amounts_damaged(input in mutated_text(&["250 000 ADA", "340.5", "18446744073709.551615", "1,000.000001"])) {
        amount(input)?;
    }

    #[test]
    fn addresses_and_bech32_from_any_text(input in text()) {
        address_text(input)?;
    }

    #[test]
    fn addresses_and_bech32_damaged(input in mutated(&corpus().keys)) {
        address_text(String::from_utf8_lossy(&input).into_owned())?;
    }

    #[test]
    fn reward_accounts_from_any_bytes(input in prop::collection::vec(any::<u8>(), 0..40)) {
        let parsed = bounded("RewardAccount::from_bytes", move || {
            RewardAccount::from_bytes(&input).map(|a| (a, a.to_bech32()))
        })?;
        if let Ok((account, Ok(text))) = parsed {
            prop_assert_eq!(RewardAccount::from_bech32(&text), Ok(account));
        }
    }

    #[test]
    fn metadata_from_any_bytes(input in bytes()) {
        metadata_file(input)?;
    }

    #[test]
    fn metadata_damaged(input in mutated(&[
        include_bytes!("../data/cardano-cli/input/metadata/example_stake_pool_metadata.json").to_vec(),
        br#"{"name":"n","description":"","ticker":"ABCDE","homepage":"h","extended":"e","x":[1,{}]}"#.to_vec(),
    ])) {
        metadata_file(input)?;
    }

    #[test]
    fn small_fields_from_any_text(input in text()) {
        small_fields(input)?;
    }

    #[test]
    fn small_fields_damaged(input in mutated_text(&[
        "2026-09-01T08:30:05Z", "2024-02-29T23:59:60+14:00",
        "0f118a34e20bd77f8a9ba5e27481eba54d063630c4c1c017bad11a2fba615501",
    ])) {
        small_fields(input)?;
    }

    #[test]
    fn quoting_any_text(input in text()) {
        quoting(input)?;
    }

    /// The last net holds: a secret given as an argument never reaches the message.
    #[test]
    fn redact_hides_a_secret_argument(
        secret in "[0-9a-f]{64,96}",
        before in "[ -~]{0,40}",
        after in "[ -~]{0,40}",
    ) {
        let message = format!("{before}{secret}{after}");
        let args = vec![secret.clone()];
        let out = bounded("redact", move || redact::redact(&message, &args))?;
        prop_assert!(!out.contains(&secret), "{out}");
        prop_assert!(out.contains(redact::HIDDEN));
    }
}
