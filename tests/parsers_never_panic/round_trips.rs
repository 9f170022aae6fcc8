//! decode ∘ encode = identity where the core both writes and reads a form. (Generated
//! certificates, relays, opcerts, counters and envelopes are in `tests/core_props.rs`; what was
//! read from a damaged file is re-encoded and read back in the other modules.)

use std::net::{Ipv4Addr, Ipv6Addr};

use pool_console::core::certificate::amount::{ada_text, format_ada, parse_ada};
use pool_console::core::certificate::margin::UnitInterval;
use pool_console::core::certificate::metadata::{self, PoolMetadata};
use pool_console::core::certificate::relay::{self, DnsName};
use pool_console::core::certificate::Certificate;
use pool_console::core::encoding::bech32;
use pool_console::core::encoding::cbor::{CborError, CborReader, CborWriter, Head};
use pool_console::core::encoding::cbor_text::pretty_text;
use pool_console::core::kes::journal::{self, JournalEntry};
use pool_console::core::keys::address::{pool_bech32, Credential, RewardAccount};
use pool_console::core::keys::{generate, AnyKey, KeyKind};
use proptest::prelude::*;

use crate::harness::{config, corpus};

/// A CBOR item of the kinds the writer writes.
#[derive(Debug, Clone, PartialEq)]
enum Item {
    Uint(u64),
    Bytes(Vec<u8>),
    Text(String),
    Array(Vec<Item>),
    Map(Vec<(Item, Item)>),
    Tag(u64, Box<Item>),
    Null,
    Bool(bool),
}

fn item() -> impl Strategy<Value = Item> {
    let leaf = prop_oneof![
        any::<u64>().prop_map(Item::Uint),
        (0u64..30).prop_map(Item::Uint),
        prop::collection::vec(any::<u8>(), 0..40).prop_map(Item::Bytes),
        ".{0,20}".prop_map(Item::Text),
        Just(Item::Null),
        any::<bool>().prop_map(Item::Bool),
    ];
    leaf.prop_recursive(5, 96, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Item::Array),
            prop::collection::vec((inner.clone(), inner.clone()), 0..4).prop_map(Item::Map),
            // Tags 2 and 3 are bignums, which must hold a byte string.
            (
                any::<u64>().prop_filter("a bignum tag", |t| !matches!(t, 2 | 3)),
                inner
            )
                .prop_map(|(t, i)| Item::Tag(t, Box::new(i))),
        ]
    })
}

fn write(w: &mut CborWriter, item: &Item) {
    match item {
        Item::Uint(n) => {
            w.uint(*n);
        }
        Item::Bytes(b) => {
            w.bytes(b);
        }
        Item::Text(t) => {
            w.text(t);
        }
        Item::Array(items) => {
            w.array(items.len());
            for i in items {
                write(w, i);
            }
        }
        Item::Map(entries) => {
            w.map(entries.len());
            for (k, v) in entries {
                write(w, k);
                write(w, v);
            }
        }
        Item::Tag(t, i) => {
            w.tag(*t);
            write(w, i);
        }
        Item::Null => {
            w.null();
        }
        Item::Bool(b) => {
            w.bool(*b);
        }
    }
}

fn read(r: &mut CborReader<'_>) -> Result<Item, CborError> {
    Ok(match r.peek("an item")? {
        Head::Uint(_) => Item::Uint(r.uint("an unsigned integer")?),
        Head::Bytes(_) => Item::Bytes(r.bytes("a byte string")?.to_vec()),
        Head::Text(_) => Item::Text(r.text("a text string")?.to_owned()),
        Head::Array(_) => {
            let n = r.array("an array")?;
            (0..n)
                .map(|_| read(r))
                .collect::<Result<_, _>>()
                .map(Item::Array)?
        }
        Head::Map(_) => {
            let n = r.map("a map")?;
            let entries = (0..n).map(|_| Ok((read(r)?, read(r)?)));
            Item::Map(entries.collect::<Result<_, CborError>>()?)
        }
        Head::Tag(_) => {
            let t = r.tag("a tag")?;
            Item::Tag(t, Box::new(read(r)?))
        }
        Head::Null => {
            r.null("null")?;
            Item::Null
        }
        Head::Bool(_) => Item::Bool(r.bool("a boolean")?),
        other => {
            return Err(CborError::Unexpected {
                expected: "an item the writer writes",
                found: format!("{other:?}"),
                offset: r.offset(),
            })
        }
    })
}

fn hrp() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9_]{0,15}"
}

fn metadata_fields() -> impl Strategy<Value = PoolMetadata> {
    (
        "\\PC{0,50}",
        "\\PC{0,120}",
        "[A-Z0-9]{3,5}",
        "[ -~]{0,60}",
        proptest::option::of("[ -~]{0,60}"),
    )
        .prop_map(
            |(name, description, ticker, homepage, extended)| PoolMetadata {
                name,
                description,
                ticker,
                homepage,
                extended,
            },
        )
}

/// Every certificate cardano-cli wrote reads and writes back byte for byte.
#[test]
fn golden_certificates_re_encode_byte_for_byte() {
    for cbor in &corpus().certificates {
        let Ok((cert, era)) = Certificate::decode(cbor) else {
            continue; // the legacy MIR certificate is a kind this tool does not read
        };
        assert_eq!(&cert.encode(era), cbor, "{}", hex::encode(cbor));
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Whatever the writer writes, the reader reads back, skips whole, and the decode-cbor
    /// printer prints.
    #[test]
    fn cbor_writer_then_reader(items in prop::collection::vec(item(), 1..4)) {
        let mut w = CborWriter::new();
        for i in &items {
            write(&mut w, i);
        }
        let bytes = w.into_bytes();
        let mut r = CborReader::new(&bytes);
        let back: Result<Vec<Item>, CborError> = items.iter().map(|_| read(&mut r)).collect();
        prop_assert_eq!(back, Ok(items.clone()));
        prop_assert_eq!(r.finish(), Ok(()));
        let mut r = CborReader::new(&bytes);
        let mut skipped = Vec::new();
        for _ in &items {
            skipped.extend_from_slice(r.skip("an item").unwrap());
        }
        prop_assert_eq!(&skipped, &bytes);
        prop_assert!(pretty_text(&bytes).is_ok());
    }

    #[test]
    fn bech32_round_trip(hrp in hrp(), data in prop::collection::vec(any::<u8>(), 0..120)) {
        let text = bech32::encode(&hrp, &data).unwrap();
        prop_assert_eq!(bech32::decode(&text), Ok((hrp.clone(), data.clone())));
        prop_assert_eq!(bech32::decode_expecting(&text.to_uppercase(), &hrp), Ok(data));
    }

    #[test]
    fn amounts_round_trip(lovelace in any::<u64>()) {
        prop_assert_eq!(parse_ada(&ada_text(lovelace)), Ok(lovelace));
        prop_assert_eq!(parse_ada(&format_ada(lovelace)), Ok(lovelace));
    }

    #[test]
    fn margins_round_trip(d in 1u64.., n in any::<u64>()) {
        let m = UnitInterval::new(n % d.saturating_add(1).max(1), d).unwrap();
        prop_assert_eq!(UnitInterval::parse(&m.to_string()), Ok(m));
        let percent = m.percent_string(6);
        if !percent.starts_with('≈') {
            prop_assert_eq!(UnitInterval::parse_percent(&percent), Ok(m));
        }
    }

    #[test]
    fn reward_accounts_round_trip(network_id in 0u8..16, script in any::<bool>(), hash in any::<[u8; 28]>()) {
        let credential = if script { Credential::Script(hash) } else { Credential::Key(hash) };
        let account = RewardAccount { network_id, credential };
        prop_assert_eq!(RewardAccount::from_bytes(&account.to_bytes()), Ok(account));
        prop_assert_eq!(RewardAccount::from_bech32(&account.to_bech32().unwrap()), Ok(account));
    }

    #[test]
    fn relay_fields_round_trip(name in "[a-z0-9_-][a-z0-9_.-]{0,127}", port in 1u16.., v4 in any::<u32>(), v6 in any::<u128>()) {
        let dns = DnsName::parse(&format!("  {name}\t")).unwrap();
        prop_assert_eq!(dns.as_str(), name.as_str());
        prop_assert_eq!(relay::parse_port(&port.to_string()), Ok(port));
        let (v4, v6) = (Ipv4Addr::from(v4), Ipv6Addr::from(v6));
        prop_assert_eq!(relay::parse_ipv4(&v4.to_string()), Ok(v4));
        prop_assert_eq!(relay::parse_ipv6(&format!("[{v6}]")), Ok(v6));
        prop_assert_eq!(relay::ipv6_from_chain(relay::ipv6_to_chain(v6)), v6);
    }

    #[test]
    fn metadata_round_trip(meta in metadata_fields()) {
        let text = metadata::render(&meta);
        prop_assume!(text.len() <= metadata::MAX_BYTES);
        let (read, hash) = metadata::validate(text.as_bytes()).unwrap();
        prop_assert_eq!(read, meta);
        prop_assert_eq!(hash, metadata::hash(text.as_bytes()));
    }

    #[test]
    fn journal_round_trip(seconds in 0i64..253_402_300_799, pool in any::<[u8; 28]>(), n in any::<u64>(), p in any::<u64>(), kes in any::<[u8; 32]>()) {
        let at = chrono::DateTime::from_timestamp(seconds, 0).unwrap();
        let entry = JournalEntry::new(at, pool_bech32(&pool), n, p, &kes);
        let text = format!("{}\r\n\n{}", entry.to_line(), entry.to_line());
        prop_assert_eq!(journal::parse(&text), (vec![entry.clone(), entry], vec![]));
    }

    #[test]
    fn generated_keys_read_back(seed in any::<[u8; 32]>(), pick in 0usize..4) {
        let (sk, vk) = match pick {
            0 => generate::ed25519(KeyKind::ColdSigning, &seed),
            1 => generate::ed25519(KeyKind::StakeSigning, &seed),
            2 => generate::vrf(&seed),
            _ => generate::ed25519(KeyKind::DrepSigning, &seed),
        }
        .unwrap();
        prop_assert_eq!(sk.verification_key(), Ok(vk.clone()));
        for key in [AnyKey::Signing(sk.clone()), AnyKey::Verification(vk.clone())] {
            let (env, text) = match &key {
                AnyKey::Signing(s) => (s.to_envelope(), s.to_bech32().unwrap().expose().to_vec()),
                AnyKey::Verification(v) => (v.to_envelope(), v.to_bech32().unwrap().into_bytes()),
            };
            prop_assert_eq!(AnyKey::from_file_contents(env.render().expose()), Ok(key.clone()));
            prop_assert_eq!(AnyKey::from_file_contents(&text), Ok(key));
        }
    }
}
