//! Every key, address, checksum and metadata-hash vector of ../shared/docs/AION.md §1–§2,
//! and the round trips of addresses, commission rates and amounts.
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used)]

use pool_console::core::aion::address::Address;
use pool_console::core::aion::amount::{format_aion, parse_aion};
use pool_console::core::aion::commission::{format_percent, parse_percent, MAX_UNITS};
use pool_console::core::aion::keys::AionSigningKey;
use pool_console::core::aion::{blake2b_256, metadata};
use proptest::prelude::*;

/// aion_web3 `test/fixtures/accounts.js`: seed, public key, address.
const ACCOUNTS: [(&str, &str, &str); 3] = [
    (
        "6df86a106f599c78ab9b2ad593b2983038edf706a52b24bfa895b49066a7f2a0",
        "3ddfb8596435b9530b5e635736c801c1403578b85e582d98dd7a322ddfb1e4c1",
        "a0202797a7aff86fec1a5d8b7cacea276de5bcfc2e8b14878c9ba48d7d5330a0",
    ),
    (
        "29379825937c50f0e13453673c5083bcf9853ef69ebb129f2db106db4966cf5e",
        "fe6820305cf2cd29719d7c924fc495542100d5f499d4b758205bee05dd33896b",
        "a09d19c066f341220d914414c42e5e796e7e4daf83a9abf4581b1670403bbd15",
    ),
    (
        "e6edbf765e724684cacc2c7cc0c8bbac98c1c672b8701108c6e2c2cf25523dec",
        "085aa353d4ebd256c4601838714cac4dfd96feee86bc03777247a085b7220ee1",
        "a06f640ced8bd31eb9e191887adde74888e9ca31fd8545dae3ae896773ccbc4f",
    ),
];

/// Desktop-Wallet `LedgerDerivationTest.java`: public key, address.
const LEDGER: [(&str, &str); 3] = [
    (
        "38810118c4cab7df9dba0d90dba652cf00162ac9e29a52ef6641fc8985db9195",
        "a0badae73c15e1e118049e520c0b9f2e8e11eb0585f9c3d869f59352320e43ff",
    ),
    (
        "6619dea9a4770d33e29407c5ac274ddc5af0288ce7a30a36220318e9d0ebb50c",
        "a0f90129a9f5787574268be44895298992063d74f332a907ac2c531f9b24bcbe",
    ),
    (
        "10f449a784830cb78e57b681986de1171f8cb05ea3430e32ece74fddbb9b4766",
        "a0b48366e08e94f6a350d9e60e41e14e3b8bc0922037d8837b38f70f3e3c166f",
    ),
];

fn bytes32(h: &str) -> [u8; 32] {
    hex::decode(h).unwrap().try_into().unwrap()
}

#[test]
fn seeds_give_the_fixture_public_keys_and_addresses() {
    for (seed, pk, address) in ACCOUNTS {
        let key = AionSigningKey::from_hex_text(seed).unwrap();
        assert_eq!(hex::encode(key.public_key()), pk);
        assert_eq!(key.address().to_hex(), format!("0x{address}"));
        // The 64-byte form Aion tools export reads back to the same key.
        let again = AionSigningKey::from_hex_text(&key.to_hex_text()).unwrap();
        assert_eq!(again.seed(), key.seed());
        assert_eq!(*key.to_hex_text(), format!("0x{seed}{pk}"));
    }
}

#[test]
fn ledger_public_keys_give_their_addresses() {
    for (pk, address) in LEDGER {
        assert_eq!(
            Address::from_public_key(&bytes32(pk)).to_hex(),
            format!("0x{address}")
        );
    }
}

#[test]
fn the_checksummed_form_matches_aion_web3() {
    let a = Address::parse(ACCOUNTS[0].2).unwrap();
    let checksum = "0xa0202797A7aff86FEc1a5D8B7cacEa276dE5bCfc2e8B14878C9BA48d7D5330A0";
    assert_eq!(a.to_checksum(), checksum);
    assert_eq!(Address::parse(checksum).unwrap(), a);
    // One letter's case flipped is a typo.
    let typo = checksum.replacen("A7aff", "a7aff", 1);
    assert_eq!(
        Address::parse(&typo).unwrap_err().to_string(),
        "the address's upper- and lower-case letters do not match its checksum (a typo?); check it, or type it all in lower case"
    );
}

#[test]
fn blake2b_256_and_the_metadata_hash_vector() {
    // The empty input's digest is checked with the Cardano hashes (core::encoding::hash).
    assert_eq!(
        hex::encode(blake2b_256(b"abc")),
        "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"
    );
    let file = br#"{"schemaVersion":"1.0"}"#;
    assert_eq!(file.len(), 23);
    assert_eq!(
        hex::encode(metadata::content_hash(file)),
        "8de206947fc0c650ef085aa87e508e7a5d3b56cbffd3babd6a9ff8a0723edccd"
    );
}

#[test]
fn commission_vectors() {
    assert_eq!(parse_percent("2").unwrap(), 20_000);
    assert_eq!(parse_percent("2.5").unwrap(), 25_000);
    assert_eq!(parse_percent("100").unwrap(), 1_000_000);
}

proptest! {
    #[test]
    fn checksummed_addresses_parse_back(tail in proptest::array::uniform31(any::<u8>())) {
        let mut bytes = [0xa0u8; 32];
        bytes[1..].copy_from_slice(&tail);
        let a = Address(bytes);
        prop_assert_eq!(Address::parse(&a.to_checksum()).unwrap(), a);
        prop_assert_eq!(Address::parse(&a.to_hex()).unwrap(), a);
    }

    #[test]
    fn commission_round_trips(units in 0..=MAX_UNITS) {
        prop_assert_eq!(parse_percent(&format_percent(units)).unwrap(), units);
    }

    #[test]
    fn amounts_round_trip(namp in any::<u128>()) {
        prop_assert_eq!(parse_aion(&format_aion(namp)).unwrap(), namp);
    }

    #[test]
    fn any_seed_reads_back_from_its_hex(seed in any::<[u8; 32]>()) {
        let key = AionSigningKey::from_seed(seed);
        let again = AionSigningKey::from_hex_text(&key.to_hex_text()).unwrap();
        prop_assert_eq!(again.seed(), key.seed());
    }
}
