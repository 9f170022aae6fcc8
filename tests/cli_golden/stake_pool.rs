//! Golden and derived vectors of `stake-pool`: registration (minimal, full, extended cold key,
//! testnet), retirement, pool ids, metadata hashes, and the warnings a registration prints.

use super::common::{self, assert_same_file, fails, ok, read, vector};
use super::{v, writes};
use tempfile::TempDir;

#[test]
fn golden_pool_registration_minimal() {
    let (op, vrf, owner) = (
        v("input/node-pool/operator.vkey"),
        v("input/node-pool/vrf.vkey"),
        v("input/node-pool/owner.vkey"),
    );
    writes(
        &[
            "conway",
            "stake-pool",
            "registration-certificate",
            "--testnet-magic",
            "42",
            "--pool-pledge",
            "0",
            "--pool-cost",
            "0",
            "--pool-margin",
            "0",
            "--cold-verification-key-file",
            &op,
            "--vrf-verification-key-file",
            &vrf,
            "--reward-account-verification-key-file",
            &owner,
            "--pool-owner-stake-verification-key-file",
            &owner,
        ],
        "golden/stake-pool/reg-certificate.json",
    );
}

#[test]
fn golden_pool_registration_extended_cold_key_file_and_bech32() {
    let (xop, vrf, owner) = (
        v("input/node-pool/extended-operator.vkey"),
        v("input/node-pool/vrf.vkey"),
        v("input/node-pool/owner.vkey"),
    );
    let common = [
        "--testnet-magic",
        "42",
        "--pool-pledge",
        "0",
        "--pool-cost",
        "0",
        "--pool-margin",
        "0",
        "--vrf-verification-key-file",
        &vrf,
        "--pool-reward-account-verification-key-file",
        &owner,
        "--pool-owner-stake-verification-key-file",
        &owner,
    ];
    let mut with_file = vec![
        "conway",
        "stake-pool",
        "registration-certificate",
        "--cold-verification-key-file",
        &xop,
    ];
    with_file.extend(common);
    writes(
        &with_file,
        "golden/stake-pool/reg-certificate-extended.json",
    );

    let xvk = String::from_utf8(read(&vector(
        "derived/bech32-keys/extended-operator.vkey.pool_xvk",
    )))
    .unwrap();
    let mut with_text = vec![
        "conway",
        "stake-pool",
        "registration-certificate",
        "--stake-pool-verification-extended-key",
        &xvk,
    ];
    with_text.extend(common);
    writes(
        &with_text,
        "golden/stake-pool/reg-certificate-extended.json",
    );
}

fn full_registration_args<'a>(
    op: &'a str,
    vrf: &'a str,
    owner: &'a str,
    stake: &'a str,
) -> Vec<&'a str> {
    vec![
        "stake-pool",
        "registration-certificate",
        "--cold-verification-key-file",
        op,
        "--vrf-verification-key-file",
        vrf,
        "--mainnet",
        "--pool-pledge",
        "100000000000",
        "--pool-cost",
        "170000000",
        "--pool-margin",
        "0.015",
        "--pool-reward-account-verification-key-file",
        owner,
        "--pool-owner-stake-verification-key-file",
        owner,
        "--pool-owner-stake-verification-key-file",
        stake,
        "--pool-relay-ipv4",
        "203.0.113.10",
        "--pool-relay-port",
        "3001",
        "--pool-relay-ipv6",
        "2001:db8::1",
        "--pool-relay-port",
        "3002",
        "--pool-relay-ipv4",
        "198.51.100.7",
        "--pool-relay-ipv6",
        "2a01:4f8:191:412c::3",
        "--pool-relay-port",
        "3003",
        "--single-host-pool-relay",
        "relay1.example.com",
        "--pool-relay-port",
        "3001",
        "--multi-host-pool-relay",
        "_cardano._tcp.example.com",
        "--metadata-url",
        "https://example.com/poolMetadata.json",
        "--metadata-hash",
        "8241de08075886a7d09c847c9bbd1719459dac0bd0a2f085e673611ebb9a5965",
    ]
}

#[test]
fn derived_pool_registration_full_conway_and_babbage() {
    let (op, vrf, owner, stake) = (
        v("input/node-pool/operator.vkey"),
        v("input/node-pool/vrf.vkey"),
        v("input/node-pool/owner.vkey"),
        v("input/keys/stake_keys/verification_key"),
    );
    let args = full_registration_args(&op, &vrf, &owner, &stake);
    writes(&args, "derived/pool-registration/conway-mainnet-full.cert");
    let mut latest = vec!["latest"];
    latest.extend(&args);
    writes(
        &latest,
        "derived/pool-registration/conway-mainnet-full.cert",
    );
    let mut babbage = vec!["babbage"];
    babbage.extend(&args);
    writes(
        &babbage,
        "derived/pool-registration/babbage-mainnet-full.cert",
    );
}

#[test]
fn derived_pool_registration_owner_order_does_not_matter() {
    let (op, vrf, owner, stake) = (
        v("input/node-pool/operator.vkey"),
        v("input/node-pool/vrf.vkey"),
        v("input/node-pool/owner.vkey"),
        v("input/keys/stake_keys/verification_key"),
    );
    // Owners given in the other order, and one twice: the set is sorted and deduplicated.
    let mut args = full_registration_args(&op, &vrf, &owner, &stake);
    let i = args.iter().position(|a| *a == stake).unwrap();
    args[i] = &owner;
    let j = args
        .iter()
        .position(|a| *a == "--pool-owner-stake-verification-key-file")
        .unwrap();
    args[j + 1] = &stake;
    args.extend(["--pool-owner-stake-verification-key-file", &stake]);
    writes(&args, "derived/pool-registration/conway-mainnet-full.cert");
}

#[test]
fn derived_pool_registration_testnet_ipv4_fraction_margin() {
    let (op, vrf, owner) = (
        v("input/node-pool/operator.vkey"),
        v("input/node-pool/vrf.vkey"),
        v("input/node-pool/owner.vkey"),
    );
    writes(
        &[
            "stake-pool",
            "registration-certificate",
            "--cold-verification-key-file",
            &op,
            "--vrf-verification-key-file",
            &vrf,
            "--testnet-magic",
            "1",
            "--pool-pledge",
            "5000",
            "--pool-cost",
            "1000",
            "--pool-margin",
            "1/3",
            "--pool-reward-account-verification-key-file",
            &owner,
            "--pool-owner-stake-verification-key-file",
            &owner,
            "--pool-relay-ipv4",
            "1.2.3.4",
            "--pool-relay-port",
            "6000",
        ],
        "derived/pool-registration/conway-testnet-ipv4-nometa.cert",
    );
}

#[test]
fn derived_pool_retirement() {
    writes(
        &[
            "stake-pool",
            "deregistration-certificate",
            "--cold-verification-key-file",
            &v("input/node-pool/operator.vkey"),
            "--epoch",
            "300",
        ],
        "derived/pool-deregistration/operator-epoch-300.cert",
    );
}

#[test]
fn derived_stake_pool_ids_hex_and_bech32_without_newline() {
    let dir = TempDir::new().unwrap();
    for (key, name) in [
        ("input/node-pool/operator.vkey", "operator.vkey"),
        (
            "input/node-pool/extended-operator.vkey",
            "extended-operator.vkey",
        ),
        ("input/conway/poolCold.vkey", "conway-poolCold.vkey"),
    ] {
        let key = v(key);
        let bech = ok(
            dir.path(),
            &["stake-pool", "id", "--cold-verification-key-file", &key],
        );
        assert_eq!(
            bech,
            read(&vector(&format!("derived/stake-pool-id/{name}.bech32")))
        );
        let hex = ok(
            dir.path(),
            &[
                "latest",
                "stake-pool",
                "id",
                "--cold-verification-key-file",
                &key,
                "--output-hex",
            ],
        );
        assert_eq!(
            hex,
            read(&vector(&format!("derived/stake-pool-id/{name}.hex")))
        );
        ok(
            dir.path(),
            &[
                "stake-pool",
                "id",
                "--cold-verification-key-file",
                &key,
                "--output-hex",
                "--out-file",
                "id",
            ],
        );
        assert_same_file(
            &dir.path().join("id"),
            &vector(&format!("derived/stake-pool-id/{name}.hex")),
        );
    }
}

#[test]
fn metadata_hash_file_and_expected_hash() {
    let dir = TempDir::new().unwrap();
    let meta = v("input/metadata/example_stake_pool_metadata.json");
    ok(
        dir.path(),
        &[
            "stake-pool",
            "metadata-hash",
            "--pool-metadata-file",
            &meta,
            "--out-file",
            "hash",
        ],
    );
    assert_same_file(
        &dir.path().join("hash"),
        &vector("input/metadata/stake_pool_metadata_hash"),
    );
    let stdout = ok(
        dir.path(),
        &["stake-pool", "metadata-hash", "--pool-metadata-file", &meta],
    );
    assert_eq!(
        stdout,
        read(&vector("input/metadata/stake_pool_metadata_hash"))
    );
    let good = "8241de08075886a7d09c847c9bbd1719459dac0bd0a2f085e673611ebb9a5965";
    let stdout = ok(
        dir.path(),
        &[
            "stake-pool",
            "metadata-hash",
            "--pool-metadata-file",
            &meta,
            "--expected-hash",
            good,
        ],
    );
    assert_eq!(stdout, b"Hashes match!\n");
}

#[test]
fn golden_metadata_wrong_hash_message() {
    // The golden stderr comes from --pool-metadata-url; the file form gives the same message.
    let dir = TempDir::new().unwrap();
    let meta = v("input/metadata/example_stake_pool_metadata.json");
    let stderr = fails(
        dir.path(),
        &[
            "conway",
            "stake-pool",
            "metadata-hash",
            "--pool-metadata-file",
            &meta,
            "--expected-hash",
            "9241de08075886a7d09c847c9bbd1719459dac0bd0a2f085e673611ebb9a5965",
        ],
    );
    let golden = String::from_utf8(read(&vector(
        "golden/metadata/stake_pool_metadata_hash_url_wrong_hash_fails.out",
    )))
    .unwrap();
    assert_eq!(stderr, golden);
}

#[test]
fn registration_warns_about_long_names_and_private_addresses_on_stderr() {
    let dir = TempDir::new().unwrap();
    let (op, vrf, owner) = (
        v("input/node-pool/operator.vkey"),
        v("input/node-pool/vrf.vkey"),
        v("input/node-pool/owner.vkey"),
    );
    let long_name = format!("{}.example.com", "r".repeat(58));
    let out = common::run_in(
        dir.path(),
        &[
            "stake-pool",
            "registration-certificate",
            "--cold-verification-key-file",
            &op,
            "--vrf-verification-key-file",
            &vrf,
            "--mainnet",
            "--pool-pledge",
            "0",
            "--pool-cost",
            "0",
            "--pool-margin",
            "0",
            "--pool-reward-account-verification-key-file",
            &owner,
            "--pool-owner-stake-verification-key-file",
            &owner,
            "--pool-relay-ipv4",
            "192.168.1.20",
            "--pool-relay-port",
            "3001",
            "--single-host-pool-relay",
            &long_name,
            "--pool-relay-port",
            "3001",
            "--out-file",
            "pool.cert",
        ],
    );
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "Warning: relay 1 (192.168.1.20:3001): 192.168.1.20 is a private or reserved address: other pools on the internet cannot reach it\n\
             Warning: relay 2 ({long_name}:3001): the DNS name is 70 bytes: Conway accepts up to 128, but eras before Conway and some tools stop at 64\n"
        )
    );
    assert!(dir.path().join("pool.cert").is_file());
}
